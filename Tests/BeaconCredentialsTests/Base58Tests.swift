import BeaconCredentials
import Testing

@Suite("Base58 and multibase")
struct Base58Tests {
    @Test func knownVectors() {
        #expect(Base58.encode([]) == "")
        #expect(Base58.encode(Array("Hello World!".utf8)) == "2NEpo7TZRRrLZSi2U")
        #expect(Base58.encode(Array("The quick brown fox jumps over the lazy dog.".utf8))
            == "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z")
        #expect(Base58.encode([0x00, 0x00, 0x28, 0x7f, 0xb4, 0xcd]) == "11233QC4")
        #expect(Base58.decode("11233QC4") == [0x00, 0x00, 0x28, 0x7f, 0xb4, 0xcd])
        #expect(Base58.decode("2NEpo7TZRRrLZSi2U") == Array("Hello World!".utf8))
    }

    @Test func leadingZerosMapToLeadingOnes() {
        #expect(Base58.encode([0]) == "1")
        #expect(Base58.encode([0, 0, 0]) == "111")
        #expect(Base58.decode("1") == [0])
        #expect(Base58.decode("") == [])
        #expect(Base58.encode([0, 0, 1]) == "112")
    }

    @Test func rejectsCharactersOutsideAlphabet() {
        for bad in ["0", "O", "I", "l", "abc!", " 2", "2 ", "é", "+"] {
            #expect(Base58.decode(bad) == nil, "decoding \(bad)")
        }
    }

    @Test func roundTripsRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<70 {
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if length > 3 { bytes[0] = 0; bytes[1] = 0 }
            #expect(Base58.decode(Base58.encode(bytes)) == bytes)
        }
    }

    @Test func multibaseBase58btc() {
        #expect(Multibase.encodeBase58btc(Array("Hello World!".utf8)) == "z2NEpo7TZRRrLZSi2U")
        #expect(Multibase.decode("z2NEpo7TZRRrLZSi2U") == Array("Hello World!".utf8))
    }

    @Test func multibaseBase64url() {
        // RFC 4648 test strings, unpadded, url alphabet.
        let cases: [(String, String)] = [
            ("", "u"), ("f", "uZg"), ("fo", "uZm8"), ("foo", "uZm9v"),
            ("foob", "uZm9vYg"), ("fooba", "uZm9vYmE"), ("foobar", "uZm9vYmFy"),
        ]
        for (plain, encoded) in cases {
            #expect(Multibase.encodeBase64url(Array(plain.utf8)) == encoded)
            #expect(Multibase.decode(encoded) == Array(plain.utf8))
        }
        #expect(Multibase.encodeBase64url([0xFB, 0xFF, 0xBF]) == "u-_-_")
        #expect(Multibase.decode("u-_-_") == [0xFB, 0xFF, 0xBF])
    }

    @Test func multibaseRejectsMalformedInput() {
        #expect(Multibase.decode("") == nil)
        #expect(Multibase.decode("m" + "Zm9v") == nil)  // base64 (padded alphabet) not accepted
        #expect(Multibase.decode("f666f6f") == nil)
        #expect(Multibase.decode("uZm9v=") == nil)  // padding
        #expect(Multibase.decode("uZm+v") == nil)  // standard alphabet
        #expect(Multibase.decode("uZ") == nil)  // impossible length
        #expect(Multibase.decode("uZh") == nil)  // non-zero trailing bits
        #expect(Multibase.decode("z0") == nil)
    }
}
