import BeaconJSON
import Foundation

/// Fixture files live beside the tests and are read from disk, not bundled as resources.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    static func text(_ relativePath: String) throws -> String {
        String(decoding: try Data(contentsOf: url(relativePath)), as: UTF8.self)
    }

    static func json(_ relativePath: String) throws -> JSONValue {
        try JSONValue(parsing: Array(try Data(contentsOf: url(relativePath))))
    }
}
