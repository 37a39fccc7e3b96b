import BeaconJSON

/// Node Map Generation (JSON-LD 1.1 API §7.2.2): every node of the expanded document, by graph
/// and id, with blank nodes given fresh `_:b0`, `_:b1`, … labels.
struct NodeMapBuilder {
    /// graph name -> subject id -> node object. Graph and subject order is kept for output.
    var graphs: [String: JSONObject] = ["@default": JSONObject()]
    var graphOrder: [String] = ["@default"]
    var issuer = IdentifierIssuer(prefix: "_:b")
    var work = 0
    var maxWork: Int

    init(maxWork: Int) {
        self.maxWork = maxWork
    }

    mutating func spend() throws(JSONLDError) {
        work += 1
        guard work <= maxWork else { throw JSONLDError("too large", "the document has more than \(maxWork) values") }
    }

    mutating func blankLabel(_ existing: String?) -> String {
        if let existing { return issuer.issue(existing) }
        return issuer.issue("\u{0}fresh\(issuer.order.count)")
    }

    enum Subject {
        case none
        case id(String)
        /// A reverse property: the referencing node object.
        case reverse(JSONObject)
    }

    mutating func add(_ value: JSONValue, to subject: String, property: String, in graph: String, unique: Bool = true) {
        var nodes = graphs[graph]!
        var node = nodes[subject]?.objectValue ?? JSONObject([("@id", .string(subject))])
        var values = node[property]?.arrayValue ?? []
        if !unique || !values.contains(value) { values.append(value) }
        node[property] = .array(values)
        nodes[subject] = .object(node)
        graphs[graph] = nodes
    }

    mutating func ensureGraph(_ name: String) {
        if graphs[name] == nil {
            graphs[name] = JSONObject()
            graphOrder.append(name)
        }
    }

    mutating func generate(
        _ element: JSONValue, graph activeGraph: String, subject activeSubject: Subject = .none, property activeProperty: String? = nil,
        list: inout [JSONValue]?
    ) throws(JSONLDError) {
        try spend()
        if case .array(let items) = element {
            for item in items {
                try generate(item, graph: activeGraph, subject: activeSubject, property: activeProperty, list: &list)
            }
            return
        }
        guard case .object(var object) = element else { return }
        if let types = object["@type"], object["@value"] == nil {
            object["@type"] = .array((types.arrayValue ?? [types]).map { type in
                if case .string(let text) = type, IRI.isBlankNode(text) { return .string(blankLabel(text)) }
                return type
            })
        }
        if object["@value"] != nil {
            if list != nil {
                list!.append(.object(object))
            } else if case .id(let subject) = activeSubject, let activeProperty {
                add(.object(object), to: subject, property: activeProperty, in: activeGraph)
            }
            return
        }
        if let items = object["@list"] {
            var inner: [JSONValue]? = []
            try generate(items, graph: activeGraph, subject: activeSubject, property: activeProperty, list: &inner)
            let listObject = JSONValue.object(JSONObject([("@list", .array(inner ?? []))]))
            if list != nil {
                list!.append(listObject)
            } else if case .id(let subject) = activeSubject, let activeProperty {
                add(listObject, to: subject, property: activeProperty, in: activeGraph, unique: false)
            }
            return
        }
        // A node object.
        let id: String
        if case .string(let given)? = object["@id"] {
            id = IRI.isBlankNode(given) ? blankLabel(given) : given
        } else if object["@id"] != nil {
            // An @id that expanded to null (it looked like a keyword) names nothing: no node, no link.
            return
        } else {
            id = blankLabel(nil)
        }
        object["@id"] = nil
        ensureGraph(activeGraph)
        if graphs[activeGraph]![id] == nil {
            graphs[activeGraph]![id] = .object(JSONObject([("@id", .string(id))]))
        }
        switch activeSubject {
        case .reverse(let referencing):
            if let activeProperty { add(.object(referencing), to: id, property: activeProperty, in: activeGraph) }
        case .id(let subject):
            if let activeProperty {
                let reference = JSONValue.object(JSONObject([("@id", .string(id))]))
                if list != nil {
                    list!.append(reference)
                } else {
                    add(reference, to: subject, property: activeProperty, in: activeGraph)
                }
            }
        case .none:
            break
        }
        if let types = object["@type"] {
            for type in types.arrayValue ?? [types] { add(type, to: id, property: "@type", in: activeGraph) }
            object["@type"] = nil
        }
        if let index = object["@index"] {
            if let existing = graphs[activeGraph]![id]?["@index"], existing != index {
                throw JSONLDError("conflicting indexes", "the node \(id) is given two different @index values")
            }
            var node = graphs[activeGraph]![id]!.objectValue!
            node["@index"] = index
            graphs[activeGraph]![id] = .object(node)
            object["@index"] = nil
        }
        if case .object(let reverseMap)? = object["@reverse"] {
            let referenced = JSONObject([("@id", .string(id))])
            for (property, values) in reverseMap {
                for value in values.arrayValue ?? [values] {
                    var none: [JSONValue]?
                    try generate(value, graph: activeGraph, subject: .reverse(referenced), property: property, list: &none)
                }
            }
            object["@reverse"] = nil
        }
        if let graph = object["@graph"] {
            ensureGraph(id)
            var none: [JSONValue]?
            try generate(graph, graph: id, list: &none)
            object["@graph"] = nil
        }
        if let included = object["@included"] {
            var none: [JSONValue]?
            try generate(included, graph: activeGraph, list: &none)
            object["@included"] = nil
        }
        for property in object.keys.sorted(by: NQuads.codePointPrecedes) {
            let value = object[property]!
            let name = IRI.isBlankNode(property) ? blankLabel(property) : property
            if graphs[activeGraph]![id]?[name] == nil {
                var node = graphs[activeGraph]![id]!.objectValue!
                node[name] = .array([])
                graphs[activeGraph]![id] = .object(node)
            }
            var none: [JSONValue]?
            try generate(value, graph: activeGraph, subject: .id(id), property: name, list: &none)
        }
    }
}
