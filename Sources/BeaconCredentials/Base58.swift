/// Base58 with the Bitcoin alphabet (base58btc), as used by multibase "z" and did:key.
/// Each leading zero byte is written as a leading "1", and vice versa.
public enum Base58 {
    static let alphabet: [UInt8] = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    /// ASCII -> digit value, -1 for characters outside the alphabet (0, O, I, l, ...).
    private static let digitValues: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (value, character) in alphabet.enumerated() {
            table[Int(character)] = Int8(value)
        }
        return table
    }()

    public static func encode(_ bytes: [UInt8]) -> String {
        let zeros = bytes.prefix { $0 == 0 }.count
        // Base-58 digits, least significant first; grows by schoolbook multiply-and-add.
        var digits: [UInt8] = []
        digits.reserveCapacity((bytes.count - zeros) * 138 / 100 + 1)
        for byte in bytes[zeros...] {
            var carry = Int(byte)
            for j in digits.indices {
                carry += Int(digits[j]) << 8
                digits[j] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        var out = [UInt8](repeating: alphabet[0], count: zeros)
        out.reserveCapacity(zeros + digits.count)
        for digit in digits.reversed() {
            out.append(alphabet[Int(digit)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Nil if any character is outside the alphabet (whitespace included).
    public static func decode(_ text: String) -> [UInt8]? {
        decode(utf8: text.utf8)
    }

    static func decode<Characters: Collection<UInt8>>(utf8 characters: Characters) -> [UInt8]? {
        let ones = characters.prefix { $0 == alphabet[0] }.count
        // Bytes, least significant first.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count * 733 / 1000 + 1)
        for character in characters.dropFirst(ones) {
            guard character < 128 else { return nil }
            let value = digitValues[Int(character)]
            guard value >= 0 else { return nil }
            var carry = Int(value)
            for j in bytes.indices {
                carry += Int(bytes[j]) * 58
                bytes[j] = UInt8(truncatingIfNeeded: carry)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(truncatingIfNeeded: carry))
                carry >>= 8
            }
        }
        return [UInt8](repeating: 0, count: ones) + bytes.reversed()
    }
}
