import BeaconCore
import Foundation
import GRDB
import Testing
@testable import BeaconStore

@Suite struct LearningStoreTests {
    let course = CourseStamp(id: "sample", version: "1.0.0", contentHash: "abc")
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func store() throws -> LearningStore { try LearningStore(writer: DatabaseQueue()) }

    @Test func traineeIdsComeFromNamesAndStayUnique() throws {
        let store = try store()
        #expect(try store.addTrainee(name: "Alex Rivera").id == "alex-rivera")
        #expect(try store.addTrainee(name: "Alex Rivera").id == "alex-rivera-2")
        #expect(try store.addTrainee(name: "  ").id == "trainee")
        #expect(try store.trainees().map(\.id) == ["alex-rivera", "alex-rivera-2", "trainee"])
        #expect(try store.trainee(id: "nobody") == nil)
    }

    @Test func activeTimeSkipsGapsOverFiveMinutes() throws {
        let store = try store()
        let alex = try store.addTrainee(name: "Alex")
        try store.recordActivity(trainee: alex.id, course: course.id, at: start)
        try store.recordActivity(trainee: alex.id, course: course.id, at: start + 60)
        try store.recordActivity(trainee: alex.id, course: course.id, at: start + 60 + 3600)  // stepped away
        try store.recordActivity(trainee: alex.id, course: course.id, at: start + 60 + 3600 + 300)
        let record = try store.record(trainee: alex.id, course: course.id)
        #expect(record.activeSeconds == 360)
        #expect(record.startedAt == start)
    }

    @Test func everyAnswerIsReadBackAsGiven() throws {
        let store = try store()
        let alex = try store.addTrainee(name: "Alex")
        let attempt = try store.startAttempt(trainee: alex.id, course: course, quiz: "q", seed: .max, questionIds: ["a", "b"], at: start)
        try store.saveAnswer(attempt: attempt, question: "a", position: 0, response: .choices(["x", "y"]), credit: 0.5, at: start + 1)
        try store.saveAnswer(attempt: attempt, question: "b", position: 1, response: .text("988"), credit: 1, at: start + 2)
        #expect(throws: (any Error).self) {
            try store.saveAnswer(attempt: attempt, question: "b", position: 1, response: .text("again"), credit: 0, at: start + 3)
        }
        try store.finishAttempt(attempt, score: 0.75, passed: false, at: start + 4)
        let saved = try #require(store.record(trainee: alex.id, course: course.id).attempts["q"]?.first)
        #expect(saved.seed == .max)
        #expect(saved.questionIds == ["a", "b"])
        #expect(saved.answers.map(\.response) == [.choices(["x", "y"]), .text("988")])
        #expect(saved.score == 0.75 && saved.passed == false && saved.finishedAt == start + 4)
        #expect(saved.contentHash == "abc" && saved.courseVersion == "1.0.0")
    }

    @Test func runsKeepTheirPathAndResetForgetsOneItem() throws {
        let store = try store()
        let alex = try store.addTrainee(name: "Alex")
        let run = try store.startRun(trainee: alex.id, course: course, roleplay: "rp", at: start)
        let steps = [
            RoleplaySession.Step(scene: "s1", move: .choice(1), scores: [1]),
            RoleplaySession.Step(scene: "s2", move: .reply(met: [0, 2]), scores: [3]),
        ]
        try store.saveSteps(run: run, steps: Array(steps.prefix(1)), from: 0, at: start)
        try store.saveSteps(run: run, steps: steps, from: 1, at: start)
        try store.finishRun(run, ending: "good", scores: ["listening": 3], at: start + 5)
        try store.saveLessonPage(trainee: alex.id, course: course, lesson: "l1", page: 2, completed: true, at: start)
        try store.saveLessonPage(trainee: alex.id, course: course, lesson: "l1", page: 0, completed: false, at: start + 1)
        var record = try store.record(trainee: alex.id, course: course.id)
        #expect(record.runs["rp"]?.first?.steps == steps)
        #expect(record.runs["rp"]?.first?.scores == ["listening": 3])
        #expect(record.lessons["l1"]?.page == 0)
        #expect(record.lessons["l1"]?.completedAt == start, "a lesson once completed stays completed")
        #expect(try store.reset(trainee: alex.id, course: course.id, items: ["rp"]) == 1)
        record = try store.record(trainee: alex.id, course: course.id)
        #expect(record.runs.isEmpty && record.lessons.count == 1)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func theDatabaseFolderIsPrivate() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let store = try LearningStore(home: home)
        try store.addTrainee(name: "Alex")
        let folder = try FileManager.default.attributesOfItem(atPath: home.path)[.posixPermissions] as? Int
        #expect(folder == 0o700)
        let file = try FileManager.default.attributesOfItem(atPath: home.appendingPathComponent("beacon.sqlite").path)[.posixPermissions] as? Int
        #expect(file == 0o600)
    }

    @Test func defaultHomeFollowsTheEnvironment() {
        #expect(LearningStore.defaultHome(environment: ["BEACON_HOME": "/x/b"]).path == "/x/b")
        #expect(LearningStore.defaultHome(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]).path == "/d/beacon")
        #expect(LearningStore.defaultHome(environment: ["HOME": "/h"]).path == "/h/.local/share/beacon")
    }
}

@Suite struct AuditLogTests {
    let course = CourseStamp(id: "sample", version: "1.0.0", contentHash: "abc")

    func storeWithResults() throws -> LearningStore {
        let store = try LearningStore(writer: DatabaseQueue())
        let alex = try store.addTrainee(name: "Alex")
        for score in [0.5, 0.9] {
            let attempt = try store.startAttempt(trainee: alex.id, course: course, quiz: "q", seed: 1, questionIds: ["a"])
            try store.finishAttempt(attempt, score: score, passed: score > 0.8)
        }
        let run = try store.startRun(trainee: alex.id, course: course, roleplay: "rp")
        try store.finishRun(run, ending: "good", scores: ["listening": 3])
        return store
    }

    @Test func everyFinishedResultIsChainedIntoTheLog() throws {
        let store = try storeWithResults()
        let entries = try store.auditEntries()
        #expect(entries.map(\.action) == ["result.quiz", "result.quiz", "result.roleplay"])
        #expect(entries[1].previousHash == entries[0].hash)
        #expect(try store.verifyAuditLog() == AuditVerification(entries: 3, brokenAt: nil, problem: nil))
    }

    @Test func theLogRefusesEditsAndFindsThemIfForced() throws {
        let store = try storeWithResults()
        #expect(throws: (any Error).self) {
            try store.sqlite!.write { db in try db.execute(sql: "UPDATE auditLog SET details = '{}' WHERE seq = 2") }
        }
        #expect(throws: (any Error).self) {
            try store.sqlite!.write { db in try db.execute(sql: "DELETE FROM auditLog WHERE seq = 2") }
        }
        // Someone with the file drops the guard and edits an entry: the chain shows where.
        try store.sqlite!.write { db in
            try db.execute(sql: "DROP TRIGGER auditLogNoUpdate")
            try db.execute(sql: #"UPDATE auditLog SET details = replace(details, '"score":0.5', '"score":0.95') WHERE seq = 1"#)
        }
        let edited = try store.verifyAuditLog()
        #expect(edited.brokenAt == 1 && edited.problem?.contains("changed") == true)
        try store.sqlite!.write { db in
            try db.execute(sql: "DROP TRIGGER auditLogNoDelete")
            try db.execute(sql: "DELETE FROM auditLog WHERE seq = 1")
        }
        let removed = try store.verifyAuditLog()
        #expect(removed.brokenAt == 2 && removed.problem?.contains("removed") == true)
    }
}
