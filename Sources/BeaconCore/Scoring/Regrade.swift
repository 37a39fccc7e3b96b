/// Scores a recorded attempt again by the quiz as it is now written, after a key was fixed.
/// The responses stay as they were given; only credits, the score and the verdict change.
public enum Regrade {
    public struct Answer: Sendable, Equatable {
        public var questionId: String
        public var response: Response
        public var credit: Double

        public init(questionId: String, response: Response, credit: Double) {
            self.questionId = questionId
            self.response = response
            self.credit = credit
        }
    }

    public struct Result: Sendable, Equatable {
        /// New credit by question id, for the answers whose credit changed.
        public var credits: [String: Double]
        public var score: Double
        public var passed: Bool
    }

    public enum Problem: Error, Equatable, Sendable {
        /// The attempt was shown a question the quiz no longer has.
        case questionGone(String)
        /// The question is now of another kind than the recorded answer.
        case answerDoesNotFit(String)
    }

    /// The attempt scored by `quiz` as written now, weighted as the player weighs it
    /// (unanswered questions count 0).
    public static func attempt(quiz: Quiz, questionIds: [String], answers: [Answer]) throws(Problem) -> Result {
        var credits: [String: Double] = [:], earned = 0.0, total = 0.0
        let recorded = Dictionary(answers.map { ($0.questionId, $0) }, uniquingKeysWith: { first, _ in first })
        for id in questionIds {
            guard let question = quiz.allQuestions.first(where: { $0.id == id }) else { throw .questionGone(id) }
            total += question.weight
            guard let answer = recorded[id] else { continue }
            guard let scored = question.score(answer.response) else { throw .answerDoesNotFit(id) }
            if abs(scored.credit - answer.credit) > 1e-9 { credits[id] = scored.credit }
            earned += question.weight * scored.credit
        }
        let score = total == 0 ? 0 : earned / total
        return Result(credits: credits, score: score, passed: score + 1e-9 >= quiz.passMark)
    }
}
