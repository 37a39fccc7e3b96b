import BeaconJSON
import BeaconLinkedData
import Testing

/// Safe mode: what plain JSON-LD would drop or merge without a word is an error naming it.
@Suite struct SafeModeTests {
    func refusal(_ text: String) -> String? {
        guard let document = try? JSONValue(parsing: text) else { return "not JSON" }
        do {
            _ = try JSONLD.forCredentials.toRDF(document)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func anUndefinedTermIsNamedWithItsPath() {
        let message = refusal(#"{"@context": "https://www.w3.org/ns/credentials/v2", "type": "VerifiableCredential", "credentialSubject": {"favouriteColour": "blue"}}"#)
        #expect(message?.contains("\"favouriteColour\" at credentialSubject.favouriteColour") == true, "\(message ?? "accepted")")
    }

    @Test func aRelativeIdOrTypeIsRefused() {
        #expect(refusal(#"{"@context": "https://www.w3.org/ns/credentials/v2", "id": "relative/1", "type": "VerifiableCredential"}"#)?.contains("not an absolute IRI") == true)
        #expect(refusal(#"{"@context": "https://www.w3.org/ns/credentials/v2", "type": ["VerifiableCredential", "MadeUp"]}"#)?.contains("MadeUp") == true)
    }

    @Test func textWhereTheContextTypesANumberOrBooleanIsRefused() {
        let message = refusal(#"{"@context": {"flag": {"@id": "https://example.org/flag", "@type": "http://www.w3.org/2001/XMLSchema#boolean"}}, "@id": "urn:x", "flag": "false"}"#)
        #expect(message?.contains("without quotes") == true, "\(message ?? "accepted")")
        #expect(refusal(#"{"@context": {"flag": {"@id": "https://example.org/flag", "@type": "http://www.w3.org/2001/XMLSchema#boolean"}}, "@id": "urn:x", "flag": false}"#) == nil)
    }

    @Test func termsMatchCodePointForCodePointNotByUnicodeEquivalence() {
        // "café" defined in NFC; the document's key is the same word in NFD.
        #expect(refusal("{\"@context\": {\"caf\u{E9}\": \"https://example.org/cafe\"}, \"@id\": \"urn:x\", \"cafe\u{301}\": \"x\"}") != nil)
        #expect(refusal("{\"@context\": {\"caf\u{E9}\": \"https://example.org/cafe\"}, \"@id\": \"urn:x\", \"caf\u{E9}\": \"x\"}") == nil)
    }
}
