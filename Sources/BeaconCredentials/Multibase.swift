/// The two multibase encodings Data Integrity uses: "z" (base58btc) and "u" (base64url, unpadded).
public enum Multibase {
    public static func encodeBase58btc(_ bytes: [UInt8]) -> String {
        "z" + Base58.encode(bytes)
    }

    public static func encodeBase64url(_ bytes: [UInt8]) -> String {
        "u" + Base64URL.encode(bytes)
    }

    /// Nil for any other prefix or an invalid body.
    public static func decode(_ text: String) -> [UInt8]? {
        let utf8 = text.utf8
        guard let prefix = utf8.first else { return nil }
        let body = utf8.dropFirst()
        switch prefix {
        case UInt8(ascii: "z"): return Base58.decode(utf8: body)
        case UInt8(ascii: "u"): return Base64URL.decode(utf8: body)
        default: return nil
        }
    }
}
