import BeaconCore
import BeaconCredentials
import BeaconStore
import Foundation
import GRDB
import Testing

/// One conformance suite for the storage seam, run against SQLite always and against PostgreSQL
/// when Scripts/test has started a cluster (BEACON_TEST_POSTGRES_URL). With
/// BEACON_REQUIRE_POSTGRES=1 (CI), a missing cluster fails rather than skips.
@Suite(.serialized) struct StoreConformanceTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    /// A fresh, migrated database of each kind: a temporary SQLite file, or a PostgreSQL schema of
    /// its own. Nil when PostgreSQL is not available (and not required).
    static func open(_ backend: Backend) throws -> (any RecordDatabase)? {
        switch backend {
        case .sqlite:
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString).sqlite")
            return try LearningStore(writer: DatabasePool(path: file.path)).database
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment["BEACON_TEST_POSTGRES_URL"], !url.isEmpty else {
                if ProcessInfo.processInfo.environment["BEACON_REQUIRE_POSTGRES"] == "1" {
                    Issue.record("BEACON_TEST_POSTGRES_URL is not set, and CI requires the PostgreSQL half of the suite (Scripts/pg-cluster start)")
                }
                return nil
            }
            let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try PostgresRecordDatabase(url: url).write { tx in try tx.execute("CREATE SCHEMA \(schema)") }
            let database = try PostgresRecordDatabase(url: url, schema: schema)
            try PostgresSchema.migrate(database)
            return database
        }
    }

    static let now = Date(timeIntervalSince1970: 1_800_000_000.123)

    @Test(arguments: Backend.allCases)
    func theAuditChainAppendsVerifiesAndShowsTampering(_ backend: Backend) throws {
        guard let database = try Self.open(backend) else { return }
        for index in 0..<5 {
            try database.write { tx in
                try AuditLog.append(tx, actor: "admin", action: "credential.issue", subject: "urn:uuid:\(index)",
                                    details: JSONObject([("n", .number(JSONNumber(Double(index))))]), at: Self.now.addingTimeInterval(Double(index)))
            }
        }
        let verified = try database.read { tx in try AuditLog.verify(tx) }
        #expect(verified.entries == 5 && verified.intact, "\(verified)")
        // The database refuses a change; someone who removes that guard is still found out.
        #expect {
            try database.write { tx in try tx.execute("UPDATE auditLog SET actor = ? WHERE subject = ?", [.text("someone else"), .text("urn:uuid:2")]) }
        } throws: { error in
            "\(error)".contains("append-only")
        }
        try database.write { tx in
            try tx.execute(backend == .sqlite ? "DROP TRIGGER auditLogNoUpdate" : "ALTER TABLE auditLog DISABLE TRIGGER auditLogNoChange")
            try tx.execute("UPDATE auditLog SET actor = ? WHERE subject = ?", [.text("someone else"), .text("urn:uuid:2")])
        }
        let broken = try database.read { tx in try AuditLog.verify(tx) }
        #expect(!broken.intact && broken.problem?.contains("changed after it was written") == true, "\(broken)")
    }

    @Test(arguments: Backend.allCases)
    func aRolledBackTransactionLeavesNothing(_ backend: Backend) throws {
        guard let database = try Self.open(backend) else { return }
        struct Abandon: Error {}
        #expect(throws: Abandon.self) {
            try database.write { tx in
                try AuditLog.append(tx, actor: "admin", action: "x", subject: "y", details: JSONObject(), at: Self.now)
                throw Abandon()
            }
        }
        #expect(try database.read { tx in try AuditLog.verify(tx) }.entries == 0)
    }

    /// Several writers at once, each on its own connection (several instances, on PostgreSQL):
    /// the chain stays one line, every entry is kept, none shares a predecessor.
    @Test(arguments: Backend.allCases)
    func concurrentWritersNeverForkTheChain(_ backend: Backend) throws {
        guard let database = try Self.open(backend) else { return }
        let writers = 4, each = 25
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            for index in 0..<each {
                do {
                    try database.write { tx in
                        try AuditLog.append(tx, actor: "instance-\(writer)", action: "answer", subject: "\(index)", details: JSONObject(), at: Date())
                    }
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
        let verified = try database.read { tx in try AuditLog.verify(tx) }
        #expect(verified.entries == writers * each && verified.intact, "\(verified)")
        let distinct = try database.read { tx in try tx.row("SELECT COUNT(DISTINCT previousHash) AS n FROM auditLog")?.int64("n") }
        #expect(distinct == Int64(writers * each))
    }

    @Test(arguments: Backend.allCases)
    func valuesRoundTripByKind(_ backend: Backend) throws {
        guard let database = try Self.open(backend) else { return }
        try database.write { tx in
            try AuditLog.append(tx, actor: "Ana María Núñez 🌱", action: "a'b\"c?", subject: "s", details: JSONObject([("note", .string("line\nbreak"))]), at: Self.now)
        }
        let row = try #require(try database.read { tx in try tx.row("SELECT * FROM auditLog WHERE action = ?", [.text("a'b\"c?")]) })
        #expect(row.string("actor") == "Ana María Núñez 🌱")
        #expect(row.int64("seq") == 1)
        let at = try #require(row.date("at"))
        #expect(abs(at.timeIntervalSince(Self.now)) < 0.001)
        #expect(row.string("details") == #"{"note":"line\nbreak"}"#)
    }

    @Test(arguments: Backend.allCases)
    func issuerDetailsChangeOnlyWhenDifferentAndEachChangeIsAudited(_ backend: Backend) throws {
        guard let database = try Self.open(backend) else { return }
        let update = IssuerDetails.Update(name: "River Valley Peer Academy", publicURL: "https://certs.rivervalley.org/")
        let first = try database.write { tx in try SettingRecords.updateIssuer(tx, update, actor: "admin", at: Self.now) }
        #expect(first.map(\.field) == ["name", "public URL"] && first.last?.new == "https://certs.rivervalley.org")
        let again = try database.write { tx in try SettingRecords.updateIssuer(tx, update, actor: "admin", at: Self.now) }
        #expect(again.isEmpty)
        let details = try database.read { tx in try SettingRecords.issuerDetails(tx) }
        #expect(details.name == "River Valley Peer Academy" && details.publicURL == "https://certs.rivervalley.org" && details.did == nil)
        let audit = try database.read { tx in try tx.rows("SELECT action, details FROM auditLog ORDER BY seq") }
        #expect(audit.map { $0.string("action") } == ["issuer.update"])
        #expect(audit.first?.string("details")?.contains("River Valley Peer Academy") == true)
        #expect(try database.read { tx in try AuditLog.verify(tx) }.intact)
    }

    @Test(arguments: Backend.allCases)
    func traineesGetNumberedIdsAndActiveTimeCountsOnlyShortGaps(_ backend: Backend) throws {
        guard let database = try Self.open(backend) else { return }
        let first = try database.write { tx in try TraineeRecords.insert(tx, name: "Sam Lee", at: Self.now) }
        let second = try database.write { tx in try TraineeRecords.insert(tx, name: "Sam Lee", at: Self.now.addingTimeInterval(1)) }
        let ana = try database.write { tx in try TraineeRecords.insert(tx, name: "Ana María Núñez", at: Self.now.addingTimeInterval(2)) }
        #expect([first.id, second.id, ana.id] == ["sam-lee", "sam-lee-2", "ana-maria-nunez"])
        #expect(try database.read { tx in try TraineeRecords.all(tx) }.map(\.id) == ["sam-lee", "sam-lee-2", "ana-maria-nunez"])
        #expect(try database.read { tx in try TraineeRecords.find(tx, id: "sam-lee-2") }?.name == "Sam Lee")
        let subject = try database.read { tx in try TraineeRecords.auditSubject(tx, trainee: "sam-lee") }
        #expect(subject.hasPrefix("trainee:") && !subject.contains("sam") && subject.count == 40)
        // 60 s counted, a 20-minute gap not, then 30 s: 90 s in all.
        for offset: TimeInterval in [0, 60, 1260, 1290] {
            try database.write { tx in try TraineeRecords.recordActivity(tx, trainee: "sam-lee", course: "peer-core", at: Self.now.addingTimeInterval(offset)) }
        }
        let active = try database.read { tx in try tx.row("SELECT activeSeconds FROM enrolment WHERE traineeId = ?", [.text("sam-lee")]) }
        let seconds = try #require(active.flatMap { row -> Double? in if case .real(let seconds)? = row["activeSeconds"] { seconds } else { nil } })
        #expect(abs(seconds - 90) < 0.01, "\(seconds)")  // dates are kept to the millisecond
    }

    /// A trainee's whole course record, written and read back the same on both backends.
    @Test(arguments: Backend.allCases)
    func aCourseRecordRoundTripsAndResetsByItem(_ backend: Backend) throws {
        guard let database = try Self.open(backend) else { return }
        let course = CourseStamp(id: "peer-core", version: "2026.1", contentHash: "sha256:abc")
        let at = Self.now
        let trainee = try database.write { tx in try TraineeRecords.insert(tx, name: "Sam Lee", at: at) }
        try database.write { tx in try TraineeRecords.recordActivity(tx, trainee: trainee.id, course: course.id, at: at) }
        try database.write { tx in try ProgressRecords.saveLessonPage(tx, trainee: trainee.id, course: course, lesson: "intro", page: 2, completed: true, at: at) }
        // Read again later: still completed, at the first time.
        try database.write { tx in try ProgressRecords.saveLessonPage(tx, trainee: trainee.id, course: course, lesson: "intro", page: 0, completed: false, at: at.addingTimeInterval(60)) }
        let attempt = try database.write { tx in
            try ProgressRecords.startAttempt(tx, trainee: trainee.id, course: course, quiz: "q1", seed: UInt64.max - 1, questionIds: ["a", "b"], at: at)
        }
        try database.write { tx in try ProgressRecords.saveAnswer(tx, attempt: attempt, question: "a", position: 0, response: .choice("x"), credit: 1, at: at) }
        try database.write { tx in try ProgressRecords.saveAnswer(tx, attempt: attempt, question: "b", position: 1, response: .text("línea"), credit: 0.5, at: at) }
        try database.write { tx in try ProgressRecords.finishAttempt(tx, attempt, score: 0.75, passed: true, actor: "test", at: at) }
        let run = try database.write { tx in try ProgressRecords.startRun(tx, trainee: trainee.id, course: course, roleplay: "r1", seed: 42, at: at) }
        let steps = [RoleplaySession.Step(scene: "s1", move: .choice(1), scores: [1, 0]), RoleplaySession.Step(scene: "s2", move: .reply(met: [0, 2]), scores: [2, 1])]
        try database.write { tx in try ProgressRecords.saveSteps(tx, run: run, steps: steps, from: 0, at: at) }
        try database.write { tx in try ProgressRecords.finishRun(tx, run, ending: "good", scores: ["listening": 2], actor: "test", at: at) }

        let record = try database.read { tx in try ProgressRecords.record(tx, trainee: trainee.id, course: course.id) }
        #expect(record.lessons["intro"]?.page == 0 && record.lessons["intro"]?.completedAt.map { abs($0.timeIntervalSince(at)) < 0.001 } == true)
        let quiz = try #require(record.attempts["q1"]?.first)
        #expect(quiz.id == attempt && quiz.seed == UInt64.max - 1 && quiz.questionIds == ["a", "b"] && quiz.passed == true && quiz.score == 0.75)
        #expect(quiz.answers.map(\.response) == [.choice("x"), .text("línea")] && quiz.answers.map(\.credit) == [1, 0.5])
        let roleplay = try #require(record.runs["r1"]?.first)
        #expect(roleplay.steps == steps && roleplay.endingId == "good" && roleplay.scores == ["listening": 2] && roleplay.seed == 42)
        let audit = try database.read { tx in try tx.rows("SELECT action FROM auditLog ORDER BY seq").compactMap { $0.string("action") } }
        #expect(audit == ["result.quiz", "result.roleplay"])
        // Reset forgets one item's work and says how much.
        #expect(try database.write { tx in try ProgressRecords.reset(tx, trainee: trainee.id, course: course.id, items: ["q1"]) } == 1)
        let after = try database.read { tx in try ProgressRecords.record(tx, trainee: trainee.id, course: course.id) }
        #expect(after.attempts.isEmpty && after.runs.count == 1 && after.lessons.count == 1)
    }

    @Test(arguments: Backend.allCases)
    func anEnrolmentCodeWorksOnceBindsAKeyAndIsAudited(_ backend: Backend) throws {
        guard let database = try Self.open(backend) else { return }
        let code = EnrolmentCode.generate()
        let sam = try database.write { tx in
            try EnrolmentRecords.issueCode(tx, code: code, traineeName: "Sam Lee", traineeId: nil, cohort: "spring-2027", expires: Self.now.addingTimeInterval(3600), actor: "trainer", at: Self.now)
        }
        let redeem = { (typed: String, key: String, at: Date) in
            try database.write { tx in try EnrolmentRecords.redeem(tx, typed, fingerprint: key, publicKey: "ssh-ed25519 AAAA\(key)", source: "127.0.0.1", actor: "ssh", at: at) }
        }
        // (Trainees compare by id: a date read back is kept to the millisecond.)
        #expect(try redeem(code.lowercased().replacingOccurrences(of: "-", with: " "), "SHA256:one", Self.now.addingTimeInterval(60)).map(\.id) == .success(sam.id))
        #expect(try redeem(code, "SHA256:two", Self.now.addingTimeInterval(61)) == .failure(.used))
        #expect(try redeem("AAAA-BBBB-CCCC", "SHA256:two", Self.now.addingTimeInterval(62)) == .failure(.unknown))
        let late = EnrolmentCode.generate()
        _ = try database.write { tx in
            try EnrolmentRecords.issueCode(tx, code: late, traineeName: nil, traineeId: sam.id, cohort: nil, expires: Self.now.addingTimeInterval(10), actor: "trainer", at: Self.now)
        }
        #expect(try redeem(late, "SHA256:two", Self.now.addingTimeInterval(11)) == .failure(.expired))
        #expect(try database.read { tx in try EnrolmentRecords.trainee(tx, forKey: "SHA256:one") }?.id == sam.id)
        #expect(try database.read { tx in try EnrolmentRecords.keys(tx, trainee: sam.id) }.map(\.fingerprint) == ["SHA256:one"])
        #expect(try database.read { tx in try EnrolmentRecords.trainees(tx, cohort: "spring-2027") }.map(\.id) == [sam.id])
        #expect(try database.read { tx in try EnrolmentRecords.cohorts(tx) } == ["spring-2027"])
        #expect(try database.write { tx in try EnrolmentRecords.removeKey(tx, trainee: sam.id, fingerprint: "SHA256:one", actor: "trainer", at: Self.now) })
        #expect(try database.read { tx in try EnrolmentRecords.trainee(tx, forKey: "SHA256:one") } == nil)
        // Never the code itself, anywhere: only its hash is kept, and the audit log names outcomes.
        let audit = try database.read { tx in try tx.rows("SELECT action, details FROM auditLog ORDER BY seq") }
        #expect(audit.compactMap { $0.string("action") } == ["enrolment.code", "enrolment.redeem", "enrolment.redeem", "enrolment.redeem", "enrolment.code", "enrolment.redeem", "enrolment.remove-key"])
        #expect(!audit.contains { ($0.string("details") ?? "").contains(code) || ($0.string("details") ?? "").contains("Sam") })
        #expect(try database.read { tx in try tx.rows("SELECT codeHash FROM enrolmentCode") }.allSatisfy { $0.string("codeHash")?.count == 64 })
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ message: String) { lock.withLock { list.append(message) } }
        var all: [String] { lock.withLock { list } }
    }
}

/// The PostgreSQL half only: a newer database is refused by name; a wrong URL says so.
@Suite struct PostgresBackendTests {
    @Test func aDatabaseFromANewerBeaconIsRefusedByName() throws {
        guard let database = try StoreConformanceTests.open(.postgres) as? PostgresRecordDatabase else { return }
        try database.write { tx in try tx.execute("INSERT INTO beaconSchema (version) VALUES (99)") }
        #expect {
            try PostgresSchema.migrate(database)
        } throws: { error in
            "\(error)".contains("schema version 99, newer than this beacon")
        }
    }

    @Test func aURLThatIsNotOneIsRefusedWithoutItsPassword() {
        #expect {
            _ = try PostgresRecordDatabase(url: "mysql://beacon:secret@host/db")
        } throws: { error in
            "\(error)".contains("not a PostgreSQL URL") && !"\(error)".contains("secret")
        }
        #expect(PostgresRecordDatabase.redacted("postgres://beacon:secret@db.example/beacon").contains("secret") == false)
    }

    @Test func anUnreachableServerIsNamedClearly() throws {
        let port = try OnlinePort.free()
        let database = try PostgresRecordDatabase(url: "postgres://beacon:hunter2@127.0.0.1:\(port)/beacon", reconnectWindow: 0.5)
        #expect {
            try database.read { tx in try tx.execute("SELECT 1") }
        } throws: { error in
            "\(error)".contains("cannot reach the database at postgres://beacon@127.0.0.1:\(port)/beacon (password not shown)") && !"\(error)".contains("hunter2")
        }
    }
}

enum OnlinePort {
    static func free() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

