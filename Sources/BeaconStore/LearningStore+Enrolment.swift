import BeaconCore
import BeaconCredentials
import Crypto
import Foundation
import GRDB

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

extension LearningStore {
    /// Enrols a trainee for the SSH service (creating them, and their cohort, when new) and
    /// returns a one-time code for their first connection. Only the code's hash is stored.
    public func issueEnrolmentCode(
        traineeName: String?, traineeId: String?, cohort: String?, validFor: TimeInterval, at now: Date = Date()
    ) throws -> (trainee: Trainee, code: String, expires: Date) {
        let code = EnrolmentCode.generate()
        let expires = now.addingTimeInterval(validFor)
        let trainee = try writer.write { db -> Trainee in
            let trainee: Trainee
            if let traineeId {
                guard let row = try Row.fetchOne(db, sql: "SELECT id, name, createdAt FROM trainee WHERE id = ? AND name != ''", arguments: [traineeId]) else {
                    throw StoreError.noSuchTrainee(traineeId)
                }
                trainee = Trainee(id: row["id"], name: row["name"], createdAt: row["createdAt"])
            } else {
                trainee = try Self.insertTrainee(db, name: TraineeName.normalized(traineeName ?? ""), at: now)
            }
            if let cohort {
                try db.execute(sql: "INSERT OR IGNORE INTO cohort (id, createdAt) VALUES (?, ?)", arguments: [cohort, now])
                try db.execute(sql: "UPDATE trainee SET cohortId = ? WHERE id = ?", arguments: [cohort, trainee.id])
            }
            try db.execute(
                sql: "INSERT INTO enrolmentCode (codeHash, traineeId, createdAt, expiresAt) VALUES (?, ?, ?, ?)",
                arguments: [EnrolmentCode.hash(code), trainee.id, now, expires]
            )
            var details = JSONObject([("trainee", .string(try Self.auditSubject(db, trainee: trainee.id))), ("expires", .string(ISO8601DateFormatter().string(from: expires)))])
            if let cohort { details["cohort"] = .string(cohort) }
            try AuditLog.append(db, actor: Self.actor, action: "enrolment.code", subject: try Self.auditSubject(db, trainee: trainee.id), details: details, at: now)
            return trainee
        }
        return (trainee, code, expires)
    }

    /// Spends a code: binds `publicKey` to its trainee. Every attempt is audited (by outcome and
    /// source, never with the code), in the same transaction.
    public func redeemEnrolmentCode(
        _ typed: String, fingerprint: String, publicKey: String, source: String, actor: String, at now: Date = Date()
    ) throws -> Result<Trainee, EnrolmentRefusal> {
        try writer.write { db in
            let hash = EnrolmentCode.hash(EnrolmentCode.normalized(typed))
            let row = try Row.fetchOne(db, sql: "SELECT traineeId, expiresAt, usedAt FROM enrolmentCode WHERE codeHash = ?", arguments: [hash])
            let outcome: Result<Trainee, EnrolmentRefusal>
            if let row {
                let used: Date? = row["usedAt"]
                let expires: Date = row["expiresAt"]
                let traineeId: String = row["traineeId"]
                if used != nil {
                    outcome = .failure(.used)
                } else if expires <= now {
                    outcome = .failure(.expired)
                } else if let trainee = try Row.fetchOne(db, sql: "SELECT id, name, createdAt FROM trainee WHERE id = ? AND name != ''", arguments: [traineeId]) {
                    try db.execute(sql: "UPDATE enrolmentCode SET usedAt = ? WHERE codeHash = ?", arguments: [now, hash])
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO traineeKey (fingerprint, traineeId, publicKey, addedAt) VALUES (?, ?, ?, ?)",
                        arguments: [fingerprint, traineeId, publicKey, now]
                    )
                    outcome = .success(Trainee(id: trainee["id"], name: trainee["name"], createdAt: trainee["createdAt"]))
                } else {
                    outcome = .failure(.unknown)
                }
            } else {
                outcome = .failure(.unknown)
            }
            var details = JSONObject([("source", .string(source)), ("key", .string(fingerprint))])
            switch outcome {
            case .success(let trainee): details["trainee"] = .string(try Self.auditSubject(db, trainee: trainee.id))
            case .failure(let refusal): details["refused"] = .string("\(refusal)")
            }
            try AuditLog.append(db, actor: actor, action: "enrolment.redeem", subject: "ssh", details: details, at: now)
            return outcome
        }
    }

    /// The trainee a public key belongs to, if it is enrolled.
    public func trainee(forKey fingerprint: String) throws -> Trainee? {
        try writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT trainee.id, name, trainee.createdAt FROM traineeKey JOIN trainee ON trainee.id = traineeId WHERE fingerprint = ? AND name != ''",
                arguments: [fingerprint]
            ).map { Trainee(id: $0["id"], name: $0["name"], createdAt: $0["createdAt"]) }
        }
    }

    public func keys(trainee: String) throws -> [TraineeKey] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM traineeKey WHERE traineeId = ? ORDER BY addedAt", arguments: [trainee]).map {
                TraineeKey(fingerprint: $0["fingerprint"], traineeId: $0["traineeId"], publicKey: $0["publicKey"], addedAt: $0["addedAt"])
            }
        }
    }

    /// Removes one of a trainee's keys (audited); false when they have no such key.
    @discardableResult
    public func removeKey(trainee: String, fingerprint: String, at now: Date = Date()) throws -> Bool {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM traineeKey WHERE traineeId = ? AND fingerprint = ?", arguments: [trainee, fingerprint])
            guard db.changesCount > 0 else { return false }
            try AuditLog.append(db, actor: Self.actor, action: "enrolment.remove-key", subject: try Self.auditSubject(db, trainee: trainee),
                                details: JSONObject([("key", .string(fingerprint))]), at: now)
            return true
        }
    }

    /// Trainees of one cohort (every trainee when `cohort` is nil).
    public func trainees(cohort: String?) throws -> [Trainee] {
        guard let cohort else { return try trainees() }
        return try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, createdAt FROM trainee WHERE name != '' AND cohortId = ? ORDER BY createdAt, id", arguments: [cohort]).map {
                Trainee(id: $0["id"], name: $0["name"], createdAt: $0["createdAt"])
            }
        }
    }

    /// Cohort ids on record, oldest first.
    public func cohorts() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "SELECT id FROM cohort ORDER BY createdAt, id") }
    }

    /// The cohort a trainee belongs to, if any.
    public func cohort(of trainee: String) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT cohortId FROM trainee WHERE id = ?", arguments: [trainee]) }
    }
}

/// One-time enrolment codes: twelve characters from an alphabet with nothing to confuse when
/// read aloud or copied by hand (no 0/O, 1/I/L, 5/S, 2/Z, U/V), in three groups: `K7QM-4XTP-9WHC`.
public enum EnrolmentCode {
    static let alphabet = Array("346789ABCDEFGHJKMNPQRTWXY")

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
