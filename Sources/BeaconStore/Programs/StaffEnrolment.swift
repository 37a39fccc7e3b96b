import BeaconCore
import BeaconCredentials
import Foundation

/// Who an SSH key belongs to: a trainee (the course) or a staff member (their desk).
public enum SSHIdentity: Sendable, Equatable {
    case trainee(Trainee)
    case staff(StaffMember)
}

/// Staff enrol their keys for the SSH service as trainees do: an admin gives a one-time code
/// (only its hash is kept), and the first connection that types it binds its key.
public enum StaffEnrolment {
    public static func issueCode(_ tx: any RecordTransaction, person: String, code: String, expires: Date, actor: String, at now: Date) throws {
        let by = try StaffRecords.authorize(tx, actor: actor, .managePeople)
        guard try StaffRecords.member(tx, id: person) != nil else { throw ProgramRefusal("no staff member '\(person)'; add them first: beacon people add") }
        try tx.execute(
            "INSERT INTO staffCode (codeHash, personId, createdAt, expiresAt) VALUES (?, ?, ?, ?)",
            [.text(EnrolmentCode.hash(code)), .text(person), .date(now), .date(expires)]
        )
        try AuditLog.append(tx, actor: by.id, action: "enrolment.staff-code", subject: "person:" + person,
                            details: JSONObject([("expires", .string(ISO8601DateFormatter().string(from: expires)))]), at: now)
    }

    /// Spends a code, a staff member's or a trainee's; every attempt is audited once, never with the code.
    public static func redeem(
        _ tx: any RecordTransaction, _ typed: String, fingerprint: String, publicKey: String, source: String, actor: String, at now: Date
    ) throws -> Result<SSHIdentity, EnrolmentRefusal> {
        let hash = EnrolmentCode.hash(EnrolmentCode.normalized(typed))
        guard let row = try tx.row("SELECT personId, expiresAt, usedAt FROM staffCode WHERE codeHash = ?", [.text(hash)]),
            let person = row.string("personId")
        else {
            return try EnrolmentRecords.redeem(tx, typed, fingerprint: fingerprint, publicKey: publicKey, source: source, actor: actor, at: now).map(SSHIdentity.trainee)
        }
        let outcome: Result<SSHIdentity, EnrolmentRefusal>
        if let refusal = EnrolmentCode.refusal(row, now: now) {
            outcome = .failure(refusal)
        } else if let member = try StaffRecords.member(tx, id: person) {
            try tx.execute("UPDATE staffCode SET usedAt = ? WHERE codeHash = ?", [.date(now), .text(hash)])
            try tx.execute(
                """
                INSERT INTO staffKey (fingerprint, personId, publicKey, addedAt) VALUES (?, ?, ?, ?)
                ON CONFLICT (fingerprint) DO UPDATE SET personId = excluded.personId, publicKey = excluded.publicKey, addedAt = excluded.addedAt
                """,
                [.text(fingerprint), .text(person), .text(publicKey), .date(now)]
            )
            outcome = .success(.staff(member))
        } else {
            outcome = .failure(.unknown)
        }
        var details = JSONObject([("source", .string(source)), ("key", .string(fingerprint))])
        switch outcome {
        case .success: details["person"] = .string(person)
        case .failure(let refusal): details["refused"] = .string("\(refusal)")
        }
        try AuditLog.append(tx, actor: actor, action: "enrolment.redeem-staff", subject: "ssh", details: details, at: now)
        return outcome
    }

    public static func identity(_ tx: any RecordTransaction, forKey fingerprint: String) throws -> SSHIdentity? {
        if let person = try tx.row("SELECT personId FROM staffKey WHERE fingerprint = ?", [.text(fingerprint)])?.string("personId"),
            let member = try StaffRecords.member(tx, id: person)
        {
            return .staff(member)
        }
        return try EnrolmentRecords.trainee(tx, forKey: fingerprint).map(SSHIdentity.trainee)
    }
}

extension StaffEnrolment {
    public static func keys(_ tx: any RecordTransaction, person: String) throws -> [TraineeKey] {
        try tx.rows("SELECT fingerprint, personId, publicKey, addedAt FROM staffKey WHERE personId = ? ORDER BY addedAt", [.text(person)]).compactMap { row in
            guard let fingerprint = row.string("fingerprint"), let owner = row.string("personId"), let key = row.string("publicKey"), let added = row.date("addedAt")
            else { return nil }
            return TraineeKey(fingerprint: fingerprint, traineeId: owner, publicKey: key, addedAt: added)
        }
    }

    /// An admin stops a staff key from opening the desk (a lost laptop); audited.
    public static func removeKey(_ tx: any RecordTransaction, person: String, fingerprint: String, actor: String, at now: Date) throws -> Bool {
        let by = try StaffRecords.authorize(tx, actor: actor, .managePeople)
        guard try tx.changes("DELETE FROM staffKey WHERE personId = ? AND fingerprint = ?", [.text(person), .text(fingerprint)]) > 0 else { return false }
        try AuditLog.append(tx, actor: by.id, action: "enrolment.remove-staff-key", subject: "person:" + person, details: JSONObject([("key", .string(fingerprint))]), at: now)
        return true
    }
}

extension LearningStore {
    /// A staff member's SSH keys (the owner is in `traineeId`, which here names the person).
    public func staffKeys(person: String) throws -> [TraineeKey] {
        try database.read { tx in try StaffEnrolment.keys(tx, person: person) }
    }

    public func removeStaffKey(person: String, fingerprint: String, actor: String = LearningStore.actor, at now: Date = Date()) throws -> Bool {
        try database.write { tx in try StaffEnrolment.removeKey(tx, person: person, fingerprint: fingerprint, actor: actor, at: now) }
    }

    public func issueStaffCode(person: String, validFor: TimeInterval, actor: String = LearningStore.actor, at now: Date = Date()) throws -> (code: String, expires: Date) {
        let code = EnrolmentCode.generate()
        let expires = now.addingTimeInterval(validFor)
        try database.write { tx in try StaffEnrolment.issueCode(tx, person: person, code: code, expires: expires, actor: actor, at: now) }
        return (code, expires)
    }

    public func redeemCode(
        _ typed: String, fingerprint: String, publicKey: String, source: String, actor: String, at now: Date = Date()
    ) throws -> Result<SSHIdentity, EnrolmentRefusal> {
        try database.write { tx in try StaffEnrolment.redeem(tx, typed, fingerprint: fingerprint, publicKey: publicKey, source: source, actor: actor, at: now) }
    }

    public func identity(forKey fingerprint: String) throws -> SSHIdentity? {
        try database.read { tx in try StaffEnrolment.identity(tx, forKey: fingerprint) }
    }

    /// Pending hours of the trainees a supervisor is assigned, oldest first, with each trainee.
    public func hoursWaiting(supervisor: String) throws -> [(trainee: Trainee, entry: WorkHoursEntry)] {
        try database.read { tx in
            var found: [(Trainee, WorkHoursEntry)] = []
            for row in try tx.rows("SELECT traineeId FROM supervision WHERE supervisorId = ? ORDER BY traineeId", [.text(supervisor)]) {
                guard let id = row.string("traineeId"), let trainee = try TraineeRecords.find(tx, id: id), !trainee.name.isEmpty else { continue }
                found += try HoursRecords.entries(tx, trainee: id).filter { $0.state == .pending }.map { (trainee, $0) }
            }
            return found.sorted { ($0.1.day, $0.1.loggedAt) < ($1.1.day, $1.1.loggedAt) }
        }
    }
}
