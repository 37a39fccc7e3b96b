import Foundation

/// Where to get help now, read from `curricula/crisis-resources.json`: crisis lines change
/// (988's LGBTQ+ youth option ended in July 2025), so this is dated data a reviewer can update
/// without a code release.
public struct CrisisResources: Sendable, Codable, Equatable {
    public struct Resource: Sendable, Codable, Equatable {
        public var name: String
        public var how: String

        public init(name: String, how: String) {
            self.name = name
            self.how = how
        }
    }

    /// When someone last checked every line against its source.
    public var reviewed: String
    public var region: String
    public var heading: String
    public var resources: [Resource]
    public var note: String?

    public init(reviewed: String, region: String, heading: String, resources: [Resource], note: String?) {
        self.reviewed = reviewed
        self.region = region
        self.heading = heading
        self.resources = resources
        self.note = note
    }

    public static func load(from url: URL) throws -> CrisisResources {
        try JSONDecoder().decode(CrisisResources.self, from: Data(contentsOf: url))
    }

    /// Used only if the data file cannot be read, so the key still shows something useful.
    public static let fallback = CrisisResources(
        reviewed: "unknown",
        region: "US",
        heading: "If you or someone else is in danger, get help now.",
        resources: [
            Resource(name: "Emergency", how: "Call 911 if life is in immediate danger."),
            Resource(name: "988 Suicide & Crisis Lifeline", how: "Call or text 988, or chat at 988lifeline.org."),
        ],
        note: "The crisis resources file could not be read; ask your trainer to check the installation."
    )
}
