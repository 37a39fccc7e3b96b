/// A JSON-LD processing error: `code` is the spec's error code ("invalid term definition", …),
/// so callers and the W3C suite can tell kinds apart; `message` says what and where.
public struct JSONLDError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// Safe mode: a term or IRI the contexts don't define would be dropped without a word,
    /// so a claim added after signing would vanish from what the signature covers.
    static let undefinedTerm = "undefined term"
    static let relativeIRI = "relative IRI"
}
