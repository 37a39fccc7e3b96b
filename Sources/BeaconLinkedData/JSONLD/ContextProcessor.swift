import BeaconJSON
import Synchronization

/// Processed contexts shared by every document checked with a loader that always serves the
/// same contexts. Bounded: emptied when it grows past `limit` (hostile documents could
/// otherwise fill it with one-off scoped contexts).
final class SharedContextCache: Sendable {
    static let shared = SharedContextCache()
    private let entries = Mutex<[ContextProcessor.CacheKey: ActiveContext]>([:])
    let limit = 2_000

    func get(_ key: ContextProcessor.CacheKey) -> ActiveContext? {
        entries.withLock { $0[key] }
    }

    func put(_ key: ContextProcessor.CacheKey, _ value: ActiveContext) {
        entries.withLock { table in
            if table.count >= limit { table.removeAll(keepingCapacity: true) }
            table[key] = value
        }
    }
}

/// The Context Processing, Create Term Definition and IRI Expansion algorithms (JSON-LD 1.1
/// API §4.1.2, §4.2.2, §5.2.2), in JSON-LD 1.1 processing mode.
struct ContextProcessor {
    let loader: any DocumentLoader
    /// How many remote contexts one chain may pull in: a context that includes itself stops here.
    var maxRemoteContexts = 32
    /// Remote documents already loaded in this run, by URL.
    var loaded: [String: (document: JSONValue, documentURL: String)] = [:]
    /// Results already computed in this run, keyed by the context they started from and the
    /// local context: the same scoped context is applied to every node of its type.
    var processedCache: [CacheKey: ActiveContext] = [:]
    var work = 0
    var maxWork = 100_000

    struct CacheKey: Hashable, Sendable {
        var loader: String?
        var active: ContextIdentity
        /// The local context, or for a scoped one its tag (see `TermDefinition.contextTag`).
        var local: JSONValue
        var localTag: UInt64
        var base: String?
        var overrideProtected: Bool
        var propagate: Bool
    }

    init(loader: any DocumentLoader) {
        self.loader = loader
    }

    mutating func spend() throws(JSONLDError) {
        work += 1
        guard work <= maxWork else {
            throw JSONLDError("too large", "the document needs more than \(maxWork) steps to expand (too many values or contexts); it was refused")
        }
    }

    mutating func load(_ url: String) throws(JSONLDError) -> (document: JSONValue, documentURL: String) {
        if let known = loaded[url] { return known }
        let fetched: (document: JSONValue, documentURL: String)
        do {
            fetched = try loader.load(url)
        } catch {
            throw JSONLDError("loading remote context failed", error.message)
        }
        loaded[url] = fetched
        return fetched
    }

    // MARK: Context Processing (§4.1.2)

    mutating func process(
        _ active: ActiveContext, _ localContext: JSONValue, base baseURL: String?,
        remoteContexts: [String] = [], overrideProtected: Bool = false, propagate propagateIn: Bool = true,
        validateScoped: Bool = true, tag: UInt64 = 0
    ) throws(JSONLDError) -> ActiveContext {
        let shared = loader.sharedCacheName
        let key = CacheKey(
            loader: shared, active: active.identity, local: tag == 0 ? localContext : .null, localTag: tag, base: baseURL,
            overrideProtected: overrideProtected, propagate: propagateIn
        )
        let cacheable = remoteContexts.isEmpty && validateScoped
        if cacheable {
            if let known = processedCache[key] { return known }
            if shared != nil, let known = SharedContextCache.shared.get(key) {
                processedCache[key] = known
                return known
            }
        }
        try spend()
        var result = active
        var propagate = propagateIn
        if case .object(let object) = localContext, let value = object["@propagate"] {
            guard case .bool(let flag) = value else { throw JSONLDError("invalid @propagate value", "@propagate must be true or false") }
            propagate = flag
        }
        if !propagate, result.previous == nil { result.previous = .init(active) }
        let contexts = localContext.arrayValue ?? [localContext]
        var remote = remoteContexts
        for context in contexts {
            switch context {
            case .null:
                if !overrideProtected, result.hasProtectedTerms {
                    throw JSONLDError("invalid context nullification", "a null @context would undo protected term definitions")
                }
                let previous = result.previous
                result = ActiveContext(base: active.originalBase)
                if !propagate { result.previous = previous }
                continue
            case .string(let reference):
                let url = IRI.resolve(reference, against: baseURL)
                if !validateScoped, remote.contains(url) { continue }
                guard remote.count < maxRemoteContexts else {
                    throw JSONLDError("context overflow", "more than \(maxRemoteContexts) contexts are included one inside another (\(url)): a context that includes itself?")
                }
                remote.append(url)
                let fetched = try load(url)
                guard case .object(let document) = fetched.document, let inner = document["@context"] else {
                    throw JSONLDError("invalid remote context", "the document at \(url) has no @context")
                }
                result = try process(result, inner, base: fetched.documentURL, remoteContexts: remote, overrideProtected: overrideProtected, validateScoped: validateScoped)
                continue
            case .object:
                break
            default:
                throw JSONLDError("invalid local context", "a @context must be an object, a string or null")
            }
            guard case .object(var definitions) = context else { continue }
            if let version = definitions["@version"] {
                guard case .number(let number) = version, number.value == 1.1 else {
                    throw JSONLDError("invalid @version value", "@version must be the number 1.1")
                }
            }
            if let importValue = definitions["@import"] {
                guard case .string(let reference) = importValue else { throw JSONLDError("invalid @import value", "@import must be a string") }
                let url = IRI.resolve(reference, against: baseURL)
                let fetched = try load(url)
                guard case .object(let document) = fetched.document, case .object(let imported) = document["@context"] else {
                    throw JSONLDError("invalid remote context", "the document at \(url) has no @context object to import")
                }
                guard imported["@import"] == nil else {
                    throw JSONLDError("invalid context entry", "the context imported from \(url) itself has an @import")
                }
                var merged = imported
                for (name, value) in definitions where name != "@import" { merged[name] = value }
                definitions = merged
            }
            if let base = definitions["@base"], remote.isEmpty {
                switch base {
                case .null: result.base = nil
                case .string(let text) where IRI.isAbsolute(text): result.base = text
                case .string(let text) where result.base != nil: result.base = IRI.resolve(text, against: result.base)
                default: throw JSONLDError("invalid base IRI", "@base must be an IRI or null")
                }
            }
            if let vocab = definitions["@vocab"] {
                switch vocab {
                case .null: result.vocab = nil
                case .string(let text):
                    guard IRI.isAbsolute(text) || IRI.isBlankNode(text) || !text.contains(":") else {
                        throw JSONLDError("invalid vocab mapping", "@vocab \(text) is not an IRI")
                    }
                    var defined: [String: Bool] = [:]
                    result.vocab = try expandIRI(text, in: &result, documentRelative: true, vocab: true, local: nil, defined: &defined)
                default: throw JSONLDError("invalid vocab mapping", "@vocab must be an IRI or null")
                }
            }
            if let language = definitions["@language"] {
                switch language {
                case .null: result.defaultLanguage = nil
                case .string(let text): result.defaultLanguage = text.lowercased()
                default: throw JSONLDError("invalid default language", "@language must be a string or null")
                }
            }
            if let direction = definitions["@direction"] {
                switch direction {
                case .null: result.defaultDirection = nil
                case .string(let text) where text == "ltr" || text == "rtl": result.defaultDirection = text
                default: throw JSONLDError("invalid base direction", "@direction must be \"ltr\", \"rtl\" or null")
                }
            }
            if let flag = definitions["@propagate"], flag.boolValue == nil {
                throw JSONLDError("invalid @propagate value", "@propagate must be true or false")
            }
            var protectedDefault = false
            if let flag = definitions["@protected"] {
                guard case .bool(let value) = flag else { throw JSONLDError("invalid @protected value", "@protected must be true or false") }
                protectedDefault = value
            }
            var defined: [String: Bool] = [:]
            let skipped: Set<String> = ["@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab"]
            for term in definitions.keys where !skipped.contains(term) {
                try defineTerm(
                    term, in: &result, local: definitions, defined: &defined, base: baseURL, protected: protectedDefault,
                    overrideProtected: overrideProtected, remoteContexts: remote, validateScoped: validateScoped
                )
            }
        }
        // One new identity for the finished context: every change above is behind it.
        result.renew()
        if cacheable {
            processedCache[key] = result
            if shared != nil { SharedContextCache.shared.put(key, result) }
        }
        return result
    }

    // MARK: Create Term Definition (§4.2.2)

    mutating func defineTerm(
        _ term: String, in active: inout ActiveContext, local: JSONObject, defined: inout [String: Bool], base baseURL: String?,
        protected protectedDefault: Bool = false, overrideProtected: Bool = false, remoteContexts: [String] = [], validateScoped: Bool = true
    ) throws(JSONLDError) {
        if let state = defined[term] {
            if state { return }
            throw JSONLDError("cyclic IRI mapping", "the term \(term) is defined in terms of itself")
        }
        guard !term.isEmpty else { throw JSONLDError("invalid term definition", "a term cannot be the empty string") }
        defined[term] = false
        let value = local[term] ?? .null
        if term == "@type" {
            guard case .object(let object) = value, !object.isEmpty,
                object.keys.allSatisfy({ $0 == "@container" || $0 == "@protected" }),
                object["@container"] == nil || object["@container"] == .string("@set")
            else { throw JSONLDError("keyword redefinition", "@type can only be given \"@container\": \"@set\" and @protected") }
        } else if Keywords.isKeyword(term) {
            throw JSONLDError("keyword redefinition", "the keyword \(term) cannot be redefined")
        } else if Keywords.looksLikeKeyword(term) {
            defined[term] = true
            return
        }
        let previousDefinition = active.terms.removeValue(forKey: term)
        var object: JSONObject
        var simpleTerm = false
        switch value {
        case .null:
            object = JSONObject([("@id", .null)])
        case .string:
            object = JSONObject([("@id", value)])
            simpleTerm = true
        case .object(let given):
            object = given
        default:
            throw JSONLDError("invalid term definition", "the definition of \(term) must be a string, an object or null")
        }
        var definition = TermDefinition()
        var isProtected = protectedDefault
        if let flag = object["@protected"] {
            guard case .bool(let value) = flag else { throw JSONLDError("invalid @protected value", "@protected of \(term) must be true or false") }
            isProtected = value
        }
        definition.isProtected = isProtected
        if let typeValue = object["@type"] {
            guard case .string(let type) = typeValue else { throw JSONLDError("invalid type mapping", "the @type of \(term) must be a string") }
            guard let expanded = try expandIRI(type, in: &active, vocab: true, local: local, defined: &defined),
                ["@id", "@json", "@none", "@vocab"].contains(expanded) || IRI.isAbsolute(expanded)
            else { throw JSONLDError("invalid type mapping", "the @type of \(term), \(type), is not an IRI") }
            definition.typeMapping = expanded
        }
        if let reverseValue = object["@reverse"] {
            guard object["@id"] == nil, object["@nest"] == nil else {
                throw JSONLDError("invalid reverse property", "\(term) has @reverse with @id or @nest")
            }
            guard case .string(let reverse) = reverseValue else { throw JSONLDError("invalid IRI mapping", "the @reverse of \(term) must be a string") }
            if Keywords.looksLikeKeyword(reverse) {
                defined[term] = true
                return
            }
            guard let expanded = try expandIRI(reverse, in: &active, vocab: true, local: local, defined: &defined),
                IRI.isAbsolute(expanded) || IRI.isBlankNode(expanded)
            else { throw JSONLDError("invalid IRI mapping", "the @reverse of \(term) is not an IRI") }
            definition.iri = expanded
            if let container = object["@container"] {
                guard container == .string("@set") || container == .string("@index") || container == .null else {
                    throw JSONLDError("invalid reverse property", "the @container of reverse property \(term) must be @set, @index or null")
                }
                if case .string(let kind) = container { definition.container = [kind] }
            }
            if let indexValue = object["@index"] {
                guard definition.container.contains("@index"), case .string(let index) = indexValue, !Keywords.isKeyword(index) else {
                    throw JSONLDError("invalid term definition", "the @index of \(term) must name a property, with an @index container")
                }
                definition.index = index
            }
            definition.isReverse = true
            try checkProtected(term, definition, previousDefinition, overrideProtected, &active, &defined)
            return
        }
        if let idValue = object["@id"], idValue != .string(term) {
            switch idValue {
            case .null:
                definition.iri = nil
            case .string(let id):
                if !Keywords.isKeyword(id), Keywords.looksLikeKeyword(id) {
                    defined[term] = true
                    return
                }
                guard let expanded = try expandIRI(id, in: &active, vocab: true, local: local, defined: &defined),
                    Keywords.isKeyword(expanded) || IRI.isAbsolute(expanded) || IRI.isBlankNode(expanded)
                else { throw JSONLDError("invalid IRI mapping", "the @id of \(term), \(id), is not an IRI") }
                guard expanded != "@context" else { throw JSONLDError("invalid keyword alias", "\(term) cannot be an alias of @context") }
                definition.iri = expanded
                let inner = term.dropFirst().dropLast()
                if inner.contains(":") || term.contains("/") {
                    defined[term] = true
                    let itself = try expandIRI(term, in: &active, vocab: true, local: local, defined: &defined)
                    guard itself == expanded else {
                        throw JSONLDError("invalid IRI mapping", "the term \(term) looks like an IRI but is defined as \(expanded)")
                    }
                }
                if !term.contains(":"), !term.contains("/"), simpleTerm,
                    IRI.isBlankNode(expanded) || expanded.last.map({ ":/?#[]@".contains($0) }) == true
                {
                    definition.isPrefix = true
                }
            default:
                throw JSONLDError("invalid IRI mapping", "the @id of \(term) must be a string or null")
            }
        } else if let colon = term.dropFirst().firstIndex(of: ":") {
            let prefix = String(term[..<colon])
            let suffix = String(term[term.index(after: colon)...])
            if local[prefix] != nil {
                try defineTerm(prefix, in: &active, local: local, defined: &defined, base: baseURL, remoteContexts: remoteContexts, validateScoped: validateScoped)
            }
            if let prefixDefinition = active.terms[prefix], let prefixIRI = prefixDefinition.iri {
                definition.iri = prefixIRI + suffix
            } else {
                definition.iri = term
            }
        } else if term.contains("/") {
            guard let expanded = try expandIRI(term, in: &active, vocab: true, local: nil, defined: &defined), IRI.isAbsolute(expanded) else {
                throw JSONLDError("invalid IRI mapping", "the term \(term) is a relative IRI with no vocabulary to resolve it")
            }
            definition.iri = expanded
        } else if term == "@type" {
            definition.iri = "@type"
        } else {
            guard let vocab = active.vocab else {
                throw JSONLDError("invalid IRI mapping", "the term \(term) has no @id and the context has no @vocab")
            }
            definition.iri = vocab + term
        }
        if let containerValue = object["@container"] {
            let kinds = containerValue.arrayValue ?? [containerValue]
            var container: Set<String> = []
            for kind in kinds {
                guard case .string(let name) = kind, ["@graph", "@id", "@index", "@language", "@list", "@set", "@type"].contains(name) else {
                    throw JSONLDError("invalid container mapping", "the @container of \(term) is not a container kind")
                }
                container.insert(name)
            }
            guard Self.validContainer(container, isArray: containerValue.arrayValue != nil) else {
                throw JSONLDError("invalid container mapping", "the @container of \(term) combines kinds that cannot go together")
            }
            definition.container = container
            if container.contains("@type") {
                if definition.typeMapping == nil { definition.typeMapping = "@id" }
                guard definition.typeMapping == "@id" || definition.typeMapping == "@vocab" else {
                    throw JSONLDError("invalid type mapping", "a @type container needs @type @id or @vocab (\(term))")
                }
            }
        }
        if let indexValue = object["@index"] {
            guard definition.container.contains("@index") else {
                throw JSONLDError("invalid term definition", "\(term) has @index without an @index container")
            }
            guard case .string(let index) = indexValue, !Keywords.isKeyword(index),
                let expanded = try expandIRI(index, in: &active, vocab: true, local: local, defined: &defined), IRI.isAbsolute(expanded)
            else { throw JSONLDError("invalid term definition", "the @index of \(term) must name a property") }
            definition.index = index
        }
        if let scoped = object["@context"] {
            do {
                _ = try process(active, scoped, base: baseURL, remoteContexts: remoteContexts, overrideProtected: true, validateScoped: false)
            } catch {
                throw JSONLDError("invalid scoped context", "the scoped @context of \(term) is not valid: \(error.message)")
            }
            definition.context = scoped
            definition.contextTag = .init(value: ContextIdentity.next().value)
            definition.baseURL = baseURL
        }
        if let languageValue = object["@language"], object["@type"] == nil {
            switch languageValue {
            case .null: definition.language = .some(nil)
            case .string(let text): definition.language = .some(text.lowercased())
            default: throw JSONLDError("invalid language mapping", "the @language of \(term) must be a string or null")
            }
        }
        if let directionValue = object["@direction"], object["@type"] == nil {
            switch directionValue {
            case .null: definition.direction = .some(nil)
            case .string(let text) where text == "ltr" || text == "rtl": definition.direction = .some(text)
            default: throw JSONLDError("invalid base direction", "the @direction of \(term) must be \"ltr\", \"rtl\" or null")
            }
        }
        if let nestValue = object["@nest"] {
            guard case .string(let nest) = nestValue, !Keywords.isKeyword(nest) || nest == "@nest" else {
                throw JSONLDError("invalid @nest value", "the @nest of \(term) must be a term or @nest")
            }
            definition.nest = nest
        }
        if let prefixValue = object["@prefix"] {
            guard !term.contains(":"), !term.contains("/") else {
                throw JSONLDError("invalid term definition", "\(term) cannot have @prefix: it is an IRI itself")
            }
            guard case .bool(let flag) = prefixValue else { throw JSONLDError("invalid @prefix value", "the @prefix of \(term) must be true or false") }
            definition.isPrefix = flag
            if flag, let iri = definition.iri, Keywords.isKeyword(iri) {
                throw JSONLDError("invalid term definition", "the keyword alias \(term) cannot be a prefix")
            }
        }
        let allowed: Set<String> = ["@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix", "@protected", "@type"]
        if let unknown = object.keys.first(where: { !allowed.contains($0) }) {
            throw JSONLDError("invalid term definition", "the definition of \(term) has an unknown entry \(unknown)")
        }
        try checkProtected(term, definition, previousDefinition, overrideProtected, &active, &defined)
    }

    private func checkProtected(
        _ term: String, _ definition: TermDefinition, _ previous: TermDefinition?, _ overrideProtected: Bool,
        _ active: inout ActiveContext, _ defined: inout [String: Bool]
    ) throws(JSONLDError) {
        var chosen = definition
        if !overrideProtected, let previous, previous.isProtected {
            guard definition.sameMeaning(as: previous) else {
                throw JSONLDError("protected term redefinition", "the protected term \(term) cannot be given another meaning")
            }
            chosen = previous
        }
        active.terms[term] = chosen
        defined[term] = true
    }

    static func validContainer(_ container: Set<String>, isArray: Bool) -> Bool {
        if container.count == 1 { return true }
        if container.contains("@list") { return false }
        if container.contains("@graph") {
            return container.subtracting(["@graph", "@id", "@index", "@set"]).isEmpty
                && !(container.contains("@id") && container.contains("@index"))
        }
        if container.contains("@set") {
            return container.count == 2 && container.subtracting(["@set", "@index", "@id", "@type", "@language"]).isEmpty
        }
        return false
    }

    // MARK: IRI Expansion (§5.2.2)

    mutating func expandIRI(
        _ value: String, in active: inout ActiveContext, documentRelative: Bool = false, vocab: Bool = false,
        local: JSONObject?, defined: inout [String: Bool]
    ) throws(JSONLDError) -> String? {
        if Keywords.isKeyword(value) { return value }
        if Keywords.looksLikeKeyword(value) { return nil }
        if let local, local[value] != nil, defined[value] != true {
            try defineTerm(value, in: &active, local: local, defined: &defined, base: nil)
        }
        if let definition = active.terms[value] {
            if let iri = definition.iri, Keywords.isKeyword(iri) { return iri }
            if vocab { return definition.iri }
        }
        if let colon = value.dropFirst().firstIndex(of: ":") {
            let prefix = String(value[..<colon])
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let local, local[prefix] != nil, defined[prefix] != true {
                try defineTerm(prefix, in: &active, local: local, defined: &defined, base: nil)
            }
            if let definition = active.terms[prefix], let iri = definition.iri, definition.isPrefix {
                return iri + suffix
            }
            if IRI.isAbsolute(value) { return value }
        }
        if vocab, let vocabMapping = active.vocab { return vocabMapping + value }
        if documentRelative { return IRI.resolve(value, against: active.base) }
        return value
    }

    /// IRI expansion against a finished context (no local definitions pending).
    mutating func expandIRI(_ value: String, _ active: ActiveContext, documentRelative: Bool = false, vocab: Bool = false) -> String? {
        var copy = active
        var defined: [String: Bool] = [:]
        return (try? expandIRI(value, in: &copy, documentRelative: documentRelative, vocab: vocab, local: nil, defined: &defined)) ?? nil
    }
}
