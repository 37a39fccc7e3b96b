import BeaconJSON

/// The only contexts Beacon's JSON-LD processor will use, compiled into the program: the VC 2.0
/// credentials context and its examples, Open Badges 3.0 and its extensions, the citizenship
/// vocabulary of the W3C vectors, and Ed25519Signature2020's. Any other URL is an error naming
/// it; nothing is ever fetched.
public struct BundledContexts: DocumentLoader {
    public static let shared = BundledContexts()

    /// Parsed once, on first use.
    private static let parsed: [String: JSONValue] = texts.compactMapValues { try? JSONValue(parsing: $0.text) }

    public static var urls: [String] { texts.keys.sorted() }

    public init() {}

    public var sharedCacheName: String? { "bundled" }

    public func load(_ url: String) throws(JSONLDError) -> (document: JSONValue, documentURL: String) {
        guard let document = Self.parsed[url] else {
            throw JSONLDError(
                "loading remote context failed",
                "the context \(url) is not one Beacon knows; it uses only its bundled contexts and never fetches one"
            )
        }
        return (document, url)
    }
}
