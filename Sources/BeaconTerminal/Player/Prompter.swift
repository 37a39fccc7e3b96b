import BeaconCore
import Foundation

/// A screen: a heading, the body, and the keys that work on it.
struct Screen {
    var heading: String
    var body: [Para]
    var keys: String
}

/// What one prompt gave back.
enum Answer: Equatable {
    case line(String)
    /// q, where it is offered.
    case quit
    case interrupt
    case endOfInput
}

/// Draws screens and reads answers in either mode, the same way everywhere (course player and
/// sign-in alike). Crisis support (!) and help (?) open over any screen and any half-typed
/// answer, and closing them comes back to the same screen with the same draft: nothing is
/// submitted and nothing is lost. In the linear mode they are printed without reading a line,
/// so the next line typed still answers the question.
final class Prompter {
    let terminal: any Terminal
    let theme: Theme
    let resources: CrisisResources
    let words: PlayerWords
    /// False in previews, which keep nothing: no screen may then promise that work is saved.
    let recordsProgress: Bool

    init(terminal: any Terminal, resources: CrisisResources, words: PlayerWords, recordsProgress: Bool = true) {
        self.terminal = terminal
        theme = Theme(colour: terminal.usesColour)
        self.resources = resources
        self.words = words
        self.recordsProgress = recordsProgress
    }

    /// Prose width: the terminal, but never wider than is comfortable to read.
    var textWidth: Int { terminal.reflows ? Int.max / 4 : max(20, min(terminal.width, 100) - 1) }

    /// A paragraph for a screen's body, wrapped when the screen is drawn.
    func wrap(_ text: String, first: String = "", rest: String? = nil) -> [Para] {
        [Para(text, first: first, rest: rest)]
    }

    /// Lines at the current width, for text written straight to the terminal.
    func lines(_ text: String, first: String = "", rest: String? = nil) -> [String] {
        TextLayout.wrap(text, width: textWidth, first: first, rest: rest)
    }

    /// Shows `screen` (drawn again for each key, with the draft so far) until an answer, q,
    /// Ctrl-C or the end of input. The keys line is the screen's own keys followed by the ones
    /// that work everywhere, q with what it does here (`quit`), so it lists exactly what works.
    func ask(_ screen: @escaping (String) -> Screen, kind: DraftKind, problem: String?, quit: String) -> Answer {
        var draft = ""
        var problem = problem
        let screen = { (draft: String) -> Screen in
            var shown = screen(draft)
            // In typed text ? is a question mark and q a letter, so the keys line says when they act.
            let common = kind == .text ? self.words.chrome.commonKeysTyped(quit) : self.words.chrome.commonKeys(quit)
            shown.keys = (shown.keys.isEmpty ? "" : shown.keys + " · ") + common
            return shown
        }
        while true {
            let entry = terminal.isInteractive
                ? readKeys(screen, kind: kind, problem: problem, draft: &draft)
                : readLine(screen, kind: kind, problem: problem)
            switch entry {
            case .line(let line): return .line(line)
            case .command(.quit): return .quit
            case .interrupt: return .interrupt
            case .endOfInput: return .endOfInput
            case .command(let aside):
                let shown = aside == .crisis ? crisisScreen() : helpScreen(keys: screen(draft).keys)
                if case .some(let stop) = showAside(shown) { return stop }
                problem = nil
            }
        }
    }

    private func readKeys(_ screen: (String) -> Screen, kind: DraftKind, problem: String?, draft: inout String) -> Entry {
        var scroll = Scroll()
        while true {
            terminal.clearScreen()
            terminal.write(compose(screen(draft), problem: problem, draft: draft, kind: kind, scroll: &scroll))
            let key = terminal.readKey()
            if scroll.handles(key) { continue }
            if let entry = edit(&draft, with: key, kind: kind) { return entry }
        }
    }

    private func readLine(_ screen: (String) -> Screen, kind: DraftKind, problem: String?) -> Entry {
        if let problem {
            terminal.write(lines(theme.warn(problem)).joined(separator: "\n") + "\n")
        } else {
            var scroll = Scroll()
            terminal.write(compose(screen(""), problem: nil, draft: nil, kind: kind, scroll: &scroll))
        }
        terminal.write("> ")
        guard let line = terminal.readLine() else { return .endOfInput }
        return entry(forLine: line, kind: kind)
    }

    /// Where the body of a screen taller than the window is scrolled to.
    struct Scroll {
        var offset = 0
        /// Body lines shown at once; nil while everything fits.
        var window: Int?

        /// Moves the window for the scrolling keys; false for any other key (or when all fits).
        mutating func handles(_ key: Key) -> Bool {
            guard let window else { return false }
            switch key {
            case .up: offset -= 1
            case .down: offset += 1
            case .pageUp: offset -= max(window - 1, 1)
            case .pageDown: offset += max(window - 1, 1)
            default: return false
            }
            return true
        }
    }

    /// The screen as lines for the window: the heading pinned at the top and the keys and the
    /// answer at the bottom, all wrapped to the current width. In the interactive mode a body
    /// too tall for the window scrolls between them, with a line saying where it is and how to
    /// move, so the title and the start are always within reach.
    private func compose(_ screen: Screen, problem: String?, draft: String?, kind: DraftKind, scroll: inout Scroll) -> String {
        let width = textWidth
        let head = lines(theme.title(screen.heading)) + [""]
        let body = screen.body.flatMap { $0.lines(width: width) }
        var foot = [""]
        if let problem { foot += lines(theme.warn(problem)) }
        foot += lines(theme.dim(words.chrome.keysLabel + screen.keys))
        // Typed text is echoed by the screen itself ("You say: …"), so only choices get the line.
        if let draft, !kind.isCommand, !kind.isTyped { foot += lines(draft, first: "> ", rest: "  ") }
        // One line is left free so that writing the last one does not scroll the terminal.
        let room = terminal.height - 1
        guard terminal.isInteractive, head.count + body.count + foot.count > room else {
            scroll.window = nil
            return (head + body + foot).joined(separator: "\n") + "\n"
        }
        let window = max(1, room - head.count - foot.count - 1)
        scroll.window = window
        scroll.offset = min(max(scroll.offset, 0), max(body.count - window, 0))
        let end = min(scroll.offset + window, body.count)
        var moves: [String] = []
        if scroll.offset > 0 { moves.append(words.chrome.scrollBack) }
        if end < body.count { moves.append(words.chrome.scrollMore) }
        let place = theme.dim(words.chrome.scrollPlace(scroll.offset + 1, end, body.count, moves.joined(separator: " · ")))
        return (head + body[scroll.offset..<end] + [place] + foot).joined(separator: "\n") + "\n"
    }

    /// An aside over the current screen. Interactive: any key closes it. Linear: printed
    /// once, and no line is read, so the next typed line answers the screen underneath.
    /// Returns an answer only when the trainee leaves from it (Ctrl-C, end of input).
    private func showAside(_ screen: Screen) -> Answer? {
        var scroll = Scroll()
        guard terminal.isInteractive else {
            terminal.write(compose(screen, problem: nil, draft: nil, kind: .command(entries: 0), scroll: &scroll))
            terminal.write("\n")
            return nil
        }
        while true {
            terminal.clearScreen()
            terminal.write(compose(screen, problem: nil, draft: nil, kind: .command(entries: 0), scroll: &scroll))
            let key = terminal.readKey()
            if scroll.handles(key) { continue }
            switch key {
            case .interrupt: return .interrupt
            case .endOfInput: return .endOfInput
            case .resize: continue
            default: return nil
            }
        }
    }

    private var backKeys: String {
        terminal.isInteractive ? words.chrome.backKeysInteractive : words.chrome.backKeysLinear
    }

    func crisisScreen() -> Screen {
        var body = wrap(resources.heading)
        body.append("")
        for resource in resources.resources {
            body += wrap(resource.how, first: "  " + theme.title(resource.name) + ": ", rest: "    ")
        }
        if let elsewhere = resources.elsewhere {
            body.append("")
            body += wrap(elsewhere)
        }
        body.append("")
        let checked = resources.reviewedParts.map { words.chrome.date($0.year, $0.month, $0.day) } ?? resources.reviewed
        body += wrap(theme.dim(words.chrome.crisisChecked(resources.regionInWords, checked)))
        return Screen(heading: words.chrome.crisisHeading, body: body, keys: backKeys)
    }

    func helpScreen(keys: String) -> Screen {
        let chrome = words.chrome
        var body = wrap(recordsProgress ? chrome.helpSaved : chrome.helpPreview)
        body.append("")
        for (key, meaning) in chrome.helpRows { body += wrap(meaning, first: "  " + key.padding(toLength: 8, withPad: " ", startingAt: 0), rest: "          ") }
        body.append("")
        body += wrap(chrome.helpTyping)
        body.append("")
        body += wrap(chrome.helpCameFrom + keys)
        return Screen(heading: chrome.helpHeading, body: body, keys: backKeys)
    }
}

private extension DraftKind {
    var isCommand: Bool {
        if case .command = self { return true }
        return false
    }
}
