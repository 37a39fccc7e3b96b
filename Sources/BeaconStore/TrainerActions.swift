import BeaconCore
import BeaconCredentials
import Foundation

/// What a trainer does to a trainee's record: grant an extra quiz attempt, or start items over.
/// An admin, or a facilitator of the trainee's cohort; each audited with its actor and reason.
public enum TrainerActions {
    public static func grantAttempt(_ tx: any RecordTransaction, trainee: String, course: Course, quiz: String, reason: String, actor: String, at now: Date) throws {
        let by = try StaffRecords.authorize(tx, actor: actor, .grantAttempt, trainee: trainee)
        guard let found = course.quizzes.first(where: { $0.id == quiz }) else {
            throw ProgramRefusal("no quiz '\(quiz)' in \(course.id); quizzes: \(course.quizzes.map(\.id).joined(separator: ", "))")
        }
        guard found.attempts != nil else { throw ProgramRefusal("\(found.title) has no attempt limit, so there is nothing to grant") }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw ProgramRefusal("say why the extra attempt is granted (--reason)") }
        guard try TraineeRecords.find(tx, id: trainee) != nil else { throw StoreError.noSuchTrainee(trainee) }
        try tx.execute(
            "INSERT INTO attemptGrant (traineeId, courseId, quizId, grantedBy, reason, at) VALUES (?, ?, ?, ?, ?, ?)",
            [.text(trainee), .text(course.id), .text(quiz), .text(by.id), .text(why), .date(now)]
        )
        try AuditLog.append(tx, actor: try StaffRecords.auditName(tx, by), action: "attempt.grant", subject: try TraineeRecords.auditSubject(tx, trainee: trainee),
                            details: JSONObject([("course", .string(course.id)), ("quiz", .string(quiz)), ("reason", .string(why))]), at: now)
    }

    /// Forgets the trainee's work on these items (lessons, quizzes, role-plays); how many records went.
    public static func reset(_ tx: any RecordTransaction, trainee: String, course: String, items: [String], actor: String, at now: Date) throws -> Int {
        let by = try StaffRecords.authorize(tx, actor: actor, .resetProgress, trainee: trainee)
        let removed = try ProgressRecords.reset(tx, trainee: trainee, course: course, items: items)
        try AuditLog.append(tx, actor: try StaffRecords.auditName(tx, by), action: "progress.reset", subject: try TraineeRecords.auditSubject(tx, trainee: trainee),
                            details: JSONObject([("course", .string(course)), ("items", .array(items.map(JSONValue.string))), ("removed", .number(JSONNumber(Double(removed))))]), at: now)
        return removed
    }
}

extension LearningStore {
    public func grantAttempt(trainee: String, course: Course, quiz: String, reason: String, actor: String = LearningStore.actor, at now: Date = Date()) throws {
        try database.write { tx in try TrainerActions.grantAttempt(tx, trainee: trainee, course: course, quiz: quiz, reason: reason, actor: actor, at: now) }
    }

    /// A trainer's reset, checked and audited (the unchecked `reset` stays for the store's own use).
    public func reset(trainee: String, course: String, items: [String], actor: String, at now: Date = Date()) throws -> Int {
        try database.write { tx in try TrainerActions.reset(tx, trainee: trainee, course: course, items: items, actor: actor, at: now) }
    }
}
