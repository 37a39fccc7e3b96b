import BeaconLinkedData
import Crypto

/// The Data Integrity cryptosuites Beacon signs with. Both use Ed25519 and differ in how the
/// document becomes bytes: RDF Dataset Canonicalization (what the 1EdTech validator and the
/// DCC verifier accept) or JSON Canonicalization (RFC 8785, simpler, fewer verifiers).
public enum Cryptosuite: String, Sendable, CaseIterable {
    case eddsaRdfc2022 = "eddsa-rdfc-2022"
    case eddsaJcs2022 = "eddsa-jcs-2022"

    /// Proof, document: what the suite hashes, and the hashes, for `beacon sign --explain`.
    public struct Transform: Sendable {
        public var canonicalProof: String
        public var canonicalDocument: String
        public var proofHash: [UInt8]
        public var documentHash: [UInt8]
        /// proofHash ‖ documentHash: the bytes Ed25519 signs.
        public var hashData: [UInt8] { proofHash + documentHash }
    }

    /// The processor behind eddsa-rdfc-2022: bundled contexts only, safe mode, no base IRI.
    static let linkedData = JSONLD.forCredentials

    /// Canonical form, hashed with SHA-256, of the proof options and the unsecured document.
    public func transform(document: JSONObject, proofOptions: JSONObject) throws(CredentialError) -> Transform {
        let proof = try canonical(proofOptions, what: "the proof options")
        let doc = try canonical(document, what: "the credential")
        return Transform(
            canonicalProof: proof, canonicalDocument: doc,
            proofHash: Array(SHA256.hash(data: Array(proof.utf8))), documentHash: Array(SHA256.hash(data: Array(doc.utf8)))
        )
    }

    private func canonical(_ object: JSONObject, what: String) throws(CredentialError) -> String {
        switch self {
        case .eddsaJcs2022:
            do {
                return String(decoding: try JCS.canonicalize(.object(object)), as: UTF8.self)
            } catch {
                throw CredentialError("cannot canonicalize \(what): \(error.message)")
            }
        case .eddsaRdfc2022:
            do {
                return try Self.linkedData.canonicalNQuads(.object(object))
            } catch {
                throw CredentialError("cannot canonicalize \(what) as RDF: \(error.description)")
            }
        }
    }
}
