import BeaconJSON
import BeaconLinkedData
import Foundation
import Testing

/// The W3C rdf-canon test suite, every entry, run from its manifest.
struct RDFCanonSuiteTests {
    struct Entry: Sendable, CustomTestStringConvertible {
        var id: String
        var type: String
        var action: String
        var result: String?
        var sha384: Bool
        var testDescription: String { "\(id) \(type)" }
    }

    static let entries: [Entry] = {
        guard let manifest = try? Fixtures.json("rdf-canon/tests/manifest.jsonld"), let list = manifest["entries"]?.arrayValue else { return [] }
        return list.map { entry in
            Entry(
                id: entry["id"]?.stringValue ?? "?",
                type: entry["type"]?.stringValue ?? "?",
                action: entry["action"]?.stringValue ?? "",
                result: entry["result"]?.stringValue,
                sha384: entry["hashAlgorithm"]?.stringValue == "SHA384"
            )
        }
    }()

    @Test func theManifestListsEveryKind() {
        #expect(Self.entries.count == 86)
        #expect(Set(Self.entries.map(\.type)) == ["rdfc:RDFC10EvalTest", "rdfc:RDFC10MapTest", "rdfc:RDFC10NegativeEvalTest"])
    }

    @Test(arguments: entries)
    func entry(_ entry: Entry) throws {
        let input = try NQuads.parse(try Fixtures.text("rdf-canon/tests/" + entry.action))
        var canonicalizer = RDFC10()
        if entry.sha384 { canonicalizer.hashAlgorithm = .sha384 }
        switch entry.type {
        case "rdfc:RDFC10EvalTest":
            let expected = try Fixtures.text("rdf-canon/tests/" + entry.result!)
            #expect(try canonicalizer.canonicalize(input) == expected)
        case "rdfc:RDFC10MapTest":
            let expected = try Fixtures.json("rdf-canon/tests/" + entry.result!)
            let labels = try canonicalizer.canonicalLabels(input)
            let expectedLabels = Dictionary(uniqueKeysWithValues: (expected.objectValue ?? JSONObject()).map { ($0.key, $0.value.stringValue ?? "") })
            #expect(labels == expectedLabels)
        default:
            let started = ContinuousClock.now
            #expect(throws: CanonicalizationError.self) { try canonicalizer.canonicalize(input) }
            #expect(ContinuousClock.now - started < .seconds(2))
        }
    }

    /// The work limit must leave every positive test far inside it: report the largest need.
    @Test func theWorkLimitLeavesRoomForEveryPositiveTest() throws {
        var most = 0
        for entry in Self.entries where entry.type != "rdfc:RDFC10NegativeEvalTest" {
            let input = try NQuads.parse(try Fixtures.text("rdf-canon/tests/" + entry.action))
            var canonicalizer = RDFC10()
            if entry.sha384 { canonicalizer.hashAlgorithm = .sha384 }
            most = max(most, try canonicalizer.labelling(input).work)
        }
        #expect(most * 10 <= RDFC10().maxWork, "the hardest suite test needed \(most) steps")
    }
}
