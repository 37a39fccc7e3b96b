import BeaconCredentials
import Foundation

/// Signs `count` distinct Open Badges credentials, then times verifying all of them on this
/// thread; prints JSON with the rate.
func verifyBench(count: Int) throws {
    let key = SigningKey.generate()
    let now = Date()
    let base = "https://bench.example"
    var lists: [String: JSONObject] = [:]
    for purpose in ["revocation", "suspension"] {
        let list = try StatusListCredential.unsigned(base: base, purpose: purpose, issuer: key.didKey, list: BitstringStatusList(), validFrom: now)
        lists[StatusListCredential.url(base: base, purpose: purpose)] = try DataIntegrity.sign(list, with: key, created: CredentialVerifier.timestamp(now))
    }

    // Distinct credentials, serialized: verification starts from bytes, as `beacon verify` does.
    var documents: [[UInt8]] = []
    documents.reserveCapacity(count)
    for index in 0..<count {
        let content = BadgeContent(
            id: "urn:uuid:\(UUID().uuidString.lowercased())", issuer: key.didKey, issuerName: "Bench Academy", issuerURL: nil,
            holderName: "Trainee \(index)", achievementId: "urn:beacon:program:bench:cps", achievementName: "Certified Peer Support Specialist",
            achievementDescription: "Benchmark credential.", criteria: "The holder completed every requirement.",
            validFrom: now.addingTimeInterval(-60), validUntil: now.addingTimeInterval(86_400 * 730),
            statusIndex: index, statusBaseURL: base, replaces: nil
        )
        let signed = try DataIntegrity.sign(OpenBadgeCredential.unsigned(content), with: key, created: CredentialVerifier.timestamp(now), proofAsArray: true)
        documents.append(Array(JSONValue.object(signed).serialized().utf8))
    }

    let verifier = CredentialVerifier(trustedIssuers: [key.didKey.did], now: now, statusLists: lists)
    let started = DispatchTime.now().uptimeNanoseconds
    var verified = 0
    for document in documents {
        if case .success(let report) = verifier.verify(bytes: document), report.verified { verified += 1 }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    guard verified == count else {
        FileHandle.standardError.write(Data("only \(verified) of \(count) credentials verified\n".utf8))
        exit(1)
    }
    // How long turning a report into the JSON the API returns takes, per report.
    let report = try verifier.verify(bytes: documents[0]).get()
    let encodeStart = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<1000 { _ = report.jsonText() }
    let encodeMicros = Double(DispatchTime.now().uptimeNanoseconds - encodeStart) / 1e6
    print(#"{"credentials": \#(count), "seconds": \#(seconds), "perSecond": \#(Double(count) / seconds), "bytesEach": \#(documents[0].count), "reportJSONMicroseconds": \#(encodeMicros)}"#)
}
