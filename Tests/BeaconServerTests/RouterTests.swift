import BeaconCredentials
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import BeaconServer

/// A backend with one issuer key and credentials made in the test, no database.
final class FakeBackend: VerificationBackend, @unchecked Sendable {
    // Safe: tests mutate `revoked` and `shared` only between requests, through the lock.
    let key = SigningKey.generate()
    let base = "https://academy.example"
    private let lock = NSLock()
    private var revokedIndices: Set<Int> = []
    private var sharedCredentials: [String: String] = [:]

    func credential(holder: String, index: Int, id: String = "urn:uuid:\(UUID().uuidString.lowercased())", language: String? = nil, name: String = "Certified Peer Support Specialist") throws -> String {
        var content = BadgeContent(
            id: id, issuer: key.didKey, issuerName: "Academy \"Quoted\" & <b>bold</b>", issuerURL: nil, holderName: holder,
            achievementId: "urn:beacon:program:sample:cps", achievementName: name, achievementDescription: "Test.",
            criteria: "Test.", validFrom: Date().addingTimeInterval(-60), validUntil: Date().addingTimeInterval(86_400),
            statusIndex: index, statusBaseURL: base, replaces: nil
        )
        content.language = language
        let signed = try DataIntegrity.sign(OpenBadgeCredential.unsigned(content), with: key, created: CredentialVerifier.timestamp(Date()), proofAsArray: true)
        return JSONValue.object(signed).serialized(pretty: true)
    }

    func revoke(_ index: Int) { lock.withLock { _ = revokedIndices.insert(index) } }
    func share(_ id: String, _ json: String) { lock.withLock { sharedCredentials[id] = json } }

    func lists() throws -> [String: JSONObject] {
        let revoked = lock.withLock { revokedIndices }
        var result: [String: JSONObject] = [:]
        for purpose in ["revocation", "suspension"] {
            var bits = BitstringStatusList()
            if purpose == "revocation" { for index in revoked { try bits.set(index, true) } }
            let unsigned = try StatusListCredential.unsigned(base: base, purpose: purpose, issuer: key.didKey, list: bits, validFrom: Date())
            result[purpose] = try DataIntegrity.sign(unsigned, with: key, created: CredentialVerifier.timestamp(Date()))
        }
        return result
    }

    func verifier() async throws -> CredentialVerifier {
        var byURL: [String: JSONObject] = [:]
        for list in try lists().values { byURL[list["id"]!.stringValue!] = list }
        return CredentialVerifier(trustedIssuers: [key.didKey.did], now: Date(), statusLists: byURL)
    }

    func statusList(_ purpose: String) async throws -> JSONObject? { try lists()[purpose] }

    func issuerProfile() async throws -> JSONObject {
        JSONObject([("id", .string(base + "/issuer")), ("type", .array([.string("Profile")])), ("signingKeys", .array([.string(key.didKey.did)]))])
    }

    func sharedCredential(_ id: String) async throws -> String? { lock.withLock { sharedCredentials[id] } }
}

func text(_ response: TestResponse) -> String { String(buffer: response.body) }

@Suite struct RouterTests {
    func app(_ backend: FakeBackend) -> some ApplicationProtocol {
        Application(router: buildRouter(backend: backend))
    }

    @Test func healthAndFormWorkWithoutJavaScript() async throws {
        let backend = FakeBackend()
        try await app(backend).test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok && text(response).contains("ok"))
            }
            try await client.execute(uri: "/", method: .get) { response in
                let page = text(response)
                #expect(response.status == .ok)
                #expect(page.contains("<form method=\"post\" action=\"/verify?lang=en\" enctype=\"multipart/form-data\">"))
                #expect(!page.lowercased().contains("<script"), "the page works without scripts")
                let policy = response.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
                #expect(policy.contains("default-src 'none'") && !policy.contains("script-src"))
            }
        }
    }

    @Test func theAPIGivesTheSameReportAsTheCLI() async throws {
        let backend = FakeBackend()
        let credential = try backend.credential(holder: "Sam Lee", index: 7)
        let expected = try await backend.verifier().verify(bytes: Array(credential.utf8))
        try await app(backend).test(.router) { client in
            try await client.execute(uri: "/api/v1/verify", method: .post, body: ByteBuffer(string: credential)) { response in
                #expect(response.status == .ok)
                guard case .success(let report) = expected else { Issue.record("did not verify"); return }
                #expect(text(response) == report.jsonText() + "\n")
                #expect(report.verified)
            }
            backend.revoke(7)
            try await client.execute(uri: "/api/v1/verify", method: .post, body: ByteBuffer(string: credential)) { response in
                #expect(text(response).contains("\"status\" : \"revoked\""))
                #expect(text(response).contains("\"verified\" : false"))
            }
        }
    }

    @Test func badInputGetsAOneLineReason() async throws {
        let backend = FakeBackend()
        try await app(backend).test(.router) { client in
            try await client.execute(uri: "/api/v1/verify", method: .post, body: ByteBuffer(string: #"{"a":1,"a":2}"#)) { response in
                #expect(response.status == .badRequest)
                #expect(text(response).contains("Duplicate object key") && !text(response).contains("\n{"))
            }
            try await client.execute(uri: "/api/v1/verify", method: .post, body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest)
            }
            let huge = ByteBuffer(repeating: UInt8(ascii: "a"), count: (1 << 20) + 1)
            try await client.execute(uri: "/api/v1/verify", method: .post, body: huge) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(uri: "/verify", method: .post, body: huge) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(uri: "/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func theFormShowsPlainLanguageAndEscapesEverything() async throws {
        let backend = FakeBackend()
        let credential = try backend.credential(holder: "<script>alert(1)</script> O'Brien \"Sam\"", index: 9)
        let boundary = "XyZ123"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"credential\"\r\n\r\n\(credential)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--\(boundary)--\r\n"
        try await app(backend).test(.router) { client in
            try await client.execute(
                uri: "/verify", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(string: body)
            ) { response in
                let page = text(response)
                #expect(response.status == .ok)
                #expect(page.contains("Valid: this certificate is genuine"))
                #expect(!page.contains("<script>alert(1)</script>"))
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &quot;Sam&quot;"))
                #expect(page.contains("Academy &quot;Quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;"))
                // Dates read as a person reads them; the exact timestamp stays in the markup.
                let valid = try #require(page.components(separatedBy: "<dt>Valid</dt>").dropFirst().first?.components(separatedBy: "</dd>").first)
                #expect(valid.contains("<time datetime=\"20"), "\(valid)")
                #expect(!valid.contains(">20"), "no raw ISO timestamp as text: \(valid)")
                #expect(valid.range(of: #">\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}<"#, options: .regularExpression) != nil, "\(valid)")
            }
            let form = "credential=" + (credential.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            try await client.execute(
                uri: "/verify", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form)
            ) { response in
                #expect(text(response).contains("Valid: this certificate is genuine"))
            }
            try await client.execute(
                uri: "/verify", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "credential=")
            ) { response in
                #expect(response.status == .badRequest && text(response).contains("Paste the certificate text"))
            }
        }
    }

    @Test func statusListsIssuerAndSharedPages() async throws {
        let backend = FakeBackend()
        let id = "urn:uuid:5d1f9b2a-0c7e-4b5e-9d7f-2a1b3c4d5e6f"
        let credential = try backend.credential(holder: "Sam Lee", index: 11, id: id)
        try await app(backend).test(.router) { client in
            let tag = try await client.execute(uri: "/status/revocation", method: .get) { response -> String? in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/vc+ld+json")
                #expect(response.headers[.cacheControl] == "no-cache")
                #expect(text(response).contains("BitstringStatusListCredential"))
                return response.headers[.eTag]
            }
            #expect(tag != nil)
            try await client.execute(uri: "/status/everything", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/issuer", method: .get) { response in
                #expect(text(response).contains(backend.key.didKey.did))
            }
            try await client.execute(uri: "/c/\(id)", method: .get) { response in
                #expect(response.status == .notFound, "not shared yet")
            }
            backend.share(id, credential)
            try await client.execute(uri: "/c/\(id)", method: .get) { response in
                #expect(response.status == .ok && text(response).contains("Shared certificate"))
                #expect(text(response).contains("Sam Lee"))
            }
        }
    }

    @Test func multipartParsingTakesTheFileOverTheText() {
        let body = Array("--b\r\nContent-Disposition: form-data; name=\"credential\"\r\n\r\ntext\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.json\"\r\n\r\n{\"x\":1}\r\n--b--\r\n".utf8)
        #expect(FormBody.credential(from: body, contentType: "multipart/form-data; boundary=b").map { String(decoding: $0, as: UTF8.self) } == "{\"x\":1}")
        #expect(FormBody.percentDecode(Array("a+b%7B%22".utf8)) == Array("a b{\"".utf8))
    }
}

@Suite struct CertificatePageTests {
    @Test func thePrintablePageIsSelfContainedAndEscaped() throws {
        let backend = FakeBackend()
        let json = try backend.credential(holder: "<script>alert(1)</script> \"Sam\" O'Brien", index: 3)
        let page = try CertificatePage.render(credentialJSON: json, verifyURL: "https://academy.example/c/urn:uuid:1")
        #expect(!page.contains("<script>alert(1)</script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Sam&quot; O&#39;Brien"))
        #expect(page.contains("<svg") && page.contains("@page { margin: 15mm; }"))
        #expect(!page.contains("<script") && !page.contains("src=\"http") && !page.contains("@import") && !page.contains("<link"))
        #expect(page.contains("Certified Peer Support Specialist"))
    }
}
