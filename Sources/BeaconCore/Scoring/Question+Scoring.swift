extension Question {
    /// Scores a response by the rules in docs/curriculum-format.md; nil when the response is
    /// of the wrong kind for this question (a bug in the caller, not the trainee's mistake).
    public func score(_ response: Response) -> ScoredResponse? {
        switch (kind, response) {
        case (.singleChoice(let options, _), .choice(let id)):
            guard let option = options.first(where: { $0.id == id }) else { return nil }
            return ScoredResponse(credit: clamp(option.singleChoiceCredit), feedback: option.feedback.map { [$0] } ?? [])
        case (.multipleResponse(let options, _, let scoring), .choices(let ids)):
            let chosen = Set(ids)
            guard chosen.isSubset(of: options.map(\.id)) else { return nil }
            let feedback = options.filter { chosen.contains($0.id) }.compactMap(\.feedback)
            switch scoring {
            case .allOrNothing:
                let right = Set(options.filter(\.isRightResponse).map(\.id))
                return ScoredResponse(credit: chosen == right ? 1 : 0, feedback: feedback)
            case .partial:
                let credits = Question.Kind.partialCredits(options)
                let sum = zip(options, credits).filter { chosen.contains($0.0.id) }.map(\.1).reduce(0, +)
                return ScoredResponse(credit: clamp(sum), feedback: feedback)
            }
        case (.trueFalse(let answer, _, _), .truth(let value)):
            return ScoredResponse(credit: value == answer ? 1 : 0, feedback: [])
        case (.shortAnswer(let answer), .text(let text)):
            guard let accept = answer.firstAccept(matching: text) else { return ScoredResponse(credit: 0, feedback: []) }
            return ScoredResponse(credit: clamp(accept.credit), feedback: accept.feedback.map { [$0] } ?? [])
        case (.ordering(let items, let scoring), .order(let order)):
            guard order.count == items.count, Set(order) == Set(items.indices) else { return nil }
            let inPlace = order.enumerated().filter { $0.offset == $0.element }.count
            return ScoredResponse(credit: share(inPlace, of: items.count, scoring), feedback: [])
        case (.matching(let pairs, _, let scoring), .matches(let chosen)):
            guard chosen.count == pairs.count else { return nil }
            let matched = zip(pairs, chosen).filter { $0.0.right == $0.1 }.map(\.0)
            let credit: Double
            switch scoring {
            case .allOrNothing:
                credit = matched.count == pairs.count ? 1 : 0
            case .partial:
                let total = pairs.map(\.weight).reduce(0, +)
                credit = total > 0 ? matched.map(\.weight).reduce(0, +) / total : 0
            }
            return ScoredResponse(credit: clamp(credit), feedback: [])
        default:
            return nil
        }
    }

    private func share(_ right: Int, of total: Int, _ scoring: Scoring) -> Double {
        guard total > 0 else { return 0 }
        switch scoring {
        case .allOrNothing: return right == total ? 1 : 0
        case .partial: return Double(right) / Double(total)
        }
    }
}

extension ShortAnswer {
    /// The answer as it is compared: white space per the question's rule, case and accents
    /// folded unless the question is case-sensitive.
    public func normalized(_ text: String) -> String {
        var result: String
        switch whitespace {
        case .exact: result = text
        case .ignore: result = String(text.filter { !$0.isWhitespace })
        case .normalize: result = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        if !caseSensitive { result = AccentFolding.fold(result).lowercased() }
        return result
    }

    /// The first accepted answer that matches, tried in written order.
    public func firstAccept(matching text: String) -> Accept? {
        let answer = normalized(text)
        return accepts.first { accept in
            switch accept.match {
            case .exact:
                return normalized(accept.text) == answer
            case .wildcard:
                // `*` is the only special character; everything else is literal.
                let pattern = normalized(accept.text).split(separator: "*", omittingEmptySubsequences: false)
                    .map { escapeForRegex(String($0)) }.joined(separator: ".*")
                return wholeMatch(pattern, answer)
            case .regex:
                return wholeMatch(caseSensitive ? accept.text : AccentFolding.fold(accept.text), answer)
            }
        }
    }

    private func wholeMatch(_ pattern: String, _ answer: String) -> Bool {
        guard regexRisk(pattern) == nil, let regex = try? Regex(pattern).wordBoundaryKind(.simple) else { return false }
        return (try? (caseSensitive ? regex : regex.ignoresCase()).wholeMatch(in: answer)) != nil
    }
}

/// Backslash-escapes regular-expression syntax so text matches literally.
public func escapeForRegex(_ text: String) -> String {
    var result = ""
    for character in text {
        if "\\^$.|?*+()[]{}-/".contains(character) { result.append("\\") }
        result.append(character)
    }
    return result
}
