/// Strict UTF-8 well-formedness per Unicode Table 3-7: no overlongs, no encoded
/// surrogates (ED A0..BF), nothing above U+10FFFF, no truncated sequences.
enum UTF8Validation {
    /// Length of the well-formed multi-byte sequence starting at `i`, or nil if ill-formed.
    /// Call only for a lead byte >= 0x80; ASCII is handled by the caller's fast path.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let lead = bytes[i]
        let length: Int
        // Allowed range of the first continuation byte; later ones are always 80...BF.
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        let first = bytes[i + 1]
        guard first >= low && first <= high else { return nil }
        var k = 2
        while k < length {
            guard bytes[i + k] & 0xC0 == 0x80 else { return nil }
            k += 1
        }
        return length
    }
}
