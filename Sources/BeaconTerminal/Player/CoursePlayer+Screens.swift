import BeaconCore
import Foundation

extension CoursePlayer {
    var words: PlayerWords { prompter.words }

    func wrap(_ text: String, first: String = "", rest: String? = nil) -> [Para] {
        prompter.wrap(text, first: first, rest: rest)
    }

    func render(_ blocks: [Block], indent: String = "") -> [Para] {
        var lines: [Para] = []
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
                case .note: words.chrome.calloutNote
                case .tip: words.chrome.calloutTip
                case .important: words.chrome.calloutImportant
                case .reflect: words.chrome.calloutReflect
                case .livedExperience: words.chrome.calloutLivedExperience
                }
                lines.append(Para(theme.accent("[\(label)]"), first: indent))
                lines += render(inner, indent: indent + "  ")
            }
            lines.append("")
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Draws a screen and returns what the trainee entered. Crisis support (!) and help (?)
    /// are answered by the prompter on every screen; q, Ctrl-C and the end of input unwind
    /// from here. `quit` says on the keys line what q does on this screen.
    func ask(_ screen: @escaping (String) -> Screen, kind: DraftKind, quitGoesTo leave: Leave = .toMenu, quit: String? = nil) throws -> String {
        try ask(screen, kind: kind, problem: nil, leave: leave, quit: quit)
    }

    /// Asks again after an answer that could not be used, saying why.
    func ask<Value>(
        _ screen: @escaping (String) -> Screen,
        kind: DraftKind,
        quitGoesTo leave: Leave = .toMenu,
        quit: String? = nil,
        parse: (String) -> Result<Value, Problem>
    ) throws -> Value {
        var problem: String?
        while true {
            let line = try ask(screen, kind: kind, problem: problem, leave: leave, quit: quit)
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

    /// `quit` nil says q goes to the menu.
    private func ask(_ screen: @escaping (String) -> Screen, kind: DraftKind, problem: String?, leave: Leave, quit: String?) throws -> String {
        switch prompter.ask(screen, kind: kind, problem: problem, quit: quit ?? words.chrome.quitMenu) {
        case .line(let line): return kind.isTyped ? line : line.trimmingCharacters(in: .whitespaces)
        case .quit: throw leave
        case .interrupt: throw Leave.exit(.interrupted)
        case .endOfInput: throw Leave.exit(.endOfInput)
        }
    }

    /// Shows a screen that only needs Enter to go on.
    func pause(_ screen: Screen, quit: String? = nil) throws {
        _ = try ask({ _ in screen }, kind: .command(entries: 0), quit: quit)
    }

    /// A content note before sensitive material: continue, skip for now, or pause.
    /// Returns false when the trainee skips.
    func contentNote(_ note: ContentNote?, before what: String) throws -> Bool {
        guard let note else { return true }
        let chrome = words.chrome
        let screen = Screen(
            heading: chrome.contentNoteHeading(what),
            body: wrap(theme.inline(note.text)) + [""]
                + wrap(chrome.topics + note.topics.joined(separator: ", ")) + [""]
                + numbered([chrome.noteContinue, chrome.noteSkip, options.recordsProgress ? chrome.notePause : chrome.noteStopPreview]),
            keys: chrome.noteKeys
        )
        let choice = try ask({ _ in screen }, kind: .command(entries: 3)) { line in
            ["1", "2", "3", ""].contains(line) ? .success(line) : .failure(Problem(chrome.noteProblem))
        }
        switch choice {
        case "2": throw Leave.toMenu
        case "3": throw Leave.exit(.paused)
        default: return true
        }
    }
}
