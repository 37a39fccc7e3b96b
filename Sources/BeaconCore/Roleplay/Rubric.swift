extension Criterion {
    /// Whether the reply meets this criterion: a pattern (anywhere, ignoring case and accents)
    /// or a keyword (even misspelt) is found, and no exclusion is. A pattern that is not a valid regular
    /// expression never matches (the linter reports it). `\b` is the simple edge between word
    /// and non-word characters, as trainers know it from other tools; Swift's default Unicode
    /// word breaks would treat "what's" as one word.
    public func isMet(by reply: String) -> Bool {
        let folded = AccentFolding.fold(reply)
        let found = patterns.contains { Self.matches($0, folded) }
            || !keywords.isEmpty && { let words = KeywordMatch.words(folded); return keywords.contains { KeywordMatch.contains(words, $0) } }()
        return found && !exclusions.contains { Self.matches($0, folded) }
    }

    /// `reply` is already accent-folded; the pattern is folded here the same way.
    static func matches(_ pattern: String, _ reply: String) -> Bool {
        guard regexRisk(pattern) == nil, let regex = try? Regex(AccentFolding.fold(pattern)).ignoresCase().wordBoundaryKind(.simple) else { return false }
        return reply.contains(regex)
    }

    /// Points this criterion gives when met (negative for what a trainee should not do).
    public var points: Int { scores.map(\.points).reduce(0, +) }
}

extension Reply {
    /// Fewer words than this cannot be scored fairly: the player asks for more instead.
    public static let minimumWords = 3

    /// Whether the text is too short to score ("ok", "hmm", "yes"): it earns no praise, only a
    /// request to say a little more.
    public static func isTooShort(_ text: String) -> Bool {
        KeywordMatch.words(text).count < minimumWords
    }

    /// Indices of the criteria the text meets.
    public func metCriteria(by text: String) -> [Int] {
        criteria.indices.filter { criteria[$0].isMet(by: text) }
    }
}

/// Checks that a rubric pattern compiles; returns the regex engine's complaint when it does not.
public func rubricPatternProblem(_ pattern: String) -> String? {
    if let risk = regexRisk(pattern) { return risk }
    do {
        _ = try Regex(pattern)
        return nil
    } catch {
        return String(describing: error)
    }
}
