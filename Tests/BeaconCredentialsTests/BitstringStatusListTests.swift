import Testing
@testable import BeaconCredentials

@Suite("Bit access and round trip")
struct BitstringStatusListTests {
    @Test("Default and requested lengths")
    func lengths() {
        #expect(BitstringStatusList().count == 131_072)
        #expect(BitstringStatusList().bytes.count == 16_384)
        #expect(BitstringStatusList(length: 10).count == BitstringStatusList.minimumLength)
        #expect(BitstringStatusList(length: -5).count == BitstringStatusList.minimumLength)
        #expect(BitstringStatusList(length: 131_073).count == 131_080)  // rounded up to whole bytes
        #expect(BitstringStatusList().setIndices.isEmpty)
    }

    @Test("Index 0 is the most significant bit of byte 0")
    func bitOrder() throws {
        var list = BitstringStatusList()
        try list.set(0, true)
        #expect(list.bytes[0] == 0x80)
        try list.set(7, true)
        #expect(list.bytes[0] == 0x81)
        try list.set(8, true)
        #expect(list.bytes[1] == 0x80)
        try list.set(0, false)
        #expect(list.bytes[0] == 0x01)
        list[131_071] = true
        #expect(list.bytes[16_383] == 0x01)
        #expect(list[131_071])
    }

    @Test("Encode then decode preserves exactly the set bits")
    func roundTrip() throws {
        var list = BitstringStatusList()
        var rng = SystemRandomNumberGenerator()
        var expected: Set<Int> = [0, 7, 8, 131_071]
        for _ in 0..<20 {
            expected.insert(Int.random(in: 0..<list.count, using: &rng))
        }
        for index in expected {
            try list.set(index, true)
        }
        let encoded = try list.encoded()
        #expect(encoded.hasPrefix("uH4sI"))  // "u" + base64url of 1f 8b 08
        #expect(!encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))

        let decoded = try BitstringStatusList(encoded: encoded)
        #expect(decoded == list)
        #expect(Set(decoded.setIndices) == expected)
    }

    @Test("Lists shorter than the spec minimum decode but are flagged")
    func shortList() throws {
        let shortBytes: [UInt8] = [0x80, 0, 0, 1]
        let encoded = "u" + Base64URL.encode(try Gzip.compress(shortBytes))
        let list = try BitstringStatusList(encoded: encoded)
        #expect(list.count == 32)
        #expect(!list.meetsMinimumLength)
        #expect(list.setIndices == [0, 31])
        #expect(statusListError { () throws(StatusListError) in try list.checkMinimumLength() }?.kind == .tooShort(32))
        #expect(statusListError { () throws(StatusListError) in try BitstringStatusList().checkMinimumLength() } == nil)
    }

    @Test("Concatenated gzip members decode back to back")
    func multiMember() throws {
        let first = try Gzip.compress([0xFF, 0x00])
        let second = try Gzip.compress([0x00, 0x01])
        let list = try BitstringStatusList(encoded: "u" + Base64URL.encode(first + second))
        #expect(list.bytes == [0xFF, 0x00, 0x00, 0x01])
    }
}
