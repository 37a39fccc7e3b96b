import CLibXML2
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A borrowed view of a libxml2 element. It never outlives the document that owns it: the
/// loader walks the tree inside one call and copies everything out into BeaconCore values.
struct XMLNode {
    let pointer: xmlNodePtr

    var name: String { String(cString: pointer.pointee.name) }

    var namespaceURI: String? {
        pointer.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } }
    }

    var line: Int { Int(xmlGetLineNo(pointer)) }

    /// An `xi:include` element (XInclude namespace).
    var isInclude: Bool { hasName("include") && namespaceURI == xincludeNamespace }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// Child elements in document order.
    var elements: [XMLNode] {
        var result: [XMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { result.append(XMLNode(pointer: node)) }
            child = node.pointee.next
        }
        return result
    }

    func elements(_ name: StaticString) -> [XMLNode] {
        var result: [XMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, XMLNode.has(node, name) { result.append(XMLNode(pointer: node)) }
            child = node.pointee.next
        }
        return result
    }

    func element(_ name: StaticString) -> XMLNode? {
        var child = pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, XMLNode.has(node, name) { return XMLNode(pointer: node) }
            child = node.pointee.next
        }
        return nil
    }

    /// Compares the element name in place: building a Swift String per node showed up in profiles.
    func hasName(_ name: StaticString) -> Bool { XMLNode.has(pointer, name) }

    private static func has(_ node: xmlNodePtr, _ name: StaticString) -> Bool {
        strcmp(UnsafeRawPointer(node.pointee.name).assumingMemoryBound(to: CChar.self),
               UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// All child nodes (text and elements), for mixed content.
    var children: [XMLNode] {
        var result: [XMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            result.append(XMLNode(pointer: node))
            child = node.pointee.next
        }
        return result
    }

    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The attribute's value as written (no namespace). Reads libxml2's own buffer when the
    /// value is one text node, which it almost always is, instead of asking for a copy.
    func attribute(_ name: StaticString) -> String? {
        var property = pointer.pointee.properties
        while let current = property {
            if current.pointee.ns == nil,
                strcmp(UnsafeRawPointer(current.pointee.name).assumingMemoryBound(to: CChar.self),
                       UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
            {
                if let child = current.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE,
                    let content = child.pointee.content
                {
                    return String(cString: content)
                }
                guard let value = xmlNodeListGetString(pointer.pointee.doc, current.pointee.children, 1) else { return "" }
                defer { beacon_xml_free(value) }
                return String(cString: value)
            }
            property = current.pointee.next
        }
        return nil
    }

    /// All text inside the element, entities already resolved by the parser.
    var text: String {
        // Fast path: a single text child needs no concatenated copy.
        if let child = pointer.pointee.children, child.pointee.next == nil,
            child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE
        {
            return child.pointee.content.map { String(cString: $0) } ?? ""
        }
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { beacon_xml_free(content) }
        return String(cString: content)
    }

    var parent: XMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLNode(pointer: parent)
    }
}

extension String {
    /// libxml2 takes `xmlChar *` (unsigned) where Swift hands out `CChar *`; same bytes.
    func withXMLChars<T>(_ body: (UnsafePointer<xmlChar>) -> T) -> T {
        withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }
}

extension XMLNode {
    func namespacedAttribute(_ name: String, namespace: String) -> String? {
        let value = name.withXMLChars { name in namespace.withXMLChars { xmlGetNsProp(pointer, name, $0) } }
        guard let value else { return nil }
        defer { beacon_xml_free(value) }
        return String(cString: value)
    }
}
