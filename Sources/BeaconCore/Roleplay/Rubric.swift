extension Criterion {
    /// Whether the reply meets this criterion: any pattern found anywhere, ignoring case.
    /// A pattern that is not a valid regular expression never matches (the linter reports it).
    /// `\b` is the simple edge between word and non-word characters, as trainers know it from
    /// other tools; Swift's default Unicode word breaks would treat "what's" as one word.
    public func isMet(by reply: String) -> Bool {
        patterns.contains { pattern in
            guard regexRisk(pattern) == nil, let regex = try? Regex(pattern).ignoresCase().wordBoundaryKind(.simple) else { return false }
            return reply.contains(regex)
        }
    }
}

extension Reply {
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
