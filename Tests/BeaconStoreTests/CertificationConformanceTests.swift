import BeaconCore
import BeaconCredentials
import BeaconStore
import Foundation
import GRDB
import Synchronization
import Testing

/// Certificates on both backends: issue, the status transitions and their refusals, renewal,
/// sharing, erasure, and several issuers at once (on PostgreSQL, as several instances would:
/// each store its own connections). Copying an SQLite record to PostgreSQL is checked here too.
@Suite(.serialized) struct CertificationConformanceTests {
    typealias Backend = StoreConformanceTests.Backend

    /// A migrated store of each kind and a folder holding one signing key; nil when PostgreSQL is absent.
    static func open(_ backend: Backend) throws -> (store: LearningStore, home: URL, database: any RecordDatabase)? {
        guard let database = try StoreConformanceTests.open(backend) else { return nil }
        let store: LearningStore
        if let postgres = database as? PostgresRecordDatabase {
            store = try LearningStore(postgres: postgres)
        } else {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("certification-\(UUID().uuidString).sqlite")
            store = try LearningStore(writer: DatabasePool(path: file.path))
        }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("certification-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        _ = try KeyStore(home: home).add(name: "issuer-1", seed: Array(repeating: 7, count: 32))
        try store.updateIssuer(.init(name: "Test Org", forTesting: true))
        return (store, home, store.database)
    }

    /// A course whose one program has no requirements: every trainee is eligible.
    static let course: Course = {
        var course = Course(id: "peer-core", version: "2026.1", location: SourceLocation(file: "course.xml", line: 1))
        course.title = "Peer core"
        var program = CertificationProgram(id: "cps", location: SourceLocation(file: "course.xml", line: 2))
        program.title = "Certified Peer Specialist"
        program.validity = ISODuration("P2Y")!
        course.certifications = [program]
        return course
    }()

    @Test(arguments: Backend.allCases)
    func issueChangeRenewShareAndEraseBehaveTheSame(_ backend: Backend) throws {
        guard let (store, home, _) = try Self.open(backend) else { return }
        let service = CertificationService(store: store, keys: KeyStore(home: home))
        let settings = try store.certificationSettings()
        let sam = try store.addTrainee(name: "Sam Lee")
        try store.confirmLegalName(trainee: sam.id, name: "Sam Lee")
        let first = try service.issue(trainee: sam, course: Self.course, program: Self.course.certifications[0], settings: settings)
        #expect(first.status == "active" && first.trainee == sam.id && (0..<BitstringStatusList.minimumLength).contains(first.statusIndex))
        #expect(try service.credential(first.id) == first)
        #expect(try service.credentials(trainee: sam.id).map(\.id) == [first.id] && service.credentials().count == 1)

        // Suspend, refuse a second suspension, reinstate; revocation is final.
        #expect(try service.setStatus(first.id, to: .suspended, reason: "investigation").status == "suspended")
        #expect(throws: CredentialError.self) { try service.setStatus(first.id, to: .suspended, reason: "investigation") }
        #expect(try service.setStatus(first.id, to: .active, reason: "investigation-closed").status == "active")
        let renewed = try service.renew(first.id, course: Self.course, settings: settings)
        #expect(try renewed.replaces == first.id && service.credential(first.id)?.replacedBy == renewed.id && renewed.statusIndex != first.statusIndex)
        #expect(throws: CredentialError.self) { try service.renew(first.id, course: Self.course, settings: settings) }
        #expect(try service.setStatus(first.id, to: .revoked, reason: "superseded").status == "revoked")
        #expect(throws: CredentialError.self) { try service.setStatus(first.id, to: .active, reason: "other") }

        // The status lists show it; the credential verifies against them with its status.
        let lists = try service.statusLists(settings: settings)
        var byURL: [String: JSONObject] = [:]
        for list in lists.values { byURL[list["id"]!.stringValue!] = list }
        let verifier = CredentialVerifier(trustedIssuers: try KeyStore(home: home).dids(), now: Date(), statusLists: byURL)
        let checked = try verifier.verify(bytes: Array(first.json.utf8)).get()
        #expect(checked.checks.signature == "valid" && checked.checks.status == "revoked")
        #expect(try verifier.verify(bytes: Array(renewed.json.utf8)).get().checks.status == "active")

        try service.setShared(renewed.id, true)
        #expect(try service.sharedCredential(renewed.id) == renewed.json)
        #expect(try service.sharedCredential(first.id) == nil)
        let fingerprint = try service.statusFingerprint()
        _ = try service.setStatus(renewed.id, to: .suspended, reason: "other")
        #expect(try service.statusFingerprint() != fingerprint)

        // Erasure keeps the slots and statuses, drops the copies and the name.
        let erasure = try store.eraseTrainee(id: sam.id)
        #expect(erasure.credentialsRedacted == 2)
        let kept = try service.credentials()
        #expect(kept.count == 2 && kept.allSatisfy { $0.json == CertificationService.erasedCopy && $0.trainee == erasure.placeholder })
        #expect(kept.map(\.status).sorted() == ["revoked", "suspended"])
        #expect(try service.sharedCredential(renewed.id) == nil)
        let audit = try store.auditEntries().map(\.action)
        #expect(audit.filter { $0.hasPrefix("credential.") } == [
            "credential.issue", "credential.suspend", "credential.reinstate", "credential.renew", "credential.revoke", "credential.share", "credential.suspend",
        ])
        #expect(try audit.last == "trainee.erase" && store.verifyAuditLog().intact)
        #expect(!(try store.auditEntries()).contains { $0.details.contains("Sam") })
    }

    /// Issuers on separate stores (separate connections, as separate instances) at once: no slot
    /// drawn twice, the chain one line; two revocations of one credential, exactly one succeeds.
    @Test(arguments: Backend.allCases)
    func concurrentIssuersNeverShareASlotAndARevocationHappensOnce(_ backend: Backend) throws {
        guard let (store, home, database) = try Self.open(backend) else { return }
        let trainees = try (0..<4).map { try store.addTrainee(name: "Learner \($0)") }
        for trainee in trainees { try store.confirmLegalName(trainee: trainee.id, name: trainee.name) }
        // Draw from a small part of the list so that, without the slot lock, collisions would be near certain.
        let settings = try store.certificationSettings()
        let failures = StoreConformanceTests.Failures()
        let issued = Mutex<[CertificationService.Record]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            do {
                let own = try Self.reopen(database, like: store)
                let service = CertificationService(store: own, keys: KeyStore(home: home))
                for _ in 0..<6 {
                    let record = try service.issue(trainee: trainees[worker], course: Self.course, program: Self.course.certifications[0], settings: settings)
                    issued.withLock { $0.append(record) }
                }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let records = issued.withLock { $0 }
        #expect(records.count == 24 && Set(records.map(\.statusIndex)).count == 24)
        let stored = try CertificationService(store: store, keys: KeyStore(home: home)).credentials()
        #expect(stored.count == 24 && Set(stored.map(\.statusIndex)).count == 24)

        let target = records[0].id
        let outcomes = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let own = try Self.reopen(database, like: store)
                _ = try CertificationService(store: own, keys: KeyStore(home: home)).setStatus(target, to: .revoked, reason: "other")
                outcomes.withLock { $0.append("revoked") }
            } catch {
                outcomes.withLock { $0.append("\(error)") }
            }
        }
        let results = outcomes.withLock { $0 }
        #expect(results.filter { $0 == "revoked" }.count == 1, "\(results)")
        #expect(results.contains { $0.contains("revocation is final") }, "\(results)")
        let audit = try store.auditEntries()
        #expect(audit.filter { $0.action == "credential.issue" }.count == 24 && audit.filter { $0.action == "credential.revoke" }.count == 1)
        #expect(try store.verifyAuditLog().intact)
    }

    /// Another store on the same database: PostgreSQL with its own connections; SQLite the same file.
    static func reopen(_ database: any RecordDatabase, like store: LearningStore) throws -> LearningStore {
        if let postgres = database as? PostgresRecordDatabase { return try LearningStore(postgres: postgres.fresh()) }
        return store
    }

    /// An SQLite record with trainees, answers, certificates (one suspended, one holder erased)
    /// copied to an empty PostgreSQL database: the same rows, the chain intact, the ids and
    /// sequences carried on, and a non-empty target refused.
    @Test func anSQLiteRecordCopiesToAnEmptyPostgresDatabase() throws {
        guard let target = try StoreConformanceTests.open(.postgres) else { return }
        let (source, home, _) = try #require(try Self.open(.sqlite))
        let service = CertificationService(store: source, keys: KeyStore(home: home))
        let settings = try source.certificationSettings()
        let stamp = CourseStamp(id: "peer-core", version: "2026.1", contentHash: "sha256:abc")
        var ids: [String] = []
        for name in ["Ana Ruiz", "Bo Chen", "Cy Dee"] {
            let trainee = try source.addTrainee(name: name)
            try source.confirmLegalName(trainee: trainee.id, name: name)
            try source.saveLessonPage(trainee: trainee.id, course: stamp, lesson: "intro", page: 1, completed: true)
            let attempt = try source.startAttempt(trainee: trainee.id, course: stamp, quiz: "q1", seed: 9, questionIds: ["a"])
            try source.saveAnswer(attempt: attempt, question: "a", position: 0, response: .choice("b"), credit: 1)
            try source.finishAttempt(attempt, score: 1, passed: true)
            ids.append(try service.issue(trainee: trainee, course: Self.course, program: Self.course.certifications[0], settings: settings).id)
        }
        _ = try service.setStatus(ids[1], to: .suspended, reason: "investigation")
        _ = try source.eraseTrainee(id: "cy-dee")

        let report = try RecordCopy.copy(from: source.database, to: target)
        #expect(report.problems.isEmpty, "\(report.problems)")
        let sourceEntries = try source.auditEntries().count
        #expect(report.tables.first { $0.name == "quizResponse" }?.copied == 2 && report.auditIntact && report.auditEntries == sourceEntries)
        let copy = try LearningStore(postgres: #require(target as? PostgresRecordDatabase))
        let copied = CertificationService(store: copy, keys: KeyStore(home: home))
        #expect(try copied.credentials().map(\.status) == ["active", "suspended", "active"])
        #expect(try copied.credential(ids[0])?.json == service.credential(ids[0])?.json)
        #expect(try copy.trainees().map(\.name) == ["Ana Ruiz", "Bo Chen"])
        // Sequences continue after the highest id ever used (the erased trainee's attempt 3 is
        // not handed out again), and the chain goes on from the copied end.
        let next = try copy.startAttempt(trainee: "ana-ruiz", course: stamp, quiz: "q1", seed: 1, questionIds: ["a"])
        #expect(next == 4)
        try copy.finishAttempt(next, score: 0, passed: false)
        #expect(try copy.verifyAuditLog().intact)
        #expect {
            _ = try RecordCopy.copy(from: source.database, to: target)
        } throws: { error in
            "\(error)".contains("not empty")
        }
    }
}
