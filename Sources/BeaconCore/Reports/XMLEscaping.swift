/// Text made safe to write into XML 1.0 (curriculum files, SVG): `&`, `<` and `>` escaped, and
/// the scalars XML 1.0 cannot carry at all (C0 controls but tab, newline and carriage return;
/// U+FFFE, U+FFFF) dropped, since one of them makes the whole document unreadable.
///
/// For an attribute value (`attribute: true`) both quotes are escaped as well, and tab, newline
/// and carriage return become character references: a parser's attribute-value normalisation
/// would otherwise turn them into spaces.
public func xmlEscaped(_ text: String, attribute: Bool = false) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"" where attribute: result += "&quot;"
        case "'" where attribute: result += "&apos;"
        case "\t" where attribute: result += "&#9;"
        case "\n" where attribute: result += "&#10;"
        case "\r" where attribute: result += "&#13;"
        case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
        case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}
