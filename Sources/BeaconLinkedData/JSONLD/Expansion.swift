import BeaconJSON

/// The Expansion algorithm (JSON-LD 1.1 API §5.1.2) and Value Expansion (§5.3.2).
///
/// In safe mode, anything expansion would silently drop (a term the contexts don't define, an
/// `@id` or `@type` that stays relative) is an error naming it and its path instead: a signed
/// claim must never vanish from what the signature covers.
struct Expander {
    var contexts: ContextProcessor
    let safe: Bool
    let ordered: Bool
    /// Where expansion is, for error messages: property names and array positions, written
    /// out only when an error needs them.
    var path: [PathStep] = []

    enum PathStep {
        case key(String)
        case index(Int)
    }

    init(loader: any DocumentLoader, safe: Bool, ordered: Bool = true) {
        contexts = ContextProcessor(loader: loader)
        self.safe = safe
        self.ordered = ordered
    }

    var where_: String {
        guard !path.isEmpty else { return "the top level" }
        var text = ""
        for step in path {
            switch step {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    func sortedKeys(_ object: JSONObject) -> [String] {
        ordered ? object.keys.sorted(by: NQuads.codePointPrecedes) : object.keys
    }

    /// The document, expanded; the top-level `@graph` unwrapped and the result always an array.
    mutating func expandDocument(_ document: JSONValue, base: String?, expandContext: JSONValue? = nil) throws(JSONLDError) -> [JSONValue] {
        var active = ActiveContext(base: base)
        if let expandContext {
            let local = expandContext["@context"] ?? expandContext
            active = try contexts.process(active, local, base: base)
        }
        var result = try expand(active, property: nil, document, base: base)
        if case .object(let object) = result, object.count == 1, let graph = object["@graph"] {
            result = graph
        }
        switch result {
        case .null: return []
        case .array(let items): return items
        default: return [result]
        }
    }

    mutating func expand(
        _ activeIn: ActiveContext, property activeProperty: String?, _ element: JSONValue, base baseURL: String?, fromMap: Bool = false
    ) throws(JSONLDError) -> JSONValue {
        try contexts.spend()
        var active = activeIn
        let propertyDefinition = activeProperty.flatMap { active.terms[$0] }
        switch element {
        case .null:
            return .null
        case .bool, .number, .string:
            if activeProperty == nil || activeProperty == "@graph" {
                if safe { throw JSONLDError(JSONLDError.undefinedTerm, "a value at \(where_) belongs to no property, so it would be dropped") }
                return .null
            }
            if let scoped = propertyDefinition?.context {
                active = try contexts.process(active, scoped, base: propertyDefinition?.baseURL, tag: propertyDefinition!.contextTag.value)
            }
            return try expandValue(active, property: activeProperty!, element)
        case .array(let items):
            var result: [JSONValue] = []
            for (position, item) in items.enumerated() {
                path.append(.index(position))
                defer { path.removeLast() }
                var expanded = try expand(active, property: activeProperty, item, base: baseURL, fromMap: fromMap)
                if propertyDefinition?.container.contains("@list") == true, case .array = expanded {
                    expanded = .object(JSONObject([("@list", expanded)]))
                }
                switch expanded {
                case .array(let inner): result += inner
                case .null: continue
                default: result.append(expanded)
                }
            }
            return .array(result)
        case .object(let object):
            return try expandObject(active, property: activeProperty, object, base: baseURL, fromMap: fromMap, propertyDefinition: propertyDefinition)
        }
    }

    private mutating func expandObject(
        _ activeIn: ActiveContext, property activeProperty: String?, _ element: JSONObject, base baseURL: String?, fromMap: Bool,
        propertyDefinition: TermDefinition?
    ) throws(JSONLDError) -> JSONValue {
        var active = activeIn
        // Step 7: a non-propagating (type-scoped) context ends at a node's boundary.
        if active.previous != nil, !fromMap {
            var revert = true
            var onlyID = element.count == 1
            for key in element.keys {
                let expanded = contexts.expandIRI(key, active, vocab: true)
                if expanded == "@value" { revert = false }
                if expanded != "@id" { onlyID = false }
            }
            if onlyID { revert = false }
            if revert, let previous = active.previous { active = previous.context }
        }
        if let scoped = propertyDefinition?.context {
            active = try contexts.process(active, scoped, base: propertyDefinition?.baseURL, overrideProtected: true, tag: propertyDefinition!.contextTag.value)
        }
        if let local = element["@context"] {
            path.append(.key("@context"))
            defer { path.removeLast() }
            active = try contexts.process(active, local, base: baseURL)
        }
        let typeScoped = active
        var inputType: String?
        for key in sortedKeys(element) where contexts.expandIRI(key, active, vocab: true) == "@type" {
            let value = element[key]!
            let types = (value.arrayValue ?? [value]).compactMap(\.stringValue).sorted(by: NQuads.codePointPrecedes)
            for type in types {
                if let definition = typeScoped.terms[type], let scoped = definition.context {
                    active = try contexts.process(active, scoped, base: definition.baseURL, propagate: false, tag: definition.contextTag.value)
                }
            }
            if inputType == nil, let last = value.arrayValue?.last?.stringValue ?? value.stringValue {
                inputType = contexts.expandIRI(last, active, vocab: true)
            }
        }
        var result = JSONObject()
        try expandEntries(
            element, into: &result, active: active, typeScoped: typeScoped, property: activeProperty, base: baseURL, inputType: inputType
        )
        return try finish(result, property: activeProperty)
    }

    /// Steps 13 and 14: every entry of `element` into `result`, then its nested entries.
    private mutating func expandEntries(
        _ element: JSONObject, into result: inout JSONObject, active: ActiveContext, typeScoped: ActiveContext, property activeProperty: String?,
        base baseURL: String?, inputType: String?
    ) throws(JSONLDError) {
        var nests: [String] = []
        for key in sortedKeys(element) where key != "@context" {
            let value = element[key]!
            path.append(.key(key))
            defer { path.removeLast() }
            guard let expandedProperty = contexts.expandIRI(key, active, vocab: true),
                expandedProperty.contains(":") || Keywords.isKeyword(expandedProperty)
            else {
                if safe {
                    throw JSONLDError(JSONLDError.undefinedTerm, "the term \"\(key)\" at \(where_) is not defined by the credential's contexts")
                }
                continue
            }
            if Keywords.isKeyword(expandedProperty) {
                if activeProperty == "@reverse" {
                    throw JSONLDError("invalid reverse property map", "a keyword (\(key)) cannot be a reverse property (\(where_))")
                }
                if result[expandedProperty] != nil, expandedProperty != "@included", expandedProperty != "@type" {
                    throw JSONLDError("colliding keywords", "\(expandedProperty) is given twice at \(where_)")
                }
                var expandedValue: JSONValue = .null
                switch expandedProperty {
                case "@id":
                    guard case .string(let id) = value else { throw JSONLDError("invalid @id value", "@id at \(where_) must be a string") }
                    let iri = contexts.expandIRI(id, active, documentRelative: true)
                    if safe, let iri, !IRI.isAbsolute(iri), !IRI.isBlankNode(iri) {
                        throw JSONLDError(JSONLDError.relativeIRI, "the id \"\(id)\" at \(where_) is not an absolute IRI")
                    }
                    expandedValue = iri.map(JSONValue.string) ?? .null
                case "@type":
                    let types: [JSONValue]
                    switch value {
                    case .string: types = [value]
                    case .array(let items) where items.allSatisfy({ $0.stringValue != nil }): types = items
                    default: throw JSONLDError("invalid type value", "@type at \(where_) must be a string or an array of strings")
                    }
                    var expandedTypes: [JSONValue] = []
                    for type in types {
                        let text = type.stringValue!
                        guard let iri = contexts.expandIRI(text, typeScoped, documentRelative: true, vocab: true) else { continue }
                        if safe, !IRI.isAbsolute(iri), !IRI.isBlankNode(iri) {
                            throw JSONLDError(JSONLDError.relativeIRI, "the type \"\(text)\" at \(where_) is not defined by the credential's contexts")
                        }
                        expandedTypes.append(.string(iri))
                    }
                    if let existing = result["@type"] {
                        expandedValue = .array((existing.arrayValue ?? [existing]) + expandedTypes)
                    } else {
                        expandedValue = value.arrayValue != nil ? .array(expandedTypes) : (expandedTypes.first ?? .null)
                    }
                case "@graph":
                    let expanded = try expand(active, property: "@graph", value, base: baseURL)
                    expandedValue = .array(expanded.arrayValue ?? [expanded])
                case "@included":
                    let expanded = try expand(active, property: nil, value, base: baseURL)
                    let items = expanded.arrayValue ?? [expanded]
                    for item in items where !Self.isNodeObject(item) {
                        throw JSONLDError("invalid @included value", "@included at \(where_) must hold node objects")
                    }
                    expandedValue = .array((result["@included"]?.arrayValue ?? []) + items)
                case "@value":
                    if inputType == "@json" {
                        expandedValue = value
                    } else {
                        switch value {
                        case .null:
                            result["@value"] = .null
                            continue
                        case .bool, .number, .string: expandedValue = value
                        default: throw JSONLDError("invalid value object value", "@value at \(where_) must be a string, number, boolean or null")
                        }
                    }
                case "@language":
                    guard case .string(let language) = value else {
                        throw JSONLDError("invalid language-tagged string", "@language at \(where_) must be a string")
                    }
                    expandedValue = .string(language.lowercased())
                case "@direction":
                    guard value == .string("ltr") || value == .string("rtl") else {
                        throw JSONLDError("invalid base direction", "@direction at \(where_) must be \"ltr\" or \"rtl\"")
                    }
                    expandedValue = value
                case "@index":
                    guard case .string = value else { throw JSONLDError("invalid @index value", "@index at \(where_) must be a string") }
                    expandedValue = value
                case "@list":
                    if activeProperty == nil || activeProperty == "@graph" { continue }
                    let expanded = try expand(active, property: activeProperty, value, base: baseURL)
                    expandedValue = .array(expanded.arrayValue ?? [expanded])
                case "@set":
                    expandedValue = try expand(active, property: activeProperty, value, base: baseURL)
                case "@reverse":
                    guard case .object = value else { throw JSONLDError("invalid @reverse value", "@reverse at \(where_) must be an object") }
                    let expanded = try expand(active, property: "@reverse", value, base: baseURL)
                    guard case .object(let reversed) = expanded else { continue }
                    if case .object(let doubleReversed)? = reversed["@reverse"] {
                        for (property, items) in doubleReversed {
                            result[property] = .array((result[property]?.arrayValue ?? []) + (items.arrayValue ?? [items]))
                        }
                    }
                    var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                    var any = false
                    for (property, items) in reversed where property != "@reverse" {
                        for item in items.arrayValue ?? [items] {
                            if Self.isValueObject(item) || Self.isListObject(item) {
                                throw JSONLDError("invalid reverse property value", "a reverse property at \(where_) cannot hold a value or a list")
                            }
                            reverseMap[property] = .array((reverseMap[property]?.arrayValue ?? []) + [item])
                            any = true
                        }
                    }
                    if any { result["@reverse"] = .object(reverseMap) }
                    continue
                case "@nest":
                    nests.append(key)
                    continue
                default:
                    continue
                }
                if !(expandedValue == .null && expandedProperty == "@value" && inputType != "@json") {
                    if expandedValue == .null, expandedProperty != "@value", expandedProperty != "@id" { continue }
                    result[expandedProperty] = expandedValue
                }
                continue
            }
            let definition = active.terms[key]
            let container = definition?.container ?? []
            var expandedValue: JSONValue
            if definition?.typeMapping == "@json" {
                expandedValue = .object(JSONObject([("@value", value), ("@type", .string("@json"))]))
            } else if container.contains("@language"), case .object(let languageMap) = value {
                var items: [JSONValue] = []
                let direction: String?
                if let mapped = definition?.direction { direction = mapped } else { direction = active.defaultDirection }
                for language in sortedKeys(languageMap) {
                    let languageValue = languageMap[language]!
                    for item in languageValue.arrayValue ?? [languageValue] {
                        if item == .null { continue }
                        guard case .string = item else {
                            throw JSONLDError("invalid language map value", "a language map at \(where_) must hold strings")
                        }
                        var object = JSONObject([("@value", item)])
                        if language != "@none", contexts.expandIRI(language, active, vocab: true) != "@none" {
                            object["@language"] = .string(language.lowercased())
                        }
                        if let direction { object["@direction"] = .string(direction) }
                        items.append(.object(object))
                    }
                }
                expandedValue = .array(items)
            } else if !container.isDisjoint(with: ["@index", "@type", "@id"]), case .object(let map) = value {
                expandedValue = .array(try expandIndexMap(map, key: key, definition: definition!, active: active, base: baseURL))
            } else {
                expandedValue = try expand(active, property: key, value, base: baseURL)
            }
            if expandedValue == .null { continue }
            if container.contains("@list"), !Self.isListObject(expandedValue) {
                expandedValue = .object(JSONObject([("@list", .array(expandedValue.arrayValue ?? [expandedValue]))]))
            }
            if container.contains("@graph"), !container.contains("@id"), !container.contains("@index") {
                expandedValue = .array((expandedValue.arrayValue ?? [expandedValue]).map { item in
                    .object(JSONObject([("@graph", .array(item.arrayValue ?? [item]))]))
                })
            }
            if definition?.isReverse == true {
                var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                for item in expandedValue.arrayValue ?? [expandedValue] {
                    if Self.isValueObject(item) || Self.isListObject(item) {
                        throw JSONLDError("invalid reverse property value", "the reverse property \(key) at \(where_) cannot hold a value or a list")
                    }
                    reverseMap[expandedProperty] = .array((reverseMap[expandedProperty]?.arrayValue ?? []) + [item])
                }
                result["@reverse"] = .object(reverseMap)
            } else {
                result[expandedProperty] = .array((result[expandedProperty]?.arrayValue ?? []) + (expandedValue.arrayValue ?? [expandedValue]))
            }
        }
        for nestKey in nests {
            let nested = element[nestKey]!
            path.append(.key(nestKey))
            defer { path.removeLast() }
            var nestContext = active
            if let definition = active.terms[nestKey], let scoped = definition.context {
                nestContext = try contexts.process(active, scoped, base: definition.baseURL, overrideProtected: true, tag: definition.contextTag.value)
            }
            for nestedValue in nested.arrayValue ?? [nested] {
                guard case .object(let object) = nestedValue,
                    !object.keys.contains(where: { contexts.expandIRI($0, nestContext, vocab: true) == "@value" })
                else { throw JSONLDError("invalid @nest value", "@nest at \(where_) must hold objects that are not values") }
                try expandEntries(object, into: &result, active: nestContext, typeScoped: typeScoped, property: activeProperty, base: baseURL, inputType: inputType)
            }
        }
    }

    /// Step 13.8: index, id and type maps.
    private mutating func expandIndexMap(
        _ map: JSONObject, key: String, definition: TermDefinition, active: ActiveContext, base baseURL: String?
    ) throws(JSONLDError) -> [JSONValue] {
        let container = definition.container
        let indexKey = definition.index ?? "@index"
        var items: [JSONValue] = []
        for index in sortedKeys(map) {
            let indexValue = map[index]!
            var mapContext = active
            if container.contains("@id") || container.contains("@type"), let previous = active.previous {
                mapContext = previous.context
            }
            if container.contains("@type"), let indexDefinition = mapContext.terms[index], let scoped = indexDefinition.context {
                mapContext = try contexts.process(mapContext, scoped, base: indexDefinition.baseURL, tag: indexDefinition.contextTag.value)
            }
            let expandedIndex = contexts.expandIRI(index, active, vocab: true)
            path.append(.key(index))
            defer { path.removeLast() }
            let expanded = try expand(mapContext, property: key, .array(indexValue.arrayValue ?? [indexValue]), base: baseURL, fromMap: true)
            for var item in expanded.arrayValue ?? [expanded] {
                if container.contains("@graph"), !Self.isGraphObject(item) {
                    item = .object(JSONObject([("@graph", .array(item.arrayValue ?? [item]))]))
                }
                guard case .object(var object) = item else {
                    items.append(item)
                    continue
                }
                if container.contains("@index"), indexKey != "@index", expandedIndex != "@none" {
                    let reExpanded = try expandValue(active, property: indexKey, .string(index))
                    guard let expandedIndexKey = contexts.expandIRI(indexKey, active, vocab: true) else { continue }
                    let existing = object[expandedIndexKey]
                    object[expandedIndexKey] = .array([reExpanded] + (existing?.arrayValue ?? existing.map { [$0] } ?? []))
                    if Self.isValueObject(.object(object)), object.count > 1 {
                        throw JSONLDError("invalid value object", "a property-valued index at \(where_) cannot be added to a value")
                    }
                } else if container.contains("@index"), object["@index"] == nil, expandedIndex != "@none" {
                    object["@index"] = .string(index)
                } else if container.contains("@id"), object["@id"] == nil, expandedIndex != "@none" {
                    let id = contexts.expandIRI(index, active, documentRelative: true)
                    object["@id"] = id.map(JSONValue.string) ?? .null
                } else if container.contains("@type"), expandedIndex != "@none" {
                    let existing = object["@type"]
                    object["@type"] = .array([.string(expandedIndex ?? index)] + (existing?.arrayValue ?? existing.map { [$0] } ?? []))
                }
                items.append(.object(object))
            }
        }
        return items
    }

    /// Steps 15 to 20: value objects, list and set objects, and free-floating nodes.
    private func finish(_ resultIn: JSONObject, property activeProperty: String?) throws(JSONLDError) -> JSONValue {
        var result = resultIn
        if let value = result["@value"] {
            guard result.keys.allSatisfy(Self.valueObjectKeys.contains),
                !(result["@type"] != nil && (result["@language"] != nil || result["@direction"] != nil))
            else { throw JSONLDError("invalid value object", "a value at \(where_) has entries a value cannot have") }
            if result["@type"] == .string("@json") {
                // Any JSON at all.
            } else if value == .null {
                return .null
            } else if result["@language"] != nil, value.stringValue == nil {
                throw JSONLDError("invalid language-tagged value", "a value with a language at \(where_) must be a string")
            } else if let type = result["@type"] {
                guard case .string(let iri) = type, IRI.isWellFormed(iri), !IRI.isBlankNode(iri) else {
                    throw JSONLDError("invalid typed value", "the type of the value at \(where_) must be an absolute IRI")
                }
            }
        } else if let type = result["@type"], type.arrayValue == nil {
            result["@type"] = .array([type])
        } else if result["@set"] != nil || result["@list"] != nil {
            guard result.count == 1 || (result.count == 2 && result["@index"] != nil) else {
                throw JSONLDError("invalid set or list object", "@set or @list at \(where_) can only go with @index")
            }
            if let set = result["@set"] { return set }
        }
        if result.count == 1, result["@language"] != nil { return .null }
        if activeProperty == nil || activeProperty == "@graph" {
            if result.isEmpty || result["@value"] != nil || result["@list"] != nil { return .null }
            if result.count == 1, result["@id"] != nil { return .null }
        }
        return .object(result)
    }

    /// Value Expansion (§5.3.2).
    mutating func expandValue(_ active: ActiveContext, property: String, _ value: JSONValue) throws(JSONLDError) -> JSONValue {
        let definition = active.terms[property]
        if case .string(let text) = value {
            if definition?.typeMapping == "@id" {
                return .object(JSONObject([("@id", contexts.expandIRI(text, active, documentRelative: true).map(JSONValue.string) ?? .null)]))
            }
            if definition?.typeMapping == "@vocab" {
                return .object(JSONObject([("@id", contexts.expandIRI(text, active, documentRelative: true, vocab: true).map(JSONValue.string) ?? .null)]))
            }
        }
        if safe, case .string(let text) = value, let type = definition?.typeMapping, Self.nonTextTypes.contains(type) {
            // Text where the context types a number or a boolean canonicalizes exactly as the
            // number would, so a signature could not tell `"false"` from `false`: refuse it.
            throw JSONLDError(
                "invalid typed value", "\(property) at \(where_) is the text \"\(text)\"; its context makes it a \(type.split(separator: "#").last ?? ""), so write it without quotes"
            )
        }
        var result = JSONObject([("@value", value)])
        if let type = definition?.typeMapping, !["@id", "@vocab", "@none"].contains(type) {
            result["@type"] = .string(type)
        } else if case .string = value {
            let language: String?
            if let mapped = definition?.language { language = mapped } else { language = active.defaultLanguage }
            let direction: String?
            if let mapped = definition?.direction { direction = mapped } else { direction = active.defaultDirection }
            if let language { result["@language"] = .string(language) }
            if let direction { result["@direction"] = .string(direction) }
        }
        return .object(result)
    }

    /// XSD number and boolean types, under http and https: the OB 3.0 context writes https.
    static let nonTextTypes: Set<String> = Set(
        ["boolean", "integer", "double", "decimal", "float", "int", "long", "nonNegativeInteger", "positiveInteger"].flatMap {
            ["http://www.w3.org/2001/XMLSchema#" + $0, "https://www.w3.org/2001/XMLSchema#" + $0]
        })

    static let valueObjectKeys: Set<String> = ["@direction", "@index", "@language", "@type", "@value"]

    static func isValueObject(_ value: JSONValue) -> Bool { value["@value"] != nil }
    static func isListObject(_ value: JSONValue) -> Bool { value["@list"] != nil }
    static func isGraphObject(_ value: JSONValue) -> Bool {
        guard case .object(let object) = value, object["@graph"] != nil else { return false }
        return object.keys.allSatisfy { ["@graph", "@id", "@index", "@context"].contains($0) }
    }
    static func isNodeObject(_ value: JSONValue) -> Bool {
        guard case .object(let object) = value else { return false }
        return object["@value"] == nil && object["@list"] == nil && object["@set"] == nil
    }
}
