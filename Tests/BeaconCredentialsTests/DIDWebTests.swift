import BeaconCredentials
import Foundation
import Testing

/// did:web identifiers, their documents, and signing and verifying under one.
@Suite struct DIDWebUnitTests {
    @Test(arguments: [
        ("did:web:w3c-ccg.github.io", "https://w3c-ccg.github.io/.well-known/did.json"),
        ("did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json"),
        ("did:web:example.com%3A3000", "https://example.com:3000/.well-known/did.json"),
        ("did:web:example.com%3A3000:user:alice", "https://example.com:3000/user/alice/did.json"),
    ])
    func resolvesToTheMethodsURL(did: String, url: String) throws {
        #expect(try #require(DIDWeb(did: did)).documentURL == url)
    }

    @Test(arguments: ["did:web:", "did:web:bad host", "did:web:example.com/path", "did:web:example.com#frag", "did:web:example.com%3A99999", "did:web:example.com::x", "did:key:z6Mk"])
    func refusesWhatIsNotOne(did: String) {
        #expect(DIDWeb(did: did) == nil)
    }

    @Test func aCredentialSignedAsADIDWebVerifiesAgainstItsDocumentOnly() throws {
        let key = SigningKey.generate(), other = SigningKey.generate()
        let web = try #require(DIDWeb(host: "certs.example.org"))
        #expect(web.did == "did:web:certs.example.org")
        let issued = Issued(key: key)
        var content = issued.content()
        content.issuerDID = web.did
        let signed = try DataIntegrity.sign(
            OpenBadgeCredential.unsigned(content), with: key, created: CredentialVerifier.timestamp(issued.now), proofAsArray: true,
            verificationMethod: web.verificationMethod(key.didKey)
        )
        let document = web.document(keys: [other.didKey, key.didKey])
        #expect(DataIntegrity.verify(signed, didDocuments: [web.did: document]) == .valid(.init(did: web.did, key: key.didKey)))
        // No document: unsupported, with where it is published.
        guard case .unsupported(let why) = DataIntegrity.verify(signed) else { throw Failure() }
        #expect(why.contains(web.documentURL))
        #expect(DataIntegrity.didWebNeeded(signed, trusted: [web.did]) == [web.did])
        #expect(DataIntegrity.didWebNeeded(signed, trusted: []).isEmpty, "an untrusted did:web is never fetched")
        // A document for another DID, one without the key, or one whose key is another's: invalid.
        var wrongID = document
        wrongID["id"] = .string("did:web:evil.example")
        for (bad, reason) in [(wrongID, "is for"), (web.document(keys: [other.didKey]), "does not list")] {
            guard case .invalid(let message) = DataIntegrity.verify(signed, didDocuments: [web.did: bad]) else { throw Failure() }
            #expect(message.contains(reason), "\(message)")
        }
        var swapped = document
        swapped["verificationMethod"] = .array([.object(JSONObject([
            ("id", .string(web.verificationMethod(key.didKey))), ("type", .string("Multikey")), ("controller", .string(web.did)),
            ("publicKeyMultibase", .string(other.didKey.publicKeyMultibase)),
        ]))])
        guard case .invalid = DataIntegrity.verify(signed, didDocuments: [web.did: swapped]) else { throw Failure() }
    }

    struct Failure: Error {}
}
