/// A piece of a screen's body, kept unwrapped until the screen is drawn, so every screen is
/// laid out for the window it is drawn in, and again after a resize. `first` starts the first
/// line and `rest` the lines after it (hanging indents such as "  1. ").
struct Para: Equatable, ExpressibleByStringLiteral {
    var text: String
    var first: String
    var rest: String?

    init(_ text: String, first: String = "", rest: String? = nil) {
        self.text = text
        self.first = first
        self.rest = rest
    }

    /// A literal keeps its leading spaces as the indent of every line it wraps to.
    init(stringLiteral text: String) {
        let indent = String(text.prefix { $0 == " " })
        self.init(String(text.dropFirst(indent.count)), first: indent, rest: indent)
    }

    /// An empty line.
    static let blank = Para("")

    /// The lines it takes at `width` columns: wrapped at spaces, never mid-word unless a word
    /// is itself wider than the line.
    func lines(width: Int) -> [String] {
        TextLayout.wrap(text, width: width, first: first, rest: rest)
    }
}
