import BeaconCore
import Foundation

/// Builds the score matrix for item analysis from a quiz's recorded, finished attempts: one row
/// per attempt, each question's mark its credit × weight (its maximum mark), with the options
/// chosen for the distractor analysis.
public enum RecordedScores {
    public struct Selection: Sendable {
        public var matrix: ScoreMatrix
        /// Questions left out because not every attempt was shown them (drawn from a pool).
        public var partlyShown: [String]
    }

    /// The attempts made on one course version's content: analysed apart, since a question
    /// whose wording or key changed is another question.
    public struct Group: Sendable {
        public var courseVersion: String
        public var contentHash: String
        public var trainees: Int
        public var selection: Selection
    }

    /// One group per version and content the quiz was taken on, the newest first (by its
    /// latest attempt).
    public static func groups(quiz: Quiz, records: [(Trainee, CourseRecord)], basis: ItemReview.Basis) -> [Group] {
        var keys: [(version: String, hash: String, latest: Date)] = []
        for (_, record) in records {
            for attempt in record.attempts[quiz.id, default: []] where attempt.finishedAt != nil {
                if let index = keys.firstIndex(where: { $0.version == attempt.courseVersion && $0.hash == attempt.contentHash }) {
                    keys[index].latest = max(keys[index].latest, attempt.startedAt)
                } else {
                    keys.append((attempt.courseVersion, attempt.contentHash, attempt.startedAt))
                }
            }
        }
        return keys.sorted { $0.latest > $1.latest }.map { key in
            let chosen = records.map { trainee, record in
                (trainee, record.attempts[quiz.id, default: []].filter {
                    $0.finishedAt != nil && $0.courseVersion == key.version && $0.contentHash == key.hash
                })
            }
            let counted = chosen.map { trainee, attempts in (trainee, basis == .first ? Array(attempts.prefix(1)) : attempts) }
            return Group(
                courseVersion: key.version, contentHash: key.hash, trainees: chosen.filter { !$0.1.isEmpty }.count,
                selection: matrix(quiz: quiz, attempts: counted.flatMap { trainee, attempts in attempts.map { (trainee.id, $0) } })
            )
        }
    }

    /// Every finished attempt, whatever content it was made on.
    public static func matrix(quiz: Quiz, records: [(Trainee, CourseRecord)]) -> Selection {
        matrix(quiz: quiz, attempts: records.flatMap { trainee, record in
            record.attempts[quiz.id, default: []].filter { $0.finishedAt != nil }.map { (trainee.id, $0) }
        })
    }

    static func matrix(quiz: Quiz, attempts: [(String, QuizAttemptRecord)]) -> Selection {
        // The statistics need every attempt to have seen the same questions.
        let questions = quiz.allQuestions.filter { question in attempts.allSatisfy { $0.1.questionIds.contains(question.id) } }
        let partlyShown = quiz.allQuestions.map(\.id).filter { id in !questions.contains { $0.id == id } }
        var rows: [[Double]] = []
        for (_, attempt) in attempts {
            let credits = Dictionary(attempt.answers.map { ($0.questionId, $0.credit) }, uniquingKeysWith: { first, _ in first })
            rows.append(questions.map { (credits[$0.id] ?? 0) * $0.weight })
        }
        var matrix = ScoreMatrix(
            attemptIDs: attempts.map { "\($0.0)#\($0.1.id)" }, questionIDs: questions.map(\.id),
            maxMarks: questions.map(\.weight), rows: rows
        )
        matrix.randomGuessScores = questions.map(randomGuessScore)
        for (index, question) in questions.enumerated() {
            matrix.setOptions(options(question, attempts.map(\.1)), forQuestion: index)
        }
        return Selection(matrix: matrix, partlyShown: partlyShown)
    }

    /// The expected credit of answering at random, as Moodle's question types define it.
    static func randomGuessScore(_ question: Question) -> Double? {
        switch question.kind {
        case .singleChoice(let options, _):
            return options.isEmpty ? nil : options.map { max(0, min(1, $0.singleChoiceCredit)) }.reduce(0, +) / Double(options.count)
        case .multipleResponse: return nil
        case .trueFalse: return 0.5
        case .shortAnswer(let answer):
            return answer.accepts.first { $0.match == .wildcard && $0.text.trimmingCharacters(in: .whitespaces) == "*" }?.credit ?? 0
        case .ordering(let items, let scoring):
            guard !items.isEmpty else { return nil }
            return scoring == .partial ? 1 / Double(items.count) : nil
        case .matching(let pairs, let distractors, _):
            let choices = Question.Kind.matchingChoices(pairs, distractors).count
            return choices > 0 ? 1 / Double(choices) : nil
        }
    }

    static func options(_ question: Question, _ attempts: [QuizAttemptRecord]) -> QuestionOptions? {
        func chosen(_ pick: (Response) -> Set<String>) -> [Set<String>] {
            attempts.map { attempt in attempt.answers.first { $0.questionId == question.id }.map { pick($0.response) } ?? [] }
        }
        switch question.kind {
        case .singleChoice(let options, _):
            return QuestionOptions(
                options: options.map { .init(id: $0.id, isKey: $0.singleChoiceCredit >= 1) },
                chosen: chosen { if case .choice(let id) = $0 { [id] } else { [] } }
            )
        case .multipleResponse(let options, _, _):
            return QuestionOptions(
                options: options.map { .init(id: $0.id, isKey: $0.isRightResponse) },
                chosen: chosen { if case .choices(let ids) = $0 { Set(ids) } else { [] } }
            )
        case .trueFalse(let answer, _, _):
            return QuestionOptions(
                options: [.init(id: "true", isKey: answer), .init(id: "false", isKey: !answer)],
                chosen: chosen { if case .truth(let value) = $0 { [value ? "true" : "false"] } else { [] } }
            )
        case .shortAnswer, .ordering, .matching:
            return nil
        }
    }
}
