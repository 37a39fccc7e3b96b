import Foundation
import GRDB

extension LearningStore {
    public func setting(_ key: String) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, _ value: String) throws {
        try writer.write { db in
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", arguments: [key, value])
        }
    }

    /// The issuer's name and public URL as set with `beacon keys init`, with safe defaults.
    public func certificationSettings() throws -> CertificationService.Settings {
        CertificationService.Settings(
            issuerName: try setting("issuer.name") ?? "Beacon peer support training",
            issuerURL: try setting("issuer.url"),
            publicURL: try setting("public.url") ?? "http://127.0.0.1:8080"
        )
    }
}

/// Issuers a verifier trusts beyond this machine's own keys: `BEACON_HOME/trust.json`.
public struct TrustList: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var did: String
        public var name: String?
        public var added: Date

        public init(did: String, name: String?, added: Date) {
            self.did = did
            self.name = name
            self.added = added
        }
    }

    public var trusted: [Entry] = []

    public init() {}

    public static func load(from url: URL) throws -> TrustList {
        guard FileManager.default.fileExists(atPath: url.path) else { return TrustList() }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(TrustList.self, from: Data(contentsOf: url))
    }

    public func save(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }

    public static func file(home: URL) -> URL { home.appendingPathComponent("trust.json") }
}
