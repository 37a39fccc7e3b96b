import Foundation

/// How keys build an answer in the interactive mode. Every kind ends as the same line a
/// linear-mode user would type ("2", "1 3", "3 1 2", "b a c", free text), so both modes
/// share one parser per question and the linear mode is never second-class.
enum DraftKind: Equatable {
    /// Menus and pagers: a key acts at once (digits too, when there are at most nine entries).
    case command(entries: Int)
    /// One of `count` numbered options; a digit selects, Enter confirms.
    case single(count: Int)
    /// Any of `count` numbered options; digits toggle, Enter confirms.
    case toggles(count: Int)
    /// All of `count` numbered items in an order; digits add, Backspace takes back.
    case sequence(count: Int)
    /// One letter (a, b, …) for each of `rows` rows from `count` choices.
    case letters(rows: Int, count: Int)
    /// Free text with Backspace: replies and short answers. `!` opens crisis support from
    /// anywhere in the text (`\!` types an exclamation mark); `?` is a question mark unless it
    /// comes first.
    case text
    /// A name or an id: typed like text, but `!` and `?` always open their screens (a name
    /// never needs them).
    case name
}

/// The outcome of one prompt, before the prompter acts on it.
enum Entry: Equatable {
    case line(String)
    case command(Command)
    case interrupt
    case endOfInput
}

/// The keys that work on every screen, in every input state.
enum Command: Equatable {
    case crisis, help, quit
}

/// Applies one key to a draft. Returns the finished entry, or nil to keep editing.
///
/// `!` and `?` open crisis support and help from any state; the draft is kept, so closing
/// them returns to the half-typed answer. In free text they act only as the first key (a reply
/// may contain punctuation), and a line that is only `!`, `?` or `q` is that command.
func edit(_ draft: inout String, with key: Key, kind: DraftKind) -> Entry? {
    switch key {
    case .interrupt: return .interrupt
    case .endOfInput: return .endOfInput
    case .resize, .up, .down, .pageUp, .pageDown, .escape: return nil
    case .right: return kind.isPager ? .line("n") : nil
    case .left: return kind.isPager ? .line("p") : nil
    case .enter: return kind.isTyped ? entry(forLine: draft, kind: kind) : .line(draft)
    case .backspace:
        switch kind {
        case .sequence, .letters:
            // Take back the last item, not just a character.
            var parts = draft.split(separator: " ")
            if !parts.isEmpty { parts.removeLast() }
            draft = parts.joined(separator: " ")
        default:
            if !draft.isEmpty { draft.removeLast() }
        }
        return nil
    case .character(let character):
        if kind.isTyped {
            if character == "!" {
                // A backslash just before makes it an exclamation mark in the text.
                guard draft.last == "\\" else { return .command(.crisis) }
                draft.removeLast()
                draft.append("!")
                return nil
            }
            if character == "?", draft.isEmpty || kind == .name { return .command(.help) }
            draft.append(character)
            return nil
        }
        if character == "!" { return .command(.crisis) }
        if character == "?" { return .command(.help) }
        if character == "q" || character == "Q", !isAnswerKey("q", kind) { return .command(.quit) }
        if case .command(let entries) = kind {
            if character.isNumber {
                draft.append(character)
                return entries <= 9 ? .line(draft) : nil
            }
            return draft.isEmpty ? .line(String(character)) : nil
        }
        draft = updated(draft, character, kind)
        return nil
    }
}

/// A typed line as the linear mode reads it (and free text on Enter): a line that is only a
/// key command is the command; a backslash before one sends it as words (`\q` is "q").
func entry(forLine line: String, kind: DraftKind) -> Entry {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    switch trimmed.lowercased() {
    case "!": return .command(.crisis)
    case "?": return .command(.help)
    case "q" where !isAnswerKey("q", kind): return .command(.quit)
    case "\\!", "\\?", "\\q": return .line(String(trimmed.dropFirst()))
    default: return .line(line)
    }
}

extension DraftKind {
    /// Text typed a character at a time, sent with Enter.
    var isTyped: Bool { self == .text || self == .name }

    /// Lesson pages and other screens where the arrow keys turn pages.
    var isPager: Bool { self == .command(entries: 0) }
}

/// Whether a key is part of an answer for this kind (a letter that names a matching choice).
private func isAnswerKey(_ character: Character, _ kind: DraftKind) -> Bool {
    guard case .letters(_, let count) = kind else { return false }
    return (0..<count).map(optionLetter).contains(character)
}

private func updated(_ draft: String, _ character: Character, _ kind: DraftKind) -> String {
    let number = character.wholeNumberValue
    switch kind {
    case .single(let count):
        if let number, (1...count).contains(number) { return String(number) }
        // True/false questions also take t and f (v for verdadero in Spanish; no other
        // letter means anything here, so both languages' letters work in either).
        if count == 2, character == "t" || character == "v" { return "1" }
        if count == 2, character == "f" { return "2" }
        return draft
    case .toggles(let count):
        guard let number, (1...count).contains(number) else { return draft }
        var chosen = Set(draft.split(separator: " ").compactMap { Int($0) })
        if chosen.contains(number) { chosen.remove(number) } else { chosen.insert(number) }
        return chosen.sorted().map(String.init).joined(separator: " ")
    case .sequence(let count):
        guard let number, (1...count).contains(number) else { return draft }
        var order = draft.split(separator: " ").compactMap { Int($0) }
        if !order.contains(number) { order.append(number) }
        return order.map(String.init).joined(separator: " ")
    case .letters(let rows, let count):
        guard let lower = character.lowercased().first, (0..<count).map(optionLetter).contains(lower) else { return draft }
        var chosen = draft.split(separator: " ").map(String.init)
        if chosen.count < rows { chosen.append(String(lower)) }
        return chosen.joined(separator: " ")
    case .command, .text, .name:
        return draft
    }
}

/// a, b, c… for the right-hand choices of a matching question.
func optionLetter(_ index: Int) -> Character {
    Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(index % 26)))
}
