import BeaconCredentials
import BeaconStore
import Foundation

/// What the server needs from the certification side, as a seam so tests and a future
/// PostgreSQL-backed service can stand in.
public protocol VerificationBackend: Sendable {
    /// A verifier with the current trust set and status lists.
    func verifier() async throws -> CredentialVerifier
    /// The signed status list credential for `revocation` or `suspension`.
    func statusList(_ purpose: String) async throws -> JSONObject?
    /// The issuer's Open Badges Profile, with the DIDs whose keys sign.
    func issuerProfile() async throws -> JSONObject
    /// The credential JSON when its holder shares it; nil otherwise.
    func sharedCredential(_ id: String) async throws -> String?
}

/// The backend on this machine's store and keys. Status lists are rebuilt (and re-signed) only
/// when a credential is issued or changes status, so a revocation shows on the next request.
public actor StoreBackend: VerificationBackend {
    let store: LearningStore
    let keys: KeyStore
    let service: CertificationService
    let home: URL
    private var cache: (fingerprint: String, lists: [String: JSONObject], verifier: CredentialVerifier)?

    public init(home: URL) throws {
        self.home = home
        store = try LearningStore(home: home)
        keys = KeyStore(home: home)
        service = CertificationService(store: store, keys: keys)
    }

    private func current() throws -> (lists: [String: JSONObject], verifier: CredentialVerifier) {
        let fingerprint = try service.statusFingerprint() + "|" + (try keys.dids().sorted().joined(separator: ","))
        if let cache, cache.fingerprint == fingerprint {
            var verifier = cache.verifier
            verifier.now = Date()
            return (cache.lists, verifier)
        }
        var lists: [String: JSONObject] = [:]
        if try keys.active() != nil {
            for (purpose, list) in try service.statusLists(settings: store.certificationSettings()) { lists[purpose] = list }
        }
        var trusted = try keys.dids()
        trusted.formUnion(try TrustList.load(from: TrustList.file(home: home)).trusted.map(\.did))
        var byURL: [String: JSONObject] = [:]
        for list in lists.values { if let id = list["id"]?.stringValue { byURL[id] = list } }
        let verifier = CredentialVerifier(trustedIssuers: trusted, now: Date(), statusLists: byURL)
        cache = (fingerprint, lists, verifier)
        return (lists, verifier)
    }

    public func verifier() throws -> CredentialVerifier { try current().verifier }

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
}
