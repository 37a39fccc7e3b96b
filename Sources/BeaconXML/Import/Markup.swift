import CLibXML2

/// An element of a foreign document (a Moodle export, a QTI item, an HTML fragment), copied out
/// of libxml2 into plain values so the importers are ordinary Swift over an owned tree.
struct MarkupElement: Sendable {
    var name: String
    var attributes: [String: String]
    var children: [MarkupNode]
    var line: Int

    var elements: [MarkupElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    func elements(_ name: String) -> [MarkupElement] { elements.filter { $0.name == name } }

    /// The first child element of that name (Moodle takes the first of duplicated settings).
    func element(_ name: String) -> MarkupElement? { elements.first { $0.name == name } }

    /// Every element below this one, depth first.
    func descendants(_ name: String) -> [MarkupElement] {
        var found: [MarkupElement] = []
        for child in elements {
            if child.name == name { found.append(child) }
            found += child.descendants(name)
        }
        return found
    }

    /// All text inside, as written.
    var text: String {
        children.map { node in
            switch node {
            case .text(let text): text
            case .element(let element): element.text
            }
        }.joined()
    }

    /// The text of a child element, trimmed, as Moodle reads its settings.
    func value(_ name: String) -> String? { element(name).map { $0.text.trimmingWhitespace() } }
}

enum MarkupNode: Sendable {
    case element(MarkupElement)
    case text(String)
}

/// A file that could not be read as the format it claims to be.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String
    public var help: String

    public var description: String { "\(path):\(line):\(column): error: \(message)\n  help: \(help)" }
}

enum ForeignXML {
    /// Parses a foreign XML file with the curriculum parser's safety settings: no network, no
    /// entity expansion, and no DOCTYPE at all, since quiz exports never need one.
    static func parse(_ bytes: [UInt8], path: String, rename: (String) -> String = { $0 }) throws(ImportError) -> MarkupElement {
        _ = LibXML.ready
        if let line = DocumentReader.lineOfOverfullTag(bytes) {
            throw ImportError(
                path: path, line: line, column: 1, message: "an element has more than \(DocumentReader.maxAttributesPerTag) attributes",
                help: "check that this is the exported file itself"
            )
        }
        guard let context = xmlNewParserCtxt() else {
            throw ImportError(path: path, line: 1, column: 1, message: "out of memory starting the XML parser", help: "try again")
        }
        defer { xmlFreeParserCtxt(context) }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), path, nil, LibXML.parseOptions)
            }
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            let error = xmlCtxtGetLastError(context).map { LibXMLError(UnsafePointer($0)) }
            throw ImportError(
                path: path, line: max(error?.line ?? 1, 1), column: max(error?.column ?? 1, 1),
                message: "not well-formed XML: \(error?.message ?? "unknown error")",
                help: "check that this is the exported file itself, saved as UTF-8 and not cut short"
            )
        }
        defer { xmlFreeDoc(document) }
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            throw ImportError(
                path: path, line: 1, column: 1, message: "a <!DOCTYPE> declaration is not accepted",
                help: "quiz exports never need one, and it can pull in other files; remove it and the entities it declares"
            )
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw ImportError(path: path, line: 1, column: 1, message: "the file has no root element", help: "check the file")
        }
        return copy(root, rename: rename)
    }

    /// Parses an HTML fragment the forgiving way browsers do, returning the body's content.
    static func html(_ text: String) -> [MarkupNode] {
        _ = LibXML.ready
        let wrapped = "<html><head><meta charset=\"utf-8\"></head><body>" + text + "</body></html>"
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let bytes = Array(wrapped.utf8)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), "fragment.html", "UTF-8", options)
            }
        }
        guard let document else { return [.text(text)] }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return [] }
        let html = copy(root, rename: { $0.lowercased() })
        return html.element("body")?.children ?? html.children
    }

    private static func copy(_ node: xmlNodePtr, rename: (String) -> String, depth: Int = 0) -> MarkupElement {
        var attributes: [String: String] = [:]
        var property = node.pointee.properties
        while let current = property {
            let name = String(cString: current.pointee.name)
            if let value = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
                attributes[rename(name)] = String(cString: value)
                beacon_xml_free(value)
            } else {
                attributes[rename(name)] = ""
            }
            property = current.pointee.next
        }
        var children: [MarkupNode] = []
        var child = node.pointee.children
        // libxml2 caps nesting at 256 already; the guard keeps this recursion bounded regardless.
        while depth < 512, let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(copy(current, rename: rename, depth: depth + 1)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { children.append(.text(String(cString: content))) }
            default:
                break
            }
            child = current.pointee.next
        }
        return MarkupElement(
            name: rename(String(cString: node.pointee.name)), attributes: attributes, children: children,
            line: Int(xmlGetLineNo(node))
        )
    }
}
