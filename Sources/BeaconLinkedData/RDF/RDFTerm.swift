/// One node or value of an RDF graph.
public enum RDFTerm: Hashable, Sendable {
    case iri(String)
    /// A blank node label, without the `_:` prefix.
    case blank(String)
    /// A literal; `language` is set only for rdf:langString (and i18n datatypes carry theirs in the IRI).
    case literal(String, datatype: String, language: String?)

    public static let xsdString = "http://www.w3.org/2001/XMLSchema#string"
    public static let langString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

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
