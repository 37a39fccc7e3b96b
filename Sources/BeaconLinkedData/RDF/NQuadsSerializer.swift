/// Canonical N-Quads (RDF 1.2 N-Quads, canonical form, as RDFC-1.0 hashes it): IRIs as written,
/// literals with the seven short escapes and `\uXXXX` (upper-case hex) for other control characters.
public enum NQuads {
    /// One line, ending in a newline.
    public static func line(_ quad: Quad) -> String {
        var out = ""
        out.reserveCapacity(128)
        write(quad.subject, into: &out)
        out += " "
        write(quad.predicate, into: &out)
        out += " "
        write(quad.object, into: &out)
        if let graph = quad.graph {
            out += " "
            write(graph, into: &out)
        }
        out += " .\n"
        return out
    }

    /// Every distinct quad's line, sorted in code point order (the canonical N-Quads document).
    public static func document(_ quads: [Quad]) -> String {
        let lines = quads.map(line).sorted(by: codePointPrecedes)
        var out = ""
        out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count })
        var previous: String?
        // Byte comparison: String's == would merge lines that differ only in normalization.
        for line in lines where !(previous.map { $0.utf8.elementsEqual(line.utf8) } ?? false) {
            out += line
            previous = line
        }
        return out
    }

    static func write(_ term: RDFTerm, into out: inout String) {
        switch term {
        case .iri(let iri):
            out += "<"
            out += iri
            out += ">"
        case .blank(let label):
            out += "_:"
            out += label
        case .literal(let value, let datatype, let language):
            out += "\""
            escape(value, into: &out)
            out += "\""
            if let language {
                out += "@"
                out += language
            } else if datatype != RDFTerm.xsdString {
                out += "^^<"
                out += datatype
                out += ">"
            }
        }
    }

    private static let hex: [Character] = Array("0123456789ABCDEF")

    static func escape(_ value: String, into out: inout String) {
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x08: out += "\\b"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0C: out += "\\f"
            case 0x0D: out += "\\r"
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x00...0x1F, 0x7F:
                out += "\\u00"
                out.append(hex[Int(scalar.value >> 4)])
                out.append(hex[Int(scalar.value & 0xF)])
            default:
                out.unicodeScalars.append(scalar)
            }
        }
    }

    /// Code point order. Swift's `<` on String compares by Unicode canonical equivalence, which is
    /// not what the canonical form sorts by; UTF-8 byte order is code point order.
    public static func codePointPrecedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
