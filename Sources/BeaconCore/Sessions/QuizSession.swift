/// One attempt at a quiz as a value: which questions were drawn and in what order, how each
/// question's choices are shown, and what was answered. Everything random comes from `seed`,
/// so storing the seed and the responses is enough to rebuild the attempt exactly.
public struct QuizSession: Hashable, Sendable {
    public struct Answer: Hashable, Sendable {
        public var response: Response
        public var scored: ScoredResponse
    }

    public let quizId: String
    public let seed: UInt64
    /// The questions of this attempt, in the order they are asked.
    public let questionIds: [String]
    /// For choice questions, the order options are shown in (indices into the written options);
    /// for ordering, the shuffled start order; for matching, the order of the right-hand choices
    /// (indices into rights followed by distractors).
    public let displayOrders: [String: [Int]]
    public private(set) var answers: [String: Answer] = [:]

    public enum Problem: Error, Equatable {
        case notInThisAttempt(String)
        case alreadyAnswered(String)
        case wrongKindOfResponse(String)
    }

    /// Draws the questions: written ones in place, `draw` at random from each pool, then the
    /// whole list shuffled if the quiz says so.
    public init(quiz: Quiz, seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var ids: [String] = []
        for section in quiz.sections {
            switch section {
            case .question(let question): ids.append(question.id)
            case .pool(let pool): ids += pool.questions.shuffled(using: &random).prefix(pool.draw).map(\.id)
            }
        }
        if quiz.shuffle { ids.shuffle(using: &random) }
        var orders: [String: [Int]] = [:]
        let byId = Dictionary(quiz.allQuestions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in ids {
            guard let question = byId[id] else { continue }
            switch question.kind {
            case .singleChoice(let options, let shuffle), .multipleResponse(let options, let shuffle, _):
                orders[id] = shuffle ? Array(options.indices).shuffled(using: &random) : Array(options.indices)
            case .ordering(let items, _):
                // Never start in the right order: that would give the answer away.
                var order = Array(items.indices)
                for _ in 0..<8 where order == Array(items.indices) { order.shuffle(using: &random) }
                if order == Array(items.indices), order.count > 1 { order.swapAt(0, 1) }
                orders[id] = order
            case .matching(let pairs, let distractors, _):
                orders[id] = Array(Question.Kind.matchingChoices(pairs, distractors).indices).shuffled(using: &random)
            case .trueFalse, .shortAnswer:
                break
            }
        }
        quizId = quiz.id
        self.seed = seed
        questionIds = ids
        displayOrders = orders
    }

    /// The next question to ask, nil when every question is answered.
    public var currentQuestionId: String? { questionIds.first { answers[$0] == nil } }
    public var isFinished: Bool { currentQuestionId == nil }
    /// 1-based number of the current question, for "Question 3 of 8".
    public var currentNumber: Int { answers.count + 1 }

    /// Records and scores an answer.
    @discardableResult
    public mutating func answer(_ response: Response, to questionId: String, in quiz: Quiz) throws -> ScoredResponse {
        guard questionIds.contains(questionId), let question = quiz.allQuestions.first(where: { $0.id == questionId }) else {
            throw Problem.notInThisAttempt(questionId)
        }
        guard answers[questionId] == nil else { throw Problem.alreadyAnswered(questionId) }
        guard let scored = question.score(response) else { throw Problem.wrongKindOfResponse(questionId) }
        answers[questionId] = Answer(response: response, scored: scored)
        return scored
    }

    /// The weighted score so far over the questions of this attempt (unanswered count as 0).
    public func score(in quiz: Quiz) -> Double {
        var earned = 0.0, total = 0.0
        for id in questionIds {
            guard let question = quiz.allQuestions.first(where: { $0.id == id }) else { continue }
            total += question.weight
            earned += question.weight * (answers[id]?.scored.credit ?? 0)
        }
        return total == 0 ? 0 : earned / total
    }

    public func passed(in quiz: Quiz) -> Bool { isFinished && score(in: quiz) + 1e-9 >= quiz.passMark }
}

extension Quiz {
    /// Whether another attempt may start, given how many were finished before.
    public func attemptsLeft(afterFinishing finished: Int) -> Int? {
        attempts.map { max($0 - finished, 0) }
    }
}
