/// Why a dataset was not canonicalized.
public enum CanonicalizationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The graph's blank nodes are so alike that telling them apart would take more work than the
    /// limit allows: the "poison graph" the RDFC-1.0 spec warns of (§4.4, a bound on N-degree hashing).
    case tooComplex(blankNodes: Int, limit: Int)
    case tooManyQuads(count: Int, limit: Int)
    case tooManyBlankNodes(count: Int, limit: Int)

    public var description: String {
        switch self {
        case .tooComplex(let blankNodes, let limit):
            "the data's \(blankNodes) blank nodes are too alike to put in canonical order within \(limit) steps; a real credential never needs that many, so it was refused"
        case .tooManyBlankNodes(let count, let limit):
            "the data has \(count) blank nodes, more than the \(limit) allowed"
        case .tooManyQuads(let count, let limit):
            "the data has \(count) statements, more than the \(limit) allowed"
        }
    }
}
