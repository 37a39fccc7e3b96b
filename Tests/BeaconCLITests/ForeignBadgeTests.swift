import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An employer verifies badges other issuers signed, with no Beacon code involved in signing
/// (Scripts/sign-reference: pyld and Python's cryptography): eddsa-rdfc-2022 and the older
/// Ed25519Signature2020. Trust stays explicit, and the web API answers as the command does.
@Suite struct ForeignBadgeTests {
    let employer = CertificationFlowTests()
    static let seed = "4c2b7f6a1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f40"

    func signed(_ file: URL, suite: String, issuerIsKey: Bool = true) throws -> (URL, String) {
        let out = employer.home.appendingPathComponent("signed-\(suite).json")
        let process = Process()
        process.executableURL = LintCommandTests.root.appendingPathComponent("Scripts/sign-reference")
        process.arguments = ["--suite", suite, "--seed", Self.seed, "--created", "2026-01-01T00:00:00Z"] + (issuerIsKey ? ["--issuer-is-key"] : []) + [file.path]
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        let did = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(did)")
        try data.write(to: out)
        return (out, did)
    }

    func report(_ file: URL) throws -> (Int32, [String: Any]) {
        let run = try employer.beacon(["verify", file.path, "--json"])
        return (run.status, try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.output)"))
    }

    @Test func anotherIssuersOpenBadgeVerifiesOnceTrustedAndTheAPIAgrees() async throws {
        defer { try? FileManager.default.removeItem(at: employer.home) }
        try FileManager.default.createDirectory(at: employer.home, withIntermediateDirectories: true)
        let badge = LintCommandTests.root.appendingPathComponent("Tests/Fixtures/foreign/example-basic-openbadgecredential.json")
        let (file, did) = try signed(badge, suite: "eddsa-rdfc-2022")
        var (status, result) = try report(file)
        #expect(status == 1 && (result["checks"] as? [String: String]) == ["signature": "valid", "issuer": "untrusted", "validity": "current", "status": "unchecked"], "\(result)")
        #expect((result["problems"] as? [String])?.contains { $0.contains("not on your trust list") } == true)
        #expect(try employer.beacon(["trust", "add", did, "--name", "Example Corp"]).status == 0)
        (status, result) = try report(file)
        #expect(status == 0 && result["verified"] as? Bool == true, "\(result)")

        // The web API, on the same trust list, gives the same answer.
        let port = try OnlineStatusTests.freePort()
        let server = try OnlineStatusTests.startServer(home: employer.home, port: port)
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/verify")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try Data(contentsOf: file)
        let (body, _) = try await URLSession.shared.data(for: request)
        let api = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(api["verified"] as? Bool == true && (api["checks"] as? [String: String]) == (result["checks"] as? [String: String]), "\(api)")

        // Changed after signing: refused.
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "Teamwork Badge", with: "Leadership Badge")
        let changed = employer.home.appendingPathComponent("changed.json")
        try Data(text.utf8).write(to: changed)
        (status, result) = try report(changed)
        #expect(status == 1 && (result["checks"] as? [String: String])?["signature"] == "invalid")
    }

    @Test func anOlderEd25519Signature2020BadgeVerifies() throws {
        defer { try? FileManager.default.removeItem(at: employer.home) }
        try FileManager.default.createDirectory(at: employer.home, withIntermediateDirectories: true)
        let source = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: LintCommandTests.root.appendingPathComponent("Tests/Fixtures/foreign/example-basic-openbadgecredential.json"))
        ) as? [String: Any])
        var older = source
        older["@context"] = (source["@context"] as? [String] ?? []) + ["https://w3id.org/security/suites/ed25519-2020/v1"]
        let unsigned = employer.home.appendingPathComponent("older.json")
        try JSONSerialization.data(withJSONObject: older).write(to: unsigned)
        let (file, did) = try signed(unsigned, suite: "Ed25519Signature2020")
        #expect(try employer.beacon(["trust", "add", did]).status == 0)
        let (status, result) = try report(file)
        #expect(status == 0, "\(result)")
        #expect((result["proofs"] as? [[String: String]])?.first?["suite"] == "Ed25519Signature2020")
    }
}
