import BeaconCore
import BeaconCredentials
import Foundation

/// A signed-in browser: whose session it is, and the token its forms must carry.
public struct WebSession: Sendable, Equatable {
    public var trainee: Trainee
    public var csrfToken: String

    public init(trainee: Trainee, csrfToken: String) {
        self.trainee = trainee
        self.csrfToken = csrfToken
    }
}

/// How many failed sign-ins lock a name or an address, and for how long.
public struct SignInThrottle: Sendable {
    public var failures = 5
    public var window: TimeInterval = 15 * 60
    public var lockFor: TimeInterval = 15 * 60
    public init() {}
}

/// Trainees in a browser, on the storage seam (the same on SQLite and PostgreSQL): a passphrase
/// set with an enrolment code, sessions kept as hashes of their cookies, and a throttle on
/// failed sign-ins by name and by address. Hashing the passphrase (bcrypt) is the web layer's:
/// the store never sees it.
enum WebRecords {
    /// SHA-256 in hex: what is stored of a cookie, a throttle name or an address.
    static func digest(_ text: String) -> String {
        EnrolmentCode.hash(text)
    }

    static func enrol(
        _ tx: any RecordTransaction, code: String, passphraseHash: String, source: String, at now: Date
    ) throws -> Result<Trainee, EnrolmentRefusal> {
        let outcome = try EnrolmentRecords.claim(tx, code, at: now)
        var details = JSONObject([("source", .string(source))])
        switch outcome {
        case .success(let trainee):
            try tx.execute(
                """
                INSERT INTO webLogin (traineeId, passphraseHash, createdAt, updatedAt) VALUES (?, ?, ?, ?)
                ON CONFLICT (traineeId) DO UPDATE SET passphraseHash = excluded.passphraseHash, updatedAt = excluded.updatedAt
                """,
                [.text(trainee.id), .text(passphraseHash), .date(now), .date(now)]
            )
            details["trainee"] = .string(try TraineeRecords.auditSubject(tx, trainee: trainee.id))
        case .failure(let refusal):
            details["refused"] = .string("\(refusal)")
        }
        try AuditLog.append(tx, actor: "web", action: "enrolment.redeem", subject: "web", details: details, at: now)
        return outcome
    }

    static func login(_ tx: any RecordTransaction, trainee id: String) throws -> (trainee: Trainee, hash: String)? {
        guard let hash = try tx.row("SELECT passphraseHash FROM webLogin WHERE traineeId = ?", [.text(id)])?.string("passphraseHash"),
            let trainee = try TraineeRecords.find(tx, id: id), !trainee.name.isEmpty
        else { return nil }
        return (trainee, hash)
    }

    /// When the latest lock on any of `keys` ends, if one is in force.
    static func lockedUntil(_ tx: any RecordTransaction, keys: [String], at now: Date) throws -> Date? {
        var latest: Date?
        for key in keys {
            if let until = try tx.row("SELECT lockedUntil FROM webThrottle WHERE key = ?", [.text(digest(key))])?.date("lockedUntil"), until > now {
                latest = max(latest ?? until, until)
            }
        }
        return latest
    }

    /// Counts a failure against each key; returns when the lock ends if this one locked any.
    static func fail(
        _ tx: any RecordTransaction, keys: [String], reason: String, source: String, rule: SignInThrottle, at now: Date
    ) throws -> Date? {
        var locked: Date?
        for key in keys {
            let hashed = digest(key)
            let row = try tx.row("SELECT failures, windowStart FROM webThrottle WHERE key = ?", [.text(hashed)])
            let start = row?.date("windowStart") ?? now
            let fresh = now.timeIntervalSince(start) > rule.window
            let failures = (fresh ? 0 : Int(row?.int64("failures") ?? 0)) + 1
            let until: Date? = failures >= rule.failures ? now.addingTimeInterval(rule.lockFor) : nil
            try tx.execute(
                """
                INSERT INTO webThrottle (key, failures, windowStart, lockedUntil) VALUES (?, ?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, windowStart = excluded.windowStart, lockedUntil = excluded.lockedUntil
                """,
                [.text(hashed), .integer(Int64(until == nil ? failures : 0)), .date(fresh || row == nil || until != nil ? now : start), until.map { .date($0) } ?? .null]
            )
            if let until { locked = max(locked ?? until, until) }
        }
        var details = JSONObject([("source", .string(source)), ("reason", .string(reason))])
        if locked != nil { details["locked"] = .bool(true) }
        try AuditLog.append(tx, actor: "web", action: "web.signin.refused", subject: "web", details: details, at: now)
        return locked
    }

    static func start(
        _ tx: any RecordTransaction, trainee: String, tokenHash: String, csrf: String, source: String, clearing keys: [String], at now: Date
    ) throws {
        try tx.execute(
            "INSERT INTO webSession (tokenHash, traineeId, csrfToken, createdAt, lastSeenAt) VALUES (?, ?, ?, ?, ?)",
            [.text(tokenHash), .text(trainee), .text(csrf), .date(now), .date(now)]
        )
        for key in keys { try tx.execute("DELETE FROM webThrottle WHERE key = ?", [.text(digest(key))]) }
        let subject = try TraineeRecords.auditSubject(tx, trainee: trainee)
        try AuditLog.append(tx, actor: subject, action: "web.signin", subject: subject, details: JSONObject([("source", .string(source))]), at: now)
    }

    /// The live session of a cookie, touched; nil (and deleted) once idle for `idle` or older than `longest`.
    static func session(_ tx: any RecordTransaction, tokenHash: String, idle: TimeInterval, longest: TimeInterval, at now: Date) throws -> WebSession? {
        guard let row = try tx.row("SELECT traineeId, csrfToken, createdAt, lastSeenAt FROM webSession WHERE tokenHash = ?", [.text(tokenHash)]),
            let id = row.string("traineeId"), let csrf = row.string("csrfToken")
        else { return nil }
        let seen = row.date("lastSeenAt") ?? .distantPast, created = row.date("createdAt") ?? .distantPast
        guard now.timeIntervalSince(seen) <= idle, now.timeIntervalSince(created) <= longest, let trainee = try TraineeRecords.find(tx, id: id) else {
            try tx.execute("DELETE FROM webSession WHERE tokenHash = ?", [.text(tokenHash)])
            return nil
        }
        try tx.execute("UPDATE webSession SET lastSeenAt = ? WHERE tokenHash = ?", [.date(now), .text(tokenHash)])
        return WebSession(trainee: trainee, csrfToken: csrf)
    }

    static func end(_ tx: any RecordTransaction, tokenHash: String, at now: Date) throws {
        guard let id = try tx.row("SELECT traineeId FROM webSession WHERE tokenHash = ?", [.text(tokenHash)])?.string("traineeId") else { return }
        try tx.execute("DELETE FROM webSession WHERE tokenHash = ?", [.text(tokenHash)])
        let subject = try TraineeRecords.auditSubject(tx, trainee: id)
        try AuditLog.append(tx, actor: subject, action: "web.signout", subject: subject, details: JSONObject([]), at: now)
    }
}

extension LearningStore {
    /// Spends an enrolment code in a browser: the trainee's passphrase (its bcrypt hash) is set.
    /// Audited by outcome and source, never with the code.
    public func enrolForWeb(code: String, passphraseHash: String, source: String, at now: Date = Date()) throws -> Result<Trainee, EnrolmentRefusal> {
        try database.write { tx in try WebRecords.enrol(tx, code: code, passphraseHash: passphraseHash, source: source, at: now) }
    }

    /// A trainee's stored passphrase hash, when they have one.
    public func webLogin(trainee id: String) throws -> (trainee: Trainee, hash: String)? {
        try database.read { tx in try WebRecords.login(tx, trainee: id) }
    }

    /// When the lock on any of `keys` ("name:…", "address:…") ends, if one holds now.
    public func signInLockedUntil(keys: [String], at now: Date = Date()) throws -> Date? {
        try database.read { tx in try WebRecords.lockedUntil(tx, keys: keys, at: now) }
    }

    /// Records a failed sign-in against each key (audited without the name or passphrase);
    /// returns when the lock ends if this failure locked one.
    public func recordSignInFailure(keys: [String], reason: String, source: String, rule: SignInThrottle = .init(), at now: Date = Date()) throws -> Date? {
        try database.write { tx in try WebRecords.fail(tx, keys: keys, reason: reason, source: source, rule: rule, at: now) }
    }

    /// Audits a sign-in refused without counting it (the name or address was already locked).
    public func recordSignInRefusal(reason: String, source: String, at now: Date = Date()) throws {
        try database.write { tx in
            try AuditLog.append(tx, actor: "web", action: "web.signin.refused", subject: "web",
                                details: JSONObject([("source", .string(source)), ("reason", .string(reason))]), at: now)
        }
    }

    /// Starts a session for a signed-in trainee; `keys` are the throttles the success clears.
    public func startWebSession(trainee: String, tokenHash: String, csrfToken: String, source: String, clearing keys: [String], at now: Date = Date()) throws {
        try database.write { tx in
            try WebRecords.start(tx, trainee: trainee, tokenHash: tokenHash, csrf: csrfToken, source: source, clearing: keys, at: now)
        }
    }

    /// The session a cookie's hash names, kept alive by this use; nil once it has expired.
    public func webSession(tokenHash: String, idle: TimeInterval, longest: TimeInterval, at now: Date = Date()) throws -> WebSession? {
        try database.write { tx in try WebRecords.session(tx, tokenHash: tokenHash, idle: idle, longest: longest, at: now) }
    }

    /// Ends a session (signing out); audited.
    public func endWebSession(tokenHash: String, at now: Date = Date()) throws {
        try database.write { tx in try WebRecords.end(tx, tokenHash: tokenHash, at: now) }
    }
}
