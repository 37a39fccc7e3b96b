import BeaconCredentials
import Crypto
import Foundation
import GRDB

/// The hash-chained audit log: who did what to which credential or result, and when.
public struct AuditEntry: Sendable, Equatable, Encodable {
    public var seq: Int64
    public var at: Date
    public var actor: String
    public var action: String
    public var subject: String
    public var details: String
    public var previousHash: String
    public var hash: String
}

/// The result of walking the chain.
public struct AuditVerification: Sendable, Equatable, Encodable {
    public var entries: Int
    /// The first entry whose hash or link does not check out; nil when the chain is whole.
    public var brokenAt: Int64?
    public var problem: String?
    public var intact: Bool { brokenAt == nil }
}

enum AuditLog {
    static let genesis = String(repeating: "0", count: 64)

    /// Appends inside the caller's transaction, so the entry and the change it records commit together.
    static func append(_ db: Database, actor: String, action: String, subject: String, details: JSONObject, at: Date) throws {
        let previous = try String.fetchOne(db, sql: "SELECT hash FROM auditLog ORDER BY seq DESC LIMIT 1") ?? genesis
        let detailText = (try? JCS.canonicalString(.object(details))) ?? "{}"
        let hash = digest(previous: previous, at: at, actor: actor, action: action, subject: subject, details: detailText)
        try db.execute(
            sql: "INSERT INTO auditLog (at, actor, action, subject, details, previousHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [at, actor, action, subject, detailText, previous, hash]
        )
    }

    static func digest(previous: String, at: Date, actor: String, action: String, subject: String, details: String) -> String {
        // Milliseconds since 1970 pin the time exactly however the date is later formatted.
        let millis = Int64((at.timeIntervalSince1970 * 1000).rounded())
        let text = [previous, String(millis), actor, action, subject, details].joined(separator: "\n")
        return SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func verify(_ db: Database) throws -> AuditVerification {
        var previous = genesis
        var count = 0
        for row in try Row.fetchAll(db, sql: "SELECT * FROM auditLog ORDER BY seq") {
            count += 1
            let seq: Int64 = row["seq"]
            let stored: String = row["hash"]
            guard row["previousHash"] == previous else {
                return AuditVerification(entries: count, brokenAt: seq, problem: "entry \(seq) does not link to the entry before it (an entry was removed or reordered)")
            }
            let expected = digest(previous: previous, at: row["at"], actor: row["actor"], action: row["action"], subject: row["subject"], details: row["details"])
            guard expected == stored else {
                return AuditVerification(entries: count, brokenAt: seq, problem: "entry \(seq) was changed after it was written")
            }
            previous = stored
        }
        return AuditVerification(entries: count, brokenAt: nil, problem: nil)
    }
}

extension LearningStore {
    public func auditEntries() throws -> [AuditEntry] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM auditLog ORDER BY seq").map {
                AuditEntry(seq: $0["seq"], at: $0["at"], actor: $0["actor"], action: $0["action"], subject: $0["subject"],
                           details: $0["details"], previousHash: $0["previousHash"], hash: $0["hash"])
            }
        }
    }

    public func verifyAuditLog() throws -> AuditVerification {
        try writer.read { db in try AuditLog.verify(db) }
    }

    /// The person at the keyboard, for the audit log.
    static var actor: String {
        ProcessInfo.processInfo.environment["BEACON_ACTOR"] ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }
}
