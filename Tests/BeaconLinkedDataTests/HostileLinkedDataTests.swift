import BeaconJSON
import BeaconLinkedData
import Foundation
import Testing

/// Documents built to make a canonicalizer work forever or fill memory: each is refused within
/// 2 s by the limits credentials are checked under (`JSONLD.forCredentials`, `RDFC10.forCredentials`).
@Suite struct HostileLinkedDataTests {
    static let contexts: JSONValue = .array([.string("https://www.w3.org/ns/credentials/v2"), .string("https://www.w3.org/ns/credentials/examples/v2")])

    /// Refused, quickly, with a reason.
    func expectRefused(_ document: JSONValue, processor: JSONLD = .forCredentials, _ reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let started = ContinuousClock.now
        do {
            _ = try processor.canonicalNQuads(document)
            Issue.record("accepted", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description.contains(reason), "\(error.description)", sourceLocation: sourceLocation)
        }
        #expect(ContinuousClock.now - started < .seconds(2), sourceLocation: sourceLocation)
    }

    @Test func thePoisonGraphAsJSONLD() {
        // Ten blank nodes, each linked to every other: RDFC-1.0's own poison example.
        let nodes: [JSONValue] = (0..<10).map { i in
            .object(JSONObject([
                ("id", .string("_:n\(i)")),
                ("knows", .array((0..<10).filter { $0 != i }.map { .object(JSONObject([("id", .string("_:n\($0)"))])) })),
            ]))
        }
        expectRefused(.object(JSONObject([("@context", Self.contexts), ("@graph", .array(nodes))])), "too alike")
    }

    @Test func tenThousandBlankNodes() {
        let nodes: [JSONValue] = (0..<10_000).map { .object(JSONObject([("value", .number(JSONNumber(Double($0))))])) }
        expectRefused(.object(JSONObject([("@context", Self.contexts), ("item", .array(nodes))])), "allowed")
    }

    @Test func aHugeList() {
        let items: [JSONValue] = (0..<100_000).map { .number(JSONNumber(Double($0))) }
        expectRefused(.object(JSONObject([("@context", Self.contexts), ("item", .object(JSONObject([("@list", .array(items))])))])), "steps")
    }

    @Test func deeplyNestedContexts() throws {
        // Past the JSON depth limit: the parser refuses it before JSON-LD sees it.
        let deep = String(repeating: #"{"@context":{"@vocab":"https://example.org/"},"x":"#, count: 200) + "1" + String(repeating: "}", count: 200)
        #expect(throws: JSONError.self) { try JSONValue(parsing: deep) }
        // Within it, thirty scoped contexts one inside another are bounded work.
        var context: JSONValue = .object(JSONObject([("@vocab", .string("https://example.org/"))]))
        for level in 0..<30 {
            context = .object(JSONObject([("t\(level)", .object(JSONObject([("@id", .string("https://example.org/t\(level)")), ("@context", context)])))]))
        }
        var value: JSONValue = .string("leaf")
        // t29 holds t28 holds … t0 holds "leaf", each term defined by the scoped context above it.
        for level in 0..<29 { value = .object(JSONObject([("t\(level)", value)])) }
        let started = ContinuousClock.now
        let nquads = try JSONLD.forCredentials.canonicalNQuads(.object(JSONObject([("@context", .array([context])), ("t29", value)])))
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(nquads.contains("<https://example.org/t0> \"leaf\""), "\(nquads)")
    }

    struct SelfImporting: DocumentLoader {
        func load(_ url: String) throws(JSONLDError) -> (document: JSONValue, documentURL: String) {
            switch url {
            case "https://evil.example/imports-itself":
                return (.object(JSONObject([("@context", .object(JSONObject([("@import", .string(url))])))])), url)
            default:
                return (.object(JSONObject([("@context", .string(url))])), url)
            }
        }
    }

    @Test func aContextThatImportsOrIncludesItself() {
        var processor = JSONLD.forCredentials
        processor.loader = SelfImporting()
        expectRefused(.object(JSONObject([("@context", .string("https://evil.example/imports-itself")), ("@id", .string("urn:x"))])), processor: processor, "@import")
        expectRefused(.object(JSONObject([("@context", .string("https://evil.example/includes-itself")), ("@id", .string("urn:x"))])), processor: processor, "includes itself")
        // And Beacon's own loader never goes to the network for it.
        expectRefused(.object(JSONObject([("@context", .string("https://evil.example/imports-itself")), ("@id", .string("urn:x"))])), "never fetches")
    }
}
