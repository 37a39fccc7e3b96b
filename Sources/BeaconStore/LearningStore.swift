import BeaconCore
import Foundation
import GRDB

/// Everything a trainee does, kept in SQLite through GRDB. Every method that records something
/// commits before it returns, so a crash or `kill -9` loses nothing that was answered.
///
/// Free-text role-play replies are never stored: a run keeps only which rubric criteria a
/// reply met. Names are the only personal data, chosen by the trainee.
public final class LearningStore: Sendable {
    let writer: any DatabaseWriter

    /// The record through the storage seam (`RecordDatabase`), the same GRDB connection pool.
    public var database: SQLiteRecordDatabase { SQLiteRecordDatabase(writer: writer) }

    /// Opens (creating on first use) the database in `home`, a folder made private to the user.
    public convenience init(home: URL) throws {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // An existing folder keeps its mode; make sure it is private too.
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: home.path)
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
        self.writer = writer
        try Self.migrator.migrate(writer)
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

    /// `PRAGMA integrity_check`, for tests and health checks.
    public func integrityCheck() throws -> String {
        try writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }
}
