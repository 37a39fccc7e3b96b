import BeaconCore
import Foundation

/// Where to get help now, read from `curricula/crisis-resources.json` (English) and
/// `crisis-resources.<language>.json` beside it: crisis lines change (988's LGBTQ+ youth option
/// ended in July 2025), so this is dated data a reviewer can update without a code release.
/// Each line names the source it was checked against; one without a source is not shown, since
/// a wrong number on this screen does harm.
public struct CrisisResources: Sendable, Codable, Equatable {
    public struct Resource: Sendable, Codable, Equatable {
        public var name: String
        public var how: String
        /// Where the number and the hours were checked (a URL or a citation).
        public var source: String?
        /// A step within the trainee's own programme (tell your trainer), which no outside
        /// source can confirm and none is needed for.
        public var local: Bool?

        public init(name: String, how: String, source: String? = nil, local: Bool? = nil) {
            self.name = name
            self.how = how
            self.source = source
            self.local = local
        }

        /// Whether the line may be shown: sourced, or the programme's own.
        public var isSourced: Bool { local == true || !(source ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The language the file is written in (BCP 47), "en" when absent.
    public var language: String?
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

    /// The file at `url`, keeping only its sourced lines.
    public static func load(from url: URL) throws -> CrisisResources {
        var loaded = try JSONDecoder().decode(CrisisResources.self, from: Data(contentsOf: url))
        loaded.resources = loaded.resources.filter(\.isSourced)
        return loaded
    }

    /// The region in words, for "These numbers are for the United States".
    public var regionInWords: String { regionName ?? region }

    /// The review date's parts, for each language to write the date its own way; nil if
    /// `reviewed` is not a yyyy-mm-dd date (it is then shown as written).
    public var reviewedParts: (year: Int, month: Int, day: Int)? {
        let parts = reviewed.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        return (parts[0], parts[1], parts[2])
    }

    /// Used only if the data file cannot be read, so the key still shows something useful:
    /// the two numbers that cannot go out of date (911 and 988), in the reader's language.
    public static func fallback(_ language: Language) -> CrisisResources {
        switch language {
        case .english: fallback
        case .spanish: CrisisResources(
            reviewed: "unknown",
            region: "US",
            regionName: "los Estados Unidos",
            heading: "Si usted u otra persona está en peligro, busque ayuda ahora. (No se pudo leer el archivo de recursos de crisis; pida a su capacitador o capacitadora que revise la instalación).",
            resources: [
                Resource(name: "Emergencias", how: "Llame al 911 si una vida está en peligro inmediato."),
                Resource(name: "Línea 988 de Prevención del Suicidio y Crisis", how: "Llame al 988 y oprima 2 para español, o envíe AYUDA por mensaje de texto al 988."),
            ],
            elsewhere: "Fuera de los Estados Unidos, llame al número de emergencias local."
        )
        }
    }

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
