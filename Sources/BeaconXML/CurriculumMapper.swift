import BeaconCore
import CLibXML2

/// Copies a schema-valid document into BeaconCore values. The schema has already checked the
/// structure, so missing pieces fall back to harmless defaults instead of failing twice.
struct CurriculumMapper {
    let document: CurriculumDocument
    /// Problems found while mapping that the schema cannot express.
    let problems = ProblemList()

    func location(_ node: XMLNode, _ attribute: String? = nil) -> SourceLocation {
        document.location(of: node, attribute: attribute)
    }

    func reference(_ node: XMLNode, _ attribute: StaticString) -> Reference? {
        node.attribute(attribute).map { Reference($0, at: location(node, attribute.description)) }
    }

    func references(_ node: XMLNode, _ attribute: StaticString) -> [Reference] {
        guard let list = node.attribute(attribute) else { return [] }
        let at = location(node, attribute.description)
        return list.split(whereSeparator: \.isWhitespace).map { Reference(String($0), at: at) }
    }

    // MARK: Course

    /// Maps the course; each xi:include is replaced by the module mapped from its file.
    func course(_ node: XMLNode, includedModules: [xmlNodePtr: Module] = [:]) -> Course {
        var course = Course(id: node.attribute("id") ?? "", version: node.attribute("version") ?? "", location: location(node))
        course.language = xmlLang(node) ?? "en"
        for child in node.elements {
            switch child.name {
            case "title": course.title = child.text.collapsingWhitespace().trimmingWhitespace()
            case "description": course.description = blocks(child)
            case "competency": course.competencies.append(competency(child))
            case "module": course.modules.append(module(child))
            case "include": if let module = includedModules[child.pointer] { course.modules.append(module) }
            case "document": course.documents.append(document(child))
            case "rubric": course.rubrics.append(rubric(child))
            case "certification": course.certifications.append(certification(child))
            default: break
            }
        }
        // A program may require any of the course's documents and rubrics; its own, of the same
        // id, come first.
        for index in course.certifications.indices {
            let ownRubrics = Set(course.certifications[index].rubrics.map(\.id))
            course.certifications[index].rubrics += course.rubrics.filter { !ownRubrics.contains($0.id) }
            let ownDocuments = Set(course.certifications[index].documents.map(\.id))
            course.certifications[index].documents += course.documents.filter { !ownDocuments.contains($0.id) }
        }
        return course
    }

    private func xmlLang(_ node: XMLNode) -> String? {
        node.namespacedAttribute("lang", namespace: "http://www.w3.org/XML/1998/namespace")
    }

    func competency(_ node: XMLNode) -> Competency {
        var competency = Competency(id: node.attribute("id") ?? "", location: location(node))
        competency.category = node.attribute("samhsa").flatMap(SamhsaCategory.init(rawValue:)) ?? .engagement
        competency.title = plain(node.element("title"))
        competency.description = node.element("description").map(inline) ?? []
        return competency
    }

    // MARK: Module and lesson

    func module(_ node: XMLNode) -> Module {
        var module = Module(id: node.attribute("id") ?? "", location: location(node))
        module.minutes = node.attribute("minutes").flatMap(Int.init) ?? 0
        module.prerequisites = references(node, "requires")
        for child in node.elements {
            switch child.name {
            case "title": module.title = plain(child)
            case "summary": module.summary = inline(child)
            case "teaches": if let reference = reference(child, "competency") { module.teaches.append(reference) }
            case "lesson": module.items.append(.lesson(lesson(child)))
            case "quiz": module.items.append(.quiz(quiz(child)))
            case "roleplay": module.items.append(.roleplay(roleplay(child)))
            default: break
            }
        }
        return module
    }

    func lesson(_ node: XMLNode) -> Lesson {
        var lesson = Lesson(id: node.attribute("id") ?? "", location: location(node))
        lesson.minutes = node.attribute("minutes").flatMap(Int.init)
        lesson.title = plain(node.element("title"))
        lesson.contentNote = node.element("contentNote").map(contentNote)
        lesson.pages = node.elements("page").map { page in
            Lesson.Page(
                heading: page.element("heading").map { plain($0) },
                blocks: blocks(page)
            )
        }
        return lesson
    }

    func contentNote(_ node: XMLNode) -> ContentNote {
        ContentNote(topics: references(node, "topics").map(\.id), text: inline(node))
    }

    // MARK: Certification

    func certification(_ node: XMLNode) -> CertificationProgram {
        var program = CertificationProgram(id: node.attribute("id") ?? "", location: location(node))
        program.title = plain(node.element("title"))
        program.description = node.element("description").map(inline) ?? []
        program.validity = node.attribute("validity").flatMap(ISODuration.init) ?? ISODuration()
        program.version = node.attribute("version")
        program.effective = node.attribute("effective").flatMap(DayDate.init)
        if let text = node.attribute("effective"), program.effective == nil {
            problems.error("B060", "effective=\"\(text)\" is not a day", help: "write the day the version takes effect as YYYY-MM-DD", at: location(node, "effective"))
        }
        program.modelledOn = node.element("modelled-on").map(source)
        program.sources = node.elements("source").map(source)
        program.documents = node.elements("document").map(document)
        program.rubrics = node.elements("rubric").map(rubric)
        program.exam = node.element("exam").flatMap(examRule)
        program.grace = node.attribute("grace").flatMap(ISODuration.init)
        program.renewal = node.element("renewal").flatMap(renewal)
        program.endorsements = node.elements("endorsement").map { endorsement in
            CertificationProgram.Endorsement(
                id: endorsement.attribute("id") ?? "", title: plain(endorsement.element("title")), requirements: endorsement.elements("requires").compactMap(requirement)
            )
        }
        if let provisional = node.element("provisional") {
            program.provisionalValidity = provisional.attribute("validity").flatMap(ISODuration.init) ?? ISODuration()
        }
        for child in node.elements("requires") {
            guard let requirement = requirement(child) else { continue }
            if child.attribute("stage") == "full" {
                if program.provisionalValidity == nil {
                    problems.error("B061", "stage=\"full\" needs a provisional stage to come before it", help: "add <provisional validity=\"P6M\"/> to the program, or remove stage=\"full\"", at: location(child, "stage"))
                }
                program.fullOnly.append(requirement)
            } else {
                program.requirements.append(requirement)
            }
        }
        return program
    }

    func source(_ node: XMLNode) -> CertificationProgram.Source {
        CertificationProgram.Source(href: node.attribute("href") ?? "", title: plain(node))
    }

    func document(_ node: XMLNode) -> CertificationProgram.Document {
        let text = plain(node.element("text"))
        let digest = ContentHash.hex(ContentHash.digest(Array(text.utf8)))
        return CertificationProgram.Document(
            id: node.attribute("id") ?? "", version: node.attribute("version") ?? "1",
            kind: node.attribute("kind").flatMap(CertificationProgram.Document.Kind.init) ?? .ethics,
            title: plain(node.element("title")), text: text, sha256: digest, location: location(node)
        )
    }

    func rubric(_ node: XMLNode) -> CertificationProgram.Rubric {
        let items = node.elements("item").map { item in
            CertificationProgram.Rubric.Item(
                id: item.attribute("id") ?? "", competency: reference(item, "competency"), max: item.attribute("max").flatMap(Int.init) ?? 1, text: plain(item)
            )
        }
        return CertificationProgram.Rubric(
            id: node.attribute("id") ?? "", version: node.attribute("version") ?? "1", title: plain(node.element("title")),
            pass: node.attribute("pass").flatMap(Double.init) ?? 1, items: items, location: location(node)
        )
    }

    func renewal(_ node: XMLNode) -> RenewalRule? {
        guard let hours = node.attribute("hours").flatMap(Double.init) else { return nil }
        return RenewalRule(
            hours: hours,
            categories: node.elements("category").map { category in
                RenewalRule.Category(
                    id: category.attribute("id") ?? "", minimum: category.attribute("min").flatMap(Double.init), maximum: category.attribute("max").flatMap(Double.init)
                )
            },
            excludedKinds: Set(node.elements("excludes").compactMap { $0.attribute("kind") }),
            modules: node.elements("counts").compactMap { credit in
                guard let module = reference(credit, "module") else { return nil }
                return RenewalRule.ModuleCredit(module: module, category: credit.attribute("category") ?? "", hours: credit.attribute("hours").flatMap(Double.init) ?? 0)
            }
        )
    }

    func examRule(_ node: XMLNode) -> CertificationProgram.ExamRule? {
        guard let quiz = reference(node, "quiz") else { return nil }
        var rule = CertificationProgram.ExamRule(quiz: quiz)
        rule.attempts = node.attribute("attempts").flatMap(Int.init)
        rule.window = node.attribute("window").flatMap(ISODuration.init)
        rule.wait = node.attribute("wait").flatMap(ISODuration.init)
        rule.retrainAfter = node.attribute("retrain-after").flatMap(Int.init)
        rule.retrainModule = reference(node, "retrain-module")
        return rule
    }

    /// nil (with a B026 problem) when the element names no target, several, or lacks a needed score.
    func requirement(_ node: XMLNode) -> CertificationProgram.Requirement? {
        let score = node.attribute("score").flatMap(Double.init)
        let names: [StaticString] = ["module", "quiz", "competency", "training-hours", "supervised-hours", "attestation", "observation", "references"]
        let targets = names.compactMap { name in node.attribute(name).map { (name.description, $0) } }
        guard targets.count == 1, let (kind, target) = targets.first else {
            problems.error(
                "B026",
                "<requires> must name exactly one of \(names.map(\.description).joined(separator: ", ")) (it names \(targets.isEmpty ? "none" : targets.map(\.0).joined(separator: " and ")))",
                help: "split it into one <requires> per condition",
                at: location(node)
            )
            return nil
        }
        let reference = Reference(target, at: location(node, kind))
        if score != nil, kind != "quiz", kind != "competency" {
            problems.warning("B026", "a \(kind) requirement has no score; score is ignored", help: "remove score=\"…\", or require a quiz or competency score instead", at: location(node, "score"))
        }
        switch kind {
        case "module":
            return .module(reference)
        case "quiz":
            return .quiz(reference, score: score)
        case "competency":
            guard let score else {
                problems.error("B026", "a competency requirement needs a score", help: "add score=\"0.7\" (a share from 0 to 1)", at: location(node))
                return nil
            }
            return .competency(reference, score: score)
        case "training-hours", "supervised-hours":
            guard let hours = Double(target), hours > 0 else {
                problems.error("B062", "\(kind)=\"\(target)\" is not a number of hours", help: "write the hours needed, such as \(kind)=\"40\"", at: location(node, kind))
                return nil
            }
            let domain = node.attribute("domain")
            if kind == "supervised-hours" {
                return .supervisedHours(.init(hours: hours, domain: domain, supervision: node.attribute("supervision").flatMap(SupervisionKind.init)))
            }
            let modes = node.attribute("mode").map { $0.split(separator: " ").compactMap { DeliveryMode(rawValue: String($0)) } } ?? DeliveryMode.allCases
            return .trainingHours(.init(hours: hours, domain: domain, modes: Set(modes)))
        case "attestation":
            return .attestation(reference)
        case "observation":
            return .observation(reference)
        default:
            guard let count = Int(target), count > 0 else {
                problems.error("B062", "references=\"\(target)\" is not a count", help: "write how many references are needed, such as references=\"3\"", at: location(node, kind))
                return nil
            }
            return .references(count: count, kind: node.attribute("kind").flatMap(RefereeKind.init))
        }
    }

    // MARK: Text

    func plain(_ node: XMLNode?) -> String {
        node.map { $0.text.collapsingWhitespace().trimmingWhitespace() } ?? ""
    }

    /// Mixed content with emphasis, white space folded as a reader would see it.
    func inline(_ node: XMLNode) -> [Inline] {
        var result = inlineRuns(node)
        // Trim the white space at the two ends of the whole run, not inside it.
        if case .text(let first)? = result.first {
            let trimmed = String(first.drop { $0 == " " })
            if trimmed.isEmpty { result.removeFirst() } else { result[0] = .text(trimmed) }
        }
        if case .text(let last)? = result.last {
            var trimmed = last
            while trimmed.hasSuffix(" ") { trimmed.removeLast() }
            if trimmed.isEmpty { result.removeLast() } else { result[result.count - 1] = .text(trimmed) }
        }
        return result
    }

    /// Builds inline runs straight from libxml2's buffers: adjacent text nodes are folded into
    /// one byte buffer with white space collapsed, so no intermediate strings are made.
    private func inlineRuns(_ node: XMLNode) -> [Inline] {
        var result: [Inline] = []
        var buffer: [UInt8] = []
        var pendingSpace = false
        func flush() {
            if pendingSpace { buffer.append(0x20) }
            pendingSpace = false
            if !buffer.isEmpty { result.append(.text(String(decoding: buffer, as: UTF8.self))) }
            buffer.removeAll(keepingCapacity: true)
        }
        var child = node.pointer.pointee.children
        while let current = child {
            let type = current.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, var byte = current.pointee.content {
                while byte.pointee != 0 {
                    let value = byte.pointee
                    if value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D {
                        pendingSpace = true
                    } else {
                        if pendingSpace, !(buffer.isEmpty && result.isEmpty) { buffer.append(0x20) }
                        pendingSpace = false
                        buffer.append(value)
                    }
                    byte += 1
                }
            } else if type == XML_ELEMENT_NODE {
                let element = XMLNode(pointer: current)
                let kind: (([Inline]) -> Inline)?
                if element.hasName("em") {
                    kind = Inline.emphasis
                } else if element.hasName("strong") {
                    kind = Inline.strong
                } else if element.hasName("q") {
                    kind = Inline.quote
                } else {
                    kind = nil  // elements such as <feedback> are read separately
                }
                if let kind {
                    flush()
                    result.append(kind(inlineRuns(element)))
                }
            }
            child = current.pointee.next
        }
        flush()
        return result
    }

    func blocks(_ node: XMLNode) -> [Block] {
        node.elements.compactMap { child in
            switch child.name {
            case "p": .paragraph(inline(child))
            case "list":
                .list(
                    child.attribute("style").flatMap(Block.ListStyle.init(rawValue:)) ?? .bullet,
                    child.elements("item").map(inline)
                )
            case "callout":
                .callout(child.attribute("kind").flatMap(Block.CalloutKind.init(rawValue:)) ?? .note, blocks(child))
            default: nil
            }
        }
    }

    func lines(_ node: XMLNode) -> [Line] {
        node.elements("line").map { line in
            Line(speaker: line.attribute("by").flatMap(Line.Speaker.init(rawValue:)) ?? .persona, text: inline(line))
        }
    }
}
