import Foundation

/// Accents aside, for matching what a trainee types: "cómo te sientes" typed on a phone as
/// "como te sientes" is the same reply, and a Spanish rubric must not depend on it. Case is
/// left to the regex engine, because lower-casing a pattern would turn `\S` into `\s`.
enum AccentFolding {
    static func fold(_ text: String) -> String {
        // Fast path: plain ASCII has nothing to fold.
        text.utf8.allSatisfy({ $0 < 0x80 }) ? text : text.folding(options: .diacriticInsensitive, locale: nil)
    }
}
