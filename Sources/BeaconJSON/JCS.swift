/// RFC 8785 JSON Canonicalization Scheme: the exact bytes that eddsa-jcs-2022 hashes and signs.
///
/// Members are sorted by the UTF-16 code units of their keys, strings use
/// `JSON.stringify` escaping, numbers use ECMAScript formatting of the double value
/// (the source text is ignored), and no whitespace is emitted.
public enum JCS {
    public static func canonicalize(_ value: JSONValue) throws(JCSError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        try write(value, to: &out)
        return out
    }

    public static func canonicalString(_ value: JSONValue) throws(JCSError) -> String {
        String(decoding: try canonicalize(value), as: UTF8.self)
    }

    private static func write(_ value: JSONValue, to out: inout [UInt8]) throws(JCSError) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number):
            guard number.value.isFinite else {
                throw JCSError(message: "JCS cannot represent the non-finite number \(number.text)")
            }
            ECMAScriptNumber.append(number.value, to: &out)
        case .string(let string):
            JSONStringEscaper.append(string, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                try write(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            let sorted = object.orderedMembers.sorted { ExactString.utf16Precedes($0.key, $1.key) }
            for (i, member) in sorted.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONStringEscaper.append(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                try write(member.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
