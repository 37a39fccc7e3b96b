import BeaconCore
import Foundation

/// Turns libxml2's schema messages into ones a trainer can act on: namespaces dropped,
/// elements written as `<name>`, and a help line chosen by the kind of problem.
enum SchemaMessage {
    private static let namespacePrefix = "{urn:beacon:curriculum:1}"

    /// The attribute a message is about (`Element 'x', attribute 'y': …`), to point the column at it.
    static func attributeName(in message: String) -> String? {
        guard let range = message.range(of: "attribute '") else { return nil }
        let rest = message[range.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        let name = String(rest[..<end])
        return name.contains(":") ? nil : name
    }

    static func diagnostic(for raw: String, at location: SourceLocation) -> Diagnostic {
        var text = raw.replacingAll(namespacePrefix, with: "")
        if text.hasSuffix(".") { text.removeLast() }
        // "Element 'quiz', attribute 'x': rest" → subject "<quiz> attribute 'x'", rest.
        var subject = ""
        if text.hasPrefix("Element '"), let colon = text.range(of: "': ") ?? text.range(of: "':") {
            let head = text[text.index(text.startIndex, offsetBy: 9)..<colon.lowerBound]
            let parts = head.components(separatedBy: "', attribute '")
            subject = "<\(parts[0])>" + (parts.count > 1 ? " attribute '\(parts[1])'" : "")
            text = String(text[colon.upperBound...]).trimmingWhitespace()
        }
        let (code, message, help) = explain(subject: subject, detail: text)
        return Diagnostic(.error, code, message, help: help, at: location)
    }

    private static func explain(subject: String, detail: String) -> (String, String, String) {
        let expected = expectedList(in: detail)
        if detail.contains("This element is not expected") {
            let message = "\(subject) is not allowed here"
            // A misspelt name is the commonest cause: offer the expected name it is closest to.
            let name = subject.trimming("<>")
            let guess = expectedNames(in: detail).flatMap { nearest(name, in: Set($0)) }.map { "did you mean <\($0)>? " } ?? ""
            let help = expected.map { guess + "expected \($0) at this point; see the element order in docs/curriculum-format.md" }
                ?? "nothing more may follow here; check the element's place in docs/curriculum-format.md"
            return ("B010", message, help)
        }
        if detail.hasPrefix("Missing child element") {
            return ("B010", "\(subject) is missing something it needs", expected.map { "add \($0)" } ?? "see docs/curriculum-format.md")
        }
        if detail.contains("No matching global declaration available for the validation root") {
            return (
                "B014",
                "\(subject) is not a Beacon curriculum root",
                "the root must be <course> (or <module> in an included file) with xmlns=\"urn:beacon:curriculum:1\""
            )
        }
        if detail.contains("is not allowed") && subject.contains("attribute") {
            return ("B011", "\(subject) is not allowed", "check the spelling (names are case-sensitive) or remove it; allowed attributes are listed in docs/curriculum-format.md")
        }
        if detail.contains("is required but missing") {
            let name = detail.components(separatedBy: "'").dropFirst().first ?? "it"
            return ("B011", "\(subject) needs the attribute '\(name)'", "add \(name)=\"…\"")
        }
        if detail.contains("Character content other than whitespace is not allowed") {
            return ("B010", "\(subject) cannot hold text directly", "put the text inside a child element such as <p>")
        }
        if detail.contains("is not a valid value") || detail.contains("[facet") {
            var plain = detail
            if plain.hasPrefix("[facet"), let close = plain.firstIndex(of: "]") {
                plain = String(plain[plain.index(after: close)...]).trimmingWhitespace()
            }
            return ("B012", "\(subject): \(plain)", valueHelp(detail))
        }
        return ("B010", subject.isEmpty ? detail : "\(subject): \(detail)", "see docs/curriculum-format.md for what this element accepts")
    }

    private static func expectedList(in detail: String) -> String? {
        guard let names = expectedNames(in: detail) else { return nil }
        return names.count == 1 ? "<\(names[0])>" : "one of " + names.map { "<\($0)>" }.joined(separator: ", ")
    }

    /// The element names libxml2 lists after "Expected is" or "Expected is one of ( … )".
    private static func expectedNames(in detail: String) -> [String]? {
        guard let range = detail.range(of: "Expected is one of ") ?? detail.range(of: "Expected is ") else { return nil }
        var list = detail[range.upperBound...].trimming(" ().")
        list = list.replacingAll("##other{urn:beacon:curriculum:1}*", with: "another element")
        let names = list.split(separator: ",").map { $0.trimming(" ()") }.filter { !$0.isEmpty }
        return names.isEmpty ? nil : names
    }

    private static func valueHelp(_ detail: String) -> String {
        if detail.contains("Fraction") || detail.contains("allowed ('1')") {
            return "write a share from 0 to 1, e.g. 0.8 for 80%"
        }
        if detail.contains("[a-z0-9]") || detail.contains("'Id'") || detail.contains("IdList") {
            return "ids use lower-case letters, digits and single hyphens, like active-listening"
        }
        if detail.contains("boolean") { return "write true or false" }
        if detail.contains("duration") { return "write an ISO 8601 duration, like P2Y (two years) or PT1H (one hour)" }
        if detail.contains("Version") { return "write a version like 1.0.0" }
        if detail.contains("enumeration") { return "use one of the values listed in the message" }
        if detail.contains("integer") || detail.contains("decimal") { return "write a number" }
        if detail.contains("Inclusive") || detail.contains("Exclusive") { return "write a value inside the range the message gives" }
        return "see docs/curriculum-format.md for the values this accepts"
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }

    func trimming(_ set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}

extension Substring {
    func trimming(_ set: String) -> String { String(self).trimming(set) }
}
