/// Text from a file (an id, a name, a credential field) with the control characters that a
/// terminal would act on replaced by `?`: C0 controls other than tab and newline, DEL, and the
/// C1 range (U+0080–U+009F, where U+009B starts an escape sequence just as ESC [ does).
/// Without this, a crafted file could repaint the screen, e.g. print "VERIFIED" over a refusal.
public func terminalSafe(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        result.append(isUnsafe(scalar) ? "?" : scalar)
    }
    return String(result)
}

private func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F: true
    default: false
    }
}
