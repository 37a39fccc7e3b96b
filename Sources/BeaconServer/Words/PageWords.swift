import BeaconCore

/// Every word of the verification pages and the printable certificate, per language
/// (PageWords+English.swift, PageWords+Spanish.swift). The credential's own words (holder,
/// achievement, issuer, requirements) are shown as they were signed.
public struct PageWords: Sendable {
    public let language: Language
    let months: [String]
    /// "3 December 2026" from its parts.
    let date: @Sendable (_ day: Int, _ month: String, _ year: Int) -> String
    let switchLabel: String
    // The form.
    let formTitle: String
    let formHeading: String
    let formIntro: String
    let textLabel: String
    let fileLabel: String
    let checkButton: String
    let scripts: String
    let tooLarge: String
    let nothingSent: String
    let unreadable: @Sendable (_ reason: String) -> String
    // The result.
    let validTitle: String
    let invalidTitle: String
    let validVerdict: String
    let invalidVerdict: String
    let whatIsWrong: String
    let checkHeading: String
    let sharedHeading: String
    let whatItSays: String
    let certificate: String
    let holder: String
    let issuedBy: String
    let valid: String
    let validSpan: @Sendable (_ from: String, _ until: String) -> String
    let notStated: String
    let noEndDate: String
    let fourChecks: String
    let whatItRequires: String
    let itselfSummary: String
    let checkAnother: String
    let signature: String
    let issuer: String
    let validity: String
    let status: String
    /// A check's value ("valid", "expired") in words.
    let value: @Sendable (_ value: String) -> String
    let signatureMeaning: @Sendable (_ value: String) -> String
    let issuerMeaning: @Sendable (_ value: String) -> String
    let validityMeaning: @Sendable (_ value: String) -> String
    let statusMeaning: @Sendable (_ value: String) -> String
    let notFoundTitle: String
    let notFound: String
    let checkACertificate: String
    // The printable certificate.
    let awardedTo: String
    let certificateId: String
    let genuine: String
    let qrTitle: @Sendable (_ url: String) -> String
    let signedFile: String
    let to: String
    /// Said on a page in one language about a certificate worded in another.
    let wordedIn: @Sendable (_ language: Language) -> String

    public static func `in`(_ language: Language) -> PageWords {
        switch language {
        case .english: .english
        case .spanish: .spanish
        }
    }

    /// The reader's language: `?lang=` when it names one Beacon speaks, else the best of the
    /// browser's Accept-Language, else English.
    public static func forRequest(query: String?, acceptLanguage: String?) -> PageWords {
        if let query, let language = Language(tag: query) { return .in(language) }
        if let acceptLanguage, let language = Language.preferred(acceptLanguage: acceptLanguage) { return .in(language) }
        return .english
    }
}
