import Foundation

/// A terminal for tests: answers come from a script, output is kept for golden comparisons.
public final class MemoryTerminal: Terminal {
    public let isInteractive: Bool
    public let usesColour = false
    public var width: Int
    public var height: Int
    /// What was written, screens separated by a form feed in interactive mode.
    public private(set) var output = ""
    private var keys: [Key]
    private var lines: [String]

    /// A linear terminal fed these lines.
    public init(lines: [String], width: Int = 80, height: Int = 1_000) {
        isInteractive = false
        self.lines = lines
        keys = []
        self.width = width
        self.height = height
    }

    /// An interactive terminal fed these keys.
    /// `height` is large by default, so only tests about small windows see scrolling.
    public init(keys: [Key], width: Int = 80, height: Int = 1_000) {
        isInteractive = true
        self.keys = keys
        lines = []
        self.width = width
        self.height = height
    }

    public func write(_ text: String) { output += text }

    public func readKey() -> Key { keys.isEmpty ? .endOfInput : keys.removeFirst() }

    public func readLine() -> String? {
        guard !lines.isEmpty else { return nil }
        let line = lines.removeFirst()
        output += line + "\n"  // echo, as a terminal would show the typing
        return line
    }

    public func clearScreen() { output += "\u{0C}\n" }

    /// The last screen drawn (interactive mode).
    public var lastScreen: String {
        output.components(separatedBy: "\u{0C}\n").last ?? output
    }
}

