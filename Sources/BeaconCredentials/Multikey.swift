/// Ed25519 keys in Multikey form: base58btc multibase over a multicodec varint header
/// and the 32 raw key bytes.
public enum Multikey {
    /// Multicodec ed25519-pub (0xed) as an unsigned varint.
    static let ed25519PublicHeader: [UInt8] = [0xED, 0x01]
    /// Multicodec ed25519-priv (0x1300) as an unsigned varint.
    static let ed25519SecretHeader: [UInt8] = [0x80, 0x26]

    /// Callers pass a 32-byte public key; other lengths are encoded as given but will not decode.
    public static func encodePublic(_ raw32: [UInt8]) -> String {
        Multibase.encodeBase58btc(ed25519PublicHeader + raw32)
    }

    /// Nil unless z-prefixed, headed 0xed 0x01, and exactly 32 key bytes follow.
    public static func decodePublic(_ multibase: String) -> [UInt8]? {
        decode(multibase, header: ed25519PublicHeader)
    }

    /// Callers pass the 32-byte RFC 8032 seed; other lengths are encoded as given but will not decode.
    public static func encodeSecret(_ seed32: [UInt8]) -> String {
        Multibase.encodeBase58btc(ed25519SecretHeader + seed32)
    }

    /// Nil unless z-prefixed, headed 0x80 0x26, and exactly 32 seed bytes follow.
    public static func decodeSecret(_ multibase: String) -> [UInt8]? {
        decode(multibase, header: ed25519SecretHeader)
    }

    private static func decode(_ multibase: String, header: [UInt8]) -> [UInt8]? {
        // Multikey mandates base58btc, so other multibase prefixes are refused here.
        guard multibase.utf8.first == UInt8(ascii: "z"),
              let bytes = Base58.decode(utf8: multibase.utf8.dropFirst()),
              bytes.count == header.count + 32,
              bytes.starts(with: header)
        else { return nil }
        return Array(bytes.dropFirst(header.count))
    }
}
