import Foundation

/// The name a trainee chooses for themselves: the only personal data Beacon asks for. Pure
/// rules, shared by sign-in, `--trainee` and the store.
public enum TraineeName {
    public static let maximumLength = 60

    /// Trimmed, with runs of spaces folded to one.
    public static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What is wrong with a name; each language's words say it (the player's catalogue).
    public enum Problem: Equatable, Sendable {
        case empty, noLetterOrDigit, tooLong
    }

    /// Why `text` cannot be a name, or nil when it can.
    public static func problemKind(with text: String) -> Problem? {
        let name = normalized(text)
        if name.isEmpty { return .empty }
        if !name.contains(where: { $0.isLetter || $0.isNumber }) { return .noLetterOrDigit }
        if name.count > maximumLength { return .tooLong }
        return nil
    }

    /// The same, in English, for the commands staff type.
    public static func problem(with text: String) -> String? {
        switch problemKind(with: text) {
        case .empty?: "Type a name, then press Enter. A first name or a nickname is enough."
        case .noLetterOrDigit?: "A name needs at least one letter or digit."
        case .tooLong?: "That is longer than \(maximumLength) characters; a shorter form of your name is enough."
        case nil: nil
        }
    }

    /// Whether two names are the same to a person: case, accents and spacing aside.
    public static func same(_ a: String, _ b: String) -> Bool {
        key(a) == key(b)
    }

    private static func key(_ text: String) -> String {
        normalized(text).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// A readable id from any script: lower case, accents folded, words joined by hyphens
    /// ("Zoë Đặng-李" → "zoe-đang-李", "Мария" → "мария"); "trainee" if nothing is left.
    public static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        let words = folded.split { !($0.isLetter || $0.isNumber) }
        let slug = words.joined(separator: "-")
        return slug.isEmpty ? "trainee" : String(slug.prefix(40))
    }
}
