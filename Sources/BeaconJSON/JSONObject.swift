/// A JSON object that remembers member insertion order for output.
///
/// Keys are matched byte for byte (see `ExactString`), never by Unicode equivalence.
/// Equality ignores member order, as JSON objects are unordered; only output uses it.
public struct JSONObject: Hashable, Sendable, Sequence {
    public typealias Element = (key: String, value: JSONValue)

    struct Member: Sendable {
        var key: String
        var value: JSONValue
    }

    private var members: [Member] = []
    /// Key -> position, built only for larger objects; small ones are faster to scan.
    private var index: [ExactKey: Int]?

    private static let indexThreshold = 12

    public init() {}

    /// Builds an object in the given order. A repeated key replaces the earlier value in place.
    public init(_ pairs: [(String, JSONValue)]) {
        members.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            self[key] = value
        }
    }

    public var keys: [String] { members.map(\.key) }
    public var values: [JSONValue] { members.map(\.value) }
    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var underestimatedCount: Int { members.count }

    /// Setting nil removes the key; setting an existing key replaces its value where it stands.
    public subscript(key: String) -> JSONValue? {
        get {
            position(of: key).map { members[$0].value }
        }
        set {
            if let at = position(of: key) {
                if let newValue {
                    members[at].value = newValue
                } else {
                    members.remove(at: at)
                    rebuildIndex()
                }
            } else if let newValue {
                append(key: key, value: newValue)
            }
        }
    }

    public func contains(key: String) -> Bool {
        position(of: key) != nil
    }

    /// Appends without looking for the key; the parser has already ruled out a duplicate.
    mutating func appendNew(key: String, value: JSONValue) {
        append(key: key, value: value)
    }

    /// Members in insertion order, for the serializers.
    var orderedMembers: [Member] { members }

    private mutating func append(key: String, value: JSONValue) {
        members.append(Member(key: key, value: value))
        if index != nil {
            index?[ExactKey(string: key)] = members.count - 1
        } else if members.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        guard members.count > Self.indexThreshold else {
            index = nil
            return
        }
        var built = [ExactKey: Int](minimumCapacity: members.count)
        for (i, member) in members.enumerated() {
            built[ExactKey(string: member.key)] = i
        }
        index = built
    }

    private func position(of key: String) -> Int? {
        if let index {
            return index[ExactKey(string: key)]
        }
        return members.firstIndex { ExactString.equal($0.key, key) }
    }

    public func makeIterator() -> Iterator {
        Iterator(members: members)
    }

    public struct Iterator: IteratorProtocol, Sendable {
        private let members: [Member]
        private var position = 0

        init(members: [Member]) {
            self.members = members
        }

        public mutating func next() -> (key: String, value: JSONValue)? {
            guard position < members.count else { return nil }
            defer { position += 1 }
            return (members[position].key, members[position].value)
        }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for member in lhs.members {
            guard let other = rhs[member.key], other == member.value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine per-member hashes with a commutative sum.
        var sum: Int = 0
        for member in members {
            var memberHasher = Hasher()
            ExactString.hash(member.key, into: &memberHasher)
            memberHasher.combine(member.value)
            sum = sum &+ memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(sum)
    }
}
