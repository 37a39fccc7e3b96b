import Foundation
import BeaconCore

/// Converts Moodle XML question exports (`<quiz><question type="…">`) into a module: each
/// category becomes a quiz, description pages become a lesson before it.
///
/// Grading follows Moodle's question types, so an answer scores the same here as it did there;
/// where the format cannot say the same thing, the report says what changed.
public struct MoodleImporter {

    /// Moodle's grade options (question_bank::fraction_options_full), as fractions.
    static let allowedFractions: [Double] = {
        let magnitudes = [1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
                          0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05]
        return [0] + magnitudes + magnitudes.map { -$0 }
    }()

    private var options: ImportOptions
    private var ids: IdAllocator
    private var report = ImportReport()
    private var module: Module
    /// Categories in the order first seen, each with its lesson pages and questions.
    private var categories: [(title: String, pages: [Lesson.Page], questions: [Question])] = []
    private var path = ""

    public init(options: ImportOptions) {
        self.options = options
        ids = IdAllocator(reserved: [options.moduleID])
        module = Module(id: options.moduleID, location: SourceLocation(file: "import", line: 1))
        module.title = options.title
    }

    /// Converts every file; a file that is not Moodle XML stops the import with its error.
    public static func convert(_ inputs: [ImportInput], options: ImportOptions) throws(ImportError) -> ImportResult {
        var importer = MoodleImporter(options: options)
        for input in inputs { try importer.read(input) }
        return importer.finish()
    }

    mutating func read(_ input: ImportInput) throws(ImportError) {
        path = input.path
        let root = try ForeignXML.parse(input.bytes, path: input.path)
        guard root.name == "quiz" else {
            throw ImportError(
                path: path, line: root.line, column: 1, message: "the root element is <\(root.name)>, not Moodle's <quiz>",
                help: QTIImporter.isQTIRoot(root.name)
                    ? "this looks like a QTI file; import it with beacon import qti"
                    : "export the questions from Moodle's question bank in \"Moodle XML format\""
            )
        }
        if categories.isEmpty { categories.append((title: options.title, pages: [], questions: [])) }
        for element in root.elements {
            guard element.name == "question" else {
                note(element, "", "ignored an unexpected <\(element.name)> element")
                continue
            }
            let type = element.attributes["type"]?.trimmingWhitespace() ?? ""
            if type != "category" { embedded(element) }
            switch type {
            case "category": category(element)
            case "description": description(element)
            case "multichoice": add(multichoice(element), element, type)
            case "truefalse": add(trueFalse(element), element, type)
            case "shortanswer": add(shortAnswer(element), element, type)
            case "matching", "match": add(matching(element), element, type)
            case "essay":
                skip(element, type, "essay answers need a trainer to mark them, and Beacon quizzes are marked automatically; write it as a role-play reply with rubric criteria if it should be practised")
            case "cloze", "multianswer":
                skip(element, type, "embedded-answer (cloze) questions have no Beacon equivalent; split it into separate short-answer or choice questions")
            case "numerical":
                skip(element, type, "numerical answers with tolerances have no Beacon equivalent; a short-answer question can accept the exact number")
            case "calculated", "calculatedsimple", "calculatedmulti":
                skip(element, type, "calculated questions with random values have no Beacon equivalent")
            default:
                skip(element, type.isEmpty ? "(none)" : type, "the question type '\(type)' is not supported (supported: multichoice, truefalse, shortanswer, matching, description)")
            }
        }
    }

    func finish() -> ImportResult {
        var module = module
        var ids = ids
        for category in categories where !category.pages.isEmpty || !category.questions.isEmpty {
            if !category.pages.isEmpty {
                var lesson = Lesson(id: ids.make(options.moduleID + " " + category.title + " reading", fallback: "reading"), location: module.location)
                lesson.title = category.title
                lesson.pages = category.pages
                module.items.append(.lesson(lesson))
            }
            if !category.questions.isEmpty {
                var quiz = Quiz(id: ids.make(options.moduleID + " " + category.title + " quiz", fallback: "quiz"), location: module.location)
                quiz.title = category.title
                quiz.passMark = options.passMark
                quiz.sections = category.questions.map { .question($0) }
                module.items.append(.quiz(quiz))
            }
        }
        module.minutes = min(10_000, max(1, report.questions * 2 + report.lessons * 3))
        return ImportResult(module: module, report: report)
    }

    // MARK: - Categories and descriptions

    private mutating func category(_ element: MarkupElement) {
        // `<category><text>$course$/Top/Sub</text></category>`, or the old form without <text>.
        let raw = element.element("category").map { $0.value("text") ?? $0.text.trimmingWhitespace() } ?? ""
        var parts = raw.split(separator: "/").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        if let first = parts.first, first.hasPrefix("$"), first.hasSuffix("$") { parts.removeFirst() }
        if parts.first == "top" || parts.first == "Top" { parts.removeFirst() }
        let title = parts.isEmpty ? options.title : parts.joined(separator: " / ")
        if let index = categories.firstIndex(where: { $0.title == title }) {
            let existing = categories.remove(at: index)
            categories.append(existing)
        } else {
            categories.append((title: title, pages: [], questions: []))
        }
    }

    private mutating func description(_ element: MarkupElement) {
        var rich = RichText()
        let blocks = richBlocks(element.element("questiontext"), &rich)
        reportMedia(rich, element, name(element))
        guard !blocks.isEmpty else {
            skip(element, "description", "the description has no text")
            return
        }
        categories[categories.count - 1].pages.append(Lesson.Page(heading: name(element), blocks: blocks))
        report.lessons += 1
    }

    // MARK: - Question types

    private mutating func multichoice(_ element: MarkupElement) -> Result<Question.Kind, Reason> {
        let single = Self.bool(element.value("single"), default: true)
        let shuffle = Self.bool(element.value("shuffleanswers"), default: false)
        var answers: [AnswerOption] = []
        let written = element.elements("answer")
        // Refuse early: converting thousands of answers only to refuse them costs time.
        guard written.count <= 100 else { return .failure(Reason("it has \(written.count) answers; a choice question needs 2 to 26")) }
        for answer in written {
            var rich = RichText()
            let text = richPlain(answer, &rich)
            reportMedia(rich, element, name(element))
            guard !text.isEmpty else { continue }  // Moodle drops blank answers too.
            guard let fraction = fraction(answer) else {
                return .failure(Reason("answer '\(text)' has the grade \(answer.attributes["fraction"] ?? ""), which is not one of Moodle's grade options (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 or their negatives)"))
            }
            var option = AnswerOption(id: "", text: text, correct: false, location: location(answer))
            option.feedback = feedbackText(answer.element("feedback"), element)
            if single {
                if fraction >= 1 - 1e-6 { option.correct = true } else if fraction != 0 { option.credit = fraction }
            } else {
                option.credit = fraction
            }
            answers.append(option)
        }
        guard (2...26).contains(answers.count) else {
            return .failure(Reason("it has \(answers.count) non-blank answers; a choice question needs 2 to 26"))
        }
        answers = answers.enumerated().map { index, option in
            var option = option
            option.id = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index)))
            return option
        }
        if single {
            guard answers.contains(where: \.correct) else {
                return .failure(Reason("no answer is worth 100%, so nobody could get full marks"))
            }
            if answers.contains(where: { ($0.credit ?? 0) < 0 }) {
                pendingNotes.append("a wrong answer here takes marks away in Moodle; Beacon gives it 0 (a question never scores below nothing)")
            }
            return .success(.singleChoice(options: answers, shuffle: shuffle))
        }
        let positive = answers.compactMap(\.credit).filter { $0 > 0 }.reduce(0, +)
        guard positive >= 1 - 1e-4 else {
            return .failure(Reason("the right answers add up to \(Self.percent(positive)), so nobody could get full marks; make them add up to 100% in Moodle"))
        }
        if positive > 1 + 1e-4 {
            pendingNotes.append("the right answers add up to \(Self.percent(positive)); as in Moodle, marks stop at 100%")
        }
        return .success(.multipleResponse(options: answers, shuffle: shuffle, scoring: .partial))
    }

    private mutating func trueFalse(_ element: MarkupElement) -> Result<Question.Kind, Reason> {
        var truth: Bool?
        var feedbackTrue: [Inline] = [], feedbackFalse: [Inline] = []
        let answers = element.elements("answer")
        guard answers.count == 2 else { return .failure(Reason("a true/false question needs exactly two answers, found \(answers.count)")) }
        for (index, answer) in answers.enumerated() {
            let word = answer.value("text")?.lowercased() ?? ""
            // Old exports use translated words; Moodle then takes the first answer as "true".
            let isTrue = word == "true" ? true : word == "false" ? false : index == 0
            if word != "true" && word != "false" {
                pendingNotes.append("answer '\(word)' read as \(isTrue ? "true" : "false") by its position, as Moodle does")
            }
            guard let fraction = fraction(answer) else { return .failure(Reason("an answer has a grade that is not one of Moodle's grade options")) }
            if fraction >= 1 - 1e-6 { truth = isTrue }
            let feedback = feedbackText(answer.element("feedback"), element) ?? ""
            if isTrue { feedbackTrue = feedback.isEmpty ? [] : [.text(feedback)] } else { feedbackFalse = feedback.isEmpty ? [] : [.text(feedback)] }
        }
        guard let truth else { return .failure(Reason("neither answer is worth 100%")) }
        return .success(.trueFalse(answer: truth, feedbackTrue: feedbackTrue, feedbackFalse: feedbackFalse))
    }

    private mutating func shortAnswer(_ element: MarkupElement) -> Result<Question.Kind, Reason> {
        var answer = ShortAnswer()
        answer.caseSensitive = Self.bool(element.value("usecase"), default: false)
        answer.whitespace = .normalize
        let written = element.elements("answer")
        guard written.count <= 100 else { return .failure(Reason("it has \(written.count) answers; keep a short-answer question to the answers worth accepting")) }
        for item in written {
            let text = item.value("text") ?? ""
            guard !text.isEmpty else { continue }
            guard let fraction = fraction(item) else {
                return .failure(Reason("answer '\(text)' has a grade that is not one of Moodle's grade options"))
            }
            if fraction < 0 { pendingNotes.append("answer '\(text)' takes marks away in Moodle; Beacon gives it 0") }
            let (pattern, match) = Self.wildcard(text)
            answer.accepts.append(
                ShortAnswer.Accept(text: pattern, match: match, credit: max(0, fraction), feedback: feedbackText(item.element("feedback"), element), location: location(item))
            )
        }
        guard answer.accepts.contains(where: { $0.credit >= 1 - 1e-6 }) else {
            return .failure(Reason("no answer is worth 100%, so nobody could get full marks"))
        }
        return .success(.shortAnswer(answer))
    }

    private mutating func matching(_ element: MarkupElement) -> Result<Question.Kind, Reason> {
        var pairs: [MatchPair] = []
        var distractors: [String] = []
        let subquestions = element.elements("subquestion")
        guard subquestions.count <= 100 else { return .failure(Reason("it has \(subquestions.count) items to match; Beacon needs 2 to 26")) }
        for sub in subquestions {
            var rich = RichText()
            let stem = richPlain(sub, &rich)
            reportMedia(rich, element, name(element))
            let answer = sub.element("answer")?.value("text") ?? ""
            if stem.isEmpty {
                if !answer.isEmpty { distractors.append(answer) }
            } else if answer.isEmpty {
                return .failure(Reason("the item '\(stem)' has no answer"))
            } else {
                pairs.append(MatchPair(left: stem, right: answer))
            }
        }
        let rights = Set(pairs.map(\.right))
        var seen = Set<String>()
        distractors = distractors.filter { !rights.contains($0) && seen.insert($0).inserted }
        guard (2...26).contains(pairs.count) else { return .failure(Reason("it has \(pairs.count) items to match; Beacon needs 2 to 26")) }
        if distractors.count > 10 {
            pendingNotes.append("kept the first 10 of \(distractors.count) extra answers")
            distractors = Array(distractors.prefix(10))
        }
        return .success(.matching(pairs: pairs, distractors: distractors, scoring: .partial))
    }

    // MARK: - Shared parts

    struct Reason: Error { var text: String; init(_ text: String) { self.text = text } }

    /// Notes gathered while converting the current question, attached once it has an id.
    private var pendingNotes: [String] = []

    private mutating func add(_ converted: Result<Question.Kind, Reason>, _ element: MarkupElement, _ type: String) {
        defer { pendingNotes = [] }
        let kind: Question.Kind
        switch converted {
        case .failure(let reason):
            skip(element, type, reason.text)
            return
        case .success(let value): kind = value
        }
        let title = name(element)
        let idnumber = element.value("idnumber").flatMap { $0.isEmpty ? nil : $0 }
        var question = Question(id: ids.make(idnumber ?? title, fallback: "question"), kind: kind, location: location(element))
        var rich = RichText()
        question.prompt = richInline(element.element("questiontext"), &rich)
        if question.prompt.isEmpty { question.prompt = [.text(title)] }
        reportMedia(rich, element, question.id)
        if let grade = element.value("defaultgrade").flatMap(Double.init), grade != 1 {
            if grade > 0, grade <= 100 {
                question.weight = grade
            } else {
                pendingNotes.append("its mark \(grade) is outside 0–100 (exclusive of 0); it counts with weight 1")
            }
        }
        var general = RichText()
        let rationale = richInline(element.element("generalfeedback"), &general)
        reportMedia(general, element, question.id)
        if !rationale.isEmpty { question.rationale = rationale }
        question.outcomeFeedback = OutcomeFeedback(
            correct: outcome(element, "correctfeedback"),
            partial: outcome(element, "partiallycorrectfeedback"),
            incorrect: outcome(element, "incorrectfeedback")
        )
        let hints = element.elements("hint").count
        if hints > 0 {
            pendingNotes.append("\(hints) hint\(hints == 1 ? "" : "s") for Moodle's multiple-tries mode not carried over: Beacon gives one try per question and shows the rationale after it")
        }
        if question.rationale == nil {
            pendingNotes.append("no general feedback to use as the rationale; add a <rationale> saying why the answer is right")
        }
        for message in pendingNotes { note(element, question.id, message) }
        categories[categories.count - 1].questions.append(question)
        report.questions += 1
    }

    private mutating func outcome(_ question: MarkupElement, _ name: String) -> [Inline]? {
        guard let element = question.element(name) else { return nil }
        var rich = RichText()
        let text = richInline(element, &rich)
        reportMedia(rich, question, self.name(question))
        return text.isEmpty ? nil : text
    }

    /// The answer's grade as a fraction, if it is one Moodle allows (within 1e-5, as Moodle checks).
    private func fraction(_ answer: MarkupElement) -> Double? {
        let raw = answer.attributes["fraction"] ?? answer.value("fraction") ?? "0"
        guard let percent = Double(raw.trimmingWhitespace()) else { return nil }
        let value = percent / 100
        guard let match = Self.allowedFractions.first(where: { abs($0 - value) < 1e-5 }) else { return nil }
        // Store the exact fraction Moodle means (83.33333 is 5/6).
        return Self.exact(match)
    }

    static func exact(_ fraction: Double) -> Double {
        for denominator in 1...20 {
            let numerator = (fraction * Double(denominator)).rounded()
            if abs(numerator / Double(denominator) - fraction) < 1e-6 { return numerator / Double(denominator) }
        }
        return fraction
    }

    /// Moodle's `trans_single`: "false" and PHP-falsy strings are false, anything else true.
    static func bool(_ value: String?, default fallback: Bool) -> Bool {
        guard let value else { return fallback }
        let trimmed = value.trimmingWhitespace().lowercased()
        return !(trimmed == "false" || trimmed.isEmpty || trimmed == "0")
    }

    /// Moodle's short-answer wildcard: `*` is any run of characters and `\*` a real asterisk.
    static func wildcard(_ text: String) -> (String, ShortAnswer.Accept.Match) {
        guard text.contains("*") else { return (text, .exact) }
        guard text.contains("\\*") else { return (text, .wildcard) }
        var pattern = ""
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if character == "\\", characters.first == "*" {
                characters.removeFirst()
                pattern += "\\*"
            } else if character == "*" {
                pattern += ".*"
            } else {
                pattern += escapeForRegex(String(character))
            }
        }
        return (pattern, .regex)
    }

    static func percent(_ fraction: Double) -> String {
        let value = (fraction * 10000).rounded() / 100
        return (value == value.rounded() ? String(Int(value)) : String(value)) + "%"
    }

    private func name(_ element: MarkupElement) -> String {
        element.element("name")?.value("text") ?? element.value("name") ?? "untitled"
    }

    private func location(_ element: MarkupElement) -> SourceLocation {
        SourceLocation(file: path, line: element.line)
    }

    private func source(_ element: MarkupElement) -> ImportReport.Source {
        ImportReport.Source(path: path, line: element.line)
    }

    private mutating func skip(_ element: MarkupElement, _ type: String, _ reason: String) {
        report.skipped.append(ImportReport.Skipped(source: source(element), name: name(element), type: type, reason: reason))
    }

    private mutating func note(_ element: MarkupElement, _ id: String, _ message: String) {
        report.notes.append(ImportReport.Note(source: source(element), id: id, message: message))
    }

    /// Text of a rich field (`<questiontext format="html"><text>…</text><file/>*</…>`).
    private func fieldText(_ field: MarkupElement?) -> (String, String)? {
        guard let field else { return nil }
        let format = field.attributes["format"] ?? "html"
        let text = field.element("text")?.text ?? ""
        return (text, format)
    }

    private func nodes(_ field: MarkupElement?) -> [MarkupNode] {
        guard let (text, format) = fieldText(field), !text.trimmingWhitespace().isEmpty else { return [] }
        switch format {
        case "plain_text", "markdown":
            // Paragraphs are separated by blank lines; the text is not markup.
            return text.components(separatedBy: "\n\n").map { .element(MarkupElement(name: "p", attributes: [:], children: [.text($0)], line: 0)) }
        case "moodle_auto_format":
            return ForeignXML.html(text.replacingOccurrences(of: "\n", with: "<br>"))
        default:
            return ForeignXML.html(text)
        }
    }

    /// `<file>` attachments of any rich field, and the legacy `<image>` of 1.9 exports.
    private mutating func embedded(_ question: MarkupElement) {
        for file in question.descendants("file") {
            let name = file.attributes["name"] ?? "unnamed"
            report.files.append(ImportReport.Note(source: source(file), id: self.name(question), message: "embedded file '\(name)' was not imported"))
        }
        if let image = question.value("image"), !image.isEmpty {
            report.files.append(ImportReport.Note(source: source(question), id: self.name(question), message: "legacy image '\(image)' was not imported"))
        }
    }

    private mutating func richBlocks(_ field: MarkupElement?, _ rich: inout RichText) -> [Block] {
        rich.blocks(nodes(field))
    }

    private mutating func richInline(_ field: MarkupElement?, _ rich: inout RichText) -> [Inline] {
        rich.inline(text: nodes(field))
    }

    private mutating func richPlain(_ field: MarkupElement?, _ rich: inout RichText) -> String {
        rich.plain(nodes(field))
    }

    private mutating func feedbackText(_ field: MarkupElement?, _ question: MarkupElement) -> String? {
        var rich = RichText()
        let text = richPlain(field, &rich)
        reportMedia(rich, question, name(question))
        return text.isEmpty ? nil : text
    }

    private mutating func reportMedia(_ rich: RichText, _ question: MarkupElement, _ id: String) {
        for file in rich.files {
            report.files.append(ImportReport.Note(source: source(question), id: id, message: "'\(file)' is shown as a placeholder; the file itself was not imported"))
        }
        for element in rich.removed.sorted() {
            note(question, id, "removed <\(element)> from the text: active or embedded content cannot be shown in a terminal")
        }
    }
}
