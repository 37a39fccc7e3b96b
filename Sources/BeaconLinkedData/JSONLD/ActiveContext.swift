import BeaconJSON

/// What one term means (JSON-LD 1.1 API §4.2).
struct TermDefinition: Equatable, Sendable {
    /// nil when the term is mapped to null (`"term": null`): the term is then ignored.
    var iri: String?
    var isPrefix = false
    var isProtected = false
    var isReverse = false
    var typeMapping: String?
    /// `.some(nil)` is an explicit `"@language": null`, which is not the same as no mapping.
    var language: String??
    var direction: String??
    var container: Set<String> = []
    var index: String?
    var nest: String?
    var context: JSONValue?
    /// Names `context` for the processed-context cache, so a scoped context (the OB 3.0 types'
    /// are large) is never hashed whole to find its cached result. Not part of equality.
    var contextTag = Tag()
    var baseURL: String?

    struct Tag: Equatable, Sendable {
        var value: UInt64 = 0
        static func == (_: Tag, _: Tag) -> Bool { true }
    }

    /// Equal apart from `@protected`: the test for redefining a protected term.
    func sameMeaning(as other: TermDefinition) -> Bool {
        var a = self, b = other
        a.isProtected = false
        b.isProtected = false
        return a == b
    }
}

/// The active context: what terms mean at one point of a document (JSON-LD 1.1 API §4.1).
struct ActiveContext: Sendable {
    final class Previous: Sendable {
        let context: ActiveContext
        init(_ context: ActiveContext) { self.context = context }
    }

    var terms = TermTable()
    var base: String?
    var originalBase: String?
    var vocab: String?
    var defaultLanguage: String?
    var defaultDirection: String?
    /// The context to return to when a type-scoped context does not propagate.
    var previous: Previous?
    var identity: ContextIdentity

    /// An empty context. With no base, every empty context is the same state and shares one
    /// identity, so contexts processed from it are shared between documents.
    init(base: String?) {
        self.base = base
        originalBase = base
        identity = base == nil ? .empty : .next()
    }

    var hasProtectedTerms: Bool { terms.values.contains { $0.isProtected } }
}

/// Term definitions by term, matched code point for code point: JSON-LD compares terms as
/// strings of code points, and Swift's String equality (canonical equivalence) would let a key
/// spelled in another Unicode normalization take a term's meaning.
struct TermTable: Sendable {
    private var table: [ExactKey: TermDefinition] = [:]

    subscript(term: String) -> TermDefinition? {
        get { table[ExactKey(string: term)] }
        set { table[ExactKey(string: term)] = newValue }
    }

    @discardableResult
    mutating func removeValue(forKey term: String) -> TermDefinition? {
        table.removeValue(forKey: ExactKey(string: term))
    }

    var values: Dictionary<ExactKey, TermDefinition>.Values { table.values }
}
