import BeaconTerminal
import Foundation
import NIOCore
import NIOSSH

/// The player's `Terminal` over one SSH session channel. The player runs on a thread of its
/// own and blocks in `readKey`/`readLine` on a condition variable, never on an event loop; the
/// channel handler feeds it bytes and window sizes from the event loop. Writes go to the
/// channel, and wait while the client is not reading (the channel is not writable), so a
/// client that never reads holds only its own thread.
final class ChannelTerminal: Terminal, @unchecked Sendable {
    // Safe: every mutable field below is read and written only with `condition` locked.
    private let condition = NSCondition()
    private var input: [UInt8] = []
    private var inputIndex = 0
    private var closed = false
    private var resized = false
    private var columns: Int
    private var rows: Int
    private var writable = true
    private var lastInput = Date()

    let channel: any Channel
    let isInteractive: Bool
    let usesColour: Bool
    /// No key for this long ends the session (its work is already saved).
    let idleLimit: TimeInterval
    /// Set when the idle limit ended the session, so the goodbye can say why.
    private(set) var timedOut = false

    init(channel: any Channel, interactive: Bool, colour: Bool, columns: Int, rows: Int, idleLimit: TimeInterval) {
        self.channel = channel
        isInteractive = interactive
        usesColour = colour
        self.columns = columns
        self.rows = rows
        self.idleLimit = idleLimit
    }

    var width: Int { condition.withLock { columns > 20 ? columns : 80 } }
    var height: Int { condition.withLock { rows > 5 ? rows : 24 } }

    // MARK: From the event loop

    func feed(_ bytes: [UInt8]) {
        condition.withLock {
            input.append(contentsOf: bytes)
            lastInput = Date()
            condition.broadcast()
        }
    }

    func resize(columns: Int, rows: Int) {
        condition.withLock {
            // A client may send anything; a window is at most a few thousand cells wide.
            self.columns = min(max(columns, 0), 1_000)
            self.rows = min(max(rows, 0), 1_000)
            resized = true
            condition.broadcast()
        }
    }

    func setWritable(_ value: Bool) {
        condition.withLock {
            writable = value
            condition.broadcast()
        }
    }

    /// The connection is gone (or the server is stopping): reads end, writes are dropped.
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    var isClosed: Bool { condition.withLock { closed } }

    // MARK: From the player's thread

    func write(_ text: String) {
        var bytes = Array(text.utf8)
        // The client's terminal is raw while it has a PTY: carriage returns are ours to send.
        if isInteractive { bytes = bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] } }
        let proceed = condition.withLock { () -> Bool in
            let deadline = Date().addingTimeInterval(60)
            while !writable, !closed {
                if !condition.wait(until: deadline) { return false }
            }
            return !closed
        }
        guard proceed else {
            close()
            return
        }
        var buffer = channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        channel.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(buffer)), promise: nil)
    }

    func clearScreen() { write("\u{1B}[H\u{1B}[2J") }

    func readKey() -> Key {
        // A vanished client ends the input; everything answered is already saved.
        guard let first = nextByte(timeout: nil) else { return .endOfInput }
        if first == 0xFF { return .resize }
        return KeyDecoder.key(first: first) { [self] timeout in
            nextByte(timeout: timeout.map { TimeInterval($0) / 1_000 }, resizeInterrupts: false)
        }
    }

    func readLine() -> String? {
        var bytes: [UInt8] = []
        while true {
            guard let byte = nextByte(timeout: nil, resizeInterrupts: false) else {
                return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
            }
            if byte == 0x0A { break }
            if byte == 0x04, bytes.isEmpty { return nil }
            bytes.append(byte)
        }
        if bytes.last == 0x0D { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The next byte; 0xFF (never sent in UTF-8) stands for a resize when `resizeInterrupts`.
    /// Nil at the end of input, after `timeout`, or after the idle limit.
    private func nextByte(timeout: TimeInterval?, resizeInterrupts: Bool = true) -> UInt8? {
        condition.withLock {
            let deadline = timeout.map { Date().addingTimeInterval($0) }
            while true {
                if inputIndex < input.count {
                    let byte = input[inputIndex]
                    inputIndex += 1
                    if inputIndex > 4_096 {
                        input.removeFirst(inputIndex)
                        inputIndex = 0
                    }
                    return byte
                }
                if resizeInterrupts, resized {
                    resized = false
                    return 0xFF
                }
                if closed || timedOut { return nil }
                let idleEnd = lastInput.addingTimeInterval(idleLimit)
                if Date() >= idleEnd {
                    // Reads end; writes still go, so the goodbye reaches the trainee.
                    timedOut = true
                    return nil
                }
                let until = min(deadline ?? idleEnd, idleEnd)
                if !condition.wait(until: until), let deadline, Date() >= deadline { return nil }
            }
        }
    }
}
