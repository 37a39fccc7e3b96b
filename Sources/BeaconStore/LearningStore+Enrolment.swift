import BeaconCore
import BeaconCredentials
import Crypto
import Foundation

/// A trainee's public key, as the SSH service knows it.
public struct TraineeKey: Sendable, Equatable, Encodable {
    /// OpenSSH's form, `SHA256:…`, as `ssh` shows it.
    public var fingerprint: String
    public var traineeId: String
    /// The key in OpenSSH's one-line form (`ssh-ed25519 AAAA…`), without a comment.
    public var publicKey: String
    public var addedAt: Date
}

/// Why an enrolment code did not enrol anyone. The code itself is never kept or logged.
public enum EnrolmentRefusal: Error, Equatable, Sendable {
    case unknown, used, expired
}

/// Enrolment for the SSH service (cohorts, one-time codes kept as hashes, trainees' keys), on the
/// storage seam: the same code on SQLite and PostgreSQL.
public enum EnrolmentRecords {
    public static func issueCode(
        _ tx: any RecordTransaction, code: String, traineeName: String?, traineeId: String?, cohort: String?, expires: Date, actor: String, at now: Date
    ) throws -> Trainee {
        let trainee: Trainee
        if let traineeId {
            guard let found = try TraineeRecords.find(tx, id: traineeId), !found.name.isEmpty else { throw StoreError.noSuchTrainee(traineeId) }
            trainee = found
        } else {
            trainee = try TraineeRecords.insert(tx, name: TraineeName.normalized(traineeName ?? ""), at: now)
        }
        if let cohort {
            try tx.execute("INSERT INTO cohort (id, createdAt) VALUES (?, ?) ON CONFLICT (id) DO NOTHING", [.text(cohort), .date(now)])
            try tx.execute("UPDATE trainee SET cohortId = ? WHERE id = ?", [.text(cohort), .text(trainee.id)])
        }
        try tx.execute(
            "INSERT INTO enrolmentCode (codeHash, traineeId, createdAt, expiresAt) VALUES (?, ?, ?, ?)",
            [.text(EnrolmentCode.hash(code)), .text(trainee.id), .date(now), .date(expires)]
        )
        let subject = try TraineeRecords.auditSubject(tx, trainee: trainee.id)
        var details = JSONObject([("trainee", .string(subject)), ("expires", .string(ISO8601DateFormatter().string(from: expires)))])
        if let cohort { details["cohort"] = .string(cohort) }
        try AuditLog.append(tx, actor: actor, action: "enrolment.code", subject: subject, details: details, at: now)
        return trainee
    }

    /// Marks a typed code used and returns its trainee, or why it does not work. Both ways in
    /// (an SSH key, a browser passphrase) spend codes through here.
    static func claim(_ tx: any RecordTransaction, _ typed: String, at now: Date) throws -> Result<Trainee, EnrolmentRefusal> {
        let hash = EnrolmentCode.hash(EnrolmentCode.normalized(typed))
        guard let row = try tx.row("SELECT traineeId, expiresAt, usedAt FROM enrolmentCode WHERE codeHash = ?", [.text(hash)]),
            let traineeId = row.string("traineeId")
        else { return .failure(.unknown) }
        if let refusal = EnrolmentCode.refusal(row, now: now) { return .failure(refusal) }
        guard let trainee = try TraineeRecords.find(tx, id: traineeId), !trainee.name.isEmpty else { return .failure(.unknown) }
        try tx.execute("UPDATE enrolmentCode SET usedAt = ? WHERE codeHash = ?", [.date(now), .text(hash)])
        return .success(trainee)
    }

    public static func redeem(
        _ tx: any RecordTransaction, _ typed: String, fingerprint: String, publicKey: String, source: String, actor: String, at now: Date
    ) throws -> Result<Trainee, EnrolmentRefusal> {
        let outcome = try claim(tx, typed, at: now)
        if case .success(let trainee) = outcome {
            try tx.execute(
                """
                INSERT INTO traineeKey (fingerprint, traineeId, publicKey, addedAt) VALUES (?, ?, ?, ?)
                ON CONFLICT (fingerprint) DO UPDATE SET traineeId = excluded.traineeId, publicKey = excluded.publicKey, addedAt = excluded.addedAt
                """,
                [.text(fingerprint), .text(trainee.id), .text(publicKey), .date(now)]
            )
        }
        var details = JSONObject([("source", .string(source)), ("key", .string(fingerprint))])
        switch outcome {
        case .success(let trainee): details["trainee"] = .string(try TraineeRecords.auditSubject(tx, trainee: trainee.id))
        case .failure(let refusal): details["refused"] = .string("\(refusal)")
        }
        try AuditLog.append(tx, actor: actor, action: "enrolment.redeem", subject: "ssh", details: details, at: now)
        return outcome
    }

    public static func trainee(_ tx: any RecordTransaction, forKey fingerprint: String) throws -> Trainee? {
        guard let id = try tx.row("SELECT traineeId FROM traineeKey WHERE fingerprint = ?", [.text(fingerprint)])?.string("traineeId"),
            let trainee = try TraineeRecords.find(tx, id: id), !trainee.name.isEmpty
        else { return nil }
        return trainee
    }

    public static func keys(_ tx: any RecordTransaction, trainee: String) throws -> [TraineeKey] {
        try tx.rows("SELECT fingerprint, traineeId, publicKey, addedAt FROM traineeKey WHERE traineeId = ? ORDER BY addedAt", [.text(trainee)]).compactMap { row in
            guard let fingerprint = row.string("fingerprint"), let owner = row.string("traineeId"), let key = row.string("publicKey"), let added = row.date("addedAt")
            else { return nil }
            return TraineeKey(fingerprint: fingerprint, traineeId: owner, publicKey: key, addedAt: added)
        }
    }

    public static func removeKey(_ tx: any RecordTransaction, trainee: String, fingerprint: String, actor: String, at now: Date) throws -> Bool {
        guard try tx.changes("DELETE FROM traineeKey WHERE traineeId = ? AND fingerprint = ?", [.text(trainee), .text(fingerprint)]) > 0 else { return false }
        try AuditLog.append(tx, actor: actor, action: "enrolment.remove-key", subject: try TraineeRecords.auditSubject(tx, trainee: trainee),
                            details: JSONObject([("key", .string(fingerprint))]), at: now)
        return true
    }

    public static func trainees(_ tx: any RecordTransaction, cohort: String) throws -> [Trainee] {
        try tx.rows("SELECT id FROM trainee WHERE name != '' AND cohortId = ? ORDER BY createdAt, id", [.text(cohort)]).compactMap { row in
            try row.string("id").flatMap { try TraineeRecords.find(tx, id: $0) }
        }
    }

    public static func cohorts(_ tx: any RecordTransaction) throws -> [String] {
        try tx.rows("SELECT id FROM cohort ORDER BY createdAt, id").compactMap { $0.string("id") }
    }

    public static func cohort(_ tx: any RecordTransaction, of trainee: String) throws -> String? {
        try tx.row("SELECT cohortId FROM trainee WHERE id = ?", [.text(trainee)])?.string("cohortId")
    }
}

extension LearningStore {
    /// Enrols a trainee for the SSH service (creating them, and their cohort, when new) and
    /// returns a one-time code for their first connection. Only the code's hash is stored.
    public func issueEnrolmentCode(
        traineeName: String?, traineeId: String?, cohort: String?, validFor: TimeInterval, at now: Date = Date()
    ) throws -> (trainee: Trainee, code: String, expires: Date) {
        let code = EnrolmentCode.generate()
        let expires = now.addingTimeInterval(validFor)
        let trainee = try database.write { tx in
            try EnrolmentRecords.issueCode(tx, code: code, traineeName: traineeName, traineeId: traineeId, cohort: cohort, expires: expires, actor: Self.actor, at: now)
        }
        return (trainee, code, expires)
    }

    /// Spends a code: binds `publicKey` to its trainee. Every attempt is audited (by outcome and
    /// source, never with the code), in the same transaction.
    public func redeemEnrolmentCode(
        _ typed: String, fingerprint: String, publicKey: String, source: String, actor: String, at now: Date = Date()
    ) throws -> Result<Trainee, EnrolmentRefusal> {
        try database.write { tx in try EnrolmentRecords.redeem(tx, typed, fingerprint: fingerprint, publicKey: publicKey, source: source, actor: actor, at: now) }
    }

    /// The trainee a public key belongs to, if it is enrolled.
    public func trainee(forKey fingerprint: String) throws -> Trainee? {
        try database.read { tx in try EnrolmentRecords.trainee(tx, forKey: fingerprint) }
    }

    public func keys(trainee: String) throws -> [TraineeKey] {
        try database.read { tx in try EnrolmentRecords.keys(tx, trainee: trainee) }
    }

    /// Removes one of a trainee's keys (audited); false when they have no such key.
    @discardableResult
    public func removeKey(trainee: String, fingerprint: String, at now: Date = Date()) throws -> Bool {
        try database.write { tx in try EnrolmentRecords.removeKey(tx, trainee: trainee, fingerprint: fingerprint, actor: Self.actor, at: now) }
    }

    /// Trainees of one cohort (every trainee when `cohort` is nil).
    public func trainees(cohort: String?) throws -> [Trainee] {
        guard let cohort else { return try trainees() }
        return try database.read { tx in try EnrolmentRecords.trainees(tx, cohort: cohort) }
    }

    /// Cohort ids on record, oldest first.
    public func cohorts() throws -> [String] {
        try database.read { tx in try EnrolmentRecords.cohorts(tx) }
    }

    /// The cohort a trainee belongs to, if any.
    public func cohort(of trainee: String) throws -> String? {
        try database.read { tx in try EnrolmentRecords.cohort(tx, of: trainee) }
    }
}

/// One-time enrolment codes: twelve characters from an alphabet with nothing to confuse when
/// read aloud or copied by hand (no 0/O, 1/I/L, 5/S, 2/Z, U/V), in three groups: `K7QM-4XTP-9WHC`.
public enum EnrolmentCode {
    static let alphabet = Array("346789ABCDEFGHJKMNPQRTWXY")

    /// Why a code that was given out no longer works, from its row; nil when it still does.
    static func refusal(_ row: StoreRow, now: Date) -> EnrolmentRefusal? {
        if row.date("usedAt") != nil { return .used }
        if (row.date("expiresAt") ?? .distantPast) <= now { return .expired }
        return nil
    }

    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// As typed: case, spaces and hyphens do not matter.
    public static func normalized(_ text: String) -> String {
        let kept = text.uppercased().filter { $0 != "-" && !$0.isWhitespace }
        guard kept.count == 12 else { return kept }
        let characters = Array(kept)
        return stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    static func hash(_ code: String) -> String {
        SHA256.hash(data: Data(code.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
