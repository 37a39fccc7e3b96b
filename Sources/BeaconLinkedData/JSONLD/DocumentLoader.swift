import BeaconJSON

/// Where remote contexts come from. Beacon never fetches one: `BundledContexts` serves a fixed
/// set compiled into the program, and tests serve the W3C suites' files from disk.
public protocol DocumentLoader: Sendable {
    /// The document at `url`, parsed, and the URL it was found at (relative IRIs inside it
    /// resolve against that).
    func load(_ url: String) throws(JSONLDError) -> (document: JSONValue, documentURL: String)

    /// Set when the loader always serves the same documents: processed contexts are then shared
    /// between documents (every credential starts from the same two contexts).
    var sharedCacheName: String? { get }
}

extension DocumentLoader {
    public var sharedCacheName: String? { nil }
}
