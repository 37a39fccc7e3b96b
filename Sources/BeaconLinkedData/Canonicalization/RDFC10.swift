import Crypto

/// RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation, 2024): gives blank nodes labels
/// (`c14n0`, `c14n1`, …) that depend only on the dataset's shape, so equal datasets serialize
/// to the same canonical N-Quads.
public struct RDFC10: Sendable {
    public enum HashAlgorithm: Sendable {
        case sha256, sha384
    }

    public var hashAlgorithm: HashAlgorithm = .sha256
    /// The most work one canonicalization may do, counted in Hash N-Degree Quads calls plus
    /// permutations tried. Ordinary data with a few look-alike blank nodes needs tens; a clique
    /// of ten needs millions.
    public var maxWork = 50_000
    public var maxQuads = 200_000
    public var maxBlankNodes = 100_000

    public init() {}

    /// Limits for credentials: a badge has tens of statements and a few blank nodes, so a
    /// thousand blank nodes or ten thousand statements is an attack, refused before any hashing.
    public static let forCredentials: RDFC10 = {
        var limited = RDFC10()
        limited.maxQuads = 10_000
        limited.maxBlankNodes = 1_000
        return limited
    }()

    /// The canonical N-Quads document. `distinct` says no quad is repeated (toRdf's output),
    /// which saves making them so.
    public func canonicalize(_ quads: [Quad], distinct: Bool = false) throws(CanonicalizationError) -> String {
        NQuads.document(try relabel(quads, distinct: distinct))
    }

    /// The input's blank node labels mapped to their canonical labels (the spec's "issued
    /// identifiers map").
    public func canonicalLabels(_ quads: [Quad], distinct: Bool = false) throws(CanonicalizationError) -> [String: String] {
        try labelling(quads, distinct: distinct).labels
    }

    /// The labels, and the work they took (to set `maxWork` from real data).
    public func labelling(_ quads: [Quad], distinct: Bool = false) throws(CanonicalizationError) -> (labels: [String: String], work: Int) {
        guard quads.count <= maxQuads else { throw .tooManyQuads(count: quads.count, limit: maxQuads) }
        var run = Run(quads: distinct ? quads : Self.distinctWithBlankNodes(quads), algorithm: hashAlgorithm, maxWork: maxWork)
        try run.index()
        guard run.quadsOf.count <= maxBlankNodes else { throw .tooManyBlankNodes(count: run.quadsOf.count, limit: maxBlankNodes) }
        try run.label()
        return (run.canonical.issued, run.work)
    }

    /// The quads with canonical blank node labels.
    public func relabel(_ quads: [Quad], distinct: Bool = false) throws(CanonicalizationError) -> [Quad] {
        let labels = try canonicalLabels(quads, distinct: distinct)
        func map(_ term: RDFTerm) -> RDFTerm {
            if case .blank(let label) = term { return .blank(labels[label] ?? label) }
            return term
        }
        return quads.map { Quad(map($0.subject), $0.predicate, map($0.object), graph: $0.graph.map(map)) }
    }

    /// A dataset is a set: a quad written twice is one quad, and must hash as one. Only quads
    /// with blank nodes take part in hashing; the rest are made distinct when the sorted
    /// output drops repeated lines (hashing every quad cost more than all the rest here).
    static func distinctWithBlankNodes(_ quads: [Quad]) -> [Quad] {
        // Keyed by the line's bytes: Swift's String equality is Unicode canonical equivalence,
        // and RDF terms differ when their code points do.
        var seen = Set<[UInt8]>()
        return quads.filter { quad in
            guard quad.subject.isBlank || quad.object.isBlank || quad.graph?.isBlank == true else { return true }
            return seen.insert(Array(NQuads.line(quad).utf8)).inserted
        }
    }
}

/// The canonicalization state (spec §4.2) for one run.
private struct Run {
    let quads: [Quad]
    let algorithm: RDFC10.HashAlgorithm
    let maxWork: Int
    /// Blank node label -> indices of the quads that mention it.
    var quadsOf: [String: [Int]] = [:]
    var canonical = IdentifierIssuer(prefix: "c14n")
    var firstDegree: [String: String] = [:]
    var work = 0

    init(quads: [Quad], algorithm: RDFC10.HashAlgorithm, maxWork: Int) {
        self.quads = quads
        self.algorithm = algorithm
        self.maxWork = maxWork
    }

    mutating func spend() throws(CanonicalizationError) {
        work += 1
        guard work <= maxWork else { throw .tooComplex(blankNodes: quadsOf.count, limit: maxWork) }
    }

    var blankOrder: [String] = []

    /// Step 2: index quads by blank node, keeping first-seen order.
    mutating func index() throws(CanonicalizationError) {
        for (index, quad) in quads.enumerated() {
            for term in [quad.subject, quad.object, quad.graph] {
                guard let label = term?.blankLabel else { continue }
                if quadsOf[label] == nil { blankOrder.append(label) }
                if quadsOf[label]?.last != index { quadsOf[label, default: []].append(index) }
            }
        }
    }

    mutating func label() throws(CanonicalizationError) {
        // Step 3: first-degree hashes.
        var byHash: [String: [String]] = [:]
        for label in blankOrder {
            let hash = hashFirstDegree(label)
            firstDegree[label] = hash
            byHash[hash, default: []].append(label)
        }
        // Step 4: unique hashes get canonical labels straight away, in hash order.
        let sortedHashes = byHash.keys.sorted(by: NQuads.codePointPrecedes)
        for hash in sortedHashes where byHash[hash]!.count == 1 {
            _ = canonical.issue(byHash[hash]![0])
        }
        // Step 5: shared hashes are told apart by their surroundings.
        for hash in sortedHashes where byHash[hash]!.count > 1 {
            var results: [(hash: String, issuer: IdentifierIssuer)] = []
            for label in byHash[hash]! where canonical[label] == nil {
                var temporary = IdentifierIssuer(prefix: "b")
                _ = temporary.issue(label)
                results.append(try hashNDegree(label, temporary))
            }
            results.sort { NQuads.codePointPrecedes($0.hash, $1.hash) }
            for result in results {
                for existing in result.issuer.order { _ = canonical.issue(existing) }
            }
        }
    }

    func digest(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let raw: [UInt8]
        switch algorithm {
        case .sha256: raw = Array(SHA256.hash(data: bytes))
        case .sha384: raw = Array(SHA384.hash(data: bytes))
        }
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(raw.count * 2)
        for byte in raw {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// §4.6: the quads that mention `label`, with it written `_:a` and other blank nodes `_:z`.
    func hashFirstDegree(_ label: String) -> String {
        func mask(_ term: RDFTerm) -> RDFTerm {
            guard case .blank(let other) = term else { return term }
            return .blank(other == label ? "a" : "z")
        }
        let lines = quadsOf[label, default: []].map { index -> String in
            let quad = quads[index]
            return NQuads.line(Quad(mask(quad.subject), quad.predicate, mask(quad.object), graph: quad.graph.map(mask)))
        }
        return digest(lines.sorted(by: NQuads.codePointPrecedes).joined())
    }

    /// §4.7.
    func hashRelated(_ related: String, _ quad: Quad, _ issuer: IdentifierIssuer, _ position: String) -> String {
        var input = position
        if position != "g" {
            var predicate = ""
            NQuads.write(quad.predicate, into: &predicate)
            input += predicate
        }
        if let id = canonical[related] ?? issuer[related] {
            input += "_:" + id
        } else {
            input += firstDegree[related] ?? hashFirstDegree(related)
        }
        return digest(input)
    }

    /// §4.8. Every call counts against the budget, which is what stops a poison graph.
    mutating func hashNDegree(_ label: String, _ issuerIn: IdentifierIssuer) throws(CanonicalizationError) -> (hash: String, issuer: IdentifierIssuer) {
        try spend()
        var issuer = issuerIn
        var relatedByHash: [String: [String]] = [:]
        for index in quadsOf[label, default: []] {
            let quad = quads[index]
            for (term, position) in [(quad.subject, "s"), (quad.object, "o"), (quad.graph, "g")] {
                guard let related = term?.blankLabel, related != label else { continue }
                relatedByHash[hashRelated(related, quad, issuer, position), default: []].append(related)
            }
        }
        var data = ""
        for relatedHash in relatedByHash.keys.sorted(by: NQuads.codePointPrecedes) {
            data += relatedHash
            var chosenPath = ""
            var chosenIssuer: IdentifierIssuer?
            var permutations = Permutations(relatedByHash[relatedHash]!)
            permutationLoop: while let permutation = permutations.next() {
                try spend()
                var issuerCopy = issuer
                var path = ""
                var recursion: [String] = []
                for related in permutation {
                    if let id = canonical[related] {
                        path += "_:" + id
                    } else {
                        if issuerCopy[related] == nil { recursion.append(related) }
                        path += "_:" + issuerCopy.issue(related)
                    }
                    if !chosenPath.isEmpty, path.utf8.count >= chosenPath.utf8.count, NQuads.codePointPrecedes(chosenPath, path) {
                        continue permutationLoop
                    }
                }
                for related in recursion {
                    let result = try hashNDegree(related, issuerCopy)
                    path += "_:" + issuerCopy.issue(related)
                    path += "<" + result.hash + ">"
                    issuerCopy = result.issuer
                    if !chosenPath.isEmpty, path.utf8.count >= chosenPath.utf8.count, NQuads.codePointPrecedes(chosenPath, path) {
                        continue permutationLoop
                    }
                }
                if chosenPath.isEmpty || NQuads.codePointPrecedes(path, chosenPath) {
                    chosenPath = path
                    chosenIssuer = issuerCopy
                }
            }
            data += chosenPath
            if let chosenIssuer { issuer = chosenIssuer }
        }
        return (digest(data), issuer)
    }
}

/// All orderings of a list (Heap's algorithm, iteratively), without building them all at once.
struct Permutations<Element> {
    private var items: [Element]
    private var counters: [Int]
    private var index = 0
    private var started = false

    init(_ items: [Element]) {
        self.items = items
        counters = Array(repeating: 0, count: items.count)
    }

    mutating func next() -> [Element]? {
        if !started {
            started = true
            return items
        }
        while index < items.count {
            if counters[index] < index {
                items.swapAt(index % 2 == 0 ? 0 : counters[index], index)
                counters[index] += 1
                index = 0
                return items
            }
            counters[index] = 0
            index += 1
        }
        return nil
    }
}
