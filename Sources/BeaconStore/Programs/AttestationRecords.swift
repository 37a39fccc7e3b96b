import BeaconCore
import BeaconCredentials
import Crypto
import Foundation

/// An observed skills assessment as stored. Notes are the facilitator's and are shown only on
/// request; they never enter a credential or the audit log.
public struct ObservationRecord: Sendable, Equatable, Encodable {
    public var id: String
    public var trainee: String
    public var program: String
    public var rubric: String
    public var rubricVersion: String
    public var facilitator: String
    public var day: DayDate
    public var scores: [String: Int]
    public var points: Int
    public var outOf: Int
    public var passed: Bool
    public var notes: String?
    public var signedAt: Date
    /// SHA-256 over what was signed (rubric, scores, notes, facilitator, day), sealed into the
    /// audit chain so a later edit shows.
    public var digest: String
}

/// Attestations, observed assessments, references, legal names and program versions, on the
/// storage seam: each checked for who may record it, then written with its audit entry.
public enum AttestationRecords {
    /// The trainee attests a document of the program, in the version the program holds now.
    public static func attest(
        _ tx: any RecordTransaction, trainee: String, program: CertificationProgram, document id: String, version: String?, actor: String, at now: Date
    ) throws {
        let by = try StaffRecords.authorize(tx, actor: actor, .attestDocument, trainee: trainee)
        guard let document = program.document(id) else {
            throw ProgramRefusal("program \(program.label) has no document '\(id)'; documents: \(program.documents.map(\.id).joined(separator: ", "))")
        }
        if let version, version != document.version {
            throw ProgramRefusal("\(document.title) has no version \(version); the current version is \(document.version)")
        }
        try tx.execute(
            "INSERT INTO attestation (id, traineeId, programId, documentId, version, sha256, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [.text("a-" + TraineeRecords.newAuditRef().prefix(10)), .text(trainee), .text(program.id), .text(document.id), .text(document.version), .text(document.sha256), .date(now)]
        )
        try AuditLog.append(tx, actor: try StaffRecords.auditName(tx, by), action: "attestation.sign", subject: try TraineeRecords.auditSubject(tx, trainee: trainee),
                            details: JSONObject([("document", .string(document.id)), ("version", .string(document.version)), ("sha256", .string(document.sha256))]), at: now)
    }

    /// A facilitator's signed score of a live role-play or skills demonstration.
    public static func observe(
        _ tx: any RecordTransaction, trainee: String, program: CertificationProgram, rubric id: String, scores: [String: Int], notes: String?, day: DayDate,
        actor: String, at now: Date
    ) throws -> ObservationRecord {
        let by = try StaffRecords.authorize(tx, actor: actor, .observe, trainee: trainee)
        guard let rubric = program.rubric(id) else {
            throw ProgramRefusal("program \(program.label) has no rubric '\(id)'; rubrics: \(program.rubrics.map(\.id).joined(separator: ", "))")
        }
        if let problem = EvidenceRules.observationProblem(scores, rubric: rubric) { throw ProgramRefusal(problem) }
        guard let person = try TraineeRecords.find(tx, id: trainee) else { throw StoreError.noSuchTrainee(trainee) }
        if let problem = EvidenceRules.dayProblem(day, today: DayDate(now), enrolled: DayDate(person.createdAt)) { throw ProgramRefusal(problem) }
        let result = EvidenceRules.observationResult(scores, rubric: rubric)
        let scoreText = rubric.items.map { "\($0.id)=\(scores[$0.id] ?? 0)" }.joined(separator: " ")
        let cleanNotes = notes?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let digest = signature(rubric: rubric.id, version: rubric.version, scores: scoreText, notes: cleanNotes, facilitator: by.id, day: day)
        let record = ObservationRecord(
            id: "o-" + TraineeRecords.newAuditRef().prefix(10), trainee: trainee, program: program.id, rubric: rubric.id, rubricVersion: rubric.version,
            facilitator: by.id, day: day, scores: scores, points: result.points, outOf: rubric.outOf, passed: result.passed, notes: cleanNotes.isEmpty ? nil : cleanNotes,
            signedAt: now, digest: digest
        )
        try tx.execute(
            """
            INSERT INTO observation (id, traineeId, programId, rubricId, rubricVersion, facilitatorId, day, scores, points, outOf, passed, notes, signedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(record.id), .text(trainee), .text(program.id), .text(rubric.id), .text(rubric.version), .text(by.id), .text(day.description), .text(scoreText),
             .integer(Int64(record.points)), .integer(Int64(record.outOf)), .bool(record.passed), .text(cleanNotes), .date(now)]
        )
        try AuditLog.append(tx, actor: by.id, action: "observation.sign", subject: try TraineeRecords.auditSubject(tx, trainee: trainee), details: JSONObject([
            ("observation", .string(record.id)), ("rubric", .string(rubric.id)), ("points", .number(JSONNumber(Double(record.points)))),
            ("outOf", .number(JSONNumber(Double(record.outOf)))), ("passed", .bool(record.passed)), ("digest", .string(digest)),
        ]), at: now)
        return record
    }

    public static func observations(_ tx: any RecordTransaction, trainee: String) throws -> [ObservationRecord] {
        try tx.rows("SELECT * FROM observation WHERE traineeId = ? ORDER BY signedAt", [.text(trainee)]).compactMap { row in
            guard let id = row.string("id"), let day = row.string("day").flatMap(DayDate.init), let signedAt = row.date("signedAt") else { return nil }
            let scoreText = row.string("scores") ?? ""
            var scores: [String: Int] = [:]
            for pair in scoreText.split(separator: " ") {
                let parts = pair.split(separator: "=")
                if parts.count == 2, let value = Int(parts[1]) { scores[String(parts[0])] = value }
            }
            let notes = row.string("notes") ?? ""
            return ObservationRecord(
                id: id, trainee: trainee, program: row.string("programId") ?? "", rubric: row.string("rubricId") ?? "", rubricVersion: row.string("rubricVersion") ?? "",
                facilitator: row.string("facilitatorId") ?? "", day: day, scores: scores, points: Int(row.int64("points") ?? 0), outOf: Int(row.int64("outOf") ?? 0),
                passed: row.bool("passed") ?? false, notes: notes.isEmpty ? nil : notes, signedAt: signedAt,
                digest: signature(
                    rubric: row.string("rubricId") ?? "", version: row.string("rubricVersion") ?? "", scores: scoreText, notes: notes,
                    facilitator: row.string("facilitatorId") ?? "", day: day
                )
            )
        }
    }

    /// What a facilitator signs: SHA-256 over the rubric, the scores, the notes, who and when.
    static func signature(rubric: String, version: String, scores: String, notes: String, facilitator: String, day: DayDate) -> String {
        let signed = [rubric, version, scores, notes, facilitator, day.description].joined(separator: "\n")
        return SHA256.hash(data: Data(signed.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// That a reference arrived, from whom by role, and when; never what it says.
    public static func recordReference(
        _ tx: any RecordTransaction, trainee: String, kind: RefereeKind, refereeRole: String, day: DayDate, actor: String, at now: Date
    ) throws {
        let by = try StaffRecords.authorize(tx, actor: actor, .recordReference, trainee: trainee)
        guard let person = try TraineeRecords.find(tx, id: trainee), !person.name.isEmpty else { throw StoreError.noSuchTrainee(trainee) }
        if let problem = EvidenceRules.dayProblem(day, today: DayDate(now), enrolled: nil) { throw ProgramRefusal(problem) }
        let role = TraineeName.normalized(refereeRole)
        guard !role.isEmpty, role.count <= 60 else { throw ProgramRefusal("give the referee's role in a few words (\"clinical supervisor\"), not their name or letter") }
        try tx.execute(
            "INSERT INTO referenceReceived (id, traineeId, kind, refereeRole, day, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [.text("r-" + TraineeRecords.newAuditRef().prefix(10)), .text(trainee), .text(kind.rawValue), .text(role), .text(day.description), .text(by.id), .date(now)]
        )
        try AuditLog.append(tx, actor: by.id, action: "reference.receive", subject: try TraineeRecords.auditSubject(tx, trainee: trainee),
                            details: JSONObject([("kind", .string(kind.rawValue)), ("day", .string(day.description))]), at: now)
    }

    /// The name on the trainee's ID, confirmed by an admin; certificates carry it.
    public static func confirmLegalName(_ tx: any RecordTransaction, trainee: String, name: String, actor: String, at now: Date) throws {
        let by = try StaffRecords.authorize(tx, actor: actor, .confirmLegalName, trainee: trainee)
        guard let person = try TraineeRecords.find(tx, id: trainee), !person.name.isEmpty else { throw StoreError.noSuchTrainee(trainee) }
        let clean = TraineeName.normalized(name)
        guard !clean.isEmpty, clean.count <= 120 else { throw ProgramRefusal("give the legal name as it appears on the trainee's ID (1 to 120 characters)") }
        try tx.execute("UPDATE trainee SET legalName = ?, legalNameConfirmedBy = ?, legalNameConfirmedAt = ? WHERE id = ?", [.text(clean), .text(by.id), .date(now), .text(trainee)])
        // That it was confirmed, and by whom; the name itself stays out of the append-only log.
        try AuditLog.append(tx, actor: by.id, action: "trainee.legal-name", subject: try TraineeRecords.auditSubject(tx, trainee: trainee), details: JSONObject(), at: now)
    }

    public static func legalName(_ tx: any RecordTransaction, trainee: String) throws -> String? {
        try tx.row("SELECT legalName FROM trainee WHERE id = ?", [.text(trainee)])?.string("legalName")
    }

    /// Holds a trainee to a given version of a program instead of the one in force when they started.
    public static func moveProgram(_ tx: any RecordTransaction, trainee: String, program: String, version: String, reason: String, actor: String, at now: Date) throws {
        let by = try StaffRecords.authorize(tx, actor: actor, .moveProgram, trainee: trainee)
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ProgramRefusal("say why the trainee moves version (--reason)") }
        try tx.execute(
            """
            INSERT INTO programVersion (traineeId, programId, version, assignedBy, assignedAt) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (traineeId, programId) DO UPDATE SET version = excluded.version, assignedBy = excluded.assignedBy, assignedAt = excluded.assignedAt
            """,
            [.text(trainee), .text(program), .text(version), .text(by.id), .date(now)]
        )
        try AuditLog.append(tx, actor: by.id, action: "program.move", subject: try TraineeRecords.auditSubject(tx, trainee: trainee),
                            details: JSONObject([("program", .string(program)), ("version", .string(version)), ("reason", .string(reason))]), at: now)
    }

    public static func heldVersion(_ tx: any RecordTransaction, trainee: String, program: String) throws -> String? {
        try tx.row("SELECT version FROM programVersion WHERE traineeId = ? AND programId = ?", [.text(trainee), .text(program)])?.string("version")
    }
}
