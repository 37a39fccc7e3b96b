/// A parse failure, with the byte offset into the UTF-8 input where it was detected.
public struct JSONError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case invalidUTF8
        case unexpectedEnd
        case unexpectedCharacter
        case invalidNumber
        case invalidString
        case invalidEscape
        case duplicateKey(String)
        case trailingGarbage
        case tooDeep
        case tooLarge
        case numberOutOfRange
    }

    public var kind: Kind
    public var offset: Int

    public init(kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public var description: String {
        "\(summary) at byte offset \(offset)"
    }

    private var summary: String {
        switch kind {
        case .invalidUTF8: "Invalid UTF-8"
        case .unexpectedEnd: "Unexpected end of input"
        case .unexpectedCharacter: "Unexpected character"
        case .invalidNumber: "Invalid number"
        case .invalidString: "Unescaped control character in string"
        case .invalidEscape: "Invalid escape sequence"
        // The key is shown JSON-escaped so a hostile key cannot break the message onto several lines.
        case .duplicateKey(let key): "Duplicate object key \(JSONStringEscaper.quoted(key))"
        case .trailingGarbage: "Unexpected data after the JSON value"
        case .tooDeep: "Nesting too deep"
        case .tooLarge: "Input too large"
        case .numberOutOfRange: "Number out of the range of a double"
        }
    }
}
