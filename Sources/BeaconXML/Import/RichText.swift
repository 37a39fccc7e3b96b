import Foundation
import BeaconCore

/// Turns HTML (Moodle's question text, QTI's XHTML body) into the curriculum's markup: paragraphs
/// and lists of text with emphasis. What a terminal cannot show becomes a bracketed placeholder
/// and is reported; active content (scripts, frames, forms) is dropped and reported.
struct RichText {
    /// A file or media reference met on the way, and any content that was removed.
    var files: [String] = []
    var removed: Set<String> = []
    /// Renders an element the caller handles itself (a QTI interaction); nil means "not mine".
    var special: (MarkupElement) -> [Inline]? = { _ in nil }

    private static let dropped: Set<String> = [
        "script", "style", "iframe", "object", "embed", "form", "input", "button", "select", "textarea",
        "frame", "frameset", "applet", "link", "meta", "noscript", "template", "svg", "math", "canvas", "head", "title",
    ]
    private static let blockNames: Set<String> = [
        "p", "div", "blockquote", "pre", "section", "article", "header", "footer", "aside", "table", "tr",
        "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "dl", "dt", "dd", "hr", "center", "address", "main", "nav",
    ]

    mutating func blocks(_ nodes: [MarkupNode]) -> [Block] {
        var blocks: [Block] = []
        var current: [Inline] = []
        func flush() {
            let trimmed = Self.trim(current)
            if !trimmed.isEmpty { blocks.append(.paragraph(trimmed)) }
            current = []
        }
        for node in nodes {
            guard case .element(let element) = node else {
                current += inline([node])
                continue
            }
            if element.name == "ul" || element.name == "ol" {
                flush()
                let items = element.elements("li").map { Self.trim(inline($0.children)) }.filter { !$0.isEmpty }
                if !items.isEmpty { blocks.append(.list(element.name == "ol" ? .numbered : .bullet, items)) }
            } else if element.name == "br" {
                flush()
            } else if Self.blockNames.contains(element.name) {
                flush()
                if element.name.count == 2, element.name.hasPrefix("h"), element.name != "hr" {
                    let heading = Self.trim(inline(element.children))
                    if !heading.isEmpty { blocks.append(.paragraph([.strong(heading)])) }
                } else {
                    blocks += self.blocks(element.children)
                }
            } else {
                current += inline([node])
            }
        }
        flush()
        return blocks
    }

    /// Everything as one run of text: paragraphs joined by a space, list items by "; ".
    mutating func inline(text nodes: [MarkupNode]) -> [Inline] {
        let parts = blocks(nodes).map { block -> [Inline] in
            switch block {
            case .paragraph(let inlines): inlines
            case .list(_, let items): Array(items.map { $0 }.joined(separator: [.text("; ")]))
            case .callout: []
            }
        }
        return Self.trim(Array(parts.joined(separator: [.text(" ")])))
    }

    mutating func plain(_ nodes: [MarkupNode]) -> String {
        inline(text: nodes).plainText.trimmingWhitespace()
    }

    private mutating func inline(_ nodes: [MarkupNode]) -> [Inline] {
        var result: [Inline] = []
        for node in nodes {
            switch node {
            case .text(let text):
                let folded = Self.fold(text)
                if !folded.isEmpty { result.append(.text(folded)) }
            case .element(let element):
                if let rendered = special(element) {
                    result += rendered
                    continue
                }
                switch element.name {
                case _ where Self.dropped.contains(element.name):
                    removed.insert(element.name)
                case "em", "i", "cite", "dfn", "var":
                    let inner = inline(element.children)
                    if !inner.isEmpty { result.append(.emphasis(inner)) }
                case "strong", "b":
                    let inner = inline(element.children)
                    if !inner.isEmpty { result.append(.strong(inner)) }
                case "q":
                    result.append(.quote(inline(element.children)))
                case "img":
                    let source = element.attributes["src"] ?? ""
                    let name = Self.fileName(source)
                    let alt = (element.attributes["alt"] ?? "").trimmingWhitespace()
                    files.append(name.isEmpty ? "an image" : name)
                    result.append(.text(" [image: \(alt.isEmpty ? (name.isEmpty ? "no description" : name) : alt)] "))
                case "audio", "video", "source", "track":
                    let source = element.attributes["src"] ?? element.elements("source").first?.attributes["src"] ?? ""
                    let name = Self.fileName(source)
                    if !name.isEmpty { files.append(name) }
                    result.append(.text(" [\(element.name == "video" ? "video" : "audio"): \(name.isEmpty ? "media" : name)] "))
                case "br", "p", "div", "li", "tr", "td", "th":
                    result.append(.text(" "))
                    result += inline(element.children)
                    result.append(.text(" "))
                default:
                    result += inline(element.children)
                }
            }
        }
        return result
    }

    /// `@@PLUGINFILE@@/folder/logo.jpg` or `./img/sign.png` → the file's own name.
    static func fileName(_ source: String) -> String {
        let path = source.split(separator: "?").first.map(String.init) ?? source
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        return (last.removingPercentEncoding ?? last).trimmingWhitespace()
    }

    /// Runs of white space become one space, as HTML renders them; a space-only run between
    /// two tags stays a word gap.
    static func fold(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = true
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        if pendingSpace { result.append(" ") }
        return result
    }

    /// Joins neighbouring text runs, folds double spaces and trims both ends.
    static func trim(_ inlines: [Inline]) -> [Inline] {
        var merged: [Inline] = []
        for inline in inlines {
            if case .text(let text) = inline, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + text)
            } else {
                merged.append(inline)
            }
        }
        merged = merged.compactMap { inline in
            guard case .text(let text) = inline else { return inline }
            let folded = fold(text)
            return folded.isEmpty ? nil : .text(folded)
        }
        if case .text(let first)? = merged.first {
            let text = String(first.drop { $0 == " " })
            if text.isEmpty { merged.removeFirst() } else { merged[0] = .text(text) }
        }
        if case .text(let last)? = merged.last {
            let text = String(last.reversed().drop { $0 == " " }.reversed())
            if text.isEmpty { merged.removeLast() } else { merged[merged.count - 1] = .text(text) }
        }
        return merged
    }
}
