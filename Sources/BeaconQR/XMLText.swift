/// Escaping for text that is interpolated into SVG markup.
enum XMLText {
    /// Escapes all five XML special characters, so the result is also safe
    /// inside attribute values, and drops scalars XML 1.0 cannot carry at all
    /// (most C0 controls, U+FFFE, U+FFFF), which would make the SVG malformed.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
