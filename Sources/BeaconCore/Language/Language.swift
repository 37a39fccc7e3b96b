import Foundation

/// A language Beacon speaks in its own words (screens, keys, help, certificate and verification
/// pages). A course may be written in any language; these are the ones the catalogue holds.
public enum Language: String, Sendable, CaseIterable, Codable {
    case english = "en"
    case spanish = "es"

    /// The language a BCP 47 tag or POSIX locale names ("es", "es-US", "es_MX.UTF-8"), if Beacon
    /// speaks it; nil for "C", "POSIX", an empty value or a language it does not.
    public init?(tag: String) {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." || $0 == "@" }).first.map { $0.lowercased() }
        guard let primary, let language = Language(rawValue: primary) else { return nil }
        self = language
    }

    /// The language's name in itself, for switches and messages ("español").
    public var ownName: String {
        switch self {
        case .english: "English"
        case .spanish: "español"
        }
    }

    /// The locale for dates and numbers in this language, as Foundation names it.
    public var localeIdentifier: String {
        switch self {
        case .english: "en_US"
        case .spanish: "es_US"
        }
    }

    /// Which language to speak, from the places a person or a course can ask for one, most
    /// explicit first: `--lang`, then `LC_ALL` (the standard way to override every locale
    /// setting), then the course's `xml:lang`, then `LANG`. `LANG` comes after the course because
    /// it is a machine's default, usually set once by whoever installed it (en_US.UTF-8 on most
    /// servers), while a trainee who chose the Spanish edition chose its language. Values naming
    /// a language Beacon does not speak are passed over; English is the last resort.
    public static func choose(flag: String? = nil, lcAll: String? = nil, course: String? = nil, lang: String? = nil) -> Language {
        for candidate in [flag, lcAll, course, lang] {
            if let candidate, let language = Language(tag: candidate) { return language }
        }
        return .english
    }

    /// The best of `acceptLanguage` (an HTTP Accept-Language header: "es-MX,es;q=0.9,en;q=0.8")
    /// that Beacon speaks, or nil. Ranges with q=0 are refused, as the header means.
    public static func preferred(acceptLanguage: String) -> Language? {
        var ranked: [(language: Language, weight: Double, order: Int)] = []
        for (order, part) in acceptLanguage.split(separator: ",").enumerated() {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let range = fields.first, let language = Language(tag: range) else { continue }
            var weight = 1.0
            for field in fields.dropFirst() where field.hasPrefix("q=") { weight = Double(field.dropFirst(2)) ?? 0 }
            if weight > 0 { ranked.append((language, weight, order)) }
        }
        return ranked.min { $0.weight != $1.weight ? $0.weight > $1.weight : $0.order < $1.order }?.language
    }
}
