import BeaconJSON

/// One node of the node map: its types, index and property values, with a set beside each
/// value list so that adding a value already there costs a hash lookup, not a scan.
struct MapNode {
    var types: [String] = []
    var index: JSONValue?
    var properties: [String: [JSONValue]] = [:]
    private var seen: [String: Set<JSONValue>] = [:]

    mutating func add(_ value: JSONValue, to property: String, unique: Bool = true) {
        if unique {
            // A property has one or two values almost always: a scan beats hashing the value.
            // (No local copy of the array: holding one would make every append copy it.)
            if (properties[property]?.count ?? 0) < 8 {
                if properties[property]?.contains(value) == true { return }
            } else {
                if seen[property] == nil { seen[property] = Set(properties[property]!) }
                guard seen[property]!.insert(value).inserted else { return }
            }
        }
        properties[property, default: []].append(value)
        if seen[property] != nil { seen[property]!.insert(value) }
    }

    mutating func addType(_ type: String) {
        if !types.contains(type) { types.append(type) }
    }

    mutating func touch(_ property: String) {
        if properties[property] == nil { properties[property] = [] }
    }
}

/// Node Map Generation (JSON-LD 1.1 API §7.2.2): every node of the expanded document, by graph
/// and id, with blank nodes given fresh `_:b0`, `_:b1`, … labels.
struct NodeMapBuilder {
    /// graph name -> subject id -> node. Mutated in place (no copy of a graph per value).
    var graphs: [String: [String: MapNode]] = ["@default": [:]]
    var issuer = IdentifierIssuer(prefix: "_:b")
    var fresh = 0
    var work = 0
    var maxWork: Int

    init(maxWork: Int) {
        self.maxWork = maxWork
    }

    mutating func spend() throws(JSONLDError) {
        work += 1
        guard work <= maxWork else { throw JSONLDError("too large", "the document has more than \(maxWork) values; it was refused") }
    }

    mutating func blankLabel(_ existing: String?) -> String {
        if let existing { return issuer.issue(existing) }
        fresh += 1
        return issuer.issue("\u{0}fresh\(fresh)")
    }

    enum Subject {
        case none
        case id(String)
        /// A reverse property: the id of the node that refers to this one.
        case reverse(String)
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
        if object["@value"] != nil {
            if list != nil {
                list!.append(.object(object))
            } else if case .id(let subject) = activeSubject, let activeProperty {
                graphs[activeGraph, default: [:]][subject, default: MapNode()].add(.object(object), to: activeProperty)
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
                graphs[activeGraph, default: [:]][subject, default: MapNode()].add(listObject, to: activeProperty, unique: false)
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
        if graphs[activeGraph]?[id] == nil { graphs[activeGraph, default: [:]][id] = MapNode() }
        switch activeSubject {
        case .reverse(let referencing):
            if let activeProperty {
                graphs[activeGraph]![id]!.add(.object(JSONObject([("@id", .string(referencing))])), to: activeProperty)
            }
        case .id(let subject):
            if let activeProperty {
                let reference = JSONValue.object(JSONObject([("@id", .string(id))]))
                if list != nil {
                    list!.append(reference)
                } else {
                    graphs[activeGraph, default: [:]][subject, default: MapNode()].add(reference, to: activeProperty)
                }
            }
        case .none:
            break
        }
        if let types = object["@type"] {
            for case .string(let type) in types.arrayValue ?? [types] {
                graphs[activeGraph]![id]!.addType(IRI.isBlankNode(type) ? blankLabel(type) : type)
            }
        }
        if let index = object["@index"] {
            if let existing = graphs[activeGraph]![id]!.index, existing != index {
                throw JSONLDError("conflicting indexes", "the node \(id) is given two different @index values")
            }
            graphs[activeGraph]![id]!.index = index
        }
        if case .object(let reverseMap)? = object["@reverse"] {
            for (property, values) in reverseMap {
                for value in values.arrayValue ?? [values] {
                    var none: [JSONValue]?
                    try generate(value, graph: activeGraph, subject: .reverse(id), property: property, list: &none)
                }
            }
        }
        if let graph = object["@graph"] {
            if graphs[id] == nil { graphs[id] = [:] }
            var none: [JSONValue]?
            try generate(graph, graph: id, list: &none)
        }
        if let included = object["@included"] {
            var none: [JSONValue]?
            try generate(included, graph: activeGraph, list: &none)
        }
        for key in ["@id", "@type", "@index", "@reverse", "@graph", "@included"] { object[key] = nil }
        for property in object.keys.sorted(by: NQuads.codePointPrecedes) {
            let value = object[property]!
            let name = IRI.isBlankNode(property) ? blankLabel(property) : property
            graphs[activeGraph]![id]!.touch(name)
            var none: [JSONValue]?
            try generate(value, graph: activeGraph, subject: .id(id), property: name, list: &none)
        }
    }
}
