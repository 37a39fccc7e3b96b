import BeaconCredentials
import Foundation

/// Fixture files live beside the tests and are read from disk, not bundled as resources.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    static func text(_ relativePath: String) throws -> String {
        String(decoding: try bytes(relativePath), as: UTF8.self)
    }

    static func json(_ relativePath: String) throws -> JSONValue {
        try JSONValue(parsing: try bytes(relativePath))
    }

    /// The six RFC 8785 vectors shipped in Fixtures/jcs.
    static let jcsVectorNames = ["arrays", "french", "structures", "unicode", "values", "weird"]
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

func bytes(hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count, by: 2).map {
        UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)!
    }
}

/// The error thrown for `input`, or nil if it parsed.
func parseError(_ input: String, limits: JSONLimits = .init()) -> JSONError? {
    do {
        _ = try JSONValue(parsing: input, limits: limits)
        return nil
    } catch {
        return error
    }
}

func parseError(_ input: [UInt8], limits: JSONLimits = .init()) -> JSONError? {
    do {
        _ = try JSONValue(parsing: input, limits: limits)
        return nil
    } catch {
        return error
    }
}

func nested(depth: Int) -> String {
    String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
}
