extension JSONValue {
    /// JSON text keeping object member order and each number's original text.
    /// `pretty` uses 2-space indentation and `"key": value`, like `JSON.stringify(v, null, 2)`.
    /// Non-finite numbers (only constructible in code) are written as `null`, as JavaScript does.
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// UTF-8 bytes of `serialized(pretty:)`.
    public func serializedBytes(pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        JSONWriter.write(self, pretty: pretty, level: 0, to: &out)
        return out
    }
}

/// Recursive writer for `serialized(pretty:)`; JCS has its own because it sorts and reformats numbers.
enum JSONWriter {
    static func write(_ value: JSONValue, pretty: Bool, level: Int, to out: inout [UInt8]) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number):
            if number.value.isFinite {
                out.append(contentsOf: number.text.utf8)
            } else {
                out.append(contentsOf: "null".utf8)
            }
        case .string(let string):
            JSONStringEscaper.append(string, to: &out)
        case .array(let elements):
            guard !elements.isEmpty else {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(level: level + 1, to: &out) }
                write(element, pretty: pretty, level: level + 1, to: &out)
            }
            if pretty { newline(level: level, to: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (i, member) in object.orderedMembers.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(level: level + 1, to: &out) }
                JSONStringEscaper.append(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                write(member.value, pretty: pretty, level: level + 1, to: &out)
            }
            if pretty { newline(level: level, to: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(level: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
    }
}
