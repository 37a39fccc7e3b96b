/// The JSON-LD 1.1 keywords.
enum Keywords {
    static let all: Set<String> = [
        "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included", "@index",
        "@json", "@language", "@list", "@nest", "@none", "@prefix", "@propagate", "@protected", "@reverse",
        "@set", "@type", "@value", "@version", "@vocab",
    ]

    /// Most strings asked about are terms and IRIs: the first byte settles them without hashing.
    static func isKeyword(_ s: String) -> Bool { s.utf8.first == UInt8(ascii: "@") && all.contains(s) }

    /// `@` followed by letters only: reserved for future keywords, ignored with no error.
    static func looksLikeKeyword(_ s: String) -> Bool {
        var scalars = s.unicodeScalars.makeIterator()
        guard scalars.next() == "@" else { return false }
        var count = 0
        while let c = scalars.next() {
            guard ("a"..."z").contains(c) || ("A"..."Z").contains(c) else { return false }
            count += 1
        }
        return count > 0
    }
}
