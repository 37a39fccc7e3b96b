import BeaconCredentials
import Foundation
import Testing

/// eddsa-rdfc-2022 proofs on Beacon's own credentials: the proof set's shape, and the tamper
/// corpus run against the rdfc proof alone.
@Suite struct RDFCProofTests {
    func rdfcOnly(_ issued: Issued) throws -> JSONObject {
        try DataIntegrity.sign(OpenBadgeCredential.unsigned(issued.content()), with: issued.key, created: CredentialVerifier.timestamp(issued.now),
                               suites: [.eddsaRdfc2022], proofAsArray: true)
    }

    @Test func credentialsAndStatusListsCarryTheRdfcProofFirstThenTheJcsProof() throws {
        let issued = Issued()
        for document in [try issued.credential()] + Array(try issued.lists().values) {
            let proofs = try #require(document["proof"]?.arrayValue)
            #expect(proofs.compactMap { $0["cryptosuite"]?.stringValue } == ["eddsa-rdfc-2022", "eddsa-jcs-2022"])
            #expect(DataIntegrity.checkProofs(document).allSatisfy { $0.outcome == .valid(.init(issued.key.didKey)) })
        }
        let report = try issued.verifier().verify(try issued.credential())
        #expect(report.verified && report.proofs.map(\.result) == ["valid", "valid"], "\(report)")
    }

    @Test func everyValueChangedUnderTheRdfcProofAloneIsRefused() throws {
        let issued = Issued()
        let credential = try rdfcOnly(issued)
        let verifier = try issued.verifier()
        #expect(verifier.verify(credential).verified)
        #expect(tamperEveryValue(credential, verifier) > 50)
    }

    @Test func aTermTheContextsDoNotDefineIsRefusedByName() throws {
        let issued = Issued()
        var credential = try rdfcOnly(issued)
        var subject = try #require(credential["credentialSubject"]?.objectValue)
        subject["favouriteColour"] = .string("blue")
        credential["credentialSubject"] = .object(subject)
        let report = try issued.verifier().verify(credential)
        #expect(!report.verified && report.checks.signature == "invalid")
        #expect(report.problems.contains { $0.contains("favouriteColour") }, "\(report.problems)")
    }

    @Test func aReorderedOrSwappedContextIsRefused() throws {
        let issued = Issued()
        let credential = try rdfcOnly(issued)
        let contexts = try #require(credential["@context"]?.arrayValue)
        var reordered = credential
        reordered["@context"] = .array(contexts.reversed())
        var swapped = credential
        swapped["@context"] = .array([contexts[0], .string("https://www.w3.org/ns/credentials/examples/v2")])
        for tampered in [reordered, swapped] {
            #expect(!(try issued.verifier().verify(tampered).verified))
        }
    }

    @Test func aProofMovedToAnotherCredentialOrGivenTheOtherSuitesNameIsRefused() throws {
        let issued = Issued()
        let first = try issued.credential()
        let other = Issued(key: issued.key, index: issued.index + 1)
        var second = try other.credential()
        second["proof"] = first["proof"]
        #expect(!(try issued.verifier().verify(second).verified))
        var swapped = first
        var proofs = try #require(first["proof"]?.arrayValue)
        guard case .object(var rdfc) = proofs[0], case .object(var jcs) = proofs[1] else { throw Failure("proofs are objects") }
        rdfc["cryptosuite"] = .string("eddsa-jcs-2022")
        jcs["cryptosuite"] = .string("eddsa-rdfc-2022")
        proofs = [.object(rdfc), .object(jcs)]
        swapped["proof"] = .array(proofs)
        let report = try issued.verifier().verify(swapped)
        #expect(!report.verified && report.proofs.allSatisfy { $0.result == "invalid" }, "\(report.proofs)")
    }

    struct Failure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
