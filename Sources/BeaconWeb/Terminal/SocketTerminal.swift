import BeaconTerminal
import Foundation

/// The player's `Terminal` over a browser's WebSocket: the interactive mode, as over SSH. The
/// player runs on its own thread and blocks in `readKey` on a condition; the socket's task feeds
/// it the bytes of keys and window sizes. What the player writes goes out through `send`.
final class SocketTerminal: Terminal, @unchecked Sendable {
    // Safe: every mutable field is read and written only with `condition` locked.
    private let condition = NSCondition()
    private var input: [UInt8] = []
    private var closed = false
    private var resized = false
    private var columns = 80
    private var rows = 24
    private var lastInput = Date()
    private(set) var timedOut = false

    /// False for the linear mode (`/learn/socket?linear=1`): lines in, screens printed once,
    /// as `ssh -T` gives; for screen readers driving a socket, and for measuring.
    let isInteractive: Bool
    var usesColour: Bool { isInteractive }
    let idleLimit: TimeInterval
    private let send: @Sendable (String) -> Void

    init(interactive: Bool = true, idleLimit: TimeInterval, send: @escaping @Sendable (String) -> Void) {
        isInteractive = interactive
        self.idleLimit = idleLimit
        self.send = send
    }

    var width: Int { condition.withLock { columns } }
    var height: Int { condition.withLock { rows } }

    // MARK: From the socket

    func feed(_ bytes: [UInt8]) {
        condition.withLock {
            input.append(contentsOf: bytes)
            lastInput = Date()
            condition.broadcast()
        }
    }

    func resize(columns: Int, rows: Int) {
        condition.withLock {
            // A page may send anything; a window is at most a few hundred cells wide.
            self.columns = min(max(columns, 20), 500)
            self.rows = min(max(rows, 5), 300)
            resized = true
            condition.broadcast()
        }
    }

    /// The socket is gone (tab closed, network down): reads end; every answer is already saved.
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    // MARK: From the player's thread

    func write(_ text: String) {
        // xterm.js is a terminal in raw mode: carriage returns are ours to send.
        send(isInteractive ? text.replacingOccurrences(of: "\n", with: "\r\n") : text)
    }

    func clearScreen() { write("\u{1B}[H\u{1B}[2J") }

    func readKey() -> Key {
        guard let first = nextByte(timeout: nil) else { return .endOfInput }
        if first == 0xFF { return .resize }
        return KeyDecoder.key(first: first) { [self] timeout in
            nextByte(timeout: timeout.map { TimeInterval($0) / 1_000 }, resizeInterrupts: false)
        }
    }

    func readLine() -> String? {
        var bytes: [UInt8] = []
        while let byte = nextByte(timeout: nil, resizeInterrupts: false) {
            if byte == 0x0D || byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// The next byte; 0xFF (never sent in UTF-8) stands for a resize when `resizeInterrupts`.
    private func nextByte(timeout: TimeInterval?, resizeInterrupts: Bool = true) -> UInt8? {
        condition.withLock {
            let deadline = timeout.map { Date().addingTimeInterval($0) }
            while true {
                if !input.isEmpty { return input.removeFirst() }
                if resizeInterrupts, resized {
                    resized = false
                    return 0xFF
                }
                if closed || timedOut { return nil }
                let idleEnd = lastInput.addingTimeInterval(idleLimit)
                if Date() >= idleEnd {
                    timedOut = true
                    return nil
                }
                let until = min(deadline ?? idleEnd, idleEnd)
                if !condition.wait(until: until), let deadline, Date() >= deadline { return nil }
            }
        }
    }
}
