/// Minimal base64 codec: Foundation's decoder rejects base64url and missing padding,
/// and the library should not need Foundation just for this.
enum Base64 {
    private static let urlAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    private static let invalid: UInt8 = 0xFF

    /// Maps ASCII to 6-bit values; `-`/`+` and `_`/`/` share values so both alphabets decode.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, char) in urlAlphabet.enumerated() {
            table[Int(char)] = UInt8(value)
        }
        table[Int(UInt8(ascii: "+"))] = 62
        table[Int(UInt8(ascii: "/"))] = 63
        return table
    }()

    static func encodeURLNoPadding(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var i = 0
        while i + 3 <= bytes.count {
            let group = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(urlAlphabet[Int(group >> 18 & 0x3F)])
            out.append(urlAlphabet[Int(group >> 12 & 0x3F)])
            out.append(urlAlphabet[Int(group >> 6 & 0x3F)])
            out.append(urlAlphabet[Int(group & 0x3F)])
            i += 3
        }
        switch bytes.count - i {
        case 1:
            let group = UInt32(bytes[i]) << 16
            out.append(urlAlphabet[Int(group >> 18 & 0x3F)])
            out.append(urlAlphabet[Int(group >> 12 & 0x3F)])
        case 2:
            let group = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out.append(urlAlphabet[Int(group >> 18 & 0x3F)])
            out.append(urlAlphabet[Int(group >> 12 & 0x3F)])
            out.append(urlAlphabet[Int(group >> 6 & 0x3F)])
        default:
            break
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes either alphabet, padded or not. Returns nil on any invalid character,
    /// misplaced or wrong amount of padding, or an impossible length (4n+1 characters).
    /// Non-zero leftover bits in the final character are ignored, as most decoders do.
    static func decode(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var end = text.endIndex
        var padding = 0
        while end > text.startIndex && text[end - 1] == UInt8(ascii: "=") {
            end -= 1
            padding += 1
        }
        let dataLength = end - text.startIndex
        guard padding <= 2, dataLength % 4 != 1 else { return nil }
        if padding > 0 && (dataLength + padding) % 4 != 0 { return nil }

        var out: [UInt8] = []
        out.reserveCapacity(dataLength * 3 / 4)
        var accumulator: UInt32 = 0
        var bitCount = 0
        for char in text[text.startIndex..<end] {
            let value = decodeTable[Int(char)]
            guard value != invalid else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bitCount += 6
            if bitCount >= 8 {
                bitCount -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bitCount)))
                accumulator &= (1 << UInt32(bitCount)) - 1
            }
        }
        return out
    }
}
