import BeaconJSON
import Foundation

/// Deserialize JSON-LD to RDF (JSON-LD 1.1 API §8.1.2), Object to RDF (§8.2) and List to RDF (§8.3).
struct RDFWriter {
    var nodes: NodeMapBuilder
    /// How `@direction` becomes RDF: nil drops it (the spec's default), or "i18n-datatype".
    let rdfDirection: String?
    var quads: [Quad] = []

    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    mutating func write() throws(JSONLDError) {
        for graphName in nodes.graphs.keys.sorted(by: NQuads.codePointPrecedes) {
            let graphTerm: RDFTerm?
            if graphName == "@default" {
                graphTerm = nil
            } else if IRI.isBlankNode(graphName) {
                graphTerm = .blank(String(graphName.dropFirst(2)))
            } else if IRI.isWellFormed(graphName) {
                graphTerm = .iri(graphName)
            } else {
                continue
            }
            let graph = nodes.graphs[graphName]!
            for subject in graph.keys.sorted(by: NQuads.codePointPrecedes) {
                guard let subjectTerm = term(subject) else { continue }
                let node = graph[subject]!
                for type in node.types {
                    guard let typeTerm = term(type) else { continue }
                    quads.append(Quad(subjectTerm, .iri(Self.rdf + "type"), typeTerm, graph: graphTerm))
                }
                for property in node.properties.keys.sorted(by: NQuads.codePointPrecedes) {
                    if Keywords.isKeyword(property) || IRI.isBlankNode(property) { continue }
                    guard IRI.isWellFormed(property) else { continue }
                    // Two JSON values can be one RDF term ("x" and "x" typed xsd:string): the
                    // output is a set, so each object appears once per subject and property.
                    let items = node.properties[property]!
                    var objects: [RDFTerm] = []
                    var seen = Set<[UInt8]>()  // used past a few values; byte keys, see exactlyEquals
                    for item in items {
                        var listQuads: [Quad] = []
                        if let object = try objectTerm(item, listQuads: &listQuads, graph: graphTerm) {
                            let fresh: Bool
                            if items.count < 8 {
                                fresh = !objects.contains { $0.exactlyEquals(object) }
                                objects.append(object)
                            } else {
                                var key = ""
                                NQuads.write(object, into: &key)
                                fresh = seen.insert(Array(key.utf8)).inserted
                            }
                            if fresh { quads.append(Quad(subjectTerm, .iri(property), object, graph: graphTerm)) }
                        }
                        quads += listQuads
                    }
                }
            }
        }
    }

    func term(_ id: String) -> RDFTerm? {
        if IRI.isBlankNode(id) { return .blank(String(id.dropFirst(2))) }
        return IRI.isWellFormed(id) ? .iri(id) : nil
    }

    mutating func objectTerm(_ item: JSONValue, listQuads: inout [Quad], graph: RDFTerm?) throws(JSONLDError) -> RDFTerm? {
        guard case .object(let object) = item else { return nil }
        if object["@value"] == nil, object["@list"] == nil {
            guard let id = object["@id"]?.stringValue else { return nil }
            return term(id)
        }
        if let list = object["@list"] {
            return try listTerm(list.arrayValue ?? [], listQuads: &listQuads, graph: graph)
        }
        let value = object["@value"]!
        var datatype = object["@type"]?.stringValue
        if let datatype, datatype != "@json", !IRI.isWellFormed(datatype) { return nil }
        if let language = object["@language"]?.stringValue, !Self.isWellFormedLanguage(language) { return nil }
        let text: String
        if datatype == "@json" {
            guard let canonical = try? JCS.canonicalString(value) else {
                throw JSONLDError("invalid JSON literal", "a @json value cannot be written as canonical JSON")
            }
            text = canonical
            datatype = Self.rdf + "JSON"
        } else {
            switch value {
            case .bool(let flag):
                text = flag ? "true" : "false"
                if datatype == nil { datatype = Self.xsd + "boolean" }
            case .number(let number):
                let v = number.value
                if v.rounded() != v || abs(v) >= 1e21 || datatype == Self.xsd + "double" {
                    text = Self.canonicalDouble(v)
                    if datatype == nil { datatype = Self.xsd + "double" }
                } else {
                    text = ECMAScriptNumber.string(v == 0 ? 0 : v)
                    if datatype == nil { datatype = Self.xsd + "integer" }
                }
            case .string(let string):
                text = string
            default:
                return nil
            }
        }
        let language = object["@language"]?.stringValue
        if let direction = object["@direction"]?.stringValue, rdfDirection == "i18n-datatype" {
            let tag = (language ?? "").lowercased()
            return .literal(text, datatype: "https://www.w3.org/ns/i18n#\(tag)_\(direction)", language: nil)
        }
        if let language, datatype == nil {
            return .literal(text, datatype: RDFTerm.langString, language: language)
        }
        return .literal(text, datatype: datatype ?? RDFTerm.xsdString, language: nil)
    }

    mutating func listTerm(_ items: [JSONValue], listQuads: inout [Quad], graph: RDFTerm?) throws(JSONLDError) -> RDFTerm {
        guard !items.isEmpty else { return .iri(Self.rdf + "nil") }
        let labels = items.map { _ in String(nodes.blankLabel(nil).dropFirst(2)) }
        for (position, item) in items.enumerated() {
            let subject = RDFTerm.blank(labels[position])
            var nested: [Quad] = []
            if let object = try objectTerm(item, listQuads: &nested, graph: graph) {
                listQuads.append(Quad(subject, .iri(Self.rdf + "first"), object, graph: graph))
            }
            let rest: RDFTerm = position + 1 < labels.count ? .blank(labels[position + 1]) : .iri(Self.rdf + "nil")
            listQuads.append(Quad(subject, .iri(Self.rdf + "rest"), rest, graph: graph))
            listQuads += nested
        }
        return .blank(labels[0])
    }

    /// XSD canonical double: `1.1E0`, `1.0E21`, `-5.0E-3`.
    static func canonicalDouble(_ value: Double) -> String {
        let formatted = String(format: "%.15E", value)  // e.g. 1.100000000000000E+00
        guard let e = formatted.firstIndex(of: "E") else { return formatted }
        var mantissa = String(formatted[..<e])
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa += "0" }
        var exponent = String(formatted[formatted.index(after: e)...])
        var negative = false
        if exponent.hasPrefix("+") { exponent.removeFirst() } else if exponent.hasPrefix("-") {
            negative = true
            exponent.removeFirst()
        }
        while exponent.count > 1, exponent.hasPrefix("0") { exponent.removeFirst() }
        return mantissa + "E" + (negative ? "-" : "") + exponent
    }

    /// BCP 47 in outline: letters, then hyphen-separated groups of up to 8 letters or digits.
    static func isWellFormedLanguage(_ tag: String) -> Bool {
        let groups = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return groups.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
