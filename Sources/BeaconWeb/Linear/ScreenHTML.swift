import Foundation
import BeaconServer

/// Screens of the player's linear mode as HTML for the accessible page: each screen's first
/// line its heading (a crisis or help screen comes before the one it was opened over), every
/// other line a paragraph (indented ones marked so), the keys line set apart.
/// Everything is escaped: a screen holds course text and a trainee's own name.
enum ScreenHTML {
    static func render(_ text: String, keysLabel: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The prompt the linear mode ends with is the page's answer field instead.
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty || last.hasPrefix(">") { lines.removeLast() }
        var html: [String] = []
        var heading = true
        var first = true
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            if heading {
                html.append(first ? "<h1>\(escapeHTML(trimmed))</h1>" : "<h2>\(escapeHTML(trimmed))</h2>")
                heading = false
                first = false
            } else if trimmed.hasPrefix(keysLabel) {
                html.append("<p class=\"keys\">\(escapeHTML(trimmed))</p>")
                heading = true
            } else if line.hasPrefix(" ") {
                html.append("<p class=\"indent\">\(escapeHTML(trimmed))</p>")
            } else {
                html.append("<p>\(escapeHTML(trimmed))</p>")
            }
        }
        return html.joined(separator: "\n")
    }
}
