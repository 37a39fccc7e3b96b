import BeaconCore
import Foundation

/// Converts QTI 2.1/2.2 `assessmentItem` and QTI 3.0 `qti-assessment-item` files into one quiz.
///
/// Supported: choice (single and multiple), text entry and match interactions scored by the
/// standard `match_correct` and `map_response` templates. QTI scores are not fractions: each
/// item's SCORE is divided by its best achievable score, and that maximum becomes the question's
/// weight so the quiz keeps the items' relative worth.
public struct QTIImporter {

    private var options: ImportOptions
    private var ids: IdAllocator
    private var report = ImportReport()
    private var questions: [Question] = []
    private var path = ""
    private var pendingNotes: [String] = []

    public static func convert(_ inputs: [ImportInput], options: ImportOptions) throws(ImportError) -> ImportResult {
        var importer = QTIImporter(options: options)
        for input in inputs { try importer.read(input) }
        return importer.finish()
    }

    init(options: ImportOptions) {
        self.options = options
        ids = IdAllocator(reserved: [options.moduleID])
    }

    /// QTI 3 spells QTI 2's names in kebab case with a `qti-` prefix; reading both through
    /// QTI 2's names lets one converter serve both versions.
    static func qti2Name(_ name: String) -> String { QTIImporterNames.camel(name) }
}

/// QTI 3's kebab-case names read as QTI 2's camel case.
public enum QTIImporterNames {
    public static func camel(_ name: String) -> String {
        let isQTI = name.hasPrefix("qti-")
        guard isQTI || (name.contains("-") && !name.hasPrefix("data-") && !name.hasPrefix("aria-")) else { return name }
        let parts = (isQTI ? String(name.dropFirst(4)) : name).split(separator: "-")
        guard let first = parts.first else { return name }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

extension QTIImporter {
    /// Whether a root element (as another importer read it, QTI 3 names unchanged) is QTI's.
    static func isQTIRoot(_ name: String) -> Bool {
        ["assessmentItem", "assessmentTest", "qti-assessment-item", "qti-assessment-test"].contains(name)
    }

    mutating func read(_ input: ImportInput) throws(ImportError) {
        path = input.path
        let root = try ForeignXML.parse(input.bytes, path: input.path, rename: Self.qti2Name)
        switch root.name {
        case "assessmentItem":
            item(root)
        case "assessmentTest", "manifest":
            report.notes.append(ImportReport.Note(source: source(root), id: "", message: "a QTI \(root.name == "manifest" ? "package manifest" : "test") is not imported itself; import its item files"))
        default:
            throw ImportError(
                path: path, line: root.line, column: 1,
                message: "the root element is <\(root.name)>, not a QTI assessmentItem",
                help: root.name == "quiz"
                    ? "this looks like a Moodle XML export; import it with beacon import moodle"
                    : "give QTI 2.1, 2.2 or 3.0 item files (or a folder of them); QTI 1.2 (questestinterop) is not supported"
            )
        }
    }

    func finish() -> ImportResult {
        var module = Module(id: options.moduleID, location: SourceLocation(file: "import", line: 1))
        module.title = options.title
        var ids = ids
        if !questions.isEmpty {
            var quiz = Quiz(id: ids.make(options.moduleID + " " + options.title + " quiz", fallback: "quiz"), location: module.location)
            quiz.title = options.title
            quiz.passMark = options.passMark
            quiz.sections = questions.map { .question($0) }
            module.items.append(.quiz(quiz))
        }
        module.minutes = min(10_000, max(1, questions.count * 2))
        return ImportResult(module: module, report: report)
    }

    // MARK: - Items

    struct Reason: Error { var text: String; init(_ text: String) { self.text = text } }

    struct Declaration {
        var cardinality: String
        var baseType: String
        var correct: [String]
        var mapping: Mapping?
    }

    struct Mapping {
        var entries: [(key: String, value: Double, caseSensitive: Bool)]
        var defaultValue: Double
        var lower: Double?
        var upper: Double?

        func value(_ key: String) -> Double {
            entries.first { $0.caseSensitive ? $0.key == key : $0.key.lowercased() == key.lowercased() }?.value ?? defaultValue
        }

        func clamp(_ score: Double) -> Double {
            var score = score
            if let lower { score = max(lower, score) }
            if let upper { score = min(upper, score) }
            return score
        }
    }

    private mutating func item(_ root: MarkupElement) {
        defer { pendingNotes = [] }
        let title = root.attributes["title"] ?? root.attributes["identifier"] ?? "untitled"
        let interactions = Self.interactionNames.flatMap { root.element("itemBody")?.descendants($0) ?? [] }
        guard interactions.count == 1, let interaction = interactions.first else {
            let unsupported = Self.otherInteractions.flatMap { root.element("itemBody")?.descendants($0) ?? [] }.map(\.name)
            let reason = interactions.isEmpty
                ? (unsupported.isEmpty ? "it has no interaction" : "\(Set(unsupported).sorted().joined(separator: ", ")) is not supported (supported: choice, text entry and match interactions)")
                : "it has \(interactions.count) interactions; Beacon questions ask one thing each"
            skip(root, title, reason)
            return
        }
        let responseID = interaction.attributes["responseIdentifier"] ?? "RESPONSE"
        guard let declaration = declaration(root, responseID) else {
            skip(root, title, "no responseDeclaration for '\(responseID)'")
            return
        }
        let template = scoringTemplate(root)
        var rich = RichText()
        rich.special = { element in
            if element.name == "textEntryInteraction" { return [.text(" _____ ")] }
            if Self.interactionNames.contains(element.name) || element.name == "feedbackInline" || element.name == "feedbackBlock"
                || element.name == "rubricBlock" || element.name == "templateBlock" || element.name == "templateInline"
            {
                return []
            }
            return nil
        }
        var prompt = rich.inline(text: root.element("itemBody")?.children ?? [])
        var interactionPrompt = RichText()
        let ask = interactionPrompt.inline(text: interaction.element("prompt")?.children ?? [])
        if !ask.isEmpty { prompt = RichText.trim(prompt + (prompt.isEmpty ? [] : [.text(" ")]) + ask) }
        reportMedia(rich, root, title)
        reportMedia(interactionPrompt, root, title)

        let converted: Result<(Question.Kind, Double), Reason>
        switch interaction.name {
        case "choiceInteraction": converted = choice(interaction, declaration, template)
        case "textEntryInteraction": converted = textEntry(declaration, template)
        default: converted = match(interaction, declaration, template)
        }
        guard case .success(let (kind, maxScore)) = converted else {
            if case .failure(let reason) = converted { skip(root, title, reason.text) }
            return
        }
        var question = Question(id: ids.make(root.attributes["identifier"] ?? title, fallback: "item"), kind: kind, location: SourceLocation(file: path, line: root.line))
        question.prompt = prompt.isEmpty ? [.text(title)] : prompt
        let declaredMax = root.elements("outcomeDeclaration").first { $0.attributes["identifier"] == "MAXSCORE" }
            .flatMap { $0.element("defaultValue")?.element("value")?.text.trimmingWhitespace() }.flatMap(Double.init)
        let weight = declaredMax ?? maxScore
        if weight > 0, weight <= 100, weight != 1 { question.weight = weight }
        if let declaredMax, abs(declaredMax - maxScore) > 1e-9 {
            pendingNotes.append("MAXSCORE is \(declaredMax) but the best answer scores \(maxScore); the credit is the share of the best answer's score")
        }
        feedback(root, &question)
        if question.rationale == nil {
            pendingNotes.append("no feedback to use as the rationale; add a <rationale> saying why the answer is right")
        }
        for message in pendingNotes { note(root, question.id, message) }
        questions.append(question)
        report.questions += 1
    }

    static let interactionNames = ["choiceInteraction", "textEntryInteraction", "matchInteraction"]
    static let otherInteractions = [
        "extendedTextInteraction", "inlineChoiceInteraction", "orderInteraction", "associateInteraction", "gapMatchInteraction",
        "hottextInteraction", "sliderInteraction", "hotspotInteraction", "graphicOrderInteraction", "graphicAssociateInteraction",
        "graphicGapMatchInteraction", "positionObjectInteraction", "selectPointInteraction", "uploadInteraction", "drawingInteraction",
        "mediaInteraction", "customInteraction", "portableCustomInteraction", "endAttemptInteraction",
    ]

    enum Template { case matchCorrect, mapResponse }

    private mutating func scoringTemplate(_ root: MarkupElement) -> Template {
        guard let processing = root.element("responseProcessing") else {
            pendingNotes.append("no responseProcessing: scored as right when the response equals the correct response")
            return .matchCorrect
        }
        if let url = processing.attributes["template"] ?? processing.attributes["templateLocation"] {
            // Real files name templates by several URL forms; the last path part decides.
            var name = url.split(separator: "/").last.map(String.init) ?? url
            if name.hasSuffix(".xml") { name.removeLast(4) }
            switch name {
            case "match_correct": return .matchCorrect
            case "map_response": return .mapResponse
            default:
                pendingNotes.append("the response template '\(name)' is not supported; scored as right when the response equals the correct response")
                return .matchCorrect
            }
        }
        let usesMapping = !processing.descendants("mapResponse").isEmpty
        pendingNotes.append("custom response processing is not run; scored as \(usesMapping ? "the mapping gives (map_response)" : "right when the response equals the correct response (match_correct)")")
        return usesMapping ? .mapResponse : .matchCorrect
    }

    private func declaration(_ root: MarkupElement, _ id: String) -> Declaration? {
        guard let element = root.elements("responseDeclaration").first(where: { $0.attributes["identifier"] == id }) else { return nil }
        let correct = element.element("correctResponse")?.elements("value").map { $0.text.trimmingWhitespace() } ?? []
        var mapping: Mapping?
        if let map = element.element("mapping") {
            mapping = Mapping(
                entries: map.elements("mapEntry").map { entry in
                    (
                        key: (entry.attributes["mapKey"] ?? "").trimmingWhitespace(),
                        value: Double(entry.attributes["mappedValue"] ?? "") ?? 0,
                        caseSensitive: (entry.attributes["caseSensitive"] ?? "true") != "false"
                    )
                },
                defaultValue: Double(map.attributes["defaultValue"] ?? "") ?? 0,
                lower: map.attributes["lowerBound"].flatMap(Double.init),
                upper: map.attributes["upperBound"].flatMap(Double.init)
            )
        }
        return Declaration(
            cardinality: element.attributes["cardinality"] ?? "single", baseType: element.attributes["baseType"] ?? "identifier",
            correct: correct, mapping: mapping
        )
    }

    // MARK: - Interactions

    private mutating func choice(_ interaction: MarkupElement, _ declaration: Declaration, _ template: Template) -> Result<(Question.Kind, Double), Reason> {
        let choices = interaction.descendants("simpleChoice")
        guard (2...26).contains(choices.count) else { return .failure(Reason("it has \(choices.count) choices; Beacon needs 2 to 26")) }
        var optionIDs = IdAllocator()
        var options: [AnswerOption] = []
        for choice in choices {
            var rich = RichText()
            rich.special = { $0.name == "feedbackInline" ? [] : nil }
            let text = rich.plain(choice.children)
            let identifier = choice.attributes["identifier"] ?? ""
            var option = AnswerOption(id: optionIDs.make(identifier, fallback: "choice"), text: text.isEmpty ? identifier : text, correct: false, location: SourceLocation(file: path, line: choice.line))
            if let inline = choice.descendants("feedbackInline").first {
                var feedback = RichText()
                let message = feedback.plain(inline.children)
                if !message.isEmpty { option.feedback = message }
            }
            options.append(option)
        }
        let keys = choices.map { $0.attributes["identifier"] ?? "" }
        let maxChoices = Int(interaction.attributes["maxChoices"] ?? "1") ?? 1
        let single = maxChoices == 1 && declaration.cardinality == "single"
        let shuffle = interaction.attributes["shuffle"] == "true"
        switch template {
        case .matchCorrect:
            guard !declaration.correct.isEmpty else { return .failure(Reason("no correctResponse to score against")) }
            for (index, key) in keys.enumerated() where declaration.correct.contains(key) { options[index].correct = true }
            guard options.contains(where: \.correct) else { return .failure(Reason("the correctResponse names no choice of the interaction")) }
            if single {
                guard declaration.correct.count == 1 else { return .failure(Reason("a single-choice item lists \(declaration.correct.count) correct responses")) }
                return .success((.singleChoice(options: options, shuffle: shuffle), 1))
            }
            return .success((.multipleResponse(options: options, shuffle: shuffle, scoring: .allOrNothing), 1))
        case .mapResponse:
            guard let mapping = declaration.mapping else { return .failure(Reason("map_response scoring without a <mapping>")) }
            let values = keys.map { mapping.value($0) }
            let best: Double
            if single {
                best = mapping.clamp(values.max() ?? 0)
            } else {
                // The best achievable score is the correct response's, within the bounds.
                let ideal = declaration.correct.isEmpty
                    ? values.filter { $0 > 0 }.reduce(0, +)
                    : Set(declaration.correct).map { mapping.value($0) }.reduce(0, +)
                best = mapping.clamp(ideal)
            }
            guard best > 0 else { return .failure(Reason("no response earns a positive score under the mapping")) }
            for index in options.indices {
                let credit = values[index] / best
                if credit < -1 || credit > 1 {
                    pendingNotes.append("choice '\(keys[index])' is worth \(values[index]) of \(best); kept within −100%…100% of the item")
                }
                let bounded = min(1, max(-1, credit))
                if abs(bounded - 1) < 1e-12 { options[index].correct = true }
                options[index].credit = single && abs(bounded - 1) < 1e-12 ? nil : bounded
            }
            if single {
                return .success((.singleChoice(options: options, shuffle: shuffle), best))
            }
            if mapping.lower == nil, values.contains(where: { $0 < 0 }) {
                pendingNotes.append("QTI lets this item score below 0; Beacon stops at 0")
            }
            if let upper = mapping.upper, upper < best - 1e-12 {
                pendingNotes.append("the upper bound \(upper) is below the best answer's score")
            }
            return .success((.multipleResponse(options: options, shuffle: shuffle, scoring: .partial), best))
        }
    }

    private mutating func textEntry(_ declaration: Declaration, _ template: Template) -> Result<(Question.Kind, Double), Reason> {
        guard ["string", "integer", "float"].contains(declaration.baseType) else {
            return .failure(Reason("text entry of base type '\(declaration.baseType)' is not supported"))
        }
        var answer = ShortAnswer()
        // QTI compares strings exactly; Beacon still trims the ends of what was typed.
        answer.caseSensitive = true
        answer.whitespace = .normalize
        let here = SourceLocation(file: path, line: 1)
        switch template {
        case .matchCorrect:
            guard !declaration.correct.isEmpty else { return .failure(Reason("no correctResponse to score against")) }
            answer.accepts = declaration.correct.map { ShortAnswer.Accept(text: $0, match: .exact, credit: 1, feedback: nil, location: here) }
            return .success((.shortAnswer(answer), 1))
        case .mapResponse:
            guard let mapping = declaration.mapping else { return .failure(Reason("map_response scoring without a <mapping>")) }
            let best = mapping.clamp(mapping.entries.map(\.value).max() ?? 0)
            guard best > 0 else { return .failure(Reason("no response earns a positive score under the mapping")) }
            // Exact keys first, then case-insensitive ones, as the mapping's lookup would find them.
            for entry in mapping.entries.sorted(by: { $0.caseSensitive && !$1.caseSensitive }) {
                let credit = mapping.clamp(entry.value) / best
                guard credit > 0 else { continue }
                answer.accepts.append(
                    entry.caseSensitive
                        ? ShortAnswer.Accept(text: entry.key, match: .exact, credit: min(1, credit), feedback: nil, location: here)
                        : ShortAnswer.Accept(text: "(?i)" + escapeForRegex(entry.key), match: .regex, credit: min(1, credit), feedback: nil, location: here)
                )
            }
            let fallback = mapping.clamp(mapping.defaultValue) / best
            if fallback > 0 {
                answer.accepts.append(ShortAnswer.Accept(text: "*", match: .wildcard, credit: min(1, fallback), feedback: nil, location: here))
            }
            return .success((.shortAnswer(answer), best))
        }
    }

    private mutating func match(_ interaction: MarkupElement, _ declaration: Declaration, _ template: Template) -> Result<(Question.Kind, Double), Reason> {
        let sets = interaction.elements("simpleMatchSet")
        guard sets.count == 2 else { return .failure(Reason("a match interaction needs two simpleMatchSets")) }
        func texts(_ set: MarkupElement) -> [(id: String, text: String)] {
            set.elements("simpleAssociableChoice").map { choice in
                var rich = RichText()
                let text = rich.plain(choice.children)
                let id = choice.attributes["identifier"] ?? ""
                return (id, text.isEmpty ? id : text)
            }
        }
        let sources = texts(sets[0]), targets = texts(sets[1])
        var pairs: [MatchPair] = []
        var used = Set<String>()
        let correct = declaration.correct.map { $0.split(separator: " ").map(String.init) }.filter { $0.count == 2 }
        for source in sources {
            let matches = correct.filter { $0[0] == source.id }
            guard matches.count == 1, let target = targets.first(where: { $0.id == matches[0][1] }) else {
                return .failure(Reason("'\(source.text)' has \(matches.count) correct partners; Beacon matches each item to exactly one answer"))
            }
            used.insert(target.id)
            var weight = 1.0
            if template == .mapResponse, let mapping = declaration.mapping {
                weight = mapping.value("\(source.id) \(target.id)")
                guard weight > 0 else { return .failure(Reason("the correct pair '\(source.id) \(target.id)' is worth \(weight) in the mapping")) }
            }
            pairs.append(MatchPair(left: source.text, right: target.text, weight: weight))
        }
        guard (2...26).contains(pairs.count) else { return .failure(Reason("it has \(pairs.count) items to match; Beacon needs 2 to 26")) }
        let distractors = targets.filter { !used.contains($0.id) }.map(\.text)
        switch template {
        case .matchCorrect:
            return .success((.matching(pairs: pairs, distractors: distractors, scoring: .allOrNothing), 1))
        case .mapResponse:
            let mapping = declaration.mapping!
            let total = pairs.map(\.weight).reduce(0, +)
            if mapping.defaultValue != 0 || mapping.entries.contains(where: { entry in !correct.contains { $0.joined(separator: " ") == entry.key } && entry.value != 0 }) {
                pendingNotes.append("wrong pairs score 0 in Beacon; the mapping gave some of them other values")
            }
            if let upper = mapping.upper, upper < total { pendingNotes.append("the upper bound \(upper) is below the sum of the right pairs (\(total))") }
            return .success((.matching(pairs: pairs, distractors: distractors, scoring: .partial), mapping.clamp(total)))
        }
    }

    // MARK: - Feedback

    /// Modal feedback named `correct`/`incorrect`/`partial…` becomes outcome feedback; feedback named
    /// after a choice becomes that option's feedback. Anything else is reported.
    private mutating func feedback(_ root: MarkupElement, _ question: inout Question) {
        var outcome = OutcomeFeedback()
        for modal in root.elements("modalFeedback") where (modal.attributes["showHide"] ?? "show") == "show" {
            var rich = RichText()
            let text = rich.inline(text: (modal.element("contentBody") ?? modal).children)
            reportMedia(rich, root, question.id)
            guard !text.isEmpty else { continue }
            let identifier = modal.attributes["identifier"] ?? ""
            switch identifier.lowercased() {
            case "correct": outcome.correct = text
            case "incorrect", "wrong": outcome.incorrect = text
            case let name where name.hasPrefix("partial"): outcome.partial = text
            default:
                if case .singleChoice(var options, let shuffle) = question.kind, let index = optionIndex(identifier, options) {
                    options[index].feedback = text.plainText
                    question.kind = .singleChoice(options: options, shuffle: shuffle)
                } else if case .multipleResponse(var options, let shuffle, let scoring) = question.kind, let index = optionIndex(identifier, options) {
                    options[index].feedback = text.plainText
                    question.kind = .multipleResponse(options: options, shuffle: shuffle, scoring: scoring)
                } else {
                    pendingNotes.append("modal feedback '\(identifier)' depends on custom outcomes and was not imported")
                }
            }
        }
        question.outcomeFeedback = outcome
    }

    private func optionIndex(_ identifier: String, _ options: [AnswerOption]) -> Int? {
        let slug = IdAllocator.slug(identifier, fallback: "choice")
        return options.firstIndex { $0.id == slug }
    }

    // MARK: - Report

    private func source(_ element: MarkupElement) -> ImportReport.Source {
        ImportReport.Source(path: path, line: element.line)
    }

    private mutating func skip(_ element: MarkupElement, _ name: String, _ reason: String) {
        let type = Self.interactionNames.first { !element.descendants($0).isEmpty } ?? "assessmentItem"
        report.skipped.append(ImportReport.Skipped(source: source(element), name: name, type: type, reason: reason))
    }

    private mutating func note(_ element: MarkupElement, _ id: String, _ message: String) {
        report.notes.append(ImportReport.Note(source: source(element), id: id, message: message))
    }

    private mutating func reportMedia(_ rich: RichText, _ root: MarkupElement, _ id: String) {
        for file in rich.files {
            report.files.append(ImportReport.Note(source: source(root), id: id, message: "'\(file)' is shown as a placeholder; the file itself was not imported"))
        }
        for element in rich.removed.sorted() {
            note(root, id, "removed <\(element)> from the text: active or embedded content cannot be shown in a terminal")
        }
    }
}
