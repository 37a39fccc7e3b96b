/// Turns the bytes a terminal sends into keys, the same way for every transport (a local TTY,
/// an SSH channel): control bytes, arrows and Page Up/Down, and UTF-8 characters.
public enum KeyDecoder {
    /// Decodes one key. `next` returns the next byte, waiting at most `timeout` milliseconds
    /// (nil: as long as it takes), or nil when none came in time or input ended. A lone ESC
    /// is told from the start of a sequence by the 30 ms it waits for more.
    public static func key(first byte: UInt8, next: (_ timeout: Int?) -> UInt8?) -> Key {
        switch byte {
        case 0x03: return .interrupt
        case 0x04: return .endOfInput
        case 0x0D, 0x0A: return .enter
        case 0x7F, 0x08: return .backspace
        case 0x1B: return escapeSequence(next)
        default:
            var bytes = [byte]
            let extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0
            for _ in 0..<extra { if let more = next(nil) { bytes.append(more) } }
            return String(decoding: bytes, as: UTF8.self).first.map(Key.character) ?? .escape
        }
    }

    /// Arrows are ESC [ A…D; Page Up and Page Down ESC [ 5 ~ and ESC [ 6 ~; anything else after
    /// ESC is the escape key.
    static func escapeSequence(_ next: (_ timeout: Int?) -> UInt8?) -> Key {
        guard next(30) == UInt8(ascii: "["), let final = next(30) else { return .escape }
        if final == UInt8(ascii: "5") || final == UInt8(ascii: "6") {
            guard next(30) == UInt8(ascii: "~") else { return .escape }
            return final == UInt8(ascii: "5") ? .pageUp : .pageDown
        }
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        default: return .escape
        }
    }
}
