/// Byte-exact string helpers.
///
/// Swift's `String ==` treats canonically equivalent strings ("Å" and "A\u{30A}") as equal,
/// but JSON keys and values are code-unit sequences: the two spellings canonicalize to
/// different bytes and so sign differently. Everything here compares UTF-8 bytes instead.
enum ExactString {
    /// Runs `body` over the string's UTF-8 bytes; native strings are not copied.
    @inline(__always)
    static func withBytes<R>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var string = string
        return string.withUTF8(body)
    }

    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        return withBytes(lhs) { a in
            withBytes(rhs) { b in a.elementsEqual(b) }
        }
    }

    static func hash(_ string: String, into hasher: inout Hasher) {
        withBytes(string) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        // Length terminator keeps adjacent strings in a composite hash from running together.
        hasher.combine(string.utf8.count)
    }

    /// True when `lhs` sorts before `rhs` by UTF-16 code units, as RFC 8785 requires.
    ///
    /// UTF-8 byte order equals code point order, which matches UTF-16 order except that
    /// supplementary characters (4-byte UTF-8, surrogate pairs in UTF-16) sort *before*
    /// U+E000...U+FFFF (UTF-8 lead bytes 0xEE/0xEF) in UTF-16. Only the first differing
    /// byte matters, and if the code points there differ in class it is their lead byte.
    static func utf16Precedes(_ lhs: String, _ rhs: String) -> Bool {
        withBytes(lhs) { a in
            withBytes(rhs) { b in
                let common = min(a.count, b.count)
                var i = 0
                while i < common {
                    let x = a[i], y = b[i]
                    if x != y {
                        if x >= 0xF0 && (y == 0xEE || y == 0xEF) { return true }
                        if y >= 0xF0 && (x == 0xEE || x == 0xEF) { return false }
                        return x < y
                    }
                    i += 1
                }
                return a.count < b.count
            }
        }
    }
}

/// A dictionary key that hashes and compares by UTF-8 bytes.
package struct ExactKey: Hashable, Sendable {
    package let string: String

    package init(string: String) {
        self.string = string
    }

    package static func == (lhs: ExactKey, rhs: ExactKey) -> Bool {
        ExactString.equal(lhs.string, rhs.string)
    }

    package func hash(into hasher: inout Hasher) {
        ExactString.hash(string, into: &hasher)
    }
}
