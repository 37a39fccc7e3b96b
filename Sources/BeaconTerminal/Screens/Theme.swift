import BeaconCore

/// Styles that only ever add to the words: with colour off, the same words are printed plain.
public struct Theme: Sendable {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    private func sgr(_ code: String, _ text: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func title(_ text: String) -> String { sgr("1", text) }
    func dim(_ text: String) -> String { sgr("2", text) }
    func good(_ text: String) -> String { sgr("32", text) }
    func warn(_ text: String) -> String { sgr("33", text) }
    func accent(_ text: String) -> String { sgr("36", text) }

    /// Rich text as words; emphasis shown with terminal styles when colour is on.
    func inline(_ runs: [Inline]) -> String {
        runs.map { run in
            switch run {
            case .text(let text): text
            case .emphasis(let inner): sgr("3", inline(inner))
            case .strong(let inner): sgr("1", inline(inner))
            case .quote(let inner): "\u{201C}\(inline(inner))\u{201D}"
            }
        }.joined()
    }
}
