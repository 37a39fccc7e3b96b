import BeaconCore

/// Escapes text for HTML element content and double- or single-quoted attributes. Every value
/// that comes from a credential passes through here: a holder's "name" can be anything.
public func escapeHTML(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.unicodeScalars.append(character)
        }
    }
    return result
}

/// A whole page: no scripts, no external fonts, styles or images; readable in any browser,
/// printable, and usable with a screen reader. Written in `words`' language, with links to the
/// same page (`switchTo`) in the others.
public func page(title: String, body: String, _ words: PageWords = .english, switchTo: String = "/") -> String {
    let others = Language.allCases.filter { $0 != words.language }.map { language in
        "<a href=\"\(escapeHTML(switchTo))?lang=\(language.rawValue)\" hreflang=\"\(language.rawValue)\" lang=\"\(language.rawValue)\">\(language.ownName.prefix(1).uppercased() + language.ownName.dropFirst())</a>"
    }.joined(separator: " · ")
    return """
    <!doctype html>
    <html lang="\(words.language.rawValue)">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(escapeHTML(title))</title>
    <style>
    body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }
    h1 { font-size: 1.6rem; }
    .verdict { padding: 1rem; border: 3px solid; border-radius: .5rem; font-size: 1.2rem; font-weight: bold; }
    .good { border-color: #1a7f37; background: #eaf7ee; }
    .bad { border-color: #b42318; background: #fdecea; }
    dl.checks dt { font-weight: bold; margin-top: .8rem; }
    dl.checks dd { margin-left: 0; }
    textarea { width: 100%; min-height: 12rem; font-family: monospace; }
    button { font-size: 1rem; padding: .5rem 1.2rem; }
    .muted { color: #555; font-size: .9rem; }
    nav.lang { text-align: right; font-size: .9rem; }
    </style>
    </head>
    <body>
    <nav class="lang" aria-label="\(words.switchLabel)">\(words.switchLabel): \(others)</nav>
    \(body)
    </body>
    </html>
    """
}
