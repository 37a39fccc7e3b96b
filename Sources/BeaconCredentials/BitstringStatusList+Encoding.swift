extension BitstringStatusList {
    /// Multibase prefix for base64url without padding, which the spec mandates for `encodedList`.
    private static let multibaseBase64URL = UInt8(ascii: "u")

    /// The `encodedList` value: `"u"` + base64url (no padding) of the GZIP-compressed bytes.
    public func encoded() throws(StatusListError) -> String {
        let compressed = try Gzip.compress(bytes)
        return "u" + Base64URL.encode(compressed)
    }

    /// Decodes an `encodedList` value.
    ///
    /// Lenient on the text form because real lists vary: the `"u"` prefix is optional
    /// (older spec drafts omitted it), padding is optional, and both the base64url and
    /// standard base64 alphabets are accepted. Strict on the payload: it must be gzip
    /// (RFC 1952), and decompression stops with `.tooLarge` once `maxDecodedBytes` would
    /// be exceeded, so a gzip bomb never costs more than that much memory.
    public init(encoded: String, maxDecodedBytes: Int = 16 << 20) throws(StatusListError) {
        var text = Array(encoded.utf8)[...]
        if text.first == Self.multibaseBase64URL {
            text = text.dropFirst()
        }
        guard let compressed = Base64URL.decodeLenient(text) else {
            throw StatusListError(.notBase64)
        }
        self.init(bytes: try Gzip.decompress(compressed, maxOutputBytes: maxDecodedBytes))
    }
}
