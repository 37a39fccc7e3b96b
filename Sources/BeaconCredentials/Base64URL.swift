/// Unpadded base64url (RFC 4648 section 5), the multibase "u" encoding.
enum Base64URL {
    private static let alphabet: [UInt8] =
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var i = 0
        while i + 3 <= bytes.count {
            let group = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            appendSextets(group, count: 4, to: &out)
            i += 3
        }
        switch bytes.count - i {
        case 1:
            appendSextets(UInt32(bytes[i]) << 16, count: 2, to: &out)
        case 2:
            appendSextets(UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8, count: 3, to: &out)
        default:
            break
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendSextets(_ group: UInt32, count: Int, to out: inout [UInt8]) {
        for k in 0..<count {
            out.append(alphabet[Int(group >> (18 - 6 * UInt32(k)) & 0x3F)])
        }
    }

    /// Strict: no padding, no whitespace, and unused trailing bits must be zero so each
    /// byte string has exactly one accepted spelling.
    static func decode<Characters: Collection<UInt8>>(utf8 characters: Characters) -> [UInt8]? {
        guard characters.count % 4 != 1 else { return nil }
        return sextets(characters, table: strictValues, requireZeroTail: true)
    }

    /// Decodes either alphabet, padded or not, for status lists written by other issuers.
    /// Returns nil on any invalid character, misplaced or wrong amount of padding, or an
    /// impossible length (4n+1 characters). Leftover bits in the last character are ignored,
    /// as most decoders do.
    static func decodeLenient(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var end = text.endIndex
        var padding = 0
        while end > text.startIndex && text[end - 1] == UInt8(ascii: "=") {
            end -= 1
            padding += 1
        }
        let dataLength = end - text.startIndex
        guard padding <= 2, dataLength % 4 != 1 else { return nil }
        if padding > 0 && (dataLength + padding) % 4 != 0 { return nil }
        return sextets(text[text.startIndex..<end], table: lenientValues, requireZeroTail: false)
    }

    private static let invalid: UInt8 = 0xFF

    /// base64url only.
    private static let strictValues: [UInt8] = table(extraStandard: false)
    /// Both alphabets: `-`/`+` and `_`/`/` share values.
    private static let lenientValues: [UInt8] = table(extraStandard: true)

    private static func table(extraStandard: Bool) -> [UInt8] {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        if extraStandard {
            table[Int(UInt8(ascii: "+"))] = 62
            table[Int(UInt8(ascii: "/"))] = 63
        }
        return table
    }

    /// Packs 6-bit values into bytes; the one loop both decoders share.
    private static func sextets<Characters: Collection<UInt8>>(_ characters: Characters, table: [UInt8], requireZeroTail: Bool) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(characters.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for character in characters {
            let value = table[Int(character)]
            guard value != invalid else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        if requireZeroTail, accumulator != 0 { return nil }
        return out
    }
}
