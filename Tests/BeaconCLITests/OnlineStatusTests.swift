import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `beacon verify` elsewhere, with no status list files: it fetches the lists the credential
/// names from the issuer's `beacon serve`, over real HTTP, honouring proxy settings.
@Suite struct OnlineStatusTests {
    let issuer = CertificationFlowTests()
    let verifier = CertificationFlowTests()

    @Test func verifyFetchesTheIssuersStatusListsOverHTTP() async throws {
        defer {
            try? FileManager.default.removeItem(at: issuer.home)
            try? FileManager.default.removeItem(at: verifier.home)
        }
        let port = try Self.freePort()
        let answers = LearnCommandTests.answers.joined(separator: "\n") + "\n"
        #expect(try issuer.beacon(["learn", "curricula/sample", "--plain", "--trainee", "sam", "--seed", "1"], input: answers).status == 0)
        #expect(try issuer.beacon(["keys", "init", "--issuer-name", "Test Peer Academy", "--public-url", "http://127.0.0.1:\(port)", "--for-testing"]).status == 0)
        let credential = issuer.home.appendingPathComponent("sam.json")
        #expect(try issuer.beacon(["trainee", "legal-name", "sam", "--name", "sam"]).status == 0)
        #expect(try issuer.beacon(["issue", "--trainee", "sam", "--course", "curricula/sample", "-o", credential.path]).status == 0)
        let keys = try issuer.beacon(["keys", "list", "--json"])
        let did = try #require((try JSONSerialization.jsonObject(with: Data(keys.output.utf8)) as? [[String: String]])?.first?["did"])
        try FileManager.default.createDirectory(at: verifier.home, withIntermediateDirectories: true)
        let trust = verifier.home.appendingPathComponent("trust.json")
        try Data(#"{"trusted":[{"did":"\#(did)","added":"2026-11-27T00:00:00Z"}]}"#.utf8).write(to: trust)

        let server = try startServer(port: port)
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        // The machine's own proxy settings are removed so that only the test's apply.
        let direct = Dictionary(uniqueKeysWithValues: ["http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"].map { ($0, String?.none) })
        func verify(_ environment: [String: String?] = [:]) throws -> (status: Int32, report: String) {
            let run = try verifier.beacon(["verify", credential.path, "--json", "--trust", trust.path], environment: direct.merging(environment) { $1 })
            return (run.status, run.output)
        }
        // Reachable: the lists are fetched and the certificate is in good standing.
        var run = try verify()
        #expect(run.status == 0 && run.report.contains("\"status\" : \"active\""), "\(run.report)")

        // Revoked at the issuer: the next fetch says so.
        let id = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: credential)) as? [String: Any])["id"] as? String
        #expect(try issuer.beacon(["revoke", try #require(id), "--reason", "superseded", "--yes"]).status == 0)
        run = try verify()
        #expect(run.status == 1 && run.report.contains("\"status\" : \"revoked\""), "\(run.report)")

        // A proxy that answers nothing is used (so the list cannot be had), unless no_proxy names the host.
        let deadProxy = "http://127.0.0.1:\(try Self.freePort())"
        run = try verify(["http_proxy": deadProxy])
        #expect(run.status == 1 && run.report.contains("status could not be checked"), "\(run.report)")
        run = try verify(["http_proxy": deadProxy, "no_proxy": "localhost,127.0.0.1"])
        #expect(run.status == 1 && run.report.contains("\"status\" : \"revoked\""), "\(run.report)")
    }

    /// `beacon serve` for the issuer's home, once /healthz answers.
    func startServer(port: Int) throws -> Process {
        try Self.startServer(home: issuer.home, port: port)
    }

    static func startServer(home: URL, port: Int) throws -> Process {
        let process = Process()
        process.executableURL = LintCommandTests.executable
        process.arguments = ["serve", "--port", String(port)]
        process.currentDirectoryURL = LintCommandTests.root
        var environment = ProcessInfo.processInfo.environment
        environment["BEACON_HOME"] = home.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 where !Self.accepts(port: port) { usleep(50_000) }
        guard Self.accepts(port: port) else {
            process.terminate()
            throw ServerDidNotStart(port: port)
        }
        return process
    }

    struct ServerDidNotStart: Error { var port: Int }

    /// A port the kernel just handed out and let go of.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw ServerDidNotStart(port: 0) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func accepts(port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
