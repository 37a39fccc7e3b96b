import BeaconCore
import BeaconCredentials
import BeaconServer
import BeaconStore
import BeaconTerminal
import BeaconXML
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import BeaconWeb

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A backend that verifies nothing: these tests are about /learn.
struct NoVerification: VerificationBackend {
    func verifier() async throws -> CredentialVerifier { CredentialVerifier(trustedIssuers: [], now: Date(), statusLists: [:]) }
    func statusList(_ purpose: String) async throws -> JSONObject? { nil }
    func issuerProfile() async throws -> JSONObject { JSONObject([]) }
    func sharedCredential(_ id: String) async throws -> String? { nil }
}

/// A browser's cookies, kept between requests as a browser keeps them for one site.
final class CookieJar: @unchecked Sendable {
    // Safe: tests use one jar from one task at a time.
    var cookies: [String: String] = [:]
    var lastSetCookies: [String] = []

    func take(_ response: TestResponse) {
        lastSetCookies = response.headers[values: .setCookie]
        for header in lastSetCookies {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty || header.contains("Max-Age=0") { cookies.removeValue(forKey: String(pair[0])) } else { cookies[String(pair[0])] = String(pair[1]) }
        }
    }

    var header: HTTPFields {
        var fields = HTTPFields()
        if !cookies.isEmpty { fields[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        return fields
    }
}

func text(_ response: TestResponse) -> String { String(buffer: response.body) }

func field(_ name: String, in page: String) -> String? {
    guard let range = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
    return String(page[range.upperBound...].prefix { $0 != "\"" })
}

func encoded(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return ByteBuffer(string: fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&"))
}

/// A clock the test moves on by hand.
final class TestClock: @unchecked Sendable {
    // Safe: guarded by the lock.
    private let lock = NSLock()
    private var current = Date()
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

@Suite struct LinearPageTests {
    static func sample() throws -> (Course, CourseStamp) {
        let loaded = CurriculumLoader(schemaPath: repositoryRoot.appendingPathComponent("curricula/schema/curriculum.xsd").path)
            .load(path: repositoryRoot.appendingPathComponent("curricula/sample/course.xml").path)
        guard case .course(let course)? = loaded.content, let hash = loaded.contentHash else { throw CancellationError() }
        return (course, CourseStamp(id: course.id, version: course.version, contentHash: hash))
    }

    struct Harness {
        let store: LearningStore
        let service: LearnService
        let app: any ApplicationProtocol
    }

    static func harness(_ tweak: (inout LearnService.Settings) -> Void = { _ in }) throws -> Harness {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("web-\(UUID().uuidString).sqlite")
        let store = try LearningStore(writer: DatabasePool(path: file.path))
        let (course, stamp) = try sample()
        var settings = LearnService.Settings()
        settings.cost = 4  // bcrypt's cheapest: these tests are about the flow, not the hash's cost
        settings.throttle.failures = 3
        tweak(&settings)
        let resources = CrisisResources(reviewed: "2026-12-01", region: "US", heading: "Help now.", resources: [.init(name: "988", how: "Call or text 988.", source: "test")])
        let service = LearnService(store: store, course: WebCourse(course: course, stamp: stamp, resources: resources, seed: 1), settings: settings)
        let app = Application(router: buildRouter(backend: NoVerification(), routes: { service.addRoutes(to: $0) }))
        return Harness(store: store, service: service, app: app)
    }

    /// Enrols through the form as a trainee would; returns the page after the redirect.
    static func enrol(_ client: some TestClientProtocol, _ jar: CookieJar, code: String, passphrase: String = "green river stones") async throws -> TestResponse {
        let form = try await client.execute(uri: "/learn/enrol", method: .get, headers: jar.header) { response in
            jar.take(response)
            return field("form", in: text(response)) ?? ""
        }
        var headers = jar.header
        headers[.contentType] = "application/x-www-form-urlencoded"
        let posted = try await client.execute(uri: "/learn/enrol", method: .post, headers: headers,
                                              body: encoded([("form", form), ("code", code), ("passphrase", passphrase), ("again", passphrase)])) { response in
            jar.take(response)
            return response
        }
        guard posted.status == .seeOther, let location = posted.headers[.location] else { return posted }
        return try await client.execute(uri: location, method: .get, headers: jar.header) { response in
            jar.take(response)
            return response
        }
    }

    static func answer(_ client: some TestClientProtocol, _ jar: CookieJar, _ line: String, csrf: String) async throws -> TestResponse {
        var headers = jar.header
        headers[.contentType] = "application/x-www-form-urlencoded"
        let posted = try await client.execute(uri: "/learn/answer", method: .post, headers: headers, body: encoded([("csrf", csrf), ("answer", line)])) { $0 }
        guard posted.status == .seeOther else { return posted }
        return try await client.execute(uri: "/learn", method: .get, headers: jar.header) { $0 }
    }

    @Test func aTraineeEnrolsWithACodeAndTakesALessonAndAQuizByFormPosts() async throws {
        let harness = try Self.harness()
        let (trainee, code, _) = try harness.store.issueEnrolmentCode(traineeName: "Ana Ruiz", traineeId: nil, cohort: nil, validFor: 3600)
        try await harness.app.test(.router) { client in
            let jar = CookieJar()
            let first = try await Self.enrol(client, jar, code: code)
            let page = text(first)
            #expect(page.contains("Your sign-in id is \(trainee.id)"))
            #expect(page.contains("<h1>Beacon Sample: Listening Well</h1>"))
            #expect(!page.lowercased().contains("<script"))
            let session = try #require(jar.cookies[LearnService.sessionCookie])
            #expect(!session.isEmpty)
            // Only the cookie's hash is stored.
            #expect(try harness.store.webSession(tokenHash: session, idle: 60, longest: 60) == nil)
            let csrf = try #require(field("csrf", in: page))
            // The whole first module by form posts: the lesson, then on to the next.
            var screen = text(try await Self.answer(client, jar, "", csrf: csrf))
            #expect(screen.contains("Lesson: What peer support is"))
            screen = text(try await Self.answer(client, jar, "", csrf: csrf))
            #expect(screen.contains("Lesson complete: What peer support is"))
            // Each answer was committed before its next screen was shown.
            #expect(try harness.store.record(trainee: trainee.id, course: "sample").lessons["what-is-peer-support"]?.completedAt != nil)
            // Crisis support from the answer field, then the same screen again below it.
            screen = text(try await Self.answer(client, jar, "!", csrf: csrf))
            #expect(screen.contains("<h1>Crisis support</h1>") && screen.contains("Call or text 988.") && screen.contains("<h2>Lesson complete"))
            // Reloading sends nothing: the screen stays.
            let reloaded = try await client.execute(uri: "/learn", method: .get, headers: jar.header) { text($0) }
            #expect(reloaded.contains("Lesson complete"))
            // On through the second module's lesson and its whole quiz (seed 1's order), as the
            // linear mode's transcript test answers them.
            let answers = ["", "", "1", "", "", "", "", "", "1", "", "1 4 2 3", "", "f", "", "a c d", "", "open questions", "", "1 3 4 5", ""]
            for line in answers { screen = text(try await Self.answer(client, jar, line, csrf: csrf)) }
            #expect(screen.contains("Quiz finished: Listening check") && screen.contains("Passed."), "\(screen)")
            let attempt = try #require(harness.store.record(trainee: trainee.id, course: "sample").attempts["listening-check"]?.last)
            #expect(attempt.passed == true && attempt.answers.count == 6)
        }
    }

    @Test func refusals_aReusedCodeAForgedFormAndAWrongTokenAreRefused() async throws {
        let harness = try Self.harness()
        let (_, code, _) = try harness.store.issueEnrolmentCode(traineeName: "Sam Lee", traineeId: nil, cohort: nil, validFor: 3600)
        try await harness.app.test(.router) { client in
            let jar = CookieJar()
            _ = try await Self.enrol(client, jar, code: code)
            let csrf = try #require(field("csrf", in: try await client.execute(uri: "/learn", method: .get, headers: jar.header) { text($0) }))
            // A reused code, from another browser.
            let other = CookieJar()
            let reused = try await Self.enrol(client, other, code: code)
            #expect(reused.status == .badRequest && text(reused).contains("That code has been used already"))
            #expect(other.cookies[LearnService.sessionCookie] == nil)
            // A form posted from another site carries neither the form cookie nor its token.
            let forged = try await client.execute(uri: "/learn/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                  body: encoded([("id", "sam-lee"), ("passphrase", "green river stones")])) { $0 }
            #expect(forged.status == .badRequest && text(forged).contains("This form had expired"))
            // An answer without the session's token is not sent.
            let before = try harness.store.auditEntries().count
            let wrong = try await Self.answer(client, jar, "1", csrf: "forged")
            #expect(wrong.status == .forbidden)
            #expect(try harness.store.auditEntries().count == before)
            let screen = text(try await Self.answer(client, jar, "", csrf: csrf))
            #expect(screen.contains("Lesson: What peer support is"), "the real token still works")
            // A body far over the form's size is refused before it is read whole.
            var headers = jar.header
            headers[.contentType] = "application/x-www-form-urlencoded"
            let huge = try await client.execute(uri: "/learn/answer", method: .post, headers: headers, body: ByteBuffer(repeating: UInt8(ascii: "a"), count: 10 << 20)) { $0.status }
            #expect(huge == .contentTooLarge)
            // A very long answer is refused, not sent.
            let long = try await Self.answer(client, jar, String(repeating: "a", count: 3_000), csrf: csrf)
            #expect(long.status == .contentTooLarge)
        }
    }

    @Test func wrongPassphrasesLockOutAndAnUnknownIdIsToldTheSame() async throws {
        let harness = try Self.harness()
        let (trainee, code, _) = try harness.store.issueEnrolmentCode(traineeName: "Kim Otto", traineeId: nil, cohort: nil, validFor: 3600)
        try await harness.app.test(.router) { client in
            _ = try await Self.enrol(client, CookieJar(), code: code)
            func signIn(_ id: String, _ passphrase: String) async throws -> (HTTPResponse.Status, String, CookieJar) {
                let jar = CookieJar()
                let form = try await client.execute(uri: "/learn", method: .get) { response in
                    jar.take(response)
                    return field("form", in: text(response)) ?? ""
                }
                var headers = jar.header
                headers[.contentType] = "application/x-www-form-urlencoded"
                return try await client.execute(uri: "/learn/sign-in", method: .post, headers: headers,
                                                body: encoded([("form", form), ("id", id), ("passphrase", passphrase)])) { response in
                    jar.take(response)
                    return (response.status, text(response), jar)
                }
            }
            let (wrongStatus, wrongPage, _) = try await signIn(trainee.id, "not my passphrase")
            let (ghostStatus, ghostPage, _) = try await signIn("nobody-here", "not my passphrase")
            #expect(wrongStatus == ghostStatus)
            #expect(wrongPage.contains("do not match") && ghostPage.contains("do not match"))
            _ = try await signIn(trainee.id, "still not it")
            let (_, locked, _) = try await signIn(trainee.id, "third wrong one")
            #expect(locked.contains("Signing in is paused for 15 minutes"))
            // Locked: even the right passphrase waits.
            let (_, right, jar) = try await signIn(trainee.id, "green river stones")
            #expect(right.contains("paused") && jar.cookies[LearnService.sessionCookie] == nil)
        }
        // Every failure is audited, never with the name typed or the passphrase.
        let log = try harness.store.auditEntries().filter { $0.action == "web.signin.refused" }
        #expect(log.count >= 4)
        #expect(!log.map(\.details).joined().contains("nobody-here") && !log.map(\.details).joined().contains("not my passphrase"))
    }

    @Test func theSessionCookieIsStrictAndEndsWhenIdle() async throws {
        let clock = TestClock()
        let harness = try Self.harness { $0.secureCookies = true; $0.idle = 30 * 60; $0.now = { clock.now } }
        let (_, code, _) = try harness.store.issueEnrolmentCode(traineeName: "Lee Park", traineeId: nil, cohort: nil, validFor: 3600)
        try await harness.app.test(.router) { client in
            let jar = CookieJar()
            _ = try await client.execute(uri: "/learn/enrol", method: .get) { response in
                jar.take(response)
            }
            #expect(jar.lastSetCookies.allSatisfy { $0.contains("HttpOnly") && $0.contains("SameSite=Strict") && $0.contains("Secure") })
            let page = try await Self.enrol(client, jar, code: code)
            #expect(text(page).contains("<h1>Beacon Sample"))
            let still = try await client.execute(uri: "/learn", method: .get, headers: jar.header) { text($0) }
            #expect(still.contains("<h1>Beacon Sample"))
            clock.advance(31 * 60)
            let later = try await client.execute(uri: "/learn", method: .get, headers: jar.header) { text($0) }
            #expect(later.contains("Sign in to your course"), "an idle session ends; signing in again is asked")
        }
    }

    @Test func aScriptInATraineesNameIsEscaped() async throws {
        let harness = try Self.harness()
        let (_, code, _) = try harness.store.issueEnrolmentCode(traineeName: "<script>alert(1)</script>", traineeId: nil, cohort: nil, validFor: 3600)
        try await harness.app.test(.router) { client in
            let page = text(try await Self.enrol(client, CookieJar(), code: code))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.contains("<script>"))
        }
    }
}
