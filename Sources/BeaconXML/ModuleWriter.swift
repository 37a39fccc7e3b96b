import Foundation
import BeaconCore

/// Writes a module back out in the curriculum format, for the importers.
///
/// It covers what an import produces: lessons and quizzes with every question kind. Role-plays
/// are authored by hand and are not written (a comment marks where one was).
public struct ModuleWriter {
    private var out = ""
    private var depth = 0

    public static func xml(_ module: Module, comment: String? = nil) -> String {
        var writer = ModuleWriter()
        writer.out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        if let comment { writer.out += "<!--\n" + commentSafe(comment) + "\n-->\n" }
        writer.module(module)
        return writer.out
    }

    private mutating func module(_ module: Module) {
        open("module", [("xmlns", "urn:beacon:curriculum:1"), ("id", module.id), ("minutes", String(module.minutes)),
                        ("requires", module.prerequisites.isEmpty ? nil : module.prerequisites.map(\.id).joined(separator: " "))])
        leaf("title", module.title)
        if !module.summary.isEmpty { rich("summary", module.summary) }
        for competency in module.teaches { empty("teaches", [("competency", competency.id)]) }
        for item in module.items {
            switch item {
            case .lesson(let lesson): self.lesson(lesson)
            case .quiz(let quiz): self.quiz(quiz)
            case .roleplay(let roleplay): line("<!-- role-play '\(Self.commentSafe(roleplay.id))' is not written by ModuleWriter -->")
            }
        }
        close("module")
    }

    private mutating func lesson(_ lesson: Lesson) {
        open("lesson", [("id", lesson.id), ("minutes", lesson.minutes.map(String.init))])
        leaf("title", lesson.title)
        if let note = lesson.contentNote { contentNote(note) }
        for page in lesson.pages {
            open("page", [])
            if let heading = page.heading { leaf("heading", heading) }
            blocks(page.blocks)
            close("page")
        }
        close("lesson")
    }

    private mutating func blocks(_ blocks: [Block]) {
        for block in blocks {
            switch block {
            case .paragraph(let inlines): rich("p", inlines)
            case .list(let style, let items):
                open("list", [("style", style == .bullet ? nil : style.rawValue)])
                for item in items { rich("item", item) }
                close("list")
            case .callout(let kind, let inner):
                open("callout", [("kind", kind == .note ? nil : kind.rawValue)])
                self.blocks(inner)
                close("callout")
            }
        }
    }

    private mutating func contentNote(_ note: ContentNote) {
        rich("contentNote", note.text, [("topics", note.topics.joined(separator: " "))])
    }

    private mutating func quiz(_ quiz: Quiz) {
        open("quiz", [
            ("id", quiz.id), ("passMark", plainDecimal(quiz.passMark)), ("attempts", quiz.attempts.map(String.init)),
            ("cooldown", quiz.cooldown?.description), ("shuffle", quiz.shuffle ? "true" : nil),
            ("minutes", quiz.minutes.map(String.init)),
        ])
        leaf("title", quiz.title)
        if let note = quiz.contentNote { contentNote(note) }
        if !quiz.instructions.isEmpty { rich("instructions", quiz.instructions) }
        for section in quiz.sections {
            switch section {
            case .question(let question): self.question(question)
            case .pool(let pool):
                open("pool", [("id", pool.id), ("draw", String(pool.draw))])
                for question in pool.questions { self.question(question) }
                close("pool")
            }
        }
        close("quiz")
    }

    private mutating func question(_ question: Question) {
        var attributes: [(String, String?)] = [
            ("id", question.id), ("level", question.level?.rawValue),
            ("competencies", question.competencies.isEmpty ? nil : question.competencies.map(\.id).joined(separator: " ")),
            ("weight", question.weight == 1 ? nil : plainDecimal(question.weight)),
        ]
        let name = question.kind.name
        switch question.kind {
        case .singleChoice(_, let shuffle):
            attributes.append(("shuffle", shuffle ? nil : "false"))
        case .multipleResponse(_, let shuffle, let scoring):
            attributes += [("shuffle", shuffle ? nil : "false"), ("scoring", scoring == .partial ? nil : scoring.rawValue)]
        case .trueFalse(let answer, _, _):
            attributes.append(("answer", answer ? "true" : "false"))
        case .shortAnswer(let answer):
            attributes += [("caseSensitive", answer.caseSensitive ? "true" : nil),
                           ("whitespace", answer.whitespace == .normalize ? nil : answer.whitespace.rawValue)]
        case .ordering(_, let scoring), .matching(_, _, let scoring):
            attributes.append(("scoring", scoring == .partial ? nil : scoring.rawValue))
        }
        open(name, attributes)
        rich("prompt", question.prompt)
        switch question.kind {
        case .singleChoice(let options, _), .multipleResponse(let options, _, _):
            for option in options {
                leaf("option", option.text, [
                    ("id", option.id), ("correct", option.correct ? "true" : nil),
                    ("credit", option.credit.map(plainDecimal)), ("feedback", option.feedback),
                ])
            }
        case .trueFalse(_, let whenTrue, let whenFalse):
            if !whenTrue.isEmpty { rich("feedbackTrue", whenTrue) }
            if !whenFalse.isEmpty { rich("feedbackFalse", whenFalse) }
        case .shortAnswer(let answer):
            for accept in answer.accepts {
                leaf("accept", accept.text, [
                    ("match", accept.match == .exact ? nil : accept.match.rawValue),
                    ("credit", accept.credit == 1 ? nil : plainDecimal(accept.credit)), ("feedback", accept.feedback),
                ])
            }
        case .ordering(let items, _):
            for item in items { leaf("item", item) }
        case .matching(let pairs, let distractors, _):
            for pair in pairs {
                open("pair", [("weight", pair.weight == 1 ? nil : plainDecimal(pair.weight))])
                leaf("left", pair.left)
                leaf("right", pair.right)
                close("pair")
            }
            for distractor in distractors { leaf("distractor", distractor) }
        }
        if let text = question.outcomeFeedback.correct { rich("feedbackCorrect", text) }
        if let text = question.outcomeFeedback.partial { rich("feedbackPartial", text) }
        if let text = question.outcomeFeedback.incorrect { rich("feedbackIncorrect", text) }
        if let rationale = question.rationale { rich("rationale", rationale) }
        close(name)
    }

    // MARK: - Output

    private mutating func line(_ text: String) {
        out += String(repeating: "  ", count: depth) + text + "\n"
    }

    private mutating func open(_ name: String, _ attributes: [(String, String?)]) {
        line("<" + name + Self.attributes(attributes) + ">")
        depth += 1
    }

    private mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    private mutating func empty(_ name: String, _ attributes: [(String, String?)]) {
        line("<" + name + Self.attributes(attributes) + "/>")
    }

    private mutating func leaf(_ name: String, _ text: String, _ attributes: [(String, String?)] = []) {
        line("<\(name)\(Self.attributes(attributes))>\(xmlEscaped(text))</\(name)>")
    }

    private mutating func rich(_ name: String, _ inlines: [Inline], _ attributes: [(String, String?)] = []) {
        line("<\(name)\(Self.attributes(attributes))>\(Self.inline(inlines))</\(name)>")
    }

    private static func inline(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): xmlEscaped(text)
            case .emphasis(let inner): "<em>" + self.inline(inner) + "</em>"
            case .strong(let inner): "<strong>" + self.inline(inner) + "</strong>"
            case .quote(let inner): "<q>" + self.inline(inner) + "</q>"
            }
        }.joined()
    }

    private static func attributes(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { name, value in value.map { " \(name)=\"\(xmlEscaped($0, attribute: true))\"" } }.joined()
    }

    /// A comment may not hold `--`.
    static func commentSafe(_ text: String) -> String {
        xmlEscaped(text).replacingOccurrences(of: "--", with: "- -")
    }

}
