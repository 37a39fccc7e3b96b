import Testing
@testable import BeaconCredentials

@Suite("Error handling")
struct ErrorTests {
    private func encode(_ bytes: [UInt8]) -> String {
        "u" + Base64URL.encode(bytes)
    }

    @Test("Out-of-range indices throw instead of trapping")
    func indexOutOfRange() {
        var list = BitstringStatusList()
        let count = list.count
        #expect(statusListError { () throws(StatusListError) in try list.isSet(-1) }?.kind == .indexOutOfRange(-1, count: count))
        #expect(statusListError { () throws(StatusListError) in try list.isSet(count) }?.kind == .indexOutOfRange(count, count: count))
        #expect(statusListError { () throws(StatusListError) in try list.set(count, true) }?.kind == .indexOutOfRange(count, count: count))
        #expect(statusListError { () throws(StatusListError) in try list.set(Int.min, true) }?.kind == .indexOutOfRange(Int.min, count: count))
        #expect(list.setIndices.isEmpty)
        let error = StatusListError(.indexOutOfRange(131_072, count: 131_072))
        #expect(error.description == "status list index 131072 is out of range 0..<131072")
    }

    @Test("Garbage text is rejected as not base64", arguments: [
        "u!!!not base64!!!",
        "uH4sI AAAA",        // whitespace
        "uH4sIA",            // 4n+1 characters can never be valid
        "uH4s=IAA",          // padding in the middle
        "uH4sIAA===",        // too much padding
        "uH4sIAA=",          // 7 characters after the prefix: "=" cannot complete a group
        "uH4sIé",            // non-ASCII
    ])
    func notBase64(_ text: String) {
        #expect(statusListError { () throws(StatusListError) in try BitstringStatusList(encoded: text) }?.kind == .notBase64, "\(text)")
    }

    @Test("Valid base64 of non-gzip bytes is rejected as not gzip")
    func notGzip() throws {
        let cases: [(String, [UInt8])] = [
            ("plain text", Array("hello, status list".utf8)),
            ("empty", []),
            ("raw zlib stream", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]),
            ("gzip magic with wrong method", [0x1F, 0x8B, 0x07, 0, 0, 0, 0, 0, 0, 3]),
        ]
        for (label, bytes) in cases {
            let error = statusListError { () throws(StatusListError) in try BitstringStatusList(encoded: encode(bytes)) }
            #expect(error?.kind == .notGzip, "\(label)")
        }

        var listBytes = BitstringStatusList()
        try listBytes.set(42, true)
        let good = try Gzip.compress(listBytes.bytes)

        var badCRC = good
        badCRC[badCRC.count - 8] ^= 0xFF
        var corrupt = good
        corrupt[12] ^= 0xFF
        let malformed: [(String, [UInt8])] = [
            ("truncated", Array(good.dropLast(5))),
            ("header only", Array(good.prefix(10))),
            ("bad CRC", badCRC),
            ("corrupt deflate data", corrupt),
            ("trailing junk", good + [0x00, 0x01]),
        ]
        for (label, bytes) in malformed {
            let error = statusListError { () throws(StatusListError) in try BitstringStatusList(encoded: encode(bytes)) }
            #expect(error?.kind == .notGzip, "\(label): \(error?.description ?? "no error")")
        }
    }

    @Test("Output cap is exact")
    func capBoundary() throws {
        let encoded = try BitstringStatusList().encoded()
        #expect(try BitstringStatusList(encoded: encoded, maxDecodedBytes: 16_384).count == 131_072)
        let error = statusListError { () throws(StatusListError) in try BitstringStatusList(encoded: encoded, maxDecodedBytes: 16_383) }
        #expect(error?.kind == .tooLarge)
        #expect(statusListError { () throws(StatusListError) in try BitstringStatusList(encoded: encoded, maxDecodedBytes: 0) }?.kind == .tooLarge)
    }

    @Test("A gzip bomb fails fast with tooLarge")
    func gzipBomb() throws {
        let zeros = [UInt8](repeating: 0, count: 100 << 20)
        let bomb = try Gzip.compress(zeros)
        let encoded = encode(bomb)
        print("gzip bomb: 100 MiB of zeros -> \(bomb.count) bytes gzip, \(encoded.utf8.count) characters encoded")
        #expect(bomb.count < 200_000)

        var error: StatusListError?
        let elapsed = ContinuousClock().measure {
            error = statusListError { () throws(StatusListError) in try BitstringStatusList(encoded: encoded, maxDecodedBytes: 16 << 20) }
        }
        print("gzip bomb rejected in \(elapsed)")
        #expect(error?.kind == .tooLarge)
        #expect(elapsed < .seconds(2))
    }
}
