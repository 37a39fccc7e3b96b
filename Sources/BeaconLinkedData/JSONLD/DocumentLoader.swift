import BeaconJSON

/// Where remote contexts come from. Beacon never fetches one: `BundledContexts` serves a fixed
/// set compiled into the program, and tests serve the W3C suites' files from disk.
public protocol DocumentLoader: Sendable {
    /// The document at `url`, parsed, and the URL it was found at (relative IRIs inside it
    /// resolve against that).
    func load(_ url: String) throws(JSONLDError) -> (document: JSONValue, documentURL: String)
}
