import BeaconCore
import BeaconCredentials
import Foundation

/// A program's exam rule standing in the way of another attempt, and which program's it is.
public struct ExamGate: Sendable, Equatable {
    public var standing: ExamStanding
    public var program: String
    public var module: Module?
}

/// Exam rules in the player: attempts per window, waits, and retraining after repeated
/// failures. Retraining starts the module over (lessons, role-plays and its other quizzes); the
/// exam's own attempts are kept, and only those after the retraining count from then on.
public enum ExamRecords {
    /// The first program rule that forbids an attempt at `quiz` now; nil when none does.
    public static func gate(_ tx: any RecordTransaction, trainee: String, course: Course, quiz: String, now: Date) throws -> ExamGate? {
        var seen: Set<String> = []
        let record = try ProgressRecords.record(tx, trainee: trainee, course: course.id)
        for candidate in course.certifications where seen.insert(candidate.id).inserted {
            guard let program = try ProgramEvidenceRecords.version(tx, trainee: trainee, course: course, program: candidate.id, today: now),
                let rule = program.exam, rule.quiz.id == quiz
            else { continue }
            let standing = standing(rule, record, course: course)(now)
            if !standing.allowsAttempt, standing != .passed {
                return ExamGate(standing: standing, program: program.id, module: rule.retrainModule.flatMap { course.module($0.id) })
            }
        }
        return nil
    }

    /// The rule judged on the record, for any moment.
    static func standing(_ rule: CertificationProgram.ExamRule, _ record: CourseRecord, course: Course) -> (Date) -> ExamStanding {
        let attempts = record.attempts[rule.quiz.id, default: []].compactMap { attempt -> ProgramEvidence.Attempt? in
            guard let finished = attempt.finishedAt, let score = attempt.score else { return nil }
            return ProgramEvidence.Attempt(finishedAt: finished, score: score, passed: attempt.passed ?? false)
        }
        let since = record.retrainedAt[rule.quiz.id]
        let done = since.map { retrainingDone(rule, record, course: course, since: $0) } ?? true
        return { now in ExamStanding(rule: rule, attempts: attempts, retrainedAt: since, retrainingDone: done, now: now) }
    }

    /// Whether every item of the retraining module but the exam itself was done again since then.
    static func retrainingDone(_ rule: CertificationProgram.ExamRule, _ record: CourseRecord, course: Course, since: Date) -> Bool {
        guard let module = rule.retrainModule.flatMap({ course.module($0.id) }) else { return true }
        let again = retrainingPart(of: module, exam: rule.quiz.id)
        return again.items.isEmpty || RenewalRecords.finishedDay(again, record, from: since) != nil
    }

    /// What retraining starts over: the module without the exam itself.
    static func retrainingPart(of module: Module, exam: String) -> Module {
        var part = module
        part.items = module.items.filter { $0.id != exam }
        return part
    }

    /// Starts the retraining the rule asks for; refused unless the rule asks for it now.
    public static func retrain(_ tx: any RecordTransaction, trainee: String, course: Course, quiz: String, at now: Date) throws -> Module {
        guard let gate = try gate(tx, trainee: trainee, course: course, quiz: quiz, now: now), case .retrain = gate.standing, let module = gate.module else {
            throw ProgramRefusal("no program asks \(trainee) to retrain before \(quiz) now")
        }
        let items = retrainingPart(of: module, exam: quiz).items.map(\.id)
        let removed = try ProgressRecords.reset(tx, trainee: trainee, course: course.id, items: items)
        try tx.execute(
            "INSERT INTO retraining (traineeId, courseId, quizId, moduleId, at) VALUES (?, ?, ?, ?, ?)",
            [.text(trainee), .text(course.id), .text(quiz), .text(module.id), .date(now)]
        )
        let subject = try TraineeRecords.auditSubject(tx, trainee: trainee)
        try AuditLog.append(tx, actor: subject, action: "exam.retrain", subject: subject, details: JSONObject([
            ("program", .string(gate.program)), ("quiz", .string(quiz)), ("module", .string(module.id)), ("removed", .number(JSONNumber(Double(removed)))),
        ]), at: now)
        return module
    }
}

extension LearningStore {
    public func examGate(trainee: String, course: Course, quiz: String, now: Date = Date()) throws -> ExamGate? {
        try database.read { tx in try ExamRecords.gate(tx, trainee: trainee, course: course, quiz: quiz, now: now) }
    }

    /// The trainee starts the module over, as the exam rule asks; audited with the trainee as actor.
    @discardableResult
    public func retrain(trainee: String, course: Course, quiz: String, at now: Date = Date()) throws -> Module {
        try database.write { tx in try ExamRecords.retrain(tx, trainee: trainee, course: course, quiz: quiz, at: now) }
    }
}
