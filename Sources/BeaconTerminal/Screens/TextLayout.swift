/// Wrapping by display width: CJK characters and many emoji take two columns, combining
/// marks none, so `String.count` would break lines in the wrong place. (The C library's
/// wcwidth depends on the locale, which is often "C" on servers; these rules do not.)
public enum TextLayout {
    /// Columns a string takes on a terminal.
    /// Colour codes (ESC [ … m) take none.
    public static func displayWidth(_ text: String) -> Int {
        var total = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                continue
            }
            total += width(of: scalar)
        }
        return total
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B || (0xFE00...0xFE0F).contains(value) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }

    /// Wraps at spaces so no line is wider than `width`; the first line starts with `first`,
    /// the rest with `rest` (for hanging indents such as "  1. ").
    public static func wrap(_ text: String, width: Int, first: String = "", rest: String? = nil) -> [String] {
        let rest = rest ?? String(repeating: " ", count: displayWidth(first))
        var lines: [String] = []
        var line = first
        var lineWidth = displayWidth(first)
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = displayWidth(String(word))
            if lineHasWord, lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = rest
                lineWidth = displayWidth(rest)
                lineHasWord = false
            }
            if lineHasWord {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += wordWidth
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }
}
