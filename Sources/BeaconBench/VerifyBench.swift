import BeaconCredentials
import Foundation

/// Signs `count` distinct Open Badges credentials three ways (Beacon's proof set of rdfc then
/// jcs, rdfc alone, jcs alone), then times verifying each set on this thread; prints JSON with
/// the rates and the share of rdfc verification spent canonicalizing. With `sampleFolder`, also
/// writes 200 of the rdfc credentials there, for pyld to canonicalize as the peer.
func verifyBench(count: Int, sampleFolder: String? = nil) throws {
    let key = SigningKey.generate()
    let now = Date()
    let base = "https://bench.example"
    var lists: [String: JSONObject] = [:]
    for purpose in ["revocation", "suspension"] {
        let list = try StatusListCredential.unsigned(base: base, purpose: purpose, issuer: key.didKey, list: BitstringStatusList(), validFrom: now)
        lists[StatusListCredential.url(base: base, purpose: purpose)] = try DataIntegrity.sign(list, with: key, created: CredentialVerifier.timestamp(now))
    }

    // Distinct credentials, serialized: verification starts from bytes, as `beacon verify` does.
    func documents(_ suites: [Cryptosuite]) throws -> [[UInt8]] {
        try (0..<count).map { index in
            let content = BadgeContent(
                id: "urn:uuid:\(UUID().uuidString.lowercased())", issuer: key.didKey, issuerName: "Bench Academy", issuerURL: nil,
                holderName: "Trainee \(index)", achievementId: "urn:beacon:program:bench:cps", achievementName: "Certified Peer Support Specialist",
                achievementDescription: "Benchmark credential.", criteria: "The holder completed every requirement.",
                validFrom: now.addingTimeInterval(-60), validUntil: now.addingTimeInterval(86_400 * 730),
                statusIndex: index, statusBaseURL: base, replaces: nil
            )
            let signed = try DataIntegrity.sign(
                OpenBadgeCredential.unsigned(content), with: key, created: CredentialVerifier.timestamp(now), suites: suites, proofAsArray: true
            )
            return Array(JSONValue.object(signed).serialized().utf8)
        }
    }

    let verifier = CredentialVerifier(trustedIssuers: [key.didKey.did], now: now, statusLists: lists)
    func rate(_ set: [[UInt8]]) -> Double {
        let started = DispatchTime.now().uptimeNanoseconds
        var verified = 0
        for document in set {
            if case .success(let report) = verifier.verify(bytes: document), report.verified { verified += 1 }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        guard verified == set.count else {
            FileHandle.standardError.write(Data("only \(verified) of \(set.count) credentials verified\n".utf8))
            exit(1)
        }
        return Double(set.count) / seconds
    }

    let both = try documents(DataIntegrity.defaultSuites)
    let rdfc = try documents([.eddsaRdfc2022])
    let jcs = try documents([.eddsaJcs2022])
    let bothRate = rate(both), rdfcRate = rate(rdfc), jcsRate = rate(jcs)

    // Canonicalizing alone (document and proof options, as verification does), on the rdfc set.
    let parsed = try rdfc.map { bytes -> (JSONObject, JSONObject) in
        guard case .object(var document) = try JSONValue(parsing: bytes), case .object(let proof)? = document["proof"]?.arrayValue?.first else {
            throw CredentialError("bench credential has no proof")
        }
        document["proof"] = nil
        var options = proof
        options["proofValue"] = nil
        return (document, options)
    }
    let canonStart = DispatchTime.now().uptimeNanoseconds
    for (document, options) in parsed { _ = try DataIntegrity.transform(.eddsaRdfc2022, document: document, proofOptions: options) }
    let canonPerSecond = Double(count) / (Double(DispatchTime.now().uptimeNanoseconds - canonStart) / 1e9)

    if let sampleFolder {
        try FileManager.default.createDirectory(atPath: sampleFolder, withIntermediateDirectories: true)
        for (index, bytes) in rdfc.prefix(200).enumerated() {
            try Data(bytes).write(to: URL(fileURLWithPath: sampleFolder).appendingPathComponent("credential-\(index).json"))
        }
    }

    // How long turning a report into the JSON the API returns takes, per report.
    let report = try verifier.verify(bytes: both[0]).get()
    let encodeStart = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<1000 { _ = report.jsonText() }
    let encodeMicros = Double(DispatchTime.now().uptimeNanoseconds - encodeStart) / 1e6
    print(
        #"{"credentials": \#(count), "perSecond": \#(bothRate), "rdfcPerSecond": \#(rdfcRate), "jcsPerSecond": \#(jcsRate), "#
            + #""rdfcCanonicalizePerSecond": \#(canonPerSecond), "rdfcCanonicalizeShare": \#(rdfcRate / canonPerSecond), "#
            + #""bytesEach": \#(both[0].count), "reportJSONMicroseconds": \#(encodeMicros)}"#
    )
}
