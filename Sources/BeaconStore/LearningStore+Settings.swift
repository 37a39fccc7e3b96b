import BeaconCredentials
import Foundation

/// Settings and the issuer's details, on the storage seam: the same code on SQLite and PostgreSQL.
public enum SettingRecords {
    public static func value(_ tx: any RecordTransaction, _ key: String) throws -> String? {
        try tx.row("SELECT value FROM setting WHERE key = ?", [.text(key)])?.string("value")
    }

    public static func set(_ tx: any RecordTransaction, _ key: String, _ value: String) throws {
        try tx.execute("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [.text(key), .text(value)])
    }

    public static func issuerDetails(_ tx: any RecordTransaction) throws -> IssuerDetails {
        IssuerDetails(
            name: try value(tx, "issuer.name"), url: try value(tx, "issuer.url"), publicURL: try value(tx, "public.url"),
            forTesting: try value(tx, "issuer.for-testing") == "yes", did: try value(tx, "issuer.did").flatMap { $0 == "did:key" ? nil : $0 }
        )
    }

    /// Sets the given details (nil leaves one as it is) and returns what actually changed,
    /// audited with its actor in the same transaction.
    public static func updateIssuer(_ tx: any RecordTransaction, _ update: IssuerDetails.Update, actor: String, at now: Date) throws -> [IssuerDetails.Change] {
        var changes: [IssuerDetails.Change] = []
        let fields: [(String, String, String?)] = [
            ("issuer.name", "name", update.name),
            ("issuer.url", "web site", update.url),
            ("public.url", "public URL", update.publicURL.map(IssuerDetails.trimmedURL)),
            ("issuer.for-testing", "for testing", update.forTesting.map { $0 ? "yes" : "no" }),
            ("issuer.did", "DID", update.did),
        ]
        for (key, label, new) in fields {
            guard let new else { continue }
            let old = try value(tx, key)
            guard old != new, !(old == nil && key == "issuer.for-testing" && new == "no"), !(old == nil && key == "issuer.did" && new == "did:key")
            else { continue }
            try set(tx, key, new)
            changes.append(IssuerDetails.Change(field: label, old: old, new: new))
        }
        if !changes.isEmpty {
            let details = JSONObject(changes.map { ($0.field, JSONValue.string($0.new)) })
            try AuditLog.append(tx, actor: actor, action: "issuer.update", subject: "issuer", details: details, at: now)
        }
        return changes
    }
}

extension LearningStore {
    public func setting(_ key: String) throws -> String? {
        try database.read { tx in try SettingRecords.value(tx, key) }
    }

    public func setSetting(_ key: String, _ value: String) throws {
        try database.write { tx in try SettingRecords.set(tx, key, value) }
    }

    /// The issuer's details as set with `beacon issuer set` (or `keys init`), with defaults
    /// for what is unset; `Settings.problem` says whether certificates may be issued with them.
    public func certificationSettings() throws -> CertificationService.Settings {
        let details = try issuerDetails()
        return CertificationService.Settings(
            issuerName: details.name ?? IssuerDetails.placeholderName,
            issuerURL: details.url,
            publicURL: details.publicURL ?? IssuerDetails.placeholderPublicURL,
            forTesting: details.forTesting,
            unset: Set([details.name == nil ? "name" : nil, details.publicURL == nil ? "public URL" : nil].compactMap { $0 }),
            issuerDID: details.did
        )
    }

    public func issuerDetails() throws -> IssuerDetails {
        try database.read { tx in try SettingRecords.issuerDetails(tx) }
    }

    /// How many certificates this record has issued.
    public func credentialCount() throws -> Int {
        try database.read { tx in Int(try tx.row("SELECT COUNT(*) AS n FROM credential")?.int64("n") ?? 0) }
    }

    /// Sets the given details (nil leaves one as it is) and returns what actually changed,
    /// audited with its actor in the same transaction.
    @discardableResult
    public func updateIssuer(_ update: IssuerDetails.Update, at now: Date = Date()) throws -> [IssuerDetails.Change] {
        try database.write { tx in try SettingRecords.updateIssuer(tx, update, actor: LearningStore.actor, at: now) }
    }
}

/// Who issues certificates and where employers check them.
public struct IssuerDetails: Sendable, Equatable, Encodable {
    public var name: String?
    public var url: String?
    public var publicURL: String?
    /// Allows loopback and placeholder addresses, for tests and demonstrations only.
    public var forTesting: Bool
    /// A did:web the issuer signs as; nil for the key's own did:key (the offline default).
    public var did: String?

    public struct Update: Sendable {
        public var name: String?
        public var url: String?
        public var publicURL: String?
        public var forTesting: Bool?
        /// A did:web, or "did:key" to go back to the key's own DID.
        public var did: String?

        public init(name: String? = nil, url: String? = nil, publicURL: String? = nil, forTesting: Bool? = nil, did: String? = nil) {
            self.name = name
            self.url = url
            self.publicURL = publicURL
            self.forTesting = forTesting
            self.did = did
        }
    }

    public struct Change: Sendable, Equatable, Encodable {
        public var field: String
        public var old: String?
        public var new: String
    }

    /// What `beacon serve` uses until a public URL is set; never signed into a certificate.
    public static let placeholderPublicURL = "http://127.0.0.1:8080"
    static let placeholderName = "Beacon peer support training"

    static func trimmedURL(_ url: String) -> String { url.hasSuffix("/") ? String(url.dropLast()) : url }
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
        /// For a did:web: its DID document, pinned (as JSON text), so it verifies offline.
        public var didDocument: String?

        public init(did: String, name: String?, added: Date, didDocument: String? = nil) {
            self.did = did
            self.name = name
            self.added = added
            self.didDocument = didDocument
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

    /// The pinned DID documents, by DID (those whose id matches their entry).
    public var didDocuments: [String: JSONObject] {
        var documents: [String: JSONObject] = [:]
        for entry in trusted {
            guard let text = entry.didDocument, case .object(let document)? = try? JSONValue(parsing: text), document["id"]?.stringValue == entry.did else { continue }
            documents[entry.did] = document
        }
        return documents
    }
}
