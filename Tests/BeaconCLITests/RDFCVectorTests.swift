import Foundation
import Testing

/// The W3C eddsa-rdfc-2022 test vectors (vc-di-eddsa), both sets, reproduced byte for byte by
/// `beacon sign --suite eddsa-rdfc-2022 --created … --explain`, and verified by `beacon verify`.
@Suite struct RDFCVectorTests {
    static let folder = LintCommandTests.root.appendingPathComponent("Tests/BeaconLinkedDataTests/Fixtures/eddsa-rdfc-2022")

    func text(_ name: String) throws -> String {
        try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// The part of `--explain` output under `-- heading`.
    func section(_ heading: String, of output: String) -> String {
        guard let start = output.range(of: "-- \(heading)\n") else { return "" }
        let rest = output[start.upperBound...]
        let end = rest.range(of: "\n-- ")?.lowerBound ?? rest.range(of: "\n{")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test(arguments: [("unsigned.json", ""), ("employ/employmentAuth.json", "employ/")])
    func theVectorIsReproducedByteForByte(input: String, set: String) throws {
        let home = LearnCommandTests().home()
        defer { try? FileManager.default.removeItem(at: home) }
        let tool = LearnCommandTests()
        #expect(try tool.beacon(["keys", "import", Self.folder.appendingPathComponent("keyPair.json").path, "--name", "w3c"], home: home).status == 0)
        let run = try tool.beacon(
            ["sign", Self.folder.appendingPathComponent(input).path, "--key", "w3c", "--created", "2023-02-24T23:36:38Z", "--suite", "eddsa-rdfc-2022", "--explain"],
            home: home
        )
        #expect(run.status == 0, "\(run.output)")
        let trimmed = { (s: String) in s.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(section("canonical document", of: run.output) + "\n" == (try text(set + "canonDocDataInt.txt")).replacingOccurrences(of: "\n\n", with: "\n"))
        #expect(trimmed(section("canonical proof options", of: run.output)) == trimmed(try text(set + "proofCanonDataInt.txt")))
        #expect(trimmed(section("document hash", of: run.output)) == trimmed(try text(set + "docHashDataInt.txt")))
        #expect(trimmed(section("hash data", of: run.output)) == trimmed(try text(set + "combinedHashDataInt.txt")))
        #expect(run.output.contains("\"proofValue\": \"\(trimmed(try text(set + "sigBTC58DataInt.txt")))\""))
        // And the signed vector verifies (its issuer is not on this trust list, and says so).
        let verified = try tool.beacon(["verify", Self.folder.appendingPathComponent(set + "signedDataInt.json").path, "--json"], home: home)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(verified.output.utf8)) as? [String: Any], "\(verified.output)")
        #expect((report["checks"] as? [String: String])?["signature"] == "valid", "\(report)")
        let proofs = try #require(report["proofs"] as? [[String: String]])
        #expect(proofs.map { $0["suite"] } == ["eddsa-rdfc-2022"] && proofs.first?["result"] == "valid")
    }
}
