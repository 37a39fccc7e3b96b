import BeaconCore
import Foundation

/// Trainees and their time on each course, on the storage seam: the same code on SQLite and
/// PostgreSQL.
public enum TraineeRecords {
    /// Erased trainees (name removed) are not listed.
    public static func all(_ tx: any RecordTransaction) throws -> [Trainee] {
        try tx.rows("SELECT id, name, createdAt FROM trainee WHERE name != '' ORDER BY createdAt, id").compactMap(trainee)
    }

    public static func find(_ tx: any RecordTransaction, id: String) throws -> Trainee? {
        try tx.row("SELECT id, name, createdAt FROM trainee WHERE id = ?", [.text(id)]).flatMap(trainee)
    }

    /// The id is made from the name (lower-case, hyphens), numbered if taken.
    public static func insert(_ tx: any RecordTransaction, name: String, at now: Date) throws -> Trainee {
        let id = try freeId(tx, for: name)
        try tx.execute("INSERT INTO trainee (id, name, createdAt, auditRef) VALUES (?, ?, ?, ?)", [.text(id), .text(name), .date(now), .text(newAuditRef())])
        return Trainee(id: id, name: name, createdAt: now)
    }

    /// An id made from a name, numbered if taken. Trainees and staff share one space of ids, so
    /// `--as` names exactly one person.
    static func freeId(_ tx: any RecordTransaction, for name: String) throws -> String {
        let base = TraineeName.slug(name)
        var id = base
        var number = 2
        while try tx.row("SELECT 1 AS taken FROM trainee WHERE id = ? UNION ALL SELECT 1 AS taken FROM person WHERE id = ?", [.text(id), .text(id)]) != nil {
            id = "\(base)-\(number)"
            number += 1
        }
        return id
    }

    /// How the audit log names a trainee: `trainee:` and their random reference.
    public static func auditSubject(_ tx: any RecordTransaction, trainee: String) throws -> String {
        "trainee:" + (try tx.row("SELECT auditRef FROM trainee WHERE id = ?", [.text(trainee)])?.string("auditRef") ?? "unknown")
    }

    /// Counts active time: the gap since the last activity is added when it is five minutes or
    /// less (a longer gap means the trainee stepped away). Creates the enrolment on first use.
    public static func recordActivity(_ tx: any RecordTransaction, trainee: String, course: String, at now: Date) throws {
        if let last = try tx.row(
            "SELECT lastActivityAt FROM enrolment WHERE traineeId = ? AND courseId = ?", [.text(trainee), .text(course)]
        )?.date("lastActivityAt") {
            let gap = now.timeIntervalSince(last)
            let counted = gap > 0 && gap <= LearningStore.idleLimit ? gap : 0
            try tx.execute(
                "UPDATE enrolment SET activeSeconds = activeSeconds + ?, lastActivityAt = ? WHERE traineeId = ? AND courseId = ?",
                [.real(counted), .date(now), .text(trainee), .text(course)]
            )
        } else {
            try tx.execute(
                "INSERT INTO enrolment (traineeId, courseId, startedAt, lastActivityAt) VALUES (?, ?, ?, ?)",
                [.text(trainee), .text(course), .date(now), .date(now)]
            )
        }
    }

    /// A random reference that stands for a trainee in the audit log.
    static func newAuditRef() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    private static func trainee(_ row: StoreRow) -> Trainee? {
        guard let id = row.string("id"), let name = row.string("name"), let created = row.date("createdAt") else { return nil }
        return Trainee(id: id, name: name, createdAt: created)
    }
}

extension LearningStore {
    public func trainees() throws -> [Trainee] {
        try database.read { tx in try TraineeRecords.all(tx) }
    }

    public func trainee(id: String) throws -> Trainee? {
        try database.read { tx in try TraineeRecords.find(tx, id: id) }
    }

    @discardableResult
    public func addTrainee(name: String, at now: Date = Date()) throws -> Trainee {
        try database.write { tx in try TraineeRecords.insert(tx, name: name, at: now) }
    }

    static func newAuditRef() -> String { TraineeRecords.newAuditRef() }

    static func slug(_ name: String) -> String { TraineeName.slug(name) }

    public func recordActivity(trainee: String, course: String, at now: Date = Date()) throws {
        try database.write { tx in try TraineeRecords.recordActivity(tx, trainee: trainee, course: course, at: now) }
    }

    /// Gaps longer than this are time away, not time on task.
    public static let idleLimit: TimeInterval = 5 * 60
}
