import BeaconCredentials
import Foundation

/// The issuer's Ed25519 keys, one JSON file each in `BEACON_HOME/keys` (folder 0700, files 0600).
/// Private keys never leave these files except into memory to sign; nothing prints them.
public struct KeyStore: Sendable {
    public struct Entry: Sendable, Equatable, Codable {
        public var name: String
        public var created: Date
        /// Set when rotated out: still trusted for what it signed, no longer used to sign.
        public var retired: Date?
        public var publicKeyMultibase: String
        var secretKeyMultibase: String

        public var did: String { DIDKey(publicKey: Multikey.decodePublic(publicKeyMultibase) ?? [])?.did ?? "invalid" }
        public var isActive: Bool { retired == nil }
    }

    public let folder: URL

    public init(home: URL) {
        folder = home.appendingPathComponent("keys")
    }

    public func entries() throws -> [Entry] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted().map { name in
            try decoder.decode(Entry.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
        }.sorted { $0.created < $1.created }
    }

    /// The key that signs now: the newest one not retired.
    public func active() throws -> Entry? { try entries().last(where: \.isActive) }

    /// Every DID this issuer has signed with, current and retired.
    public func dids() throws -> Set<String> { Set(try entries().map(\.did)) }

    /// Every key, current and retired, oldest first.
    public func didKeys() throws -> [DIDKey] {
        try entries().compactMap { Multikey.decodePublic($0.publicKeyMultibase).flatMap(DIDKey.init(publicKey:)) }
    }

    /// Creates a key, or adopts one given as a seed; fails if the name is taken.
    @discardableResult
    public func add(name: String, seed: [UInt8]? = nil, at now: Date = Date()) throws -> Entry {
        guard name.range(of: #"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"#, options: .regularExpression) != nil else {
            throw CredentialError("a key name uses letters, digits, dots, dashes and underscores")
        }
        let key = try seed.map { try SigningKey(seed: $0) } ?? SigningKey.generate()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
        let file = folder.appendingPathComponent("\(name).json")
        guard !FileManager.default.fileExists(atPath: file.path) else { throw CredentialError("a key named \(name) already exists") }
        let entry = Entry(
            name: name, created: now, retired: nil,
            publicKeyMultibase: Multikey.encodePublic(key.publicKey), secretKeyMultibase: Multikey.encodeSecret(key.seed)
        )
        try write(entry, to: file)
        return entry
    }

    /// Retires every active key and creates a new one.
    @discardableResult
    public func rotate(newName: String, at now: Date = Date()) throws -> Entry {
        for var entry in try entries() where entry.isActive {
            entry.retired = now
            try write(entry, to: folder.appendingPathComponent("\(entry.name).json"))
        }
        return try add(name: newName, at: now)
    }

    /// The signing key, refusing a key file that anyone but its owner could read.
    public func signingKey(named name: String? = nil) throws -> (Entry, SigningKey) {
        let all = try entries()
        guard let entry = name.map({ wanted in all.first { $0.name == wanted } }) ?? all.last(where: \.isActive) else {
            throw CredentialError(name.map { "no key named \($0); see beacon keys list" } ?? "no signing key yet; create one with beacon keys init")
        }
        let file = folder.appendingPathComponent("\(entry.name).json")
        let mode = (try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int) ?? 0o777
        guard mode & 0o077 == 0 else {
            throw CredentialError("refusing to sign: \(file.path) can be read by others (mode \(String(mode, radix: 8))); run chmod 600 on it and check who else may have copied it")
        }
        guard let seed = Multikey.decodeSecret(entry.secretKeyMultibase) else { throw CredentialError("\(file.path) holds no readable Ed25519 secret key") }
        return (entry, try SigningKey(seed: seed))
    }

    private func write(_ entry: Entry, to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(entry)
        // Created private from the first byte (O_EXCL, mode 0600), then renamed into place.
        let temporary = folder.appendingPathComponent(".\(entry.name).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw CredentialError("cannot write \(temporary.path)") }
        let written = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        fsync(descriptor)
        close(descriptor)
        guard written == data.count, rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            throw CredentialError("cannot write \(file.path)")
        }
    }
}
