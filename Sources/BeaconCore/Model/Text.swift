/// A run of text with emphasis, as trainers write it inside `<p>`, `<item>`, `<prompt>` and friends.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case quote([Inline])
}

extension Array where Element == Inline {
    /// The words alone, for search, lint messages and plain-text output.
    public var plainText: String {
        map { inline in
            switch inline {
            case .text(let text): text
            case .emphasis(let inner), .strong(let inner): inner.plainText
            case .quote(let inner): "\u{201C}\(inner.plainText)\u{201D}"
            }
        }.joined()
    }
}

/// A block of lesson or debrief text.
public indirect enum Block: Hashable, Sendable {
    public enum ListStyle: String, Sendable { case bullet, numbered }
    public enum CalloutKind: String, Sendable, CaseIterable {
        case note, tip, important, reflect
        case livedExperience = "lived-experience"
    }

    case paragraph([Inline])
    case list(ListStyle, [[Inline]])
    case callout(CalloutKind, [Block])
}

/// A warning shown before sensitive material, so the trainee can continue, skip for now or pause.
public struct ContentNote: Hashable, Sendable {
    public var topics: [String]
    public var text: [Inline]

    public init(topics: [String], text: [Inline]) {
        self.topics = topics
        self.text = text
    }
}
