import Foundation

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The real terminal. Interactive (raw keys, redraws) on a TTY unless told to be linear;
/// linear on pipes and for `--plain`. Restores the terminal on every way out: normal return,
/// Ctrl-C (read as a key in raw mode), SIGINT/SIGTERM/SIGHUP (handlers), and `exit`.
public final class TTYTerminal: Terminal {
    public let isInteractive: Bool
    public let usesColour: Bool
    private let input: Int32 = STDIN_FILENO
    private let output: Int32 = STDOUT_FILENO
    private let inputIsTTY = isatty(STDIN_FILENO) == 1

    /// - Parameter linear: force the linear mode (`--plain`, `ACCESSIBLE=1`).
    public init(linear: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let dumb = environment["TERM"] == "dumb" || environment["TERM"] == nil
        let ttys = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        isInteractive = !linear && ttys && !dumb
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        usesColour = isInteractive && !noColour
        if isInteractive { RawMode.enter(STDIN_FILENO) }
        Signals.install()
    }

    deinit { RawMode.leave() }

    /// Leaves raw mode now (before printing a last message and exiting).
    public func restore() { RawMode.leave() }

    /// What a signal prints on its way out, so the trainee knows how to come back.
    public static func setFarewell(_ text: String) { Signals.setFarewell(text) }

    public var width: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
        var size = winsize()
        if ioctl(output, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 80
    }

    public var height: Int {
        if let rows = ProcessInfo.processInfo.environment["LINES"].flatMap(Int.init), rows > 5 { return rows }
        var size = winsize()
        if ioctl(output, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 5 { return Int(size.ws_row) }
        return 24
    }

    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        if isInteractive {
            // Raw mode turns off the newline translation; put the carriage returns back.
            bytes = bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
        }
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(output, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }

    public func clearScreen() { write("\u{1B}[H\u{1B}[2J") }

    public func readKey() -> Key {
        while true {
            if Signals.takeResize() { return .resize }
            var poller = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 200)
            if ready == 0 { continue }
            if ready < 0 { if errno == EINTR { continue } else { return .endOfInput } }
            guard let byte = readByte() else { return .endOfInput }
            return KeyDecoder.key(first: byte) { timeout in
                if let timeout {
                    var more = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
                    guard poll(&more, 1, Int32(timeout)) > 0 else { return nil }
                }
                return readByte()
            }
        }
    }

    public func readLine() -> String? {
        var bytes: [UInt8] = []
        while true {
            guard let byte = readByte() else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == 0x0A { break }
            bytes.append(byte)
        }
        if bytes.last == 0x0D { bytes.removeLast() }
        let line = String(decoding: bytes, as: UTF8.self)
        // Piped answers are not echoed by any terminal; show them so a transcript reads well.
        if !inputIsTTY { write(line + "\n") }
        return line
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = Glibc.read(input, &byte, 1)
            if count == 1 { return byte }
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }
}

/// The terminal's settings before raw mode, restored from anywhere, including signal handlers.
enum RawMode {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var active = false

    static func enter(_ fd: Int32) {
        guard !active, tcgetattr(fd, &saved) == 0 else { return }
        var raw = saved
        // No echo, no line buffering, no signal keys (Ctrl-C arrives as a byte we handle by
        // saving and exiting), no output post-processing.
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        raw.c_oflag &= ~tcflag_t(OPOST)
        tcsetattr(fd, TCSAFLUSH, &raw)
        active = true
        // Hide nothing, but switch to the alternate screen so the user's scrollback survives.
        _ = "\u{1B}[?1049h".withCString { Glibc.write(STDOUT_FILENO, $0, strlen($0)) }
        atexit { RawMode.leave() }
    }

    /// Async-signal-safe: only tcsetattr and write.
    static func leave() {
        guard active else { return }
        active = false
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
        _ = "\u{1B}[?1049l".withCString { Glibc.write(STDOUT_FILENO, $0, strlen($0)) }
    }
}

/// Signal handling for the player. Answers are committed as they are given, so a signal only
/// has to put the terminal back and say how to resume.
enum Signals {
    nonisolated(unsafe) private static var resized: sig_atomic_t = 0
    nonisolated(unsafe) private static var installed = false
    /// The line printed when a signal ends the program ("Saved. Resume with: …").
    nonisolated(unsafe) static var farewell: [CChar] = Array("\nSaved. Resume with: beacon learn\n".utf8CString)

    static func install() {
        guard !installed else { return }
        installed = true
        signal(SIGWINCH) { _ in Signals.resized = 1 }
        signal(SIGINT) { _ in Signals.leave(130) }
        signal(SIGTERM) { _ in Signals.leave(143) }
        signal(SIGHUP) { _ in Signals.leave(129) }
    }

    static func setFarewell(_ text: String) { farewell = Array(text.utf8CString) }

    static func takeResize() -> Bool {
        guard resized != 0 else { return false }
        resized = 0
        return true
    }

    private static func leave(_ status: Int32) {
        RawMode.leave()
        farewell.withUnsafeBufferPointer { buffer in
            _ = Glibc.write(STDOUT_FILENO, buffer.baseAddress, max(buffer.count - 1, 0))
        }
        _exit(status)
    }
}
