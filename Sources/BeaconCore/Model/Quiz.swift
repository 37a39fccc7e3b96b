/// A scored set of questions, some written in place and some drawn at random from pools.
public struct Quiz: Hashable, Sendable {
    public enum Section: Hashable, Sendable {
        case question(Question)
        case pool(Pool)
    }

    public var id: String
    public var title: String = ""
    public var contentNote: ContentNote?
    public var instructions: [Inline] = []
    /// Share of the weighted credit needed to pass, 0...1.
    public var passMark: Double = 1
    /// Most attempts allowed; nil means unlimited.
    public var attempts: Int?
    /// Time to wait between attempts.
    public var cooldown: ISODuration?
    /// Present the questions in random order.
    public var shuffle = false
    public var minutes: Int?
    public var sections: [Section] = []
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }

    /// Every question the quiz could ever show, pools included.
    public var allQuestions: [Question] {
        sections.flatMap { section -> [Question] in
            switch section {
            case .question(let question): [question]
            case .pool(let pool): pool.questions
            }
        }
    }

    public var pools: [Pool] { sections.compactMap { if case .pool(let p) = $0 { p } else { nil } } }

    /// How many questions one attempt shows.
    public var questionsPerAttempt: Int {
        sections.reduce(0) { count, section in
            switch section {
            case .question: count + 1
            case .pool(let pool): count + min(pool.draw, pool.questions.count)
            }
        }
    }

    /// The highest score a perfect trainee can reach with the luckiest draw.
    ///
    /// The score is a ratio (Σ weight·credit ÷ Σ weight), so the best draw is found by bisecting
    /// on the ratio r: a draw beats r when Σ weight·(credit − r) ≥ 0, and for a given r each pool's
    /// best `draw` questions are simply those with the largest weight·(credit − r).
    public var bestPossibleScore: Double {
        typealias Item = (weight: Double, credit: Double)
        let item = { (question: Question) -> Item in (question.weight, question.maximumCredit) }
        let fixed = sections.compactMap { if case .question(let q) = $0 { item(q) } else { nil } }
        let pools = self.pools.map { (draw: $0.draw, items: $0.questions.map(item)) }
        guard questionsPerAttempt > 0 else { return 0 }
        // The usual case, every question able to earn full credit, needs no search.
        if fixed.allSatisfy({ $0.credit == 1 }), pools.allSatisfy({ $0.items.allSatisfy { $0.credit == 1 } }) {
            return 1
        }
        func beats(_ ratio: Double) -> Bool {
            var total = fixed.reduce(0) { $0 + $1.weight * ($1.credit - ratio) }
            for pool in pools {
                let values = pool.items.map { $0.weight * ($0.credit - ratio) }.sorted(by: >)
                total += values.prefix(pool.draw).reduce(0, +)
            }
            return total >= -1e-12
        }
        var low = 0.0, high = 1.0
        if beats(1) { return 1 }
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if beats(middle) { low = middle } else { high = middle }
        }
        return low
    }
}

/// Questions from which each attempt draws `draw` at random.
public struct Pool: Hashable, Sendable {
    public var id: String
    public var draw: Int = 1
    public var questions: [Question] = []
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
