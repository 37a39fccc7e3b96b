/// An Ed25519 `did:key` identifier (did = "did:key:" + the key's Multikey).
public struct DIDKey: Hashable, Sendable {
    /// The raw 32-byte Ed25519 public key.
    public let publicKey: [UInt8]

    private static let scheme = "did:key:"

    /// Nil unless the key is exactly 32 bytes.
    public init?(publicKey: [UInt8]) {
        guard publicKey.count == 32 else { return nil }
        self.publicKey = publicKey
    }

    /// Accepts "did:key:z6Mk..." or a verification method "did:key:z6Mk...#z6Mk..."
    /// whose fragment is the same multibase key (the did:key convention), nothing else.
    public init?(did: String) {
        let utf8 = did.utf8
        guard utf8.starts(with: Self.scheme.utf8) else { return nil }
        let rest = utf8.dropFirst(Self.scheme.utf8.count)
        let keyPart: Substring.UTF8View
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            keyPart = rest[..<hash]
            let fragment = rest[rest.index(after: hash)...]
            guard fragment.elementsEqual(keyPart) else { return nil }
        } else {
            keyPart = rest
        }
        guard let key = Multikey.decodePublic(String(Substring(keyPart))) else { return nil }
        self.publicKey = key
    }

    /// The Multikey (publicKeyMultibase) form of the key, "z6Mk...".
    public var publicKeyMultibase: String { Multikey.encodePublic(publicKey) }

    public var did: String { Self.scheme + publicKeyMultibase }

    /// The id of the key's verification method: did + "#" + multibase.
    public var verificationMethod: String {
        let multibase = publicKeyMultibase
        return Self.scheme + multibase + "#" + multibase
    }
}
