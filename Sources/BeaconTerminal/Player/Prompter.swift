import BeaconCore
import Foundation

/// A screen: a heading, the body, and the keys that work on it.
struct Screen {
    var heading: String
    var body: [String]
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
    /// False in previews, which keep nothing: no screen may then promise that work is saved.
    let recordsProgress: Bool

    init(terminal: any Terminal, resources: CrisisResources, recordsProgress: Bool = true) {
        self.terminal = terminal
        theme = Theme(colour: terminal.usesColour)
        self.resources = resources
        self.recordsProgress = recordsProgress
    }

    /// Prose width: the terminal, but never wider than is comfortable to read.
    var textWidth: Int { max(20, min(terminal.width, 100) - 1) }

    func wrap(_ text: String, first: String = "", rest: String? = nil) -> [String] {
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
            shown.keys = (shown.keys.isEmpty ? "" : shown.keys + " · ") + "! crisis support · ? help · q \(quit)"
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
        while true {
            terminal.clearScreen()
            terminal.write(compose(screen(draft), problem: problem, draft: draft, kind: kind))
            if let entry = edit(&draft, with: terminal.readKey(), kind: kind) { return entry }
        }
    }

    private func readLine(_ screen: (String) -> Screen, kind: DraftKind, problem: String?) -> Entry {
        if let problem {
            terminal.write(wrap(theme.warn(problem)).joined(separator: "\n") + "\n")
        } else {
            terminal.write(compose(screen(""), problem: nil, draft: nil, kind: kind))
        }
        terminal.write("> ")
        guard let line = terminal.readLine() else { return .endOfInput }
        return entry(forLine: line, kind: kind)
    }

    private func compose(_ screen: Screen, problem: String?, draft: String?, kind: DraftKind) -> String {
        var lines = wrap(theme.title(screen.heading)) + [""]
        lines += screen.body
        lines.append("")
        if let problem { lines += wrap(theme.warn(problem)) }
        lines += wrap(theme.dim("Keys: " + screen.keys))
        if let draft, !kind.isCommand {
            lines += wrap(draft, first: "> ", rest: "  ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An aside over the current screen. Interactive: any key closes it. Linear: printed
    /// once, and no line is read, so the next typed line answers the screen underneath.
    /// Returns an answer only when the trainee leaves from it (Ctrl-C, end of input).
    private func showAside(_ screen: Screen) -> Answer? {
        guard terminal.isInteractive else {
            terminal.write(compose(screen, problem: nil, draft: nil, kind: .command(entries: 0)))
            terminal.write("\n")
            return nil
        }
        while true {
            terminal.clearScreen()
            terminal.write(compose(screen, problem: nil, draft: nil, kind: .command(entries: 0)))
            switch terminal.readKey() {
            case .interrupt: return .interrupt
            case .endOfInput: return .endOfInput
            case .resize: continue
            default: return nil
            }
        }
    }

    private var backKeys: String {
        terminal.isInteractive ? "any key goes back to where you were" : "type your answer to the screen above when you are ready"
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
        body += wrap(theme.dim("These numbers are for \(resources.regionInWords). Last checked on \(resources.reviewedInWords)."))
        return Screen(heading: "Crisis support", body: body, keys: backKeys)
    }

    func helpScreen(keys: String) -> Screen {
        var body = wrap(recordsProgress
            ? "Every answer is saved the moment you give it. Leave at any time and beacon learn brings you back to the same question or scene."
            : "This is a preview: nothing you answer is recorded, and leaving ends it.")
        body.append("")
        let rows = [
            ("Enter", "continue, or confirm your answer"),
            ("1-9", "choose a numbered option"),
            ("n / p", "next / previous page in a lesson"),
            ("q", "back to the menu (from the course menu: leave)"),
            ("!", "crisis support: who to call or text right now"),
            ("?", "this help"),
            ("Ctrl-C", "save and leave at once"),
        ]
        for (key, meaning) in rows { body += wrap(meaning, first: "  " + key.padding(toLength: 8, withPad: " ", startingAt: 0), rest: "          ") }
        body.append("")
        body += wrap("When you type a reply or a short answer, ! ? and q work on their own line. To send one of them as your words, put a backslash before it: \\q sends q.")
        body.append("")
        body += wrap("On the screen you came from: " + keys)
        return Screen(heading: "Help", body: body, keys: backKeys)
    }
}

private extension DraftKind {
    var isCommand: Bool {
        if case .command = self { return true }
        return false
    }
}
