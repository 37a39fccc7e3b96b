import BeaconCore
import Foundation
import GRDB

/// Everything a trainee does, kept in one record: an SQLite file through GRDB (the embedded
/// default) or, when `BEACON_DATABASE_URL` names one, PostgreSQL, which several `beacon serve`
/// instances share. Every method that records something commits before it returns, so a crash
/// or `kill -9` loses nothing that was answered.
///
/// Free-text role-play replies are never stored: a run keeps only which rubric criteria a
/// reply met. Names are the only personal data, chosen by the trainee.
public final class LearningStore: Sendable {
    /// The record through the storage seam.
    public let database: any RecordDatabase
    /// The GRDB writer when the record is SQLite: erasure scrubs freed pages and the
    /// write-ahead log, and the integrity check is SQLite's own.
    let sqlite: (any DatabaseWriter)?

    /// Opens (creating on first use) the record for `home`, a folder made private to the user
    /// that holds the signing keys and, unless `BEACON_DATABASE_URL` names a PostgreSQL
    /// database, the SQLite file.
    public convenience init(home: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // An existing folder keeps its mode; make sure it is private too.
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: home.path)
        if let url = Self.databaseURL(environment) {
            try self.init(postgres: PostgresRecordDatabase(url: url, schema: environment["BEACON_DATABASE_SCHEMA"].flatMap { $0.isEmpty ? nil : $0 }))
            return
        }
        let path = home.appendingPathComponent("beacon.sqlite").path
        var configuration = Configuration()
        // Several learners (processes) may share one file: wait for the lock instead of failing.
        configuration.busyMode = .timeout(10)
        let previous = umask(0o077)
        defer { umask(previous) }
        // GRDB's migrator guards against other threads, not other processes: two learners
        // opening a new (or just upgraded) database at once could both run a migration and one
        // fail. An exclusive file lock around opening and migrating serialises them.
        let lock = open(home.appendingPathComponent("beacon.lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if lock >= 0 { flock(lock, LOCK_EX) }
        defer {
            if lock >= 0 {
                flock(lock, LOCK_UN)
                close(lock)
            }
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try self.init(writer: pool)
    }

    /// A store on any GRDB writer; tests pass an in-memory `DatabaseQueue()`.
    public init(writer: any DatabaseWriter) throws {
        sqlite = writer
        database = SQLiteRecordDatabase(writer: writer)
        let migrator = Self.migrator
        // A file a newer Beacon has migrated is refused by name, before anything is written.
        if try writer.read({ db in try migrator.hasBeenSuperseded(db) }) {
            let path = (writer as? DatabasePool)?.path ?? "the database"
            throw RecordDatabaseError("\(path) was written by a newer beacon (its schema has migrations this one does not know); run the newer beacon, or upgrade this one")
        }
        try migrator.migrate(writer)
    }

    /// A store on PostgreSQL, migrated to this Beacon's schema (a newer one is refused).
    public init(postgres: PostgresRecordDatabase) throws {
        sqlite = nil
        database = postgres
        try PostgresSchema.migrate(postgres)
    }

    /// Whether `home` has a record to read: `BEACON_DATABASE_URL` is set, or the SQLite file exists.
    /// Verifying on a machine that never issued must not create one.
    public static func recordExists(home: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        databaseURL(environment) != nil || FileManager.default.fileExists(atPath: home.appendingPathComponent("beacon.sqlite").path)
    }

    /// `BEACON_DATABASE_URL` when set and not empty.
    public static func databaseURL(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let url = environment["BEACON_DATABASE_URL"]?.trimmingCharacters(in: .whitespaces), !url.isEmpty else { return nil }
        return url
    }

    /// Where the record is, for messages: the SQLite file, or the PostgreSQL URL without its password.
    public var location: String {
        if let postgres = database as? PostgresRecordDatabase { return PostgresRecordDatabase.redacted(postgres.url) }
        return (sqlite as? DatabasePool)?.path ?? "an in-memory database"
    }

    /// Where Beacon keeps its data: `$BEACON_HOME`, else `$XDG_DATA_HOME/beacon`, else
    /// `~/.local/share/beacon`.
    public static func defaultHome(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let home = environment["BEACON_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return URL(fileURLWithPath: data).appendingPathComponent("beacon")
        }
        let user = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return user.appendingPathComponent(".local/share/beacon")
    }

    /// The schema the record is at: SQLite's last migration, or PostgreSQL's version number.
    public func schemaVersion() throws -> String {
        if let sqlite { return try sqlite.read { db in try Self.migrator.completedMigrations(db).last ?? "none" } }
        return try database.read { tx in "v" + String(try tx.row("SELECT MAX(version) AS v FROM beaconSchema")?.int64("v") ?? 0) }
    }

    /// Why the database cannot be used right now, for `/healthz`; nil when it answers.
    public func databaseProblem() -> String? {
        if let postgres = database as? PostgresRecordDatabase { return postgres.ping() }
        do {
            _ = try database.read { tx in try tx.row("SELECT 1 AS one") }
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// SQLite's `PRAGMA integrity_check`; on PostgreSQL, whose pages check themselves, a
    /// round trip that proves the database answers.
    public func integrityCheck() throws -> String {
        if let sqlite { return try sqlite.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" } }
        return try database.read { tx in try tx.row("SELECT 'ok' AS answer")?.string("answer") ?? "no answer" }
    }
}
