/// A key as the player understands it, whatever sent it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter
    case backspace
    case up, down, left, right
    case pageUp, pageDown
    case escape
    /// Ctrl-C.
    case interrupt
    /// Ctrl-D, or the end of piped input.
    case endOfInput
    /// The window changed size; redraw.
    case resize
}

/// The seam between the player and the world: a real TTY, plain lines on a pipe, or a script
/// in tests. Nothing else in Beacon reads stdin or writes stdout while a course is playing,
/// so the same screens can later be served over an SSH channel.
public protocol Terminal: AnyObject {
    /// True for a full-screen terminal that redraws and reads single keys; false for the
    /// linear mode (screen readers, pipes, `--plain`): append-only text, answers typed as lines.
    var isInteractive: Bool { get }
    /// Whether colour and bold may be used (they only ever add to the words).
    var usesColour: Bool { get }
    /// Columns to wrap text to.
    var width: Int { get }
    /// Rows of the window, so a tall screen can scroll within it instead of off the top.
    var height: Int { get }
    func write(_ text: String)
    /// Interactive mode: the next key.
    func readKey() -> Key
    /// Linear mode: the next line typed, without its newline; nil at the end of input.
    func readLine() -> String?
    /// Interactive mode: clear the screen before drawing the next one.
    func clearScreen()
    /// True when the transport lays text out itself (a web page reflows it to the reader's
    /// window): each paragraph is then written as one line, not wrapped to `width`.
    var reflows: Bool { get }
}

extension Terminal {
    public var reflows: Bool { false }
}
