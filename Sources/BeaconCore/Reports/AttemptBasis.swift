/// Which attempts a report counts: each trainee's first, or every one (a trainee who tried
/// three times then weighs three times). Reports state the one they used.
public enum AttemptBasis: String, Sendable, Encodable, CaseIterable {
    case first, all

    public var words: String {
        switch self {
        case .first: "first attempts only (one per trainee)"
        case .all: "all attempts (a trainee who tried three times counts three times)"
        }
    }
}
