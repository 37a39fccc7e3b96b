import Crypto

/// W3C Data Integrity proofs with EdDSA (VC-DI-EDDSA 1.0): canonicalize the proof options and
/// the document, hash each with SHA-256, sign proofHash ‖ documentHash with Ed25519.
///
/// Beacon signs a proof set: one eddsa-rdfc-2022 proof, then one eddsa-jcs-2022 proof, each over
/// the document without proofs. The 1EdTech validator takes the first DataIntegrityProof it
/// finds; verifiers that prefer JCS find theirs after it.
public enum DataIntegrity {
    public static let proofType = "DataIntegrityProof"
    public static let defaultSuites: [Cryptosuite] = [.eddsaRdfc2022, .eddsaJcs2022]

    /// Returns the document with proofs added ("Add Proof"), one per suite, in order. Several
    /// proofs are always an array; one is an object unless `proofAsArray` (the OB 3.0 shape).
    public static func sign(
        _ document: JSONObject,
        with key: SigningKey,
        created: String,
        proofPurpose: String = "assertionMethod",
        suites: [Cryptosuite] = defaultSuites,
        proofAsArray: Bool = false,
        verificationMethod: String? = nil
    ) throws(CredentialError) -> JSONObject {
        var unsecured = document
        unsecured["proof"] = nil
        var proofs: [JSONValue] = []
        for suite in suites {
            let options = proofOptions(
                suite, key: key, created: created, proofPurpose: proofPurpose, context: unsecured["@context"], verificationMethod: verificationMethod
            )
            let transform = try suite.transform(document: unsecured, proofOptions: hashedOptions(suite, options, unsecured))
            let signature = try key.sign(transform.hashData)
            var proof = options
            proof["proofValue"] = .string(Multibase.encodeBase58btc(signature))
            proofs.append(.object(proof))
        }
        var secured = unsecured
        secured["proof"] = proofs.count == 1 && !proofAsArray ? proofs[0] : .array(proofs)
        return secured
    }

    /// The proof as it is stored, without its value. The jcs proof carries the document's
    /// @context (as Beacon always wrote it); the rdfc proof does not, as the W3C vectors show.
    /// `verificationMethod` defaults to the key's did:key method; a did:web issuer names its own.
    public static func proofOptions(
        _ suite: Cryptosuite, key: SigningKey, created: String, proofPurpose: String = "assertionMethod", context: JSONValue?,
        verificationMethod: String? = nil
    ) -> JSONObject {
        var options = JSONObject([
            ("type", .string(proofType)),
            ("cryptosuite", .string(suite.rawValue)),
            ("created", .string(created)),
            ("verificationMethod", .string(verificationMethod ?? key.didKey.verificationMethod)),
            ("proofPurpose", .string(proofPurpose)),
        ])
        if suite == .eddsaJcs2022, let context { options["@context"] = context }
        return options
    }

    /// What is hashed as the proof configuration: the stored options with the document's
    /// @context (Create Proof step 2), so the proof's terms mean what the document's do.
    static func hashedOptions(_ suite: Cryptosuite, _ options: JSONObject, _ unsecured: JSONObject) -> JSONObject {
        var hashed = options
        if hashed["@context"] == nil, let context = unsecured["@context"] { hashed["@context"] = context }
        return hashed
    }

    /// What `suite` canonicalizes and hashes for these stored proof options.
    public static func transform(_ suite: Cryptosuite, document: JSONObject, proofOptions: JSONObject) throws(CredentialError) -> Cryptosuite.Transform {
        try suite.transform(document: document, proofOptions: hashedOptions(suite, proofOptions, document))
    }

    /// SHA-256(JCS(proof options)) ‖ SHA-256(JCS(document)), the eddsa-jcs-2022 hash data.
    public static func hashData(document: JSONObject, proofOptions: JSONObject) throws(CredentialError) -> [UInt8] {
        try Cryptosuite.eddsaJcs2022.transform(document: document, proofOptions: proofOptions).hashData
    }

    /// Who signed: the DID the verification method belongs to, and its key.
    public struct Signer: Equatable, Sendable {
        public var did: String
        public var key: DIDKey

        public init(did: String, key: DIDKey) {
            self.did = did
            self.key = key
        }

        /// A did:key signer.
        public init(_ key: DIDKey) {
            self.init(did: key.did, key: key)
        }
    }

    /// What checking one proof found.
    public enum Outcome: Equatable, Sendable {
        /// The signature is good for this document and the key named by `verificationMethod`.
        case valid(Signer)
        /// The proof is well-formed but the signature does not match, with why.
        case invalid(String)
        /// No proof at all.
        case missing
        /// A proof this verifier does not handle (another suite, another key type…), with why.
        case unsupported(String)
    }

    /// One proof of a proof set, checked on its own.
    public struct ProofCheck: Equatable, Sendable {
        /// The cryptosuite, or the proof type when it has none (Ed25519Signature2020).
        public var suite: String
        public var outcome: Outcome
    }

    /// "Verify Proof" for every proof the document carries. did:web keys come from
    /// `didDocuments` (DID -> its document), which the caller fetched or was given.
    public static func checkProofs(_ document: JSONObject, didDocuments: [String: JSONObject] = [:]) -> [ProofCheck] {
        let proofs: [JSONValue]
        switch document["proof"] {
        case nil: return []
        case .array(let list)?: proofs = list
        case let single?: proofs = [single]
        }
        var unsecured = document
        unsecured["proof"] = nil
        return proofs.map { value in
            guard case .object(let proof) = value else { return ProofCheck(suite: "unknown", outcome: .invalid("a proof is not a JSON object")) }
            let suite = proof["cryptosuite"]?.stringValue ?? proof["type"]?.stringValue ?? "unknown"
            return ProofCheck(suite: suite, outcome: check(proof, unsecured, didDocuments))
        }
    }

    /// The document's verdict: invalid when any proof Beacon can check fails; else valid when a
    /// proof checks out (the first is named); else why none could be checked. A failing proof
    /// is never outvoted: RDF canonicalization cannot see some JSON changes (`"hashed": "false"`
    /// for `false` under an xsd:boolean term is the same RDF), which the JCS proof beside it does.
    public static func verify(_ document: JSONObject, didDocuments: [String: JSONObject] = [:]) -> Outcome {
        verdict(checkProofs(document, didDocuments: didDocuments))
    }

    /// The verdict of proofs already checked one by one.
    public static func verdict(_ checks: [ProofCheck]) -> Outcome {
        guard !checks.isEmpty else { return .missing }
        if let invalid = checks.first(where: { if case .invalid = $0.outcome { true } else { false } }) { return invalid.outcome }
        if let valid = checks.first(where: { if case .valid = $0.outcome { true } else { false } }) { return valid.outcome }
        return checks[0].outcome
    }

    /// The did:web DIDs whose documents are needed to check this document's proofs, for proofs
    /// whose own form checks out (known suite, assertionMethod, a signature-shaped proofValue):
    /// a verifier fetches nothing for a proof it would refuse anyway.
    /// Only the credential's own issuer, and only when it is `trusted`: a forger can then make
    /// this machine contact no one but an issuer it already trusts (as with status lists).
    public static func didWebNeeded(_ document: JSONObject, have: [String: JSONObject] = [:], trusted: Set<String>) -> [String] {
        let issuer = document["issuer"]?.stringValue ?? document["issuer"]?["id"]?.stringValue
        let proofs = document["proof"]?.arrayValue ?? document["proof"].map { [$0] } ?? []
        var dids: [String] = []
        for case .object(let proof) in proofs {
            guard form(proof) == nil, let method = proof["verificationMethod"]?.stringValue,
                let did = method.split(separator: "#").first.map(String.init), DIDWeb(did: did) != nil, have[did] == nil, !dids.contains(did),
                did == issuer, trusted.contains(did)
            else { continue }
            dids.append(did)
        }
        return dids
    }

    /// Why the proof's own form is wrong, or nil when it is a checkable Ed25519 proof.
    private static func form(_ proof: JSONObject) -> Outcome? {
        switch (proof["type"]?.stringValue, proof["cryptosuite"]?.stringValue) {
        case (proofType?, let name?):
            guard Cryptosuite(rawValue: name) != nil else { return .unsupported("cryptosuite \(name) is not one Beacon verifies") }
        case ("Ed25519Signature2020"?, _):
            break
        case (proofType?, nil):
            return .invalid("the DataIntegrityProof names no cryptosuite")
        case (nil, _):
            return .invalid("a proof has no type: it is not a proof")
        case (let type?, _):
            return .unsupported("proof type \(type) is not \(proofType) or Ed25519Signature2020")
        }
        guard proof["proofPurpose"]?.stringValue == "assertionMethod" else { return .invalid("proofPurpose must be assertionMethod") }
        guard proof["verificationMethod"]?.stringValue != nil else { return .invalid("the proof names no verificationMethod") }
        guard let value = proof["proofValue"]?.stringValue, value.hasPrefix("z"), let signature = Multibase.decode(value), signature.count == 64 else {
            return .invalid("proofValue is not a base58btc Ed25519 signature")
        }
        return nil
    }

    private static func check(_ proof: JSONObject, _ unsecuredIn: JSONObject, _ didDocuments: [String: JSONObject]) -> Outcome {
        if let wrong = form(proof) { return wrong }
        // Ed25519Signature2020 hashes as eddsa-rdfc-2022 does; only its proof shape differs.
        let suite = proof["cryptosuite"]?.stringValue.flatMap(Cryptosuite.init(rawValue:)) ?? .eddsaRdfc2022
        let method = proof["verificationMethod"]!.stringValue!
        let signer: Signer
        if let key = DIDKey(did: method), method.contains("#") {
            signer = Signer(key)
        } else if let did = method.split(separator: "#").first.map(String.init), DIDWeb(did: did) != nil {
            guard let document = didDocuments[did] else {
                return .unsupported("the DID document of \(did) could not be obtained (it is published at \(DIDWeb(did: did)!.documentURL); pin it with beacon trust add \(did) --did-document FILE to verify offline)")
            }
            switch DIDWeb.key(for: method, in: document) {
            case .success(let key): signer = Signer(did: did, key: key)
            case .failure(let why): return .invalid(why.message)
            }
        } else {
            return .unsupported("verificationMethod \(method) is neither an Ed25519 did:key nor a did:web key")
        }
        let signature = Multibase.decode(proof["proofValue"]!.stringValue!)!
        var options = proof
        options["proofValue"] = nil
        var unsecured = unsecuredIn
        if let optionContext = options["@context"] {
            // The document's @context must start with the proof's, in order.
            let mine = unsecured["@context"]?.arrayValue ?? unsecured["@context"].map { [$0] } ?? []
            let theirs = optionContext.arrayValue ?? [optionContext]
            guard mine.count >= theirs.count, Array(mine.prefix(theirs.count)) == theirs else {
                return .invalid("the proof's @context does not match the credential's")
            }
            if suite == .eddsaJcs2022 { unsecured["@context"] = optionContext }
        }
        let transform: Cryptosuite.Transform
        do {
            transform = try suite.transform(document: unsecured, proofOptions: hashedOptions(suite, options, unsecured))
        } catch {
            return .invalid(error.message)
        }
        guard ed25519Verify(signature: signature, message: transform.hashData, publicKey: signer.key.publicKey) else {
            return .invalid("the signature does not match the credential: it was changed after signing, or signed by another key")
        }
        return .valid(signer)
    }
}
