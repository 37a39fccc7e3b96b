import BeaconCredentials
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

/// A trust file that cannot be used, named with the reason.
public struct TrustListError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path) \(reason)" }
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

    /// Reads a trust file. It decides whose certificates are believed, so it is read as strictly
    /// as a credential: at most 1 MiB, and a repeated key (`"trusted"` twice) is an error rather
    /// than whichever copy a lenient decoder happens to keep.
    public static func load(from url: URL) throws -> TrustList {
        guard FileManager.default.fileExists(atPath: url.path) else { return TrustList() }
        let limit = 1 << 20
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw TrustListError(path: url.path, reason: "cannot be read")
        }
        guard data.count <= limit else { throw TrustListError(path: url.path, reason: "is over 1 MiB; a trust file lists a few issuers") }
        do {
            _ = try JSONValue(parsing: [UInt8](data))
        } catch {
            throw TrustListError(path: url.path, reason: "is not valid JSON: \(error.description)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let list = try? decoder.decode(TrustList.self, from: data) else {
            throw TrustListError(path: url.path, reason: #"does not have the form {"trusted": [{"did": "did:key:…", "added": "2026-01-01T00:00:00Z"}]}"#)
        }
        return list
    }

    public func save(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }

    public static func file(home: URL) -> URL { home.appendingPathComponent("trust.json") }
}
