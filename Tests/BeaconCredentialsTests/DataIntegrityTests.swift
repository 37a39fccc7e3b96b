import Foundation
import Testing
@testable import BeaconCredentials

func fixture(_ path: String) throws -> [UInt8] { try Fixtures.bytes(path) }

func object(_ path: String) throws -> JSONObject {
    guard case .object(let object) = try JSONValue(parsing: fixture(path)) else { throw CredentialError("\(path) is not an object") }
    return object
}

/// The W3C vector's key, from keyPair.json.
func vectorKey() throws -> SigningKey {
    let pair = try JSONValue(parsing: fixture("eddsa-jcs-2022/keyPair.json"))
    let secret = try #require(pair["privateKeyMultibase"]?.stringValue)
    return try SigningKey(seed: try #require(Multikey.decodeSecret(secret)))
}

@Suite struct DataIntegrityTests {
    @Test func signingTheW3CVectorReproducesItsProofByteForByte() throws {
        let key = try vectorKey()
        let expected = try object("eddsa-jcs-2022/signedJCS.json")
        #expect(key.didKey.verificationMethod == expected["proof"]?["verificationMethod"]?.stringValue)
        let signed = try DataIntegrity.sign(try object("eddsa-jcs-2022/unsigned.json"), with: key, created: "2023-02-24T23:36:38Z", suites: [.eddsaJcs2022])
        #expect(signed["proof"]?["proofValue"]?.stringValue == expected["proof"]?["proofValue"]?.stringValue)
        #expect(signed == expected)
        // The intermediate values too.
        var unsecured = signed
        unsecured["proof"] = nil
        #expect(try JCS.canonicalize(.object(unsecured)) == fixture("eddsa-jcs-2022/canonDocJCS.txt"))
        let combined = String(decoding: try fixture("eddsa-jcs-2022/combinedHashJCS.txt"), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        var options = try #require(signed["proof"]?.objectValue)
        options["proofValue"] = nil
        let hash = try DataIntegrity.hashData(document: unsecured, proofOptions: options)
        #expect(hash.map { String(format: "%02x", $0) }.joined() == combined)
    }

    @Test func theW3CSignedVectorVerifiesAndAnyChangeIsRejected() throws {
        let signed = try object("eddsa-jcs-2022/signedJCS.json")
        #expect(DataIntegrity.verify(signed) == .valid(.init(try vectorKey().didKey)))
        var changed = signed
        changed["name"] = .string("Alumni Credential!")
        guard case .invalid = DataIntegrity.verify(changed) else {
            Issue.record("a changed name must not verify")
            return
        }
    }

    @Test func proofsThatAreMissingDuplicatedOrForeignAreNamed() throws {
        let signed = try object("eddsa-jcs-2022/signedJCS.json")
        var missing = signed
        missing["proof"] = nil
        #expect(DataIntegrity.verify(missing) == .missing)
        var doubled = signed
        doubled["proof"] = .array([signed["proof"]!, signed["proof"]!])
        // A proof set: each proof is checked on its own, and one valid proof is enough.
        #expect(DataIntegrity.checkProofs(doubled).count == 2)
        #expect(DataIntegrity.verify(doubled) == .valid(.init(try vectorKey().didKey)))
        var other = signed
        var proof = try #require(signed["proof"]?.objectValue)
        proof["cryptosuite"] = .string("ecdsa-rdfc-2019")
        other["proof"] = .object(proof)
        guard case .unsupported = DataIntegrity.verify(other) else {
            Issue.record("another cryptosuite must be unsupported")
            return
        }
        // The same signature claimed by another key.
        proof = try #require(signed["proof"]?.objectValue)
        proof["verificationMethod"] = .string(SigningKey.generate().didKey.verificationMethod)
        other["proof"] = .object(proof)
        guard case .invalid = DataIntegrity.verify(other) else {
            Issue.record("a swapped key must not verify")
            return
        }
    }
}
