import BeaconCredentials
import Foundation
import GRDB

/// What erasing a trainee removed.
public struct Erasure: Sendable, Equatable, Encodable {
    /// The id the trainee's remaining, non-personal rows now carry.
    public var placeholder: String
    public var lessons: Int
    public var attempts: Int
    public var answers: Int
    public var runs: Int
    /// Issued credentials kept (status lists must keep their slots) with their stored copy removed.
    public var credentialsRedacted: Int
}

extension LearningStore {
    /// Removes a trainee's personal data: their names, every lesson, quiz answer (with typed
    /// text) and role-play run, their hours, attestations, observations and references, and the stored copies of their credentials. Credentials keep
    /// their id, status and status-list slot, so revocation still works for the holder's copy.
    ///
    /// The audit log is append-only and has only ever named the trainee by a random reference;
    /// the row that linked that reference to them is replaced, and the erasure itself is logged
    /// (that it happened and how much, never what).
    public func eraseTrainee(id: String, at now: Date = Date()) throws -> Erasure {
        let erasure = try database.write { tx -> Erasure in
            // Deleted pages are zeroed, so the text does not linger in free space in the file.
            // (PostgreSQL's freed tuples are reclaimed by VACUUM; see docs/RELIABILITY.md.)
            if tx.kind == .sqlite { try tx.execute("PRAGMA secure_delete = ON") }
            guard let ref = try tx.row("SELECT auditRef FROM trainee WHERE id = ?", [.text(id)])?.string("auditRef") else {
                throw StoreError.noSuchTrainee(id)
            }
            let placeholder = "erased-" + ref.prefix(12)
            func count(_ sql: String) throws -> Int { Int(try tx.row(sql, [.text(id)])?.int64("n") ?? 0) }
            let lessons = try count("SELECT COUNT(*) AS n FROM lessonProgress WHERE traineeId = ?")
            let attempts = try count("SELECT COUNT(*) AS n FROM quizAttempt WHERE traineeId = ?")
            let answers = try count("SELECT COUNT(*) AS n FROM quizResponse JOIN quizAttempt ON quizAttempt.id = attemptId WHERE traineeId = ?")
            let runs = try count("SELECT COUNT(*) AS n FROM roleplayRun WHERE traineeId = ?")
            let credentials = try count("SELECT COUNT(*) AS n FROM credential WHERE traineeId = ?")
            for table in ["lessonProgress", "quizAttempt", "roleplayRun", "enrolment", "enrolmentCode", "traineeKey"] + ProgramSchema.traineeTables + WebSchema.traineeTables {
                // Responses and steps go with their attempts and runs (ON DELETE CASCADE).
                try tx.execute("DELETE FROM \(table) WHERE traineeId = ?", [.text(id)])
            }
            // The trainee's id is made from their name, so it is replaced everywhere it remains;
            // the credential's reference to the trainee is checked when the transaction ends.
            try tx.execute(tx.kind == .sqlite ? "PRAGMA defer_foreign_keys = ON" : "SET CONSTRAINTS ALL DEFERRED")
            try tx.execute(
                "UPDATE credential SET traineeId = ?, json = ?, shared = ? WHERE traineeId = ?",
                [.text(placeholder), .text(CertificationService.erasedCopy), .bool(false), .text(id)]
            )
            try tx.execute(
                "UPDATE trainee SET id = ?, name = '', legalName = NULL, legalNameConfirmedBy = NULL, legalNameConfirmedAt = NULL WHERE id = ?",
                [.text(placeholder), .text(id)]
            )
            try AuditLog.append(tx, actor: Self.actor, action: "trainee.erase", subject: "trainee:" + ref, details: JSONObject([
                ("lessons", .number(JSONNumber(Double(lessons)))), ("attempts", .number(JSONNumber(Double(attempts)))),
                ("answers", .number(JSONNumber(Double(answers)))), ("runs", .number(JSONNumber(Double(runs)))),
                ("credentialsRedacted", .number(JSONNumber(Double(credentials)))),
            ]), at: now)
            return Erasure(placeholder: placeholder, lessons: lessons, attempts: attempts, answers: answers, runs: runs, credentialsRedacted: credentials)
        }
        // Old page images in the write-ahead log still hold the text until it is checkpointed.
        try sqlite?.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            _ = try db.checkpoint(.truncate)
        }
        return erasure
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case noSuchTrainee(String)

    public var description: String {
        switch self {
        case .noSuchTrainee(let id): "no trainee '\(id)'"
        }
    }
}
