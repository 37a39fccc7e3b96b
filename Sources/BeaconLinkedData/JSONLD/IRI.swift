/// IRI helpers: absolute or not, and RFC 3986 §5.2 reference resolution.
enum IRI {
    /// Has a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
    static func isAbsolute(_ s: String) -> Bool {
        var first = true
        for c in s.unicodeScalars {
            if c == ":" { return !first }
            let letter = ("a"..."z").contains(c) || ("A"..."Z").contains(c)
            if first {
                guard letter else { return false }
                first = false
            } else {
                guard letter || ("0"..."9").contains(c) || c == "+" || c == "-" || c == "." else { return false }
            }
        }
        return false
    }

    static func isBlankNode(_ s: String) -> Bool { s.hasPrefix("_:") }

    /// Well-formed enough to stand as an IRI in RDF: absolute, with no spaces or characters
    /// IRIs forbid. toRdf drops triples whose IRIs fail this.
    static func isWellFormed(_ s: String) -> Bool {
        guard isAbsolute(s) else { return false }
        var hashes = 0
        for c in s.unicodeScalars {
            if c == "#" {
                hashes += 1
                if hashes > 1 { return false }  // a fragment cannot hold another '#'
            }
            switch c {
            case "\u{00}"..."\u{20}", "<", ">", "\"", "{", "}", "|", "\\", "^", "`": return false
            default: continue
            }
        }
        return true
    }

    struct Parts {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        init(_ s: String) {
            var rest = Substring(s)
            if let hash = rest.firstIndex(of: "#") {
                fragment = String(rest[rest.index(after: hash)...])
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: question)...])
                rest = rest[..<question]
            }
            if IRI.isAbsolute(String(rest)), let colon = rest.firstIndex(of: ":") {
                scheme = String(rest[..<colon])
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(of: "/") ?? rest.endIndex
                authority = String(rest[..<end])
                rest = rest[end...]
            }
            path = String(rest)
        }

        var text: String {
            var out = ""
            if let scheme { out += scheme + ":" }
            if let authority { out += "//" + authority }
            out += path
            if let query { out += "?" + query }
            if let fragment { out += "#" + fragment }
            return out
        }
    }

    /// Resolves `reference` against `base` (RFC 3986 §5.2.2, strict).
    static func resolve(_ reference: String, against base: String?) -> String {
        guard let base else { return reference }
        let r = Parts(reference)
        let b = Parts(base)
        var t = Parts("")
        if r.scheme != nil {
            t = r
            t.path = removeDotSegments(r.path)
        } else {
            if r.authority != nil {
                t.authority = r.authority
                t.path = removeDotSegments(r.path)
                t.query = r.query
            } else {
                if r.path.isEmpty {
                    t.path = b.path
                    t.query = r.query ?? b.query
                } else {
                    if r.path.hasPrefix("/") {
                        t.path = removeDotSegments(r.path)
                    } else {
                        t.path = removeDotSegments(merge(b, r.path))
                    }
                    t.query = r.query
                }
                t.authority = b.authority
            }
            t.scheme = b.scheme
        }
        t.fragment = r.fragment
        return t.text
    }

    private static func merge(_ base: Parts, _ path: String) -> String {
        if base.authority != nil, base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return String(base.path[...slash]) + path
    }

    static func removeDotSegments(_ path: String) -> String {
        var input = Substring(path)
        var output: [Substring] = []
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                // Move the first segment (with its leading "/", if any) to the output.
                let start = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[start...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }
}
