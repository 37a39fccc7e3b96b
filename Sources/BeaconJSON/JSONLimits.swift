/// Resource limits applied while parsing untrusted JSON.
///
/// Credentials arrive from other parties, so the parser refuses oversized or
/// deeply nested input up front instead of trusting the sender.
public struct JSONLimits: Sendable {
    /// Largest accepted input, in UTF-8 bytes.
    public var maxBytes = 10 << 20
    /// Deepest accepted nesting of arrays and objects (a bare scalar has depth 0).
    public var maxDepth = 64

    public init() {}

    public init(maxBytes: Int, maxDepth: Int) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }
}
