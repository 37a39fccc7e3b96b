/// Issues `prefix0`, `prefix1`, … to blank nodes in the order first asked, remembering each.
struct IdentifierIssuer: Sendable {
    let prefix: String
    private var counter = 0
    private(set) var issued: [String: String] = [:]
    /// Existing identifiers in the order they were issued.
    private(set) var order: [String] = []

    init(prefix: String) {
        self.prefix = prefix
    }

    subscript(existing: String) -> String? { issued[existing] }

    mutating func issue(_ existing: String) -> String {
        if let known = issued[existing] { return known }
        let fresh = prefix + String(counter)
        counter += 1
        issued[existing] = fresh
        order.append(existing)
        return fresh
    }
}
