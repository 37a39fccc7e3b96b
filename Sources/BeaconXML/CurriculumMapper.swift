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
            case "certification": course.certifications.append(certification(child))
            default: break
            }
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
        program.requirements = node.elements("requires").compactMap(requirement)
        return program
    }

    /// nil (with a B026 problem) when the element names no target, several, or lacks a needed score.
    func requirement(_ node: XMLNode) -> CertificationProgram.Requirement? {
        let score = node.attribute("score").flatMap(Double.init)
        let names: [StaticString] = ["module", "quiz", "competency"]
        let targets = names.compactMap { name in reference(node, name).map { (name.description, $0) } }
        guard targets.count == 1, let (kind, target) = targets.first else {
            problems.error(
                "B026",
                "<requires> must name exactly one of module, quiz or competency (it names \(targets.isEmpty ? "none" : targets.map(\.0).joined(separator: " and ")))",
                help: "split it into one <requires> per condition",
                at: location(node)
            )
            return nil
        }
        switch kind {
        case "module":
            if score != nil {
                problems.warning("B026", "a module requirement has no score; score is ignored", help: "remove score=\"…\", or require a quiz or competency score instead", at: location(node, "score"))
            }
            return .module(target)
        case "quiz":
            return .quiz(target, score: score)
        default:
            guard let score else {
                problems.error("B026", "a competency requirement needs a score", help: "add score=\"0.7\" (a share from 0 to 1)", at: location(node))
                return nil
            }
            return .competency(target, score: score)
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
