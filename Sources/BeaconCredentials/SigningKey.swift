import Crypto

/// An Ed25519 key pair for signing credentials, known by its did:key.
public struct SigningKey: Sendable {
    // swift-crypto's key type is not Sendable on Linux; the seed is, and rebuilding the key from
    // it costs far less than a signature.
    public let seed: [UInt8]
    public let publicKey: [UInt8]

    /// From the 32-byte seed (RFC 8032's private key).
    public init(seed: [UInt8]) throws(CredentialError) {
        guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
            throw CredentialError("an Ed25519 private key is 32 bytes")
        }
        self.seed = seed
        publicKey = Array(key.publicKey.rawRepresentation)
    }

    /// A new random key.
    public static func generate() -> SigningKey {
        // Safe: a freshly generated key always has a 32-byte representation.
        try! SigningKey(seed: Array(Curve25519.Signing.PrivateKey().rawRepresentation))
    }

    // Safe: an Ed25519 public key is always 32 bytes, which is all DIDKey asks.
    public var didKey: DIDKey { DIDKey(publicKey: publicKey)! }

    /// RFC 8032 Ed25519 (deterministic: the same bytes always give the same signature).
    public func sign(_ message: [UInt8]) throws(CredentialError) -> [UInt8] {
        do {
            return Array(try Curve25519.Signing.PrivateKey(rawRepresentation: seed).signature(for: message))
        } catch {
            throw CredentialError("signing failed: \(error)")
        }
    }
}

/// Checks an Ed25519 signature against a raw 32-byte public key.
public func ed25519Verify(signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
    guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
    return key.isValidSignature(signature, for: message)
}

/// A problem with a credential or key, in one plain sentence.
public struct CredentialError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
