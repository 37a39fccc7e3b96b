import BeaconCore
import BeaconJSON
import Foundation

/// What regrading a quiz changes: every finished attempt scored again by the quiz as written
/// now. The plan is shown first; applying it recomputes inside one transaction.
public struct RegradePlan: Sendable, Encodable {
    public struct Change: Sendable, Encodable {
        public var trainee: String
        public var name: String
        /// 1 for the trainee's first attempt at the quiz.
        public var attempt: Int
        public var courseVersion: String
        public var before: Double
        public var after: Double
        public var passedBefore: Bool
        public var passedAfter: Bool
        /// The questions whose credit changed.
        public var questions: [String]
        var attemptId: Int64
        var credits: [String: Double]

        private enum CodingKeys: String, CodingKey { case trainee, name, attempt, courseVersion, before, after, passedBefore, passedAfter, questions }
    }

    /// An attempt that cannot be scored by the quiz as it is now, left as it was.
    public struct Kept: Sendable, Encodable {
        public var trainee: String
        public var attempt: Int
        public var reason: String
    }

    public var course: String
    public var quiz: String
    /// The content the attempts are scored by now.
    public var contentHash: String
    public var examined: Int
    public var changes: [Change]
    public var kept: [Kept]
}

enum QuizRegrading {
    static func plan(_ tx: any RecordTransaction, course: CourseStamp, quiz: Quiz) throws -> RegradePlan {
        var plan = RegradePlan(course: course.id, quiz: quiz.id, contentHash: course.contentHash, examined: 0, changes: [], kept: [])
        for trainee in try TraineeRecords.all(tx) {
            let record = try ProgressRecords.record(tx, trainee: trainee.id, course: course.id)
            for (index, attempt) in record.attempts[quiz.id, default: []].enumerated() {
                guard let finished = attempt.score, attempt.finishedAt != nil else { continue }
                plan.examined += 1
                let answers = attempt.answers.map { Regrade.Answer(questionId: $0.questionId, response: $0.response, credit: $0.credit) }
                do {
                    let result = try Regrade.attempt(quiz: quiz, questionIds: attempt.questionIds, answers: answers)
                    let passedBefore = attempt.passed ?? false
                    guard !result.credits.isEmpty || abs(result.score - finished) > 1e-9 || result.passed != passedBefore else { continue }
                    plan.changes.append(RegradePlan.Change(
                        trainee: trainee.id, name: trainee.name, attempt: index + 1, courseVersion: attempt.courseVersion,
                        before: finished, after: result.score, passedBefore: passedBefore, passedAfter: result.passed,
                        questions: result.credits.keys.sorted(), attemptId: attempt.id, credits: result.credits
                    ))
                } catch {
                    let reason = switch error {
                    case .questionGone(let id): "question \(id) is no longer in the quiz"
                    case .answerDoesNotFit(let id): "question \(id) is now of another kind than the answer given"
                    }
                    plan.kept.append(RegradePlan.Kept(trainee: trainee.id, attempt: index + 1, reason: reason))
                }
            }
        }
        return plan
    }

    /// Writes the new credits, scores and verdicts; each changed attempt is audited with the
    /// actor and the scores before and after. Responses are not touched.
    static func apply(_ tx: any RecordTransaction, course: CourseStamp, quiz: Quiz, actor: String, at now: Date) throws -> RegradePlan {
        let by = try StaffRecords.authorize(tx, actor: actor, .regrade, trainee: nil)
        let plan = try plan(tx, course: course, quiz: quiz)
        for change in plan.changes {
            for (question, credit) in change.credits {
                try tx.execute("UPDATE quizResponse SET credit = ? WHERE attemptId = ? AND questionId = ?", [.real(credit), .integer(change.attemptId), .text(question)])
            }
            try tx.execute("UPDATE quizAttempt SET score = ?, passed = ? WHERE id = ?", [.real(change.after), .bool(change.passedAfter), .integer(change.attemptId)])
            try AuditLog.append(tx, actor: try StaffRecords.auditName(tx, by), action: "quiz.regrade", subject: try TraineeRecords.auditSubject(tx, trainee: change.trainee), details: JSONObject([
                ("course", .string(course.id)), ("quiz", .string(quiz.id)), ("attempt", .number(JSONNumber(Double(change.attempt)))),
                ("before", .number(JSONNumber(change.before))), ("after", .number(JSONNumber(change.after))),
                ("passedBefore", .bool(change.passedBefore)), ("passedAfter", .bool(change.passedAfter)),
                ("questions", .array(change.questions.map(JSONValue.string))), ("contentHash", .string(course.contentHash)),
            ]), at: now)
        }
        return plan
    }
}

extension LearningStore {
    /// What regrading would change, without changing anything.
    public func regradePlan(course: CourseStamp, quiz: Quiz) throws -> RegradePlan {
        try database.read { tx in try QuizRegrading.plan(tx, course: course, quiz: quiz) }
    }

    /// Regrades and returns what changed (worked out again inside the transaction).
    public func regrade(course: CourseStamp, quiz: Quiz, actor: String = LearningStore.actor, at now: Date = Date()) throws -> RegradePlan {
        try database.write { tx in try QuizRegrading.apply(tx, course: course, quiz: quiz, actor: actor, at: now) }
    }
}
