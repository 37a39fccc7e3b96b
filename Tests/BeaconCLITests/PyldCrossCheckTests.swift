import Foundation
import Testing

/// Every credential and status list Beacon issues here canonicalizes to the same N-Quads in
/// Beacon and in pyld 3.3.0 (URDNA2015, through Scripts/rdfc-reference), document and proofs.
@Suite struct PyldCrossCheckTests {
    let home = LearnCommandTests().home()

    func beacon(_ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
        try LearnCommandTests().beacon(arguments, home: home, input: input)
    }

    func reference(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try LearnCommandTests().beacon(arguments, home: home, executable: LintCommandTests.root.appendingPathComponent("Scripts/rdfc-reference"))
    }

    @Test func beaconAndPyldAgreeOnEveryIssuedDocument() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(try beacon(["keys", "init", "--issuer-name", "River Valley Peer Academy", "--public-url", "https://certs.rivervalley.org"]).status == 0)
        let answers = LearnCommandTests.answers.joined(separator: "\n") + "\n"
        #expect(try beacon(["learn", "curricula/sample", "--plain", "--trainee", "Ana María Núñez", "--seed", "1"], input: answers).status == 0)
        let first = home.appendingPathComponent("first.json"), second = home.appendingPathComponent("second.json")
        #expect(try beacon(["trainee", "legal-name", "ana-maria-nunez", "--name", "Ana María Núñez"]).status == 0)
        let issued = try beacon(["issue", "--trainee", "ana-maria-nunez", "--course", "curricula/sample", "-o", first.path])
        #expect(issued.status == 0, "\(issued.output)")
        let id = try #require(issued.output.split(separator: " ").dropFirst().first.map(String.init))
        #expect(try beacon(["renew", id, "--course", "curricula/sample", "-o", second.path]).status == 0)
        #expect(try beacon(["revoke", id, "--reason", "superseded", "--yes"]).status == 0)
        let lists = home.appendingPathComponent("lists")
        #expect(try beacon(["status-list", "export", "-o", lists.path]).status == 0)
        let documents = [first, second, lists.appendingPathComponent("revocation.json"), lists.appendingPathComponent("suspension.json")]
        for document in documents {
            let mine = try beacon(["sign", document.path, "--key", "issuer-1", "--created", "2026-12-03T00:00:00Z", "--suite", "eddsa-rdfc-2022", "--explain"])
            #expect(mine.status == 0, "\(mine.output)")
            let theirs = try reference(["--strip-proof", document.path])
            #expect(theirs.status == 0, "\(theirs.output)")
            #expect(section("canonical document", mine.output) == theirs.output, "\(document.lastPathComponent)")
            #expect(theirs.output.contains("_:c14n0") || theirs.output.count > 200)
            // The stored rdfc proof's configuration, as each canonicalizes it.
            let proofs = try reference(["--proof-config", "--json", document.path])
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(proofs.output.utf8)) as? [String: [String]], "\(proofs.output)")
            let pyldProof = try #require(parsed.values.first?.first)
            let stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: document)) as? [String: Any])
            let rdfcProof = try #require((stored["proof"] as? [[String: Any]])?.first)
            let created = try #require(rdfcProof["created"] as? String)
            let again = try beacon(["sign", document.path, "--key", "issuer-1", "--created", created, "--suite", "eddsa-rdfc-2022", "--explain"])
            #expect(section("canonical proof options", again.output) == pyldProof, "\(document.lastPathComponent)")
        }
    }

    func section(_ heading: String, _ output: String) -> String {
        guard let start = output.range(of: "-- \(heading)\n") else { return "" }
        let rest = output[start.upperBound...]
        return String(rest[..<(rest.range(of: "-- ")?.lowerBound ?? rest.endIndex)])
    }
}
