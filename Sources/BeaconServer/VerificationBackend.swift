import BeaconCredentials
import BeaconStore
import Foundation

/// What the server needs from the certification side, as a seam so tests can stand in.
public protocol VerificationBackend: Sendable {
    /// A verifier with the current trust set and status lists.
    func verifier() async throws -> CredentialVerifier
    /// The signed status list credential for `revocation` or `suspension`.
    func statusList(_ purpose: String) async throws -> JSONObject?
    /// The issuer's Open Badges Profile, with the DIDs whose keys sign.
    func issuerProfile() async throws -> JSONObject
    /// The credential JSON when its holder shares it; nil otherwise.
    func sharedCredential(_ id: String) async throws -> String?
    /// The issuer's DID document when it signs as a did:web published at `path`; nil otherwise.
    func didDocument(path: String) async throws -> JSONObject?
    /// Which database the record is in, and why it cannot be used now (nil when it answers).
    func databaseHealth() async -> (kind: String, problem: String?)
}

extension VerificationBackend {
    public func didDocument(path: String) async throws -> JSONObject? { nil }
    public func databaseHealth() async -> (kind: String, problem: String?) { ("none", nil) }
}

/// The backend on this machine's store and keys. Status lists are rebuilt (and re-signed) only
/// when a credential is issued or changes status, so a revocation shows on the next request,
/// whichever instance recorded it.
public actor StoreBackend: VerificationBackend {
    let store: LearningStore
    let keys: KeyStore
    let service: CertificationService
    let home: URL
    private var cache: (fingerprint: String, lists: [String: JSONObject], verifier: CredentialVerifier)?
    /// The files whose change means the status lists or trust may have changed.
    private let watched: [String]

    public init(home: URL) throws {
        self.home = home
        store = try LearningStore(home: home)
        keys = KeyStore(home: home)
        service = CertificationService(store: store, keys: keys)
        let files = store.database.kind == .sqlite
            ? [home.appendingPathComponent("beacon.sqlite").path, home.appendingPathComponent("beacon.sqlite-wal").path] : []
        watched = files + [keys.folder.path, TrustList.file(home: home).path]
    }

    /// The page is public, so it says only that the database does not answer; the reason (which
    /// names the database's host) goes to the server's log.
    public func databaseHealth() -> (kind: String, problem: String?) {
        guard let problem = store.databaseProblem() else { return (store.database.kind.rawValue, nil) }
        FileHandle.standardError.write(Data("healthz: \(problem)\n".utf8))
        return (store.database.kind.rawValue, "the database does not answer")
    }

    private func current() throws -> (lists: [String: JSONObject], verifier: CredentialVerifier) {
        // Checked on every request, so it must be cheap: the database and its write-ahead log
        // change size or time on every commit (an issue or revocation in another process), and
        // so do the key folder and trust file. Five stat calls; a query here halved throughput.
        var fingerprint = ""
        for path in watched { fingerprint += Self.stamp(path) + "|" }
        // On PostgreSQL another instance may have issued or revoked: no file here changes, so
        // the credential table is asked (one aggregate query).
        if store.database.kind == .postgres { fingerprint += try service.statusFingerprint() }
        if let cache, cache.fingerprint == fingerprint {
            var verifier = cache.verifier
            verifier.now = Date()
            return (cache.lists, verifier)
        }
        var lists: [String: JSONObject] = [:]
        if try keys.active() != nil {
            for (purpose, list) in try service.statusLists(settings: store.certificationSettings()) { lists[purpose] = list }
        }
        let own = try service.ownIdentity(settings: store.certificationSettings())
        var trusted = own.dids
        let trustList = try TrustList.load(from: TrustList.file(home: home))
        trusted.formUnion(trustList.trusted.map(\.did))
        var byURL: [String: JSONObject] = [:]
        for list in lists.values { if let id = list["id"]?.stringValue { byURL[id] = list } }
        // did:web keys: this issuer's own, and those pinned in the trust file (the server never
        // fetches a DID document on a visitor's behalf).
        let documents = own.documents.merging(trustList.didDocuments) { mine, _ in mine }
        let verifier = CredentialVerifier(trustedIssuers: trusted, now: Date(), statusLists: byURL, didDocuments: documents)
        cache = (fingerprint, lists, verifier)
        return (lists, verifier)
    }

    public func verifier() throws -> CredentialVerifier { try current().verifier }

    /// Modification time (nanoseconds) and size of a file, by one stat call; "-" when missing.
    private static func stamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "-" }
        return "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_size)"
    }

    public func statusList(_ purpose: String) throws -> JSONObject? { try current().lists[purpose] }

    public func issuerProfile() throws -> JSONObject {
        let settings = try store.certificationSettings()
        var profile = JSONObject([
            ("@context", .array(OpenBadgeCredential.contexts.map(JSONValue.string))),
            ("id", .string(settings.publicURL + "/issuer")),
            ("type", .array([.string("Profile")])),
            ("name", .string(settings.issuerName)),
        ])
        if let url = settings.issuerURL { profile["url"] = .string(url) }
        profile["signingKeys"] = .array(try keys.entries().map { entry in
            .object(JSONObject([("id", .string(entry.did)), ("status", .string(entry.isActive ? "active" : "retired"))]))
        })
        return profile
    }

    public func sharedCredential(_ id: String) throws -> String? { try service.sharedCredential(id) }

    public func didDocument(path: String) throws -> JSONObject? {
        let settings = try store.certificationSettings()
        guard let web = settings.didWeb, web.documentPath == path else { return nil }
        return try service.didDocument(settings: settings)
    }
}
