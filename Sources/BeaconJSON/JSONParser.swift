extension JSONValue {
    /// Parses strict RFC 8259 JSON from UTF-8 bytes.
    public init(parsing bytes: [UInt8], limits: JSONLimits = .init()) throws(JSONError) {
        // Size is checked before touching the input so oversized payloads cost nothing.
        guard bytes.count <= limits.maxBytes else {
            throw JSONError(kind: .tooLarge, offset: max(limits.maxBytes, 0))
        }
        let result = bytes.withUnsafeBufferPointer { JSONParser.parse($0, limits: limits) }
        self = try result.get()
    }

    /// Parses strict RFC 8259 JSON from a string (offsets in errors are UTF-8 byte offsets).
    public init(parsing text: String, limits: JSONLimits = .init()) throws(JSONError) {
        guard text.utf8.count <= limits.maxBytes else {
            throw JSONError(kind: .tooLarge, offset: max(limits.maxBytes, 0))
        }
        let result = ExactString.withBytes(text) { JSONParser.parse($0, limits: limits) }
        self = try result.get()
    }
}

/// Recursive-descent parser over raw UTF-8 bytes.
///
/// Recursion is bounded: depth is checked before descending into any container, so
/// `maxDepth` (64 by default) caps the stack use regardless of the input.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    private var pos = 0
    /// Reused buffer for strings that contain escapes, to avoid an allocation per string.
    private var scratch: [UInt8] = []

    private init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    // The closure-based buffer APIs do not carry typed throws through, so the
    // outcome travels as a Result and is rethrown by the caller.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits) -> Result<JSONValue, JSONError> {
        var parser = JSONParser(bytes: bytes, maxDepth: limits.maxDepth)
        do throws(JSONError) {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }

    private mutating func parseDocument() throws(JSONError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if pos < bytes.count {
            if bytes[pos] >= 0x80 && UTF8Validation.sequenceLength(bytes, at: pos) == nil {
                throw JSONError(kind: .invalidUTF8, offset: pos)
            }
            throw JSONError(kind: .trailingGarbage, offset: pos)
        }
        return value
    }

    /// Parses the value at `pos`; `depth` is the number of containers already open.
    private mutating func parseValue(depth: Int) throws(JSONError) -> JSONValue {
        guard pos < bytes.count else { throw JSONError(kind: .unexpectedEnd, offset: pos) }
        switch bytes[pos] {
        case UInt8(ascii: "{"):
            guard depth < maxDepth else { throw JSONError(kind: .tooDeep, offset: pos) }
            return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["):
            guard depth < maxDepth else { throw JSONError(kind: .tooDeep, offset: pos) }
            return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        default:
            throw unexpected()
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONError) -> JSONValue {
        pos += 1  // "{"
        var object = JSONObject()
        skipWhitespace()
        if pos < bytes.count && bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            return .object(object)
        }
        while true {
            guard pos < bytes.count else { throw JSONError(kind: .unexpectedEnd, offset: pos) }
            guard bytes[pos] == UInt8(ascii: "\"") else { throw unexpected() }
            let keyOffset = pos
            let key = try parseString()
            // RFC 8259 leaves duplicates undefined; for signed data they are an attack vector.
            if object.contains(key: key) {
                throw JSONError(kind: .duplicateKey(key), offset: keyOffset)
            }
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            let value = try parseValue(depth: depth)
            object.appendNew(key: key, value: value)
            skipWhitespace()
            guard pos < bytes.count else { throw JSONError(kind: .unexpectedEnd, offset: pos) }
            switch bytes[pos] {
            case UInt8(ascii: ","):
                pos += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                pos += 1
                return .object(object)
            default:
                throw unexpected()
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONError) -> JSONValue {
        pos += 1  // "["
        var elements: [JSONValue] = []
        skipWhitespace()
        if pos < bytes.count && bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard pos < bytes.count else { throw JSONError(kind: .unexpectedEnd, offset: pos) }
            switch bytes[pos] {
            case UInt8(ascii: ","):
                pos += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                pos += 1
                return .array(elements)
            default:
                throw unexpected()
            }
        }
    }

    // MARK: Strings

    /// Parses a string starting at its opening quote.
    private mutating func parseString() throws(JSONError) -> String {
        pos += 1  // opening quote
        let start = pos
        // Fast path: most strings have no escapes and become a String straight from the input.
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
                pos += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            try advanceOverStringByte(byte)
        }
        guard pos < bytes.count else { throw JSONError(kind: .unexpectedEnd, offset: pos) }

        // Slow path: decode escapes into the scratch buffer.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: "\"") {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try parseEscape()
            } else {
                let from = pos
                try advanceOverStringByte(byte)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<pos]))
            }
        }
        throw JSONError(kind: .unexpectedEnd, offset: pos)
    }

    /// Steps over one unescaped character (ASCII or a validated UTF-8 sequence).
    @inline(__always)
    private mutating func advanceOverStringByte(_ byte: UInt8) throws(JSONError) {
        if byte < 0x20 {
            throw JSONError(kind: .invalidString, offset: pos)
        } else if byte < 0x80 {
            pos += 1
        } else if let length = UTF8Validation.sequenceLength(bytes, at: pos) {
            pos += length
        } else {
            throw JSONError(kind: .invalidUTF8, offset: pos)
        }
    }

    /// Decodes one escape at `pos` (the backslash) into `scratch`.
    private mutating func parseEscape() throws(JSONError) {
        let escapeStart = pos
        pos += 1
        guard pos < bytes.count else { throw JSONError(kind: .unexpectedEnd, offset: pos) }
        let decoded: UInt8
        switch bytes[pos] {
        case UInt8(ascii: "\""): decoded = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): decoded = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            pos += 1
            try parseUnicodeEscape(escapeStart: escapeStart)
            return
        default:
            throw JSONError(kind: .invalidEscape, offset: escapeStart)
        }
        scratch.append(decoded)
        pos += 1
    }

    /// Decodes `XXXX` (and a following `\uXXXX` low surrogate if needed); lone surrogates are errors.
    private mutating func parseUnicodeEscape(escapeStart: Int) throws(JSONError) {
        let unit = try readHex4(escapeStart: escapeStart)
        var scalar = UInt32(unit)
        switch unit {
        case 0xD800...0xDBFF:
            // A high surrogate must be followed at once by a \u escape of a low surrogate.
            for expected in [UInt8(ascii: "\\"), UInt8(ascii: "u")] {
                guard pos < bytes.count else { throw JSONError(kind: .unexpectedEnd, offset: pos) }
                guard bytes[pos] == expected else { throw JSONError(kind: .invalidEscape, offset: escapeStart) }
                pos += 1
            }
            let low = try readHex4(escapeStart: escapeStart)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw JSONError(kind: .invalidEscape, offset: escapeStart)
            }
            scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        case 0xDC00...0xDFFF:
            throw JSONError(kind: .invalidEscape, offset: escapeStart)
        default:
            break
        }
        appendUTF8(scalar)
    }

    private mutating func readHex4(escapeStart: Int) throws(JSONError) -> UInt16 {
        var unit: UInt16 = 0
        for _ in 0..<4 {
            guard pos < bytes.count else { throw JSONError(kind: .unexpectedEnd, offset: pos) }
            let byte = bytes[pos]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONError(kind: .invalidEscape, offset: escapeStart)
            }
            unit = unit << 4 | UInt16(digit)
            pos += 1
        }
        return unit
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    // MARK: Numbers and literals

    private mutating func parseNumber() throws(JSONError) -> JSONNumber {
        let start = pos
        switch JSONNumberGrammar.scan(bytes, from: start) {
        case .invalid(let offset):
            throw JSONError(kind: .invalidNumber, offset: offset)
        case .valid(let end):
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            guard let value = Double(text) else { throw JSONError(kind: .invalidNumber, offset: start) }
            // Underflow to zero is fine (the text is kept); overflow has no double to stand for it.
            guard value.isFinite else { throw JSONError(kind: .numberOutOfRange, offset: start) }
            pos = end
            return JSONNumber(validatedText: text, value: value)
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in expected {
            guard pos < bytes.count else { throw JSONError(kind: .unexpectedEnd, offset: pos) }
            guard bytes[pos] == byte else { throw unexpected() }
            pos += 1
        }
    }

    private mutating func expect(_ byte: UInt8) throws(JSONError) {
        guard pos < bytes.count else { throw JSONError(kind: .unexpectedEnd, offset: pos) }
        guard bytes[pos] == byte else { throw unexpected() }
        pos += 1
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }

    /// The error for a byte that cannot start or continue anything here; ill-formed
    /// UTF-8 is reported as such rather than as a stray character.
    private func unexpected() -> JSONError {
        if pos < bytes.count && bytes[pos] >= 0x80 && UTF8Validation.sequenceLength(bytes, at: pos) == nil {
            return JSONError(kind: .invalidUTF8, offset: pos)
        }
        return JSONError(kind: .unexpectedCharacter, offset: pos)
    }
}
