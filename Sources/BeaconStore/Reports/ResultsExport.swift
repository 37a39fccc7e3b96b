import BeaconCore
import Foundation

/// Every recorded quiz attempt and role-play run of a course, for a program's own records.
///
/// Typed answers (short-answer text) are free text a trainee wrote and are left out unless asked
/// for. Role-play replies are never in it: the store keeps only which rubric criteria a reply met.
public struct ResultsExport: Sendable, Encodable {
    public struct Answer: Sendable, Encodable {
        public var question: String
        public var position: Int
        /// The response; nil when it was typed text and free text was not requested.
        public var response: ExportedResponse?
        public var credit: Double
        public var answeredAt: Date
    }

    public struct Attempt: Sendable, Encodable {
        public var trainee: String
        public var quiz: String
        /// 1 for the trainee's first attempt at the quiz (not a database row id).
        public var attempt: Int
        public var startedAt: Date
        public var finishedAt: Date?
        public var score: Double?
        public var passed: Bool?
        public var courseVersion: String
        public var answers: [Answer]
    }

    public struct Run: Sendable, Encodable {
        public var trainee: String
        public var roleplay: String
        /// 1 for the trainee's first run of the role-play.
        public var run: Int
        public var startedAt: Date
        public var finishedAt: Date?
        public var ending: String?
        public var scores: [String: Int]?
        public var steps: Int
        public var courseVersion: String
    }

    public var course: String
    public var freeTextIncluded: Bool
    public var attempts: [Attempt] = []
    public var runs: [Run] = []

    public init(course: String, records: [(Trainee, CourseRecord)], includeFreeText: Bool) {
        self.course = course
        freeTextIncluded = includeFreeText
        for (trainee, record) in records {
            for attempt in record.attempts.values.joined().sorted(by: { $0.id < $1.id }) {
                let number = (record.attempts[attempt.quizId]?.firstIndex { $0.id == attempt.id } ?? 0) + 1
                attempts.append(Attempt(
                    trainee: trainee.id, quiz: attempt.quizId, attempt: number, startedAt: attempt.startedAt,
                    finishedAt: attempt.finishedAt, score: attempt.score, passed: attempt.passed, courseVersion: attempt.courseVersion,
                    answers: attempt.answers.enumerated().map { index, answer in
                        let withheld: Bool = if case .text = answer.response { !includeFreeText } else { false }
                        return Answer(
                            question: answer.questionId, position: index + 1, response: withheld ? nil : ExportedResponse(answer.response),
                            credit: answer.credit, answeredAt: answer.answeredAt
                        )
                    }
                ))
            }
            for run in record.runs.values.joined().sorted(by: { $0.id < $1.id }) {
                let number = (record.runs[run.roleplayId]?.firstIndex { $0.id == run.id } ?? 0) + 1
                runs.append(Run(
                    trainee: trainee.id, roleplay: run.roleplayId, run: number, startedAt: run.startedAt, finishedAt: run.finishedAt,
                    ending: run.endingId, scores: run.scores, steps: run.steps.count, courseVersion: run.courseVersion
                ))
            }
        }
    }

    /// One row per answer and one per role-play run.
    public var csv: CSVTable {
        var table = CSVTable(header: [
            "trainee", "kind", "item", "attempt", "started_at", "finished_at", "score_percent", "passed",
            "question", "position", "response", "credit", "ending", "competency_scores",
        ])
        let time = { (date: Date?) -> CSVTable.Cell in date.map { .text(Self.timestamp($0)) } ?? .empty }
        for attempt in attempts {
            let common: [CSVTable.Cell] = [
                .text(attempt.trainee), .text("quiz"), .text(attempt.quiz), .integer(attempt.attempt),
                time(attempt.startedAt), time(attempt.finishedAt), .decimal(attempt.score.map { $0 * 100 }, places: 1),
                attempt.passed.map { .text($0 ? "yes" : "no") } ?? .empty,
            ]
            if attempt.answers.isEmpty { table.append(common + Array(repeating: .empty, count: 6)) }
            for answer in attempt.answers {
                table.append(common + [
                    .text(answer.question), .integer(answer.position),
                    answer.response.map { .text($0.words) } ?? .text("(free text withheld)"),
                    .decimal(answer.credit, places: 3), .empty, .empty,
                ])
            }
        }
        for run in runs {
            let scores = (run.scores ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            table.append([
                .text(run.trainee), .text("roleplay"), .text(run.roleplay), .integer(run.run), time(run.startedAt),
                time(run.finishedAt), .empty, .empty, .empty, .empty, .empty, .empty,
                run.ending.map { .text($0) } ?? .empty, .text(scores),
            ])
        }
        return table
    }


    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

/// A response as a script reads it: the option id, the ids, true or false, the text, the order
/// of items (1 is the first as written) or the right-hand texts in the order of the left.
public struct ExportedResponse: Sendable, Encodable {
    public var response: Response

    init(_ response: Response) { self.response = response }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch response {
        case .choice(let id): try container.encode(id)
        case .choices(let ids): try container.encode(ids)
        case .truth(let value): try container.encode(value)
        case .text(let text): try container.encode(text)
        case .order(let order): try container.encode(order.map { $0 + 1 })
        case .matches(let texts): try container.encode(texts)
        }
    }

    /// The same, in one CSV cell.
    var words: String {
        switch response {
        case .choice(let id): id
        case .choices(let ids): ids.joined(separator: " ")
        case .truth(let value): value ? "true" : "false"
        case .text(let text): text
        case .order(let order): order.map { String($0 + 1) }.joined(separator: " ")
        case .matches(let texts): texts.joined(separator: " | ")
        }
    }
}
