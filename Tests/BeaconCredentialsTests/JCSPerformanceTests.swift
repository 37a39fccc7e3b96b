import BeaconCredentials
import Testing

@Suite("JCS performance")
struct JCSPerformanceTests {
    /// A ~2 KB credential: the W3C example plus a proof and a few typical extra fields.
    static func credential() throws -> JSONValue {
        var document = try #require(Fixtures.json("eddsa-jcs-2022/unsigned.json").objectValue)
        document["proof"] = try Fixtures.json("eddsa-jcs-2022/proofConfigJCS.json")
        document["credentialStatus"] = [
            "id": "https://example.com/credentials/status/3#94567",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": "94567",
            "statusListCredential": "https://example.com/credentials/status/3",
        ]
        document["evidence"] = .array((0..<8).map { i in
            ["id": .string("urn:uuid:evidence-\(i)"), "score": .number(JSONNumber(Double(i) * 12.5)),
             "narrative": "Completed the assessment with distinction; reviewer notes attached.", "ok": true]
        })
        return .object(document)
    }

    @Test func canonicalizesTwoKilobyteCredentialInMicroseconds() throws {
        let value = try Self.credential()
        let size = try JCS.canonicalize(value).count
        #expect(size > 1500 && size < 4000)
        let iterations = 200
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for _ in 0..<iterations { _ = try JCS.canonicalize(value) }
        }
        let perCall = elapsed / iterations
        // Debug builds on a shared 2-core machine: generous bound, still far below a millisecond.
        #expect(perCall < .milliseconds(1), "JCS of \(size) bytes took \(perCall) per call")
    }

    @Test func parsesTwoKilobyteCredentialQuickly() throws {
        let text = try Self.credential().serializedBytes()
        let clock = ContinuousClock()
        let iterations = 200
        let elapsed = try clock.measure {
            for _ in 0..<iterations { _ = try JSONValue(parsing: text) }
        }
        #expect(elapsed / iterations < .milliseconds(1))
    }
}
