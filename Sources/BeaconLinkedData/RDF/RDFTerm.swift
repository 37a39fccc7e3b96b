/// One node or value of an RDF graph.
public enum RDFTerm: Hashable, Sendable {
    case iri(String)
    /// A blank node label, without the `_:` prefix.
    case blank(String)
    /// A literal; `language` is set only for rdf:langString (and i18n datatypes carry theirs in the IRI).
    case literal(String, datatype: String, language: String?)

    public static let xsdString = "http://www.w3.org/2001/XMLSchema#string"
    public static let langString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

    /// Equal code point for code point (String's == is Unicode canonical equivalence, which
    /// RDF term equality is not).
    public func exactlyEquals(_ other: RDFTerm) -> Bool {
        func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }
        switch (self, other) {
        case (.iri(let a), .iri(let b)), (.blank(let a), .blank(let b)): return same(a, b)
        case (.literal(let a, let x, let l), .literal(let b, let y, let m)):
            return same(a, b) && same(x, y) && (l == nil) == (m == nil) && same(l ?? "", m ?? "")
        default: return false
        }
    }

    public var isBlank: Bool {
        if case .blank = self { true } else { false }
    }

    public var blankLabel: String? {
        if case .blank(let label) = self { label } else { nil }
    }
}

/// A triple in a named graph, or in the default graph when `graph` is nil.
public struct Quad: Hashable, Sendable {
    public var subject: RDFTerm
    public var predicate: RDFTerm
    public var object: RDFTerm
    public var graph: RDFTerm?

    public init(_ subject: RDFTerm, _ predicate: RDFTerm, _ object: RDFTerm, graph: RDFTerm? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}
