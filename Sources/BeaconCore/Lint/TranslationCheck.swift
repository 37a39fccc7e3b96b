/// Checks a language edition of a course against the edition it translates. Everything except
/// the words must match (ids, order, scores, pass marks, rules and references), so one program
/// can accept work done in either edition and a trainee's record means the same in both.
/// Rubric patterns, keywords and samples are the translation's own: they are per language.
public struct TranslationCheck: Sendable {
    public let original: Course
    public let translation: Course

    public init(original: Course, translation: Course) {
        self.original = original
        self.translation = translation
    }

    public func diagnostics() -> [Diagnostic] {
        var check = Comparison()
        check.course(original, translation)
        return check.diagnostics
    }
}

/// One comparison's findings. Diagnostics point into the translation, the file being fixed,
/// and name the original's line so the translator can look across.
struct Comparison {
    var diagnostics: [Diagnostic] = []

    /// Pairs two id'd sequences: reports what one has and the other lacks, and a change of
    /// order, then compares the pairs.
    mutating func pair<T>(
        _ kind: String, _ original: [T], _ translation: [T],
        id: (T) -> String, at location: (T) -> SourceLocation, within container: SourceLocation,
        each compare: (inout Comparison, T, T) -> Void
    ) {
        let translatedIds = Set(translation.map(id))
        let originalIds = Set(original.map(id))
        for item in original where !translatedIds.contains(id(item)) {
            diagnostics.append(Diagnostic(
                .error, "B067", "the translation has no \(kind) '\(id(item))' (original: \(location(item)))",
                help: "translate the \(kind) and keep its id", at: container
            ))
        }
        for item in translation where !originalIds.contains(id(item)) {
            diagnostics.append(Diagnostic(
                .error, "B067", "\(kind) '\(id(item))' is not in the original",
                help: "remove it, or give it the id the original uses", at: location(item)
            ))
        }
        let common = original.map(id).filter(translatedIds.contains)
        let commonHere = translation.map(id).filter(originalIds.contains)
        if common != commonHere {
            diagnostics.append(Diagnostic(
                .error, "B067", "the \(kind)s are in another order: \(commonHere.joined(separator: ", ")); the original has \(common.joined(separator: ", "))",
                help: "keep the original's order", at: container
            ))
        }
        let byId = Dictionary(translation.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        for item in original {
            if let counterpart = byId[id(item)] { compare(&self, item, counterpart) }
        }
    }

    /// Pairs two sequences without ids (choices, routes, lines) by position.
    mutating func pairByPosition<T>(
        _ kind: String, _ original: [T], _ translation: [T], within container: SourceLocation,
        originalAt: SourceLocation, each compare: (inout Comparison, T, T) -> Void
    ) {
        if original.count != translation.count {
            diagnostics.append(Diagnostic(
                .error, "B067", "\(translation.count) \(kind)s here, \(original.count) in the original (\(originalAt))",
                help: "translate each of the original's \(kind)s, in its order, and add none", at: container
            ))
            return
        }
        for (a, b) in zip(original, translation) { compare(&self, a, b) }
    }

    /// Reports each fact (a score, rule or reference) that differs between the two.
    mutating func facts(_ what: String, _ original: [Fact], _ translation: [Fact], originalAt: SourceLocation, at location: SourceLocation) {
        let theirs = Dictionary(translation.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        for fact in original where theirs[fact.name] != fact.value {
            let here = theirs[fact.name].map { "'\($0)'" } ?? "nothing"
            diagnostics.append(Diagnostic(
                .error, "B068", "\(what): \(fact.name) is '\(fact.value)' in the original (\(originalAt)), \(here) here",
                help: "a translation changes the words only; make the \(fact.name) match the original", at: location
            ))
        }
    }
}

/// A named, comparable property of something in a course, written out for a message.
struct Fact: Equatable {
    var name: String
    var value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    init(_ name: String, _ value: (some CustomStringConvertible)?) {
        self.init(name, value.map(\.description) ?? "none")
    }

    init(_ name: String, ids: [Reference]) {
        self.init(name, ids.isEmpty ? "none" : ids.map(\.id).joined(separator: " "))
    }
}
