extension AnswerOption {
    /// Credit this option earns in a single-choice question.
    public var singleChoiceCredit: Double { credit ?? (correct ? 1 : 0) }

    /// Whether the option counts as right in a multiple-response question.
    public var isRightResponse: Bool { correct || (credit ?? 0) > 0 }
}

extension Question.Kind {
    /// The right-hand choices a matching question offers: each distinct right-hand text once,
    /// in written order, then the distractors.
    public static func matchingChoices(_ pairs: [MatchPair], _ distractors: [String]) -> [String] {
        var seen = Set<String>()
        return pairs.map(\.right).filter { seen.insert($0).inserted } + distractors
    }

    /// Credit of each option when chosen in a multiple-response question scored partially:
    /// explicit credits win; otherwise each right option is worth 1/k and each wrong one −1/k.
    public static func partialCredits(_ options: [AnswerOption]) -> [Double] {
        let rightCount = options.filter(\.isRightResponse).count
        let share = rightCount == 0 ? 0 : 1 / Double(rightCount)
        return options.map { option in option.credit ?? (option.isRightResponse ? share : -share) }
    }
}

extension Question {
    /// The most credit (0...1) a perfect answer earns. Below 1 means no one can get full marks.
    public var maximumCredit: Double {
        switch kind {
        case .singleChoice(let options, _):
            return clamp(options.map(\.singleChoiceCredit).max() ?? 0)
        case .multipleResponse(let options, _, .partial):
            return clamp(Question.Kind.partialCredits(options).filter { $0 > 0 }.reduce(0, +))
        case .multipleResponse(let options, _, .allOrNothing):
            return options.contains(where: \.isRightResponse) ? 1 : 0
        case .trueFalse:
            return 1
        case .shortAnswer(let answer):
            return clamp(answer.accepts.map(\.credit).max() ?? 0)
        case .ordering(let items, _):
            return items.count >= 2 ? 1 : 0
        case .matching(let pairs, _, _):
            return pairs.isEmpty ? 0 : 1
        }
    }
}

/// Credits are kept within 0...1; small float noise (0.333… × 3) counts as the bound itself.
func clamp(_ credit: Double) -> Double {
    if credit > 1 - 1e-9 { return 1 }
    if credit < 1e-9 { return 0 }
    return credit
}
