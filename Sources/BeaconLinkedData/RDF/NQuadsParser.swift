/// A problem in an N-Quads document, with its line.
public struct NQuadsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

extension NQuads {
    /// Parses an N-Quads document (W3C RDF 1.1 N-Quads): escapes in IRIs and literals are decoded.
    public static func parse(_ text: String) throws(NQuadsError) -> [Quad] {
        var quads: [Quad] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var reader = LineReader(bytes: Array(rawLine.utf8), line: lineNumber)
            reader.skipSpace()
            if reader.atEnd || reader.peek == UInt8(ascii: "#") { continue }
            let subject = try reader.term()
            guard !isLiteral(subject) else { throw reader.fail("a subject cannot be a literal") }
            reader.skipSpace()
            let predicate = try reader.term()
            guard case .iri = predicate else { throw reader.fail("a predicate must be an IRI") }
            reader.skipSpace()
            let object = try reader.term()
            reader.skipSpace()
            var graph: RDFTerm?
            if reader.peek != UInt8(ascii: ".") {
                let name = try reader.term()
                guard !isLiteral(name) else { throw reader.fail("a graph name cannot be a literal") }
                graph = name
                reader.skipSpace()
            }
            guard reader.peek == UInt8(ascii: ".") else { throw reader.fail("expected '.' at the end of the statement") }
            reader.position += 1
            reader.skipSpace()
            guard reader.atEnd || reader.peek == UInt8(ascii: "#") else { throw reader.fail("unexpected text after '.'") }
            quads.append(Quad(subject, predicate, object, graph: graph))
        }
        return quads
    }

    private static func isLiteral(_ term: RDFTerm) -> Bool {
        if case .literal = term { true } else { false }
    }
}

private struct LineReader {
    let bytes: [UInt8]
    let line: Int
    var position = 0

    var atEnd: Bool { position >= bytes.count }
    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    func fail(_ message: String) -> NQuadsError {
        NQuadsError(line: line, message: message)
    }

    mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0D { position += 1 }
    }

    mutating func term() throws(NQuadsError) -> RDFTerm {
        switch peek {
        case UInt8(ascii: "<"):
            return .iri(try iri())
        case UInt8(ascii: "_"):
            guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ":") else { throw fail("expected '_:'") }
            position += 2
            let start = position
            while let byte = peek, byte != 0x20, byte != 0x09, byte != UInt8(ascii: "<"), byte != UInt8(ascii: "\"") {
                // A label may contain '.', but not end with one.
                if byte == UInt8(ascii: "."), position + 1 >= bytes.count || [0x20, 0x09].contains(bytes[position + 1]) { break }
                position += 1
            }
            guard position > start else { throw fail("empty blank node label") }
            return .blank(String(decoding: bytes[start..<position], as: UTF8.self))
        case UInt8(ascii: "\""):
            let value = try quoted()
            if peek == UInt8(ascii: "@") {
                position += 1
                let start = position
                while let byte = peek, (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") {
                    position += 1
                }
                guard position > start else { throw fail("empty language tag") }
                return .literal(value, datatype: RDFTerm.langString, language: String(decoding: bytes[start..<position], as: UTF8.self))
            }
            if peek == UInt8(ascii: "^") {
                guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "^") else { throw fail("expected '^^'") }
                position += 2
                guard peek == UInt8(ascii: "<") else { throw fail("expected a datatype IRI after '^^'") }
                return .literal(value, datatype: try iri(), language: nil)
            }
            return .literal(value, datatype: RDFTerm.xsdString, language: nil)
        default:
            throw fail("expected an IRI, a blank node or a literal")
        }
    }

    private mutating func iri() throws(NQuadsError) -> String {
        try delimited(by: UInt8(ascii: ">"), allowShort: false, what: "an IRI has no closing '>'")
    }

    private mutating func quoted() throws(NQuadsError) -> String {
        try delimited(by: UInt8(ascii: "\""), allowShort: true, what: "a literal has no closing quote")
    }

    /// From just after the opening delimiter to the closing one, escapes decoded.
    private mutating func delimited(by close: UInt8, allowShort: Bool, what: String) throws(NQuadsError) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var start = position
        while true {
            guard let byte = peek else { throw fail(what) }
            if byte == close || byte == UInt8(ascii: "\\") {
                scalars.append(contentsOf: String(decoding: bytes[start..<position], as: UTF8.self).unicodeScalars)
                if byte == close {
                    position += 1
                    return String(scalars)
                }
                scalars.append(try escape(allowShort: allowShort))
                start = position
                continue
            }
            position += 1
        }
    }

    private mutating func escape(allowShort: Bool) throws(NQuadsError) -> Unicode.Scalar {
        position += 1
        guard let kind = peek else { throw fail("a '\\' ends the line") }
        position += 1
        let short: [UInt8: Unicode.Scalar] = [
            UInt8(ascii: "t"): "\t", UInt8(ascii: "b"): "\u{08}", UInt8(ascii: "n"): "\n", UInt8(ascii: "r"): "\r",
            UInt8(ascii: "f"): "\u{0C}", UInt8(ascii: "\""): "\"", UInt8(ascii: "'"): "'", UInt8(ascii: "\\"): "\\",
        ]
        if allowShort, let scalar = short[kind] { return scalar }
        let digits: Int
        switch kind {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: throw fail("unknown escape '\\\(Character(Unicode.Scalar(kind)))'")
        }
        guard position + digits <= bytes.count,
            let value = UInt32(String(decoding: bytes[position..<(position + digits)], as: UTF8.self), radix: 16),
            let scalar = Unicode.Scalar(value)
        else { throw fail("a \\u or \\U escape is not a code point") }
        position += digits
        return scalar
    }
}
