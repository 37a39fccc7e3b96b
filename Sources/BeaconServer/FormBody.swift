/// Reads the credential out of the verification form: `multipart/form-data` (a pasted text and/or
/// an uploaded file) or `application/x-www-form-urlencoded`. The file wins when both are given.
enum FormBody {
    static func credential(from body: some ByteBufferLike, contentType: String?) -> [UInt8]? {
        let bytes = body.allBytes
        let type = contentType?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data"), let boundary = parameter("boundary", in: contentType ?? "") {
            let parts = multipart(bytes, boundary: boundary)
            let file = parts.first { $0.name == "file" && !$0.isBlank }
            let text = parts.first { $0.name == "credential" && !$0.isBlank }
            return (file ?? text)?.value
        }
        if type.hasPrefix("application/x-www-form-urlencoded") {
            for pair in bytes.split(separator: UInt8(ascii: "&")) {
                let pieces = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
                guard pieces.count == 2, String(decoding: pieces[0], as: UTF8.self) == "credential" else { continue }
                let value = percentDecode(Array(pieces[1]))
                return value.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) ? nil : value
            }
            return nil
        }
        // A bare JSON body posted to the form endpoint is accepted too.
        return bytes.isEmpty ? nil : bytes
    }

    struct Part {
        var name: String
        var value: [UInt8]
        var isBlank: Bool { value.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }
    }

    /// Splits a multipart body on its boundary; each part's headers end at the first blank line.
    static func multipart(_ bytes: [UInt8], boundary: String) -> [Part] {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [Part] = []
        var sections: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index + delimiter.count <= bytes.count {
            if bytes[index] == delimiter[0], bytes[index..<(index + delimiter.count)].elementsEqual(delimiter) {
                sections.append(bytes[start..<index])
                index += delimiter.count
                start = index
            } else {
                index += 1
            }
        }
        for section in sections.dropFirst() {
            guard let split = firstBlankLine(section) else { continue }
            let headers = String(decoding: section[section.startIndex..<split.lowerBound], as: UTF8.self)
            var value = Array(section[split.upperBound...])
            if value.suffix(2) == [0x0D, 0x0A] { value.removeLast(2) }
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition") }),
                let name = parameter("name", in: String(disposition))
            else { continue }
            parts.append(Part(name: name, value: value))
        }
        return parts
    }

    private static func firstBlankLine(_ bytes: ArraySlice<UInt8>) -> Range<Int>? {
        let pattern: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        var index = bytes.startIndex
        while index + 4 <= bytes.endIndex {
            if bytes[index..<(index + 4)].elementsEqual(pattern) { return index..<(index + 4) }
            index += 1
        }
        return nil
    }

    /// `name="value"` or `name=value` inside a header value.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let trimmed = piece.drop { $0 == " " }
            guard trimmed.lowercased().hasPrefix(name.lowercased() + "=") else { continue }
            var value = trimmed.dropFirst(name.count + 1)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            return String(value)
        }
        return nil
    }

    static func percentDecode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x41...0x46: byte - 0x37
            case 0x61...0x66: byte - 0x57
            default: nil
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }
}

/// The one thing FormBody needs from a buffer, so it can be tested with plain arrays.
protocol ByteBufferLike {
    var allBytes: [UInt8] { get }
}

extension Array: ByteBufferLike where Element == UInt8 {
    var allBytes: [UInt8] { self }
}

/// The fields of an `application/x-www-form-urlencoded` body; the first of a repeated name wins.
public enum FormFields {
    public static func parse(_ bytes: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in bytes.split(separator: UInt8(ascii: "&")) {
            let pieces = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(decoding: FormBody.percentDecode(Array(pieces[0])), as: UTF8.self)
            let value = pieces.count == 2 ? String(decoding: FormBody.percentDecode(Array(pieces[1])), as: UTF8.self) : ""
            if fields[name] == nil { fields[name] = value }
        }
        return fields
    }
}
