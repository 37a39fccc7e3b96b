import BeaconJSON

/// JSON-LD 1.1 expansion and conversion to RDF, and the canonical N-Quads of a document.
public struct JSONLD: Sendable {
    public var loader: any DocumentLoader
    /// Safe mode: refuse what expansion would silently drop (see `Expander`).
    public var safe: Bool
    /// The document's own URL, against which relative IRIs resolve; nil leaves them relative
    /// (and toRdf then drops them, or safe mode refuses them).
    public var base: String?
    public var expandContext: JSONValue?
    public var rdfDirection: String?
    /// The most steps (values, contexts) one document may take: bounds hostile input.
    public var maxWork = 1_000_000

    public init(loader: any DocumentLoader = BundledContexts.shared, safe: Bool = true, base: String? = nil) {
        self.loader = loader
        self.safe = safe
        self.base = base
    }

    /// Bundled contexts, safe mode, and limits a credential never comes near (it takes a few
    /// hundred steps): a hostile document is refused in milliseconds.
    public static let forCredentials: JSONLD = {
        var processor = JSONLD()
        processor.maxWork = 50_000
        return processor
    }()

    public func expand(_ document: JSONValue) throws(JSONLDError) -> [JSONValue] {
        var expander = Expander(loader: loader, safe: safe)
        expander.contexts.maxWork = maxWork
        return try expander.expandDocument(document, base: base, expandContext: expandContext)
    }

    public func toRDF(_ document: JSONValue) throws(JSONLDError) -> [Quad] {
        let expanded = try expand(document)
        var nodes = NodeMapBuilder(maxWork: maxWork)
        var none: [JSONValue]?
        try nodes.generate(.array(expanded), graph: "@default", list: &none)
        var writer = RDFWriter(nodes: nodes, rdfDirection: rdfDirection)
        try writer.write()
        return writer.quads
    }

    /// The document's canonical N-Quads (RDFC-1.0), what eddsa-rdfc-2022 hashes.
    public func canonicalNQuads(_ document: JSONValue, canonicalizer: RDFC10 = .forCredentials) throws(LinkedDataError) -> String {
        let quads: [Quad]
        do {
            quads = try toRDF(document)
        } catch {
            throw .jsonld(error)
        }
        do {
            return try canonicalizer.canonicalize(quads, distinct: true)
        } catch {
            throw .canonicalization(error)
        }
    }
}

/// Either stage's failure, for callers that go from JSON-LD to canonical N-Quads in one step.
public enum LinkedDataError: Error, Sendable, Equatable, CustomStringConvertible {
    case jsonld(JSONLDError)
    case canonicalization(CanonicalizationError)

    public var description: String {
        switch self {
        case .jsonld(let error): error.message
        case .canonicalization(let error): error.description
        }
    }
}
