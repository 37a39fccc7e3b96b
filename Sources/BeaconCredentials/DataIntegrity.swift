import Crypto

/// W3C Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite: JCS-canonicalize the
/// proof options and the document, hash each with SHA-256, sign proofHash ‖ documentHash.
public enum DataIntegrity {
    public static let proofType = "DataIntegrityProof"
    public static let cryptosuite = "eddsa-jcs-2022"

    /// Returns the document with a proof added ("Add Proof"). `proofAsArray` writes
    /// `proof: [ … ]`, the shape the Open Badges 3.0 schema asks for.
    public static func sign(
        _ document: JSONObject,
        with key: SigningKey,
        created: String,
        proofPurpose: String = "assertionMethod",
        proofAsArray: Bool = false
    ) throws(CredentialError) -> JSONObject {
        var unsecured = document
        unsecured["proof"] = nil
        var options = JSONObject([
            ("type", .string(proofType)),
            ("cryptosuite", .string(cryptosuite)),
            ("created", .string(created)),
            ("verificationMethod", .string(key.didKey.verificationMethod)),
            ("proofPurpose", .string(proofPurpose)),
        ])
        // Create Proof step 2: the proof options carry the document's @context.
        if let context = unsecured["@context"] { options["@context"] = context }
        let signature = try key.sign(try hashData(document: unsecured, proofOptions: options))
        var proof = options
        proof["proofValue"] = .string(Multibase.encodeBase58btc(signature))
        var secured = unsecured
        secured["proof"] = proofAsArray ? .array([.object(proof)]) : .object(proof)
        return secured
    }

    /// SHA-256(JCS(proof options)) ‖ SHA-256(JCS(document)): proof hash first.
    public static func hashData(document: JSONObject, proofOptions: JSONObject) throws(CredentialError) -> [UInt8] {
        let documentBytes: [UInt8], optionBytes: [UInt8]
        do {
            documentBytes = try JCS.canonicalize(.object(document))
            optionBytes = try JCS.canonicalize(.object(proofOptions))
        } catch {
            throw CredentialError("cannot canonicalize: \(error.message)")
        }
        return Array(SHA256.hash(data: optionBytes)) + Array(SHA256.hash(data: documentBytes))
    }

    /// What checking a document's proof found.
    public enum Outcome: Equatable, Sendable {
        /// The signature is good for this document and the key named by `verificationMethod`.
        case valid(verificationMethod: DIDKey)
        /// The proof is well-formed but the signature does not match, with why.
        case invalid(String)
        /// No proof at all.
        case missing
        /// A proof this verifier does not handle (another suite, several proofs…), with why.
        case unsupported(String)
    }

    /// "Verify Proof" for eddsa-jcs-2022. Exactly one proof is accepted.
    public static func verify(_ document: JSONObject) -> Outcome {
        let proof: JSONObject
        switch document["proof"] {
        case nil:
            return .missing
        case .object(let single)?:
            proof = single
        case .array(let proofs)?:
            guard !proofs.isEmpty else { return .missing }
            guard proofs.count == 1, case .object(let single) = proofs[0] else {
                return .unsupported("the credential carries \(proofs.count) proofs; exactly one is accepted")
            }
            proof = single
        default:
            return .invalid("the proof is not a JSON object")
        }
        guard proof["type"]?.stringValue == proofType else {
            return .unsupported("proof type \(proof["type"]?.stringValue ?? "missing") is not \(proofType)")
        }
        guard proof["cryptosuite"]?.stringValue == cryptosuite else {
            return .unsupported("cryptosuite \(proof["cryptosuite"]?.stringValue ?? "missing") is not \(cryptosuite)")
        }
        guard proof["proofPurpose"]?.stringValue == "assertionMethod" else {
            return .invalid("proofPurpose must be assertionMethod")
        }
        guard let method = proof["verificationMethod"]?.stringValue else { return .invalid("the proof names no verificationMethod") }
        guard let key = DIDKey(did: method), method.contains("#") else {
            return .unsupported("verificationMethod \(method) is not an Ed25519 did:key")
        }
        guard let value = proof["proofValue"]?.stringValue, value.hasPrefix("z"), let signature = Multibase.decode(value), signature.count == 64 else {
            return .invalid("proofValue is not a base58btc Ed25519 signature")
        }
        var options = proof
        options["proofValue"] = nil
        var unsecured = document
        unsecured["proof"] = nil
        if let optionContext = options["@context"] {
            // The document's @context must start with the proof's, in order.
            let mine = unsecured["@context"]?.arrayValue ?? unsecured["@context"].map { [$0] } ?? []
            let theirs = optionContext.arrayValue ?? [optionContext]
            guard mine.count >= theirs.count, Array(mine.prefix(theirs.count)) == theirs else {
                return .invalid("the proof's @context does not match the credential's")
            }
            unsecured["@context"] = optionContext
        }
        guard let data = try? hashData(document: unsecured, proofOptions: options) else {
            return .invalid("the credential cannot be canonicalized")
        }
        guard ed25519Verify(signature: signature, message: data, publicKey: key.publicKey) else {
            return .invalid("the signature does not match the credential: it was changed after signing, or signed by another key")
        }
        return .valid(verificationMethod: key)
    }
}
