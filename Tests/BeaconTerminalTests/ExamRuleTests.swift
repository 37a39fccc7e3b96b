import BeaconCore
import BeaconStore
import BeaconTerminal
import Foundation
import GRDB
import Testing

/// A program's exam rule in the player: after two failed attempts the trainee is sent back to
/// retrain (the module starts over; the attempts stay on the record), the exam stays shut until
/// the module is finished again, and then the quiz's own attempts count afresh.
@Suite struct ExamRuleTests {
    let resources = CrisisResources(
        reviewed: "2026-11-27", region: "US", heading: "Help now.", resources: [.init(name: "988 Suicide & Crisis Lifeline", how: "Call or text 988.")],
        elsewhere: nil, reviewerNote: nil
    )

    @Test func failingTwiceSendsTheTraineeBackToRetrainAndTheExamReopensAfter() throws {
        var (course, stamp) = try sampleCourse()
        var rule = CertificationProgram.ExamRule(quiz: Reference("listening-check", at: course.location))
        rule.retrainAfter = 2
        rule.retrainModule = Reference("listening-well", at: course.location)
        course.certifications[0].exam = rule
        let store = try LearningStore(writer: DatabaseQueue())
        let trainee = try store.addTrainee(name: "Tester", at: Date(timeIntervalSince1970: 1_700_000_000))
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        try store.saveLessonPage(trainee: trainee.id, course: stamp, lesson: "what-is-peer-support", page: 0, completed: true, at: start)
        try store.saveLessonPage(trainee: trainee.id, course: stamp, lesson: "oars", page: 0, completed: true, at: start)
        for hour in [0.0, 2] {
            let attempt = try store.startAttempt(trainee: trainee.id, course: stamp, quiz: "listening-check", seed: 1, questionIds: ["q1"], at: start + hour * 3600)
            try store.finishAttempt(attempt, score: 0.4, passed: false, at: start + hour * 3600 + 600)
        }
        func play(_ lines: [String]) throws -> String {
            let terminal = MemoryTerminal(lines: lines)
            var options = CoursePlayer.Options(seed: 1)
            let clock = Clock()
            options.now = { clock.tick() }
            _ = CoursePlayer(course: course, stamp: stamp, store: store, trainee: trainee, terminal: terminal, resources: resources, options: options).run()
            return terminal.output
        }
        // Module 2, item 2 is the quiz: the rule asks for retraining; Enter starts it.
        let sent = try play(["2", "2", "", "", "q", "q"])
        #expect(sent.contains("after 2 attempts") && sent.contains("go through Listening Well again"), "\(sent.suffix(1500))")
        var record = try store.record(trainee: trainee.id, course: course.id)
        #expect(record.retrainedAt["listening-check"] != nil)
        #expect(record.lessons["oars"] == nil && record.lessons["what-is-peer-support"] != nil, "the retraining module, and only it, starts over")
        #expect(record.attempts["listening-check"]?.count == 2, "the attempts stay on the record")
        #expect(try store.auditEntries().contains { $0.action == "exam.retrain" && $0.actor.hasPrefix("trainee:") })

        // Not finished again yet: the exam stays shut, and says why.
        let shut = try play(["2", "2", "", "q", "q"])
        #expect(shut.contains("Your program asks you to go through Listening Well again first."), "\(shut.suffix(1200))")

        // Finished again: the exam opens, its own attempts counted afresh.
        let later = Date(timeIntervalSince1970: 1_800_100_000)
        try store.saveLessonPage(trainee: trainee.id, course: stamp, lesson: "oars", page: 0, completed: true, at: later)
        let run = try store.startRun(trainee: trainee.id, course: stamp, roleplay: "hard-week", seed: 1, at: later)
        try store.finishRun(run, ending: "safe-plan", scores: [:], at: later + 60)
        let open = try play(["2", "2", "q", "q", "q"])
        #expect(open.contains("attempt 1 of 3"), "\(open.suffix(1200))")
        record = try store.record(trainee: trainee.id, course: course.id)
        #expect(record.currentAttempts("listening-check").count <= 1)
        #expect(try store.verifyAuditLog().intact)
    }

    @Test func aGrantedAttemptOpensAQuizWhoseAttemptsAreUsedAndIsAudited() throws {
        let (course, stamp) = try sampleCourse()
        let store = try LearningStore(writer: DatabaseQueue())
        let trainee = try store.issueEnrolmentCode(traineeName: "Tester", traineeId: nil, cohort: "spring", validFor: 3600, at: Date(timeIntervalSince1970: 1_700_000_000)).trainee
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        try store.saveLessonPage(trainee: trainee.id, course: stamp, lesson: "what-is-peer-support", page: 0, completed: true, at: start)
        for hour in [0.0, 2, 4] {
            let attempt = try store.startAttempt(trainee: trainee.id, course: stamp, quiz: "listening-check", seed: 1, questionIds: ["q1"], at: start + hour * 3600)
            try store.finishAttempt(attempt, score: 0.4, passed: false, at: start + hour * 3600 + 600)
        }
        func play() throws -> String {
            let terminal = MemoryTerminal(lines: ["2", "2", "q", "q", "q"])
            var options = CoursePlayer.Options(seed: 1)
            let clock = Clock()
            options.now = { clock.tick() }
            _ = CoursePlayer(course: course, stamp: stamp, store: store, trainee: trainee, terminal: terminal, resources: resources, options: options).run()
            return terminal.output
        }
        #expect(try play().contains("You have used all 3 attempts"))
        _ = try store.addStaff(name: "Dana Cruz", roles: [.admin], actor: "operator", at: start)
        _ = try store.addStaff(name: "Lee Park", roles: [.supervisor], actor: "dana-cruz", at: start)
        #expect(throws: ProgramRefusal.self) { try store.grantAttempt(trainee: trainee.id, course: course, quiz: "listening-check", reason: "dropped", actor: "lee-park") }
        #expect(throws: ProgramRefusal.self) { try store.grantAttempt(trainee: trainee.id, course: course, quiz: "listening-check", reason: " ", actor: "dana-cruz") }
        try store.grantAttempt(trainee: trainee.id, course: course, quiz: "listening-check", reason: "the connection dropped in attempt 3", actor: "dana-cruz")
        let open = try play()
        #expect(open.contains("attempt 3 of 3") && !open.contains("You have used all 3 attempts"), "\(open.suffix(800))")
        #expect(try store.record(trainee: trainee.id, course: course.id).attempts["listening-check"]?.filter { $0.finishedAt != nil }.count == 3, "the earlier attempts stay")
        #expect(try store.auditEntries().contains { $0.action == "attempt.grant" && $0.actor == "dana-cruz" && $0.details.contains("connection dropped") })

        // One item reset, not the whole module: audited with who did it.
        #expect(try store.reset(trainee: trainee.id, course: course.id, items: ["what-is-peer-support"], actor: "dana-cruz") == 1)
        #expect(throws: ProgramRefusal.self) { _ = try store.reset(trainee: trainee.id, course: course.id, items: ["oars"], actor: "lee-park") }
        #expect(try store.auditEntries().contains { $0.action == "progress.reset" && $0.actor == "dana-cruz" })
        #expect(try store.record(trainee: trainee.id, course: course.id).attempts["listening-check"]?.filter { $0.finishedAt != nil }.count == 3)
    }
}
