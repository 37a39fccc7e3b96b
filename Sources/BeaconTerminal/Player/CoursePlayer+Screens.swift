import BeaconCore
import Foundation

/// A screen: a heading, the body, and the keys that work on it.
struct Screen {
    var heading: String
    var body: [String]
    var keys: String
}

extension CoursePlayer {
    /// Prose width: the terminal, but never wider than is comfortable to read.
    var textWidth: Int { max(20, min(terminal.width, 100) - 1) }

    func wrap(_ text: String, first: String = "", rest: String? = nil) -> [String] {
        TextLayout.wrap(text, width: textWidth, first: first, rest: rest)
    }

    func render(_ blocks: [Block], indent: String = "") -> [String] {
        var lines: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let text):
                lines += wrap(theme.inline(text), first: indent)
            case .list(let style, let items):
                for (number, item) in items.enumerated() {
                    let marker = style == .numbered ? "\(number + 1). " : "- "
                    lines += wrap(theme.inline(item), first: indent + "  " + marker)
                }
            case .callout(let kind, let inner):
                let label: String = switch kind {
                case .note: "Note"
                case .tip: "Tip"
                case .important: "Important"
                case .reflect: "Reflect"
                case .livedExperience: "Lived experience"
                }
                lines.append(indent + theme.accent("[\(label)]"))
                lines += render(inner, indent: indent + "  ")
            }
            lines.append("")
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Draws a screen and returns what the trainee entered. Crisis support (!) and help (?)
    /// are answered here, on every screen; q, Ctrl-C and the end of input unwind from here.
    func ask(_ screen: @escaping (String) -> Screen, kind: DraftKind, quitGoesTo leave: Leave = .toMenu) throws -> String {
        try ask(screen, kind: kind, problem: nil, leave: leave)
    }

    /// Asks again after an answer that could not be used, saying why.
    func ask<Value>(
        _ screen: @escaping (String) -> Screen,
        kind: DraftKind,
        quitGoesTo leave: Leave = .toMenu,
        parse: (String) -> Result<Value, Problem>
    ) throws -> Value {
        var problem: String?
        while true {
            let line = try ask(screen, kind: kind, problem: problem, leave: leave)
            switch parse(line) {
            case .success(let value): return value
            case .failure(let failure): problem = failure.message
            }
        }
    }

    struct Problem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    private func ask(_ screen: @escaping (String) -> Screen, kind: DraftKind, problem: String?, leave: Leave) throws -> String {
        var problem = problem
        while true {
            switch read(screen, kind: kind, problem: problem) {
            case .interrupt: throw Leave.exit(.interrupted)
            case .endOfInput: throw Leave.exit(.endOfInput)
            case .line(let raw):
                let line = kind == .text ? raw : raw.trimmingCharacters(in: .whitespaces)
                switch line.trimmingCharacters(in: .whitespaces).lowercased() {
                case "!":
                    try showCrisisResources()
                    problem = nil
                case "?" where kind != .text:
                    try showHelp()
                    problem = nil
                case "q" where kind != .text:
                    throw leave
                default:
                    return line
                }
            }
        }
    }

    /// One prompt, in either mode.
    private func read(_ screen: (String) -> Screen, kind: DraftKind, problem: String?) -> Entry {
        if terminal.isInteractive {
            var draft = ""
            while true {
                terminal.clearScreen()
                terminal.write(compose(screen(draft), problem: problem, draft: draft, kind: kind))
                if let entry = edit(&draft, with: terminal.readKey(), kind: kind) { return entry }
            }
        }
        if let problem {
            terminal.write(theme.warn(problem) + "\n")
        } else {
            terminal.write(compose(screen(""), problem: nil, draft: nil, kind: kind))
        }
        terminal.write("> ")
        guard let line = terminal.readLine() else { return .endOfInput }
        return .line(line)
    }

    private func compose(_ screen: Screen, problem: String?, draft: String?, kind: DraftKind) -> String {
        var lines = [theme.title(screen.heading), ""]
        lines += screen.body
        lines.append("")
        if let problem { lines.append(theme.warn(problem)) }
        lines += wrap(theme.dim("Keys: " + screen.keys))
        if let draft, !isCommand(kind) {
            lines.append("> " + draft)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func isCommand(_ kind: DraftKind) -> Bool {
        if case .command = kind { return true }
        return false
    }

    /// Shows a screen that only needs Enter to go on.
    func pause(_ screen: Screen) throws {
        _ = try ask({ _ in screen }, kind: .command(entries: 0))
    }

    func showCrisisResources() throws {
        var body = wrap(resources.heading)
        body.append("")
        for resource in resources.resources {
            body += wrap(resource.how, first: "  " + theme.title(resource.name) + ": ", rest: "    ")
        }
        if let note = resources.note {
            body.append("")
            body += wrap(theme.dim(note))
        }
        body.append("")
        body.append(theme.dim("Region: \(resources.region) · reviewed \(resources.reviewed)"))
        try showAside(Screen(heading: "Crisis support", body: body, keys: "Enter go back to where you were"))
    }

    /// A screen shown over the current one (crisis support, help): any line returns to it.
    private func showAside(_ screen: Screen) throws {
        switch read({ _ in screen }, kind: .command(entries: 0), problem: nil) {
        case .interrupt: throw Leave.exit(.interrupted)
        case .endOfInput: throw Leave.exit(.endOfInput)
        case .line: return
        }
    }

    func showHelp() throws {
        let body = [
            "Every answer is saved the moment you give it. Leave at any time and",
            "`beacon learn` brings you back to the same question or scene.",
            "",
            "  Enter   continue, or confirm your answer",
            "  1-9     choose a numbered option (type the number, then Enter)",
            "  n / p   next / previous page in a lesson",
            "  q       back to the menu (from the course menu: leave)",
            "  !       crisis support: who to call or text right now",
            "  ?       this help",
            "  Ctrl-C  save and leave at once",
        ]
        try showAside(Screen(heading: "Help", body: body, keys: "Enter go back"))
    }

    /// A content note before sensitive material: continue, skip for now, or pause.
    /// Returns false when the trainee skips.
    func contentNote(_ note: ContentNote?, before what: String) throws -> Bool {
        guard let note else { return true }
        let screen = Screen(
            heading: "Content note: \(what)",
            body: wrap(theme.inline(note.text)) + [""]
                + wrap("Topics: " + note.topics.joined(separator: ", ")) + [""]
                + ["  1. Continue", "  2. Skip for now (come back to it later)", "  3. Pause and leave (your place is saved)"],
            keys: "1-3 choose · ! crisis support · q menu"
        )
        let choice = try ask({ _ in screen }, kind: .command(entries: 3)) { line in
            ["1", "2", "3", ""].contains(line) ? .success(line) : .failure(Problem("Type 1, 2 or 3."))
        }
        switch choice {
        case "2": throw Leave.toMenu
        case "3": throw Leave.exit(.paused)
        default: return true
        }
    }
}
