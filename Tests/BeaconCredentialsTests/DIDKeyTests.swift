import BeaconCredentials
import Testing

@Suite("Multikey and did:key")
struct DIDKeyTests {
    static let eddsaPublicMultibase = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    static let eddsaSecretMultibase = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"
    static let eddsaPublicHex = "b00d8d938e7f773d51565aad36a623f5344f7f5d1960f9cf3e8e12620ea2810f"
    static let eddsaSeedHex = "c96ef9ea10c5e414c471723aff9de72c35fa5b70fae97e8832ecac7d2e2b8ed6"

    @Test func w3cEddsaKeyPair() throws {
        let publicKey = try #require(Multikey.decodePublic(Self.eddsaPublicMultibase))
        #expect(hex(publicKey) == Self.eddsaPublicHex)
        #expect(Multikey.encodePublic(publicKey) == Self.eddsaPublicMultibase)
        let seed = try #require(Multikey.decodeSecret(Self.eddsaSecretMultibase))
        #expect(hex(seed) == Self.eddsaSeedHex)
        #expect(Multikey.encodeSecret(seed) == Self.eddsaSecretMultibase)
        // The vector file itself.
        let keyPair = try Fixtures.json("eddsa-jcs-2022/keyPair.json")
        #expect(keyPair["publicKeyMultibase"]?.stringValue == Self.eddsaPublicMultibase)
        #expect(keyPair["privateKeyMultibase"]?.stringValue == Self.eddsaSecretMultibase)
    }

    @Test func w3cEddsaVerificationMethod() throws {
        let key = try #require(DIDKey(publicKey: bytes(hex: Self.eddsaPublicHex)))
        let expected = "did:key:\(Self.eddsaPublicMultibase)#\(Self.eddsaPublicMultibase)"
        #expect(key.verificationMethod == expected)
        let proof = try Fixtures.json("eddsa-jcs-2022/proofConfigJCS.json")
        #expect(proof["verificationMethod"]?.stringValue == expected)
        #expect(DIDKey(did: expected) == key)
    }

    @Test func multikeyHeadersAreChecked() throws {
        let publicKey = try #require(Multikey.decodePublic(Self.eddsaPublicMultibase))
        // A public key is not a secret key and vice versa.
        #expect(Multikey.decodeSecret(Self.eddsaPublicMultibase) == nil)
        #expect(Multikey.decodePublic(Self.eddsaSecretMultibase) == nil)
        // Wrong lengths, wrong multibase, raw base58 without the header.
        #expect(Multikey.decodePublic(Multibase.encodeBase58btc([0xED, 0x01] + publicKey.dropLast())) == nil)
        #expect(Multikey.decodePublic(Multibase.encodeBase58btc([0xED, 0x01] + publicKey + [0])) == nil)
        #expect(Multikey.decodePublic(Multibase.encodeBase64url([0xED, 0x01] + publicKey)) == nil)
        #expect(Multikey.decodePublic(Multibase.encodeBase58btc(publicKey)) == nil)
        #expect(Multikey.decodePublic(String(Self.eddsaPublicMultibase.dropFirst())) == nil)
        #expect(Multikey.decodePublic("") == nil)
    }

    /// Every Ed25519 entry of the did:key method's own test vectors. Four give the key as
    /// publicKeyBase58; the last gives it as a JWK (base64url "x"), checked the same way.
    @Test func didMethodKeyVectors() throws {
        let vectors = try #require(Fixtures.json("did-key/ed25519-x25519.json").objectValue)
        #expect(vectors.count == 5)
        var base58Entries = 0
        for (did, entry) in vectors {
            let pair = try #require(entry["verificationKeyPair"])
            let raw: [UInt8]
            if let base58 = pair["publicKeyBase58"]?.stringValue {
                raw = try #require(Base58.decode(base58))
                base58Entries += 1
            } else {
                #expect(pair["publicKeyJwk"]?["crv"] == "Ed25519")
                let x = try #require(pair["publicKeyJwk"]?["x"]?.stringValue)
                raw = try #require(Multibase.decode("u" + x))
            }
            #expect(raw.count == 32)
            let key = try #require(DIDKey(publicKey: raw))
            #expect(key.did == did)
            #expect(DIDKey(did: did)?.publicKey == raw)

            let document = try #require(entry["didDocument"])
            #expect(document["id"]?.stringValue == did)
            let method = try #require(document["verificationMethod"]?.arrayValue?.first)
            #expect(method["id"]?.stringValue == key.verificationMethod)
            #expect(method["publicKeyBase58"] == pair["publicKeyBase58"])
            #expect(document["assertionMethod"]?.arrayValue?.first?.stringValue == key.verificationMethod)
            #expect(DIDKey(did: key.verificationMethod)?.publicKey == raw)
            // The pair's id is the verification method, relative ("#" + multibase) or absolute.
            let pairID = try #require(pair["id"]?.stringValue)
            #expect(pairID == "#" + key.publicKeyMultibase || pairID == key.verificationMethod)
        }
        #expect(base58Entries == 4)
    }

    @Test func didParsingIsStrict() throws {
        let good = "did:key:\(Self.eddsaPublicMultibase)"
        #expect(DIDKey(did: good) != nil)
        // Fragment must be the same key.
        #expect(DIDKey(did: good + "#") == nil)
        #expect(DIDKey(did: good + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp") == nil)
        #expect(DIDKey(did: good + "#key-1") == nil)
        // Other methods, casing, X25519 keys, junk.
        #expect(DIDKey(did: "did:web:\(Self.eddsaPublicMultibase)") == nil)
        #expect(DIDKey(did: "DID:KEY:\(Self.eddsaPublicMultibase)") == nil)
        #expect(DIDKey(did: "did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW") == nil)
        #expect(DIDKey(did: good + "?query") == nil)
        #expect(DIDKey(did: "did:key:") == nil)
        #expect(DIDKey(did: "") == nil)
    }

    @Test func publicKeyMustBe32Bytes() {
        #expect(DIDKey(publicKey: []) == nil)
        #expect(DIDKey(publicKey: [UInt8](repeating: 1, count: 31)) == nil)
        #expect(DIDKey(publicKey: [UInt8](repeating: 1, count: 33)) == nil)
        let key = DIDKey(publicKey: [UInt8](repeating: 0, count: 32))
        #expect(key?.did.hasPrefix("did:key:z6Mk") == true)
        #expect(key.flatMap { DIDKey(did: $0.did) } == key)
    }
}
