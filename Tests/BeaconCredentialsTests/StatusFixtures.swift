import Foundation

/// Loads the spec / 1EdTech fixture files that sit next to this source file.
enum StatusFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/status", isDirectory: true)

    static func url(_ name: String) -> URL {
        directory.appendingPathComponent(name)
    }

    static func json(_ name: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url(name)))
    }

    static func names(withPrefix prefix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }
            .sorted()
    }

    /// Every value under an `encodedList` key, at any depth.
    static func encodedLists(in value: Any) -> [String] {
        values(forKey: "encodedList", in: value).compactMap { $0 as? String }
    }

    /// Every object carrying a `statusListIndex`, at any depth (handles single or array `credentialStatus`).
    static func statusEntries(in value: Any) -> [[String: Any]] {
        switch value {
        case let object as [String: Any]:
            let here = object["statusListIndex"] != nil ? [object] : []
            return here + object.values.flatMap(statusEntries(in:))
        case let array as [Any]:
            return array.flatMap(statusEntries(in:))
        default:
            return []
        }
    }

    /// `statusListIndex` is a string in the W3C examples but a number in 1EdTech's file.
    static func index(of entry: [String: Any]) -> Int? {
        switch entry["statusListIndex"] {
        case let string as String: Int(string)
        case let number as NSNumber: number.intValue
        default: nil
        }
    }

    private static func values(forKey key: String, in value: Any) -> [Any] {
        switch value {
        case let object as [String: Any]:
            let here = object[key].map { [$0] } ?? []
            return here + object.values.flatMap { values(forKey: key, in: $0) }
        case let array as [Any]:
            return array.flatMap { values(forKey: key, in: $0) }
        default:
            return []
        }
    }
}
