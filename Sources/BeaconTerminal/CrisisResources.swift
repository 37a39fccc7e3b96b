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

    /// When someone last checked every line against its source (yyyy-mm-dd).
    public var reviewed: String
    /// The region the numbers serve, as an ISO 3166 code ("US").
    public var region: String
    /// The region as a sentence names it ("the United States").
    public var regionName: String?
    public var heading: String
    public var resources: [Resource]
    /// For someone outside the region: how to find help where they are.
    public var elsewhere: String?
    /// For the next reviewer (what was checked, what was left out and why); never shown to
    /// a trainee, who needs the numbers, not the history.
    public var reviewerNote: String?

    public init(
        reviewed: String, region: String, regionName: String? = nil, heading: String, resources: [Resource],
        elsewhere: String? = nil, reviewerNote: String? = nil
    ) {
        self.reviewed = reviewed
        self.region = region
        self.regionName = regionName
        self.heading = heading
        self.resources = resources
        self.elsewhere = elsewhere
        self.reviewerNote = reviewerNote
    }

    public static func load(from url: URL) throws -> CrisisResources {
        try JSONDecoder().decode(CrisisResources.self, from: Data(contentsOf: url))
    }

    /// The region in words, for "These numbers are for the United States".
    public var regionInWords: String { regionName ?? region }

    /// The review date as a person reads it ("27 November 2026"), or as written if it is not a date.
    public var reviewedInWords: String {
        let parts = reviewed.split(separator: "-").compactMap { Int($0) }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return reviewed }
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }

    /// Used only if the data file cannot be read, so the key still shows something useful.
    public static let fallback = CrisisResources(
        reviewed: "unknown",
        region: "US",
        regionName: "the United States",
        heading: "If you or someone else is in danger, get help now. (The crisis resources file could not be read; ask your trainer to check the installation.)",
        resources: [
            Resource(name: "Emergency", how: "Call 911 if life is in immediate danger."),
            Resource(name: "988 Suicide & Crisis Lifeline", how: "Call or text 988, or chat at 988lifeline.org."),
        ],
        elsewhere: "Outside the United States, call your local emergency number."
    )
}
