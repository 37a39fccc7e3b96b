import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An institution signing as did:web: `beacon serve` publishes the DID document; an employer
/// verifies offline from a pinned document, or online over real HTTPS (a TLS server in front,
/// its certificate trusted through SSL_CERT_FILE); a rotated key keeps its old certificates valid.
@Suite struct DIDWebTests {
    let issuer = CertificationFlowTests()
    let employer = CertificationFlowTests()
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-didweb-\(UUID().uuidString)")

    func run(_ executable: String, _ arguments: [String], directory: URL? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A TLS server for `folder` on `port`, with a fresh self-signed certificate for localhost.
    func startTLSServer(folder: URL, port: Int) throws -> (Process, URL) {
        let certificate = work.appendingPathComponent("cert.pem"), key = work.appendingPathComponent("key.pem")
        #expect(try run("/usr/bin/openssl", [
            // P-256, as a CA would issue (BoringSSL's client refuses Ed25519 server certificates).
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost", "-keyout", key.path, "-out", certificate.path,
        ]) == 0)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-c", """
            import http.server, ssl, functools, os
            class Handler(http.server.SimpleHTTPRequestHandler):
                def do_GET(self):
                    redirect = os.path.join('\(folder.path)', 'REDIRECT')
                    if os.path.exists(redirect):
                        self.send_response(302)
                        self.send_header('Location', open(redirect).read().strip())
                        self.end_headers()
                        return
                    super().do_GET()
            handler = functools.partial(Handler, directory='\(folder.path)')
            httpd = http.server.HTTPServer(('127.0.0.1', \(port)), handler)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain('\(certificate.path)', '\(key.path)')
            httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
            httpd.serve_forever()
            """]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        for _ in 0..<100 where !OnlineStatusTests.accepts(port: port) { usleep(50_000) }
        return (server, certificate)
    }

    @Test func anInstitutionsDIDWebVerifiesOfflineAndOverHTTPSAndSurvivesRotation() async throws {
        defer {
            for folder in [issuer.home, employer.home, work] { try? FileManager.default.removeItem(at: folder) }
        }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let tlsPort = try OnlineStatusTests.freePort(), servePort = try OnlineStatusTests.freePort()
        let did = "did:web:localhost%3A\(tlsPort)"
        let answers = LearnCommandTests.answers.joined(separator: "\n") + "\n"
        #expect(try issuer.beacon(["learn", "curricula/sample", "--plain", "--trainee", "sam", "--seed", "1"], input: answers).status == 0)
        #expect(try issuer.beacon(["keys", "init", "--issuer-name", "River Valley Peer Academy", "--public-url", "https://localhost:\(tlsPort)", "--for-testing"]).status == 0)
        let bad = try issuer.beacon(["issuer", "set", "--did", "did:web:bad host"])
        #expect(bad.status != 0 && bad.output.contains("is not a did:web"), "\(bad.output)")
        let set = try issuer.beacon(["issuer", "set", "--did", did])
        #expect(set.status == 0 && set.output.contains("Set the DID to \"\(did)\""), "\(set.output)")
        let first = issuer.home.appendingPathComponent("first.json")
        #expect(try issuer.beacon(["trainee", "legal-name", "sam", "--name", "sam"]).status == 0)
        #expect(try issuer.beacon(["issue", "--trainee", "sam", "--course", "curricula/sample", "-o", first.path]).status == 0)
        let credential = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: first)) as? [String: Any])
        #expect((credential["issuer"] as? [String: Any])?["id"] as? String == did)
        let proofs = try #require(credential["proof"] as? [[String: Any]])
        #expect(proofs.allSatisfy { ($0["verificationMethod"] as? String)?.hasPrefix(did + "#z6Mk") == true })

        // beacon serve publishes the DID document as INTEROP.md describes.
        let server = try OnlineStatusTests.startServer(home: issuer.home, port: servePort)
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let (body, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(servePort)/.well-known/did.json")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let document = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(document["id"] as? String == did)
        let methods = try #require(document["verificationMethod"] as? [[String: String]])
        #expect(methods.count == 1 && methods[0]["type"] == "Multikey" && methods[0]["controller"] == did)
        #expect(methods[0]["id"]?.hasPrefix(did + "#") == true && methods[0]["publicKeyMultibase"]?.hasPrefix("z6Mk") == true)
        #expect(document["assertionMethod"] as? [String] == [methods[0]["id"]!])

        // Offline: the issuer's trust file pins the document.
        let exported = try issuer.beacon(["keys", "export-public"])
        let trust = work.appendingPathComponent("trust.json")
        try Data(exported.output.utf8).write(to: trust)
        try FileManager.default.createDirectory(at: employer.home, withIntermediateDirectories: true)
        let offline = try employer.beacon(["verify", first.path, "--trust", trust.path, "--json"])
        #expect(offline.output.contains("\"signature\" : \"valid\"") && offline.output.contains("\"issuer\" : \"trusted\""), "\(offline.output)")

        // Online: the employer trusts the DID only; its document is fetched over HTTPS.
        let site = work.appendingPathComponent("site/.well-known")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try body.write(to: site.appendingPathComponent("did.json"))
        let (tls, certificate) = try startTLSServer(folder: work.appendingPathComponent("site"), port: tlsPort)
        defer {
            kill(tls.processIdentifier, SIGKILL)  // a blocked TLS handshake keeps SIGTERM waiting
            tls.waitUntilExit()
        }
        #expect(try employer.beacon(["trust", "add", did, "--name", "River Valley Peer Academy"]).status == 0)
        var online = try employer.beacon(["verify", first.path, "--json"], environment: ["SSL_CERT_FILE": certificate.path])
        #expect(online.output.contains("\"signature\" : \"valid\"") && online.output.contains("\"issuer\" : \"trusted\"") && online.output.contains("\"detail\" : \"\(did)\""), "\(online.output)")
        // Without trusting the server's certificate, nothing is believed.
        let untrusted = try employer.beacon(["verify", first.path, "--json"], environment: ["SSL_CERT_FILE": "/dev/null"])
        #expect(untrusted.status == 1 && untrusted.output.contains("could not be obtained"), "\(untrusted.output)")

        // A redirect from HTTPS to plain HTTP is not followed (the HTTP side serves the document).
        let plainPort = try OnlineStatusTests.freePort()
        try Data("http://127.0.0.1:\(plainPort)/.well-known/did.json".utf8).write(to: work.appendingPathComponent("site/REDIRECT"))
        let plain = Process()
        plain.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        plain.arguments = ["python3", "-m", "http.server", String(plainPort), "--bind", "127.0.0.1", "--directory", work.appendingPathComponent("site").path]
        plain.standardOutput = FileHandle.nullDevice
        plain.standardError = FileHandle.nullDevice
        try plain.run()
        defer {
            kill(plain.processIdentifier, SIGKILL)
            plain.waitUntilExit()
        }
        for _ in 0..<100 where !OnlineStatusTests.accepts(port: plainPort) { usleep(50_000) }
        let downgraded = try employer.beacon(["verify", first.path, "--json"], environment: ["SSL_CERT_FILE": certificate.path])
        #expect(downgraded.status == 1 && downgraded.output.contains("could not be obtained"), "\(downgraded.output)")
        try FileManager.default.removeItem(at: work.appendingPathComponent("site/REDIRECT"))

        // The DID cannot change once certificates are issued under it: they would all fail.
        let change = try issuer.beacon(["issuer", "set", "--did", "did:key"])
        #expect(change.status == 1 && change.output.contains("Nothing was changed"), "\(change.output)")

        // Rotation: the new document lists both keys; the first certificate still verifies.
        #expect(try issuer.beacon(["keys", "rotate"]).status == 0)
        let (rotated, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(servePort)/.well-known/did.json")!)
        let newDocument = try #require(try JSONSerialization.jsonObject(with: rotated) as? [String: Any])
        #expect((newDocument["assertionMethod"] as? [String])?.count == 2)
        try rotated.write(to: site.appendingPathComponent("did.json"))
        online = try employer.beacon(["verify", first.path, "--json"], environment: ["SSL_CERT_FILE": certificate.path])
        #expect(online.output.contains("\"signature\" : \"valid\""), "\(online.output)")
        // A document that no longer lists the key that signed: invalid, with the reason.
        let stripped = String(decoding: rotated, as: UTF8.self).replacingOccurrences(of: methods[0]["id"]!, with: did + "#gone")
        try Data(stripped.utf8).write(to: site.appendingPathComponent("did.json"))
        online = try employer.beacon(["verify", first.path, "--json"], environment: ["SSL_CERT_FILE": certificate.path])
        #expect(online.status == 1 && online.output.contains("does not list"), "\(online.output)")
    }
}
