import BeaconTerminal
import Foundation

/// The player's `Terminal` for the accessible web page: the linear mode, one answer per form
/// post. The player runs on a thread of its own and blocks in `readLine`; a request hands it the
/// line and waits until it asks for the next one (or ends), so the page it returns shows a
/// screen drawn after the answer was committed. The page lays text out itself (`reflows`).
final class WebLinearTerminal: Terminal, @unchecked Sendable {
    // Safe: every mutable field is read and written only with `condition` locked.
    private let condition = NSCondition()
    private var pending: [String] = []
    private var output = ""
    private var waiting = false
    private var closed = false
    private var finished = false
    /// The text of the screen the trainee is on, for a page reloaded without an answer.
    private var current = ""
    /// The last whole screen drawn; an answer that could not be used prints only why, and the
    /// page shows that above the screen it answers.
    private var screen = ""

    let isInteractive = false
    let usesColour = false
    let width = 100
    let height = 1_000
    var reflows: Bool { true }

    // MARK: From the player's thread

    func write(_ text: String) {
        condition.withLock { output += text }
    }

    func readLine() -> String? {
        condition.withLock {
            waiting = true
            condition.broadcast()
            while pending.isEmpty, !closed { condition.wait() }
            waiting = false
            return pending.isEmpty ? nil : pending.removeFirst()
        }
    }

    func readKey() -> Key { .endOfInput }
    func clearScreen() {}

    /// The player has returned: no more screens.
    func finish() {
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    // MARK: From a request

    /// Sends `line` (nil: nothing, only show where the trainee is) and returns the text written
    /// since the last exchange, once the player waits for the next line or has ended. Waits at
    /// most `timeout`; a save that takes longer shows what was written so far.
    func exchange(_ line: String?, timeout: TimeInterval = 15) -> (text: String, ended: Bool) {
        condition.withLock {
            if let line, !finished {
                pending.append(line)
                condition.broadcast()
            }
            let deadline = Date().addingTimeInterval(timeout)
            while !(waiting && pending.isEmpty) && !finished {
                if !condition.wait(until: deadline) { break }
            }
            let fresh = output
            output = ""
            if fresh.contains("\n\n") {
                screen = fresh
                current = fresh
            } else if !fresh.isEmpty {
                current = fresh + "\n" + screen
            }
            return (current, finished)
        }
    }

    /// The browser is gone for good (signed out, idle too long): the player's read ends.
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    var hasEnded: Bool { condition.withLock { finished } }
}
