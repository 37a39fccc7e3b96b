import BeaconCore
import Foundation

/// Gathers what a program's rules look at, and picks the version of a program a trainee is held to.
public enum ProgramEvidenceRecords {
    public static func evidence(_ tx: any RecordTransaction, trainee: String, course: Course, program: CertificationProgram) throws -> ProgramEvidence {
        let record = try ProgressRecords.record(tx, trainee: trainee, course: course.id)
        var evidence = ProgramEvidence(course: course, record: record, trainee: trainee)
        evidence.sessions = try HoursRecords.sessions(tx, trainee: trainee, course: course.id)
        if let rule = program.exam, let since = record.retrainedAt[rule.quiz.id] {
            evidence.retrainedAt = since
            evidence.retrainingDone = ExamRecords.retrainingDone(rule, record, course: course, since: since)
        }
        evidence.workHours = try HoursRecords.entries(tx, trainee: trainee).map {
            ProgramEvidence.WorkHours(day: $0.day, hours: $0.hours, domain: $0.domain, supervision: $0.supervision, state: $0.state)
        }
        // A document or rubric is the same one in every program that requires it (its id, version
        // and text), so an attestation or observation counts wherever it is asked for.
        evidence.attestations = try tx.rows(
            "SELECT documentId, version, sha256, at FROM attestation WHERE traineeId = ? ORDER BY at", [.text(trainee)]
        ).compactMap { row in
            guard let document = row.string("documentId"), let version = row.string("version"), let sha = row.string("sha256"), let at = row.date("at") else { return nil }
            return ProgramEvidence.Attestation(document: document, version: version, sha256: sha, at: at)
        }
        evidence.observations = try AttestationRecords.observations(tx, trainee: trainee).map {
            ProgramEvidence.Observation(rubric: $0.rubric, rubricVersion: $0.rubricVersion, points: $0.points, outOf: $0.outOf, passed: $0.passed, day: $0.day)
        }
        evidence.references = try tx.rows("SELECT kind, day FROM referenceReceived WHERE traineeId = ? ORDER BY day", [.text(trainee)]).compactMap { row in
            guard let kind = row.string("kind").flatMap(RefereeKind.init), let day = row.string("day").flatMap(DayDate.init) else { return nil }
            return ProgramEvidence.ReferenceReceived(kind: kind, day: day)
        }
        return evidence
    }

    /// The version an admin moved the trainee to, else the one in force on the day they started
    /// the course (or joined, before they started).
    public static func version(_ tx: any RecordTransaction, trainee: String, course: Course, program id: String, today: Date) throws -> CertificationProgram? {
        let versions = course.certifications.filter { $0.id == id }
        guard !versions.isEmpty else { return nil }
        if let held = try AttestationRecords.heldVersion(tx, trainee: trainee, program: id), let chosen = versions.first(where: { $0.version == held }) {
            return chosen
        }
        let started = try tx.row("SELECT startedAt FROM enrolment WHERE traineeId = ? AND courseId = ?", [.text(trainee), .text(course.id)])?.date("startedAt")
            ?? TraineeRecords.find(tx, id: trainee)?.createdAt ?? today
        return EvidenceRules.versionInForce(versions, started: DayDate(started))
    }
}

extension LearningStore {
    public func programVersion(trainee: String, course: Course, program id: String, today: Date = Date()) throws -> CertificationProgram? {
        try database.read { tx in try ProgramEvidenceRecords.version(tx, trainee: trainee, course: course, program: id, today: today) }
    }

    public func evidence(trainee: String, course: Course, program: CertificationProgram) throws -> ProgramEvidence {
        try database.read { tx in try ProgramEvidenceRecords.evidence(tx, trainee: trainee, course: course, program: program) }
    }

    public func attest(trainee: String, program: CertificationProgram, document: String, version: String? = nil, actor: String = LearningStore.actor, at now: Date = Date()) throws {
        try database.write { tx in try AttestationRecords.attest(tx, trainee: trainee, program: program, document: document, version: version, actor: actor, at: now) }
    }

    public func observe(
        trainee: String, program: CertificationProgram, rubric: String, scores: [String: Int], notes: String?, day: DayDate, actor: String = LearningStore.actor,
        at now: Date = Date()
    ) throws -> ObservationRecord {
        try database.write { tx in
            try AttestationRecords.observe(tx, trainee: trainee, program: program, rubric: rubric, scores: scores, notes: notes, day: day, actor: actor, at: now)
        }
    }

    public func observations(trainee: String) throws -> [ObservationRecord] {
        try database.read { tx in try AttestationRecords.observations(tx, trainee: trainee) }
    }

    public func recordReference(trainee: String, kind: RefereeKind, refereeRole: String, day: DayDate, actor: String = LearningStore.actor, at now: Date = Date()) throws {
        try database.write { tx in try AttestationRecords.recordReference(tx, trainee: trainee, kind: kind, refereeRole: refereeRole, day: day, actor: actor, at: now) }
    }

    public func confirmLegalName(trainee: String, name: String, actor: String = LearningStore.actor, at now: Date = Date()) throws {
        try database.write { tx in try AttestationRecords.confirmLegalName(tx, trainee: trainee, name: name, actor: actor, at: now) }
    }

    public func legalName(trainee: String) throws -> String? {
        try database.read { tx in try AttestationRecords.legalName(tx, trainee: trainee) }
    }

    public func moveProgram(trainee: String, program: String, version: String, reason: String, actor: String = LearningStore.actor, at now: Date = Date()) throws {
        try database.write { tx in try AttestationRecords.moveProgram(tx, trainee: trainee, program: program, version: version, reason: reason, actor: actor, at: now) }
    }
}
