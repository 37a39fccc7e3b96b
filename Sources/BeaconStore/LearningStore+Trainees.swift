import Foundation
import BeaconCore
import GRDB

extension LearningStore {
    /// Trainees on this machine; erased trainees (name removed) are not listed.
    public func trainees() throws -> [Trainee] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, createdAt FROM trainee WHERE name != '' ORDER BY createdAt, id").map {
                Trainee(id: $0["id"], name: $0["name"], createdAt: $0["createdAt"])
            }
        }
    }

    public func trainee(id: String) throws -> Trainee? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT id, name, createdAt FROM trainee WHERE id = ?", arguments: [id]).map {
                Trainee(id: $0["id"], name: $0["name"], createdAt: $0["createdAt"])
            }
        }
    }

    /// Adds a trainee. The id is made from the name (lower-case, hyphens), numbered if taken.
    @discardableResult
    public func addTrainee(name: String, at now: Date = Date()) throws -> Trainee {
        try writer.write { db in try Self.insertTrainee(db, name: name, at: now) }
    }

    static func insertTrainee(_ db: Database, name: String, at now: Date) throws -> Trainee {
        let base = slug(name)
        var id = base
        var number = 2
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM trainee WHERE id = ?", arguments: [id]) == true {
            id = "\(base)-\(number)"
            number += 1
        }
        try db.execute(
            sql: "INSERT INTO trainee (id, name, createdAt, auditRef) VALUES (?, ?, ?, ?)", arguments: [id, name, now, newAuditRef()]
        )
        return Trainee(id: id, name: name, createdAt: now)
    }

    /// A random reference that stands for a trainee in the audit log.
    static func newAuditRef() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// How the audit log names a trainee: `trainee:` and their random reference.
    static func auditSubject(_ db: Database, trainee: String) throws -> String {
        let ref = try String.fetchOne(db, sql: "SELECT auditRef FROM trainee WHERE id = ?", arguments: [trainee])
        return "trainee:" + (ref ?? "unknown")
    }

    static func slug(_ name: String) -> String { TraineeName.slug(name) }

    /// Counts active time: the gap since the last activity is added when it is five minutes or
    /// less (a longer gap means the trainee stepped away). Creates the enrolment on first use.
    public func recordActivity(trainee: String, course: String, at now: Date = Date()) throws {
        try writer.write { db in
            if let last = try Date.fetchOne(
                db, sql: "SELECT lastActivityAt FROM enrolment WHERE traineeId = ? AND courseId = ?", arguments: [trainee, course]
            ) {
                let gap = now.timeIntervalSince(last)
                let counted = gap > 0 && gap <= Self.idleLimit ? gap : 0
                try db.execute(
                    sql: "UPDATE enrolment SET activeSeconds = activeSeconds + ?, lastActivityAt = ? WHERE traineeId = ? AND courseId = ?",
                    arguments: [counted, now, trainee, course]
                )
            } else {
                try db.execute(
                    sql: "INSERT INTO enrolment (traineeId, courseId, startedAt, lastActivityAt) VALUES (?, ?, ?, ?)",
                    arguments: [trainee, course, now, now]
                )
            }
        }
    }

    /// Gaps longer than this are time away, not time on task.
    public static let idleLimit: TimeInterval = 5 * 60
}
