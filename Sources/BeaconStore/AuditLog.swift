import BeaconCredentials
import Crypto
import Foundation

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

public enum AuditLog {
    public static let genesis = String(repeating: "0", count: 64)

    /// Appends inside the caller's transaction, so the entry and the change it records commit
    /// together. The chain stays one line with several writers: the last hash is read under a lock that
    /// every appender takes, and the database refuses two entries with one predecessor.
    public static func append(_ tx: any RecordTransaction, actor: String, action: String, subject: String, details: JSONObject, at: Date) throws {
        try tx.lock(.auditChain)
        let previous = try tx.row("SELECT hash FROM auditLog ORDER BY seq DESC LIMIT 1")?.string("hash") ?? genesis
        let detailText = (try? JCS.canonicalString(.object(details))) ?? "{}"
        let hash = digest(previous: previous, at: at, actor: actor, action: action, subject: subject, details: detailText)
        try tx.execute(
            "INSERT INTO auditLog (at, actor, action, subject, details, previousHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [.date(at), .text(actor), .text(action), .text(subject), .text(detailText), .text(previous), .text(hash)]
        )
    }

    static func digest(previous: String, at: Date, actor: String, action: String, subject: String, details: String) -> String {
        // Milliseconds since 1970 pin the time exactly however the date is later formatted.
        let millis = Int64((at.timeIntervalSince1970 * 1000).rounded())
        let text = [previous, String(millis), actor, action, subject, details].joined(separator: "\n")
        return SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    public static func verify(_ tx: any RecordTransaction) throws -> AuditVerification {
        var previous = genesis
        var count = 0
        for row in try tx.rows("SELECT seq, at, actor, action, subject, details, previousHash, hash FROM auditLog ORDER BY seq") {
            count += 1
            let seq = row.int64("seq") ?? -1
            guard let stored = row.string("hash"), let at = row.date("at"), let actor = row.string("actor"), let action = row.string("action"),
                let subject = row.string("subject"), let details = row.string("details")
            else {
                return AuditVerification(entries: count, brokenAt: seq, problem: "entry \(seq) is missing a field")
            }
            guard row.string("previousHash") == previous else {
                return AuditVerification(entries: count, brokenAt: seq, problem: "entry \(seq) does not link to the entry before it (an entry was removed or reordered)")
            }
            let expected = digest(previous: previous, at: at, actor: actor, action: action, subject: subject, details: details)
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
        try database.read { tx in
            try tx.rows("SELECT * FROM auditLog ORDER BY seq").compactMap { row in
                guard let seq = row.int64("seq"), let at = row.date("at"), let actor = row.string("actor"), let action = row.string("action"),
                    let subject = row.string("subject"), let details = row.string("details"), let previous = row.string("previousHash"), let hash = row.string("hash")
                else { return nil }
                return AuditEntry(seq: seq, at: at, actor: actor, action: action, subject: subject, details: details, previousHash: previous, hash: hash)
            }
        }
    }

    public func verifyAuditLog() throws -> AuditVerification {
        try database.read { tx in try AuditLog.verify(tx) }
    }

    /// The person at the keyboard, for the audit log.
    public static var actor: String {
        ProcessInfo.processInfo.environment["BEACON_ACTOR"] ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }
}
