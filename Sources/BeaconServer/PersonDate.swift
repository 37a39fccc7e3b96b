import BeaconCredentials
import Foundation

/// Dates as a person reads them ("3 December 2026"), with the exact timestamp kept in a
/// `<time datetime>` (and its tooltip) for anyone who needs it.
enum PersonDate {
    /// "3 December 2026" for an RFC 3339 timestamp, in UTC; the text itself if it is not one.
    static func words(_ text: String, _ words: PageWords = .english) -> String {
        guard let date = CredentialVerifier.date(text) else { return text }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return words.date(parts.day!, words.months[parts.month! - 1], parts.year!)
    }

    /// `<time datetime="2026-12-03T12:50:13Z" title="2026-12-03T12:50:13Z">3 December 2026</time>`.
    static func html(_ text: String, _ language: PageWords = .english) -> String {
        let exact = escapeHTML(text)
        return "<time datetime=\"\(exact)\" title=\"\(exact)\">\(escapeHTML(words(text, language)))</time>"
    }
}
