/// Text measured and fitted without a font engine: widths are estimated on the wide side
/// (DejaVu Sans, the usual Linux system-ui, is wider than SF or Segoe), so fitted text never
/// spills out of its box even if it sometimes loses a letter it had room for.
enum ChartText {
    /// Estimated advance of `text` at font size `size`, in viewBox units (bold runs about 10% wider).
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        text.reduce(0) { $0 + em($1) } * size * (bold ? 1.1 : 1)
    }

    /// `text` cut with an ellipsis so it is at most `maxWidth` wide ("" if not even "…" fits).
    static func fitted(_ text: String, width maxWidth: Double, size fontSize: Double, bold: Bool = false) -> String {
        let size = fontSize * (bold ? 1.1 : 1)
        guard width(text, size: size) > maxWidth else { return text }
        let ellipsis = em("…") * size
        var kept = ""
        var used = ellipsis
        for character in text {
            used += em(character) * size
            if used > maxWidth { break }
            kept.append(character)
        }
        guard ellipsis <= maxWidth else { return "" }
        while kept.last?.isWhitespace == true { kept.removeLast() }
        return kept + "…"
    }

    /// `text` cut to `maxCharacters` characters, the last of them an ellipsis.
    static func truncated(_ text: String, to maxCharacters: Int) -> String {
        guard text.count > maxCharacters else { return text }
        var kept = String(text.prefix(max(0, maxCharacters - 1)))
        while kept.last?.isWhitespace == true { kept.removeLast() }
        return kept + "…"
    }

    /// `text` wrapped at spaces into at most `maxLines` lines of `maxWidth`; what does not fit ends in "…".
    static func wrapped(_ text: String, width maxWidth: Double, size: Double, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: \.isWhitespace).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if current.isEmpty || width(candidate, size: size) <= maxWidth {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines, maxLines > 0 {
            // The first line left out did not fit after the last kept one, so fitting adds the "…".
            let last = lines[maxLines - 1] + " " + lines[maxLines]
            lines = Array(lines.prefix(maxLines - 1)) + [last]
        }
        return lines.map { fitted($0, width: maxWidth, size: size) }
    }

    /// Advance of one character in em, by rough class.
    private static func em(_ character: Character) -> Double {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        switch scalar {
        case " ", "!", "'", ",", ".", ":", ";", "|", "I", "i", "j", "l", "·": return 0.34
        case "f", "r", "t", "(", ")", "[", "]", "-": return 0.44
        case "M", "W", "m", "w", "@", "%": return 1.0
        case "A"..."Z": return 0.76
        case "0"..."9": return 0.64
        case "a"..."z": return 0.62
        case "\u{0}"..."\u{7F}": return 0.66
        // Dashes, quotes, arrows, maths and other symbols.
        case "\u{2000}"..."\u{2BFF}": return 0.86
        // CJK, emoji and the like.
        case "\u{1100}"..."\u{11FF}", "\u{2E80}"...: return 1.05
        default: return 0.72
        }
    }
}
