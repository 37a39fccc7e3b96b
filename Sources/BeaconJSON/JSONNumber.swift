/// A JSON number: the text it was written as, plus its IEEE-754 double value.
///
/// Keeping the text lets `serialized()` reproduce the source exactly (e.g. `1.0` or a
/// 20-digit id), while JCS works from `value`, as RFC 8785 requires.
///
/// Equality and hashing use `value` only, so `1`, `1.0` and `1e0` are equal, as they
/// are the same number in the JSON data model and canonicalize identically.
public struct JSONNumber: Hashable, Sendable {
    /// As written in the source, or as produced by `init(_:)` (ECMAScript formatting).
    public let text: String
    public let value: Double

    /// Wraps a double; the text is its ECMAScript `Number.prototype.toString` form.
    /// Non-finite values are allowed here (text "NaN", "Infinity", "-Infinity") but
    /// serialize as `null` and make JCS throw, since JSON cannot express them.
    public init(_ value: Double) {
        self.value = value
        self.text = ECMAScriptNumber.string(value)
    }

    /// Parses one JSON number token (RFC 8259 grammar, no surrounding whitespace).
    /// Returns nil for anything else, or if the magnitude overflows a double.
    public init?(text: String) {
        let valid = ExactString.withBytes(text) { bytes in
            JSONNumberGrammar.scan(bytes, from: 0) == .valid(end: bytes.count)
        }
        guard valid, let value = Double(text), value.isFinite else { return nil }
        self.text = text
        self.value = value
    }

    /// Used by the parser, which has already checked the grammar and range.
    init(validatedText text: String, value: Double) {
        self.text = text
        self.value = value
    }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        // NaN is made equal to itself so Hashable's reflexivity holds.
        lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN)
    }

    public func hash(into hasher: inout Hasher) {
        // Double's own hash already folds -0.0 into 0.0, matching ==.
        if value.isNaN {
            hasher.combine(Double.nan.bitPattern)
        } else {
            hasher.combine(value)
        }
    }
}

/// The RFC 8259 number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
enum JSONNumberGrammar {
    enum Outcome: Equatable {
        /// A complete number ends just before `end`.
        case valid(end: Int)
        /// The number is malformed at `offset` (or the input ran out there).
        case invalid(offset: Int)
    }

    /// Scans the longest number starting at `start`; the caller decides what may follow.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Outcome {
        var i = start
        let n = bytes.count
        if i < n && bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n else { return .invalid(offset: i) }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            // "01" is not a number with a leading zero; refuse it rather than read two tokens.
            if i < n && isDigit(bytes[i]) { return .invalid(offset: i) }
        } else if isDigit(bytes[i]) {
            while i < n && isDigit(bytes[i]) { i += 1 }
        } else {
            return .invalid(offset: i)
        }
        if i < n && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < n && isDigit(bytes[i]) else { return .invalid(offset: i) }
            while i < n && isDigit(bytes[i]) { i += 1 }
        }
        if i < n && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < n && isDigit(bytes[i]) else { return .invalid(offset: i) }
            while i < n && isDigit(bytes[i]) { i += 1 }
        }
        return .valid(end: i)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
