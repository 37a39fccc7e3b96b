import BeaconCore
import BeaconCredentials
import Crypto
import Foundation

/// Issuing and managing certificates: eligibility, signing, status slots, revocation,
/// suspension, renewal and the status lists, each change written to the audit log.
public struct CertificationService: Sendable {
    public enum Status: String, Sendable, Encodable, CaseIterable {
        case active, revoked, suspended
        /// The holder is not practising under it for now (reversible, like a suspension).
        case inactive
        /// The holder gave it up (final, like a revocation).
        case relinquished
    }

    /// Reason codes an admin gives, by action; kept short so reports can group them.
    public static let reasons: [String: [String]] = [
        "revoke": ["misconduct", "issued-in-error", "requirements-not-met", "holder-request", "superseded", "other"],
        "suspend": ["investigation", "requirements-lapsed", "holder-request", "other"],
        "reinstate": ["investigation-closed", "requirements-met", "issued-in-error", "holder-request", "other"],
        "inactivate": ["holder-request", "not-practising", "requirements-lapsed", "other"],
        "relinquish": ["holder-request"],
    ]

    public struct Settings: Sendable {
        public var issuerName: String
        public var issuerURL: String?
        /// Where `beacon serve` publishes status lists; credentials point their status entries here.
        public var publicURL: String
        /// Set by `--for-testing`: loopback and placeholder public URLs are allowed.
        public var forTesting: Bool
        /// Details the admin has not set yet ("name", "public URL"); defaults stand in for them.
        public var unset: Set<String>
        /// The institution's did:web, when it signs as one; nil signs as the key's did:key.
        public var issuerDID: String?

        public init(
            issuerName: String, issuerURL: String? = nil, publicURL: String, forTesting: Bool = false, unset: Set<String> = [], issuerDID: String? = nil
        ) {
            self.issuerName = issuerName
            self.issuerURL = issuerURL
            self.publicURL = publicURL
            self.forTesting = forTesting
            self.unset = unset
            self.issuerDID = issuerDID
        }

        /// host[:port] of a URL as did:web writes it: lower case, the scheme's default port left out.
        static func authority(of url: String) -> String? {
            guard let parsed = URL(string: url), let host = parsed.host?.lowercased() else { return nil }
            guard let port = parsed.port, !(parsed.scheme == "https" && port == 443), !(parsed.scheme == "http" && port == 80) else { return host }
            return "\(host):\(port)"
        }

        /// The did:web issuer, if any.
        public var didWeb: DIDWeb? { issuerDID.flatMap(DIDWeb.init(did:)) }

        /// The DID certificates name as issuer, and the verification method that signs for `key`.
        public func signer(_ key: DIDKey) -> (did: String, verificationMethod: String) {
            if let web = didWeb { return (web.did, web.verificationMethod(key)) }
            return (key.did, key.verificationMethod)
        }

        /// Why no certificate may be signed with these details, with the command that fixes
        /// it; nil when they are real. A certificate cannot be recalled to correct its issuer.
        public var problem: String? {
            if unset.contains("name") {
                return "the issuer has no name yet, so certificates would say \"\(issuerName)\". Set it: beacon issuer set --name \"Your Organisation\""
            }
            if let web = didWeb, web.authority != Self.authority(of: publicURL) {
                return "the DID \(web.did) is resolved at \(web.documentURL), but beacon serve publishes it at the public URL \(publicURL); use a did:web for that host (beacon issuer set --did did:web:\((Self.authority(of: publicURL) ?? "your-host").replacingOccurrences(of: ":", with: "%3A")))"
            }
            if forTesting { return nil }
            if unset.contains("public URL") {
                return "no public URL is set, so certificates would point employers at \(publicURL) on this computer. Set where beacon serve is reachable: beacon issuer set --public-url https://certificates.your-org.org"
            }
            if let reason = PublicAddress.problem(publicURL) {
                return "the public URL \(reason). Set where beacon serve is reachable: beacon issuer set --public-url https://certificates.your-org.org (tests and demonstrations: beacon issuer set --for-testing)"
            }
            return nil
        }
    }

    public struct Record: Sendable, Equatable, Encodable {
        public var id: String
        public var trainee: String
        public var course: String
        public var program: String
        public var statusIndex: Int
        public var issuedAt: Date
        public var validUntil: Date?
        public var status: String
        public var statusReason: String?
        public var replaces: String?
        public var replacedBy: String?
        /// provisional or full.
        public var stage: String
        /// For an endorsement: its id in the program, and the certificate it belongs to.
        public var endorsement: String?
        public var endorsementOf: String?
        /// The signed credential as issued.
        public var json: String
    }

    let store: LearningStore
    let keys: KeyStore

    public init(store: LearningStore, keys: KeyStore) {
        self.store = store
        self.keys = keys
    }

    /// The trainee against the version of the program they are held to, with everything recorded
    /// for them: course work, hours, attestations, observations and references.
    public func eligibility(trainee: String, course: Course, program: CertificationProgram, at now: Date = Date()) throws -> Eligibility {
        let held = try store.programVersion(trainee: trainee, course: course, program: program.id, today: now) ?? program
        return try eligibility(trainee: trainee, course: course, held: held, at: now)
    }

    /// Against the version already chosen.
    func eligibility(trainee: String, course: Course, held: CertificationProgram, at now: Date) throws -> Eligibility {
        Eligibility(program: held, course: course, evidence: try store.evidence(trainee: trainee, course: course, program: held), trainee: trainee, now: now)
    }

    /// Revokes, suspends or reinstates (status .active) a credential, with a reason code.
    /// - Parameter note: the admin's own words on why, kept in the audit log beside the reason code.
    public func setStatus(_ id: String, to status: Status, reason: String, note: String? = nil, actor: String = LearningStore.actor, at now: Date = Date()) throws -> Record {
        let admin = try store.authorize(.changeStatus, actor: actor)
        let action = switch status {
        case .revoked: "revoke"
        case .suspended: "suspend"
        case .active: "reinstate"
        case .inactive: "inactivate"
        case .relinquished: "relinquish"
        }
        guard Self.reasons[action, default: []].contains(reason) else {
            throw CredentialError("reason \(reason) is not one of: " + Self.reasons[action, default: []].joined(separator: ", "))
        }
        return try store.database.write { tx -> Record in
            guard let current = try Self.record(tx, id: id) else { throw CredentialError("no credential \(id) was issued here") }
            try Self.checkChange(id, from: current.status, to: status)
            // Only from the status just read: a change another instance committed meanwhile
            // (the row lock makes this wait for it) leaves nothing to update, and is reported.
            guard try tx.changes(
                "UPDATE credential SET status = ?, statusReason = ?, statusChangedAt = ? WHERE id = ? AND status = ?",
                [.text(status.rawValue), .text(reason), .date(now), .text(id), .text(current.status)]
            ) == 1 else {
                let latest = try Self.record(tx, id: id)?.status ?? current.status
                try Self.checkChange(id, from: latest, to: status)
                throw CredentialError("\(id) changed from \(current.status) to \(latest) while this was being recorded; look again and retry")
            }
            // A certificate's endorsements follow it: they stand only with it.
            let endorsements = try tx.changes(
                "UPDATE credential SET status = ?, statusReason = ?, statusChangedAt = ? WHERE endorsementOf = ? AND status = ?",
                [.text(status.rawValue), .text(reason), .date(now), .text(id), .text(current.status)]
            )
            var details = JSONObject([("reason", .string(reason)), ("previousStatus", .string(current.status))])
            if endorsements > 0 { details["endorsements"] = .number(JSONNumber(Double(endorsements))) }
            if let note = note?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty { details["note"] = .string(note) }
            try AuditLog.append(tx, actor: admin.id, action: "credential.\(action)", subject: id, details: details, at: now)
            return try Self.record(tx, id: id)!
        }
    }

    private static func checkChange(_ id: String, from current: String, to status: Status) throws {
        switch (current, status) {
        case ("revoked", _): throw CredentialError("\(id) is revoked; revocation is final (issue a new credential instead)")
        case ("relinquished", _): throw CredentialError("\(id) was relinquished by its holder; that is final (the holder qualifies again for a new one)")
        case ("active", .active): throw CredentialError("\(id) is already active")
        case (let same, let wanted) where same == wanted.rawValue: throw CredentialError("\(id) is already \(same)")
        default: break
        }
    }

    /// A new credential for the same trainee and program that names the one it replaces. With a
    /// renewal rule, the CE ledger of the old certificate's cycle must meet it (or an admin
    /// overrides, with a reason); without one, the requirements are checked again. A
    /// certificate past its grace period is not renewed: its holder qualifies again.
    public func renew(
        _ id: String, course: Course, settings: Settings, override: String? = nil, actor: String = LearningStore.actor,
        editions: [CourseEdition] = [], at now: Date = Date()
    ) throws -> Record {
        guard let old = try credential(id) else { throw CredentialError("no credential \(id) was issued here") }
        guard old.status != "revoked", old.status != "relinquished" else { throw CredentialError("\(id) is \(old.status) and cannot be renewed") }
        guard old.status != "suspended" else { throw CredentialError("\(id) is suspended; it is renewed only once an admin reinstates it (beacon reinstate)") }
        guard old.replacedBy == nil else { throw CredentialError("\(id) was already renewed as \(old.replacedBy!)") }
        guard old.stage == "full" else { throw CredentialError("\(id) is provisional: it is not renewed, the full certificate replaces it (beacon issue)") }
        if let certificate = old.endorsementOf { throw CredentialError("\(id) is an endorsement: renew its certificate, \(certificate), and the endorsement is renewed with it") }
        guard let trainee = try store.trainee(id: old.trainee), let requested = course.certifications.first(where: { $0.id == old.program }) else {
            throw CredentialError("the trainee or program of \(id) no longer exists in \(course.id)")
        }
        let program = try store.programVersion(trainee: trainee.id, course: course, program: requested.id, today: now) ?? requested
        if let validUntil = old.validUntil, let grace = program.grace,
            let lastDay = Calendar(identifier: .gregorian).date(byAdding: grace.dateComponents, to: validUntil), now > lastDay
        {
            throw CredentialError("\(id) expired on \(DayDate(validUntil)) and its grace period ended on \(DayDate(lastDay)); the holder qualifies again (beacon issue)")
        }
        guard let ledger = try store.renewalEvaluation(credential: old, course: course, program: program) else {
            // No renewal rule: the requirements are checked again against the current record.
            return try issue(trainee: trainee, course: course, program: program, settings: settings, override: override, replacing: id, actor: actor, editions: editions, at: now)
        }
        if !ledger.met {
            guard let override, !override.trimmingCharacters(in: .whitespaces).isEmpty else {
                let missing = ledger.checks.filter { !$0.met }.map { "\($0.requirement) (\($0.detail))" }
                throw CredentialError("\(trainee.name) has not met the renewal rule of \(program.title) yet: " + missing.joined(separator: "; "))
            }
            try store.authorize(.override, actor: actor, trainee: trainee.id)
        }
        return try issue(trainee: trainee, course: course, program: program, settings: settings, override: override, replacing: id, renewedByCE: ledger, actor: actor, editions: editions, at: now)
    }

    /// Publishes (or withdraws) the credential's page at `/c/{id}`; audited, since the page
    /// reveals that its holder has lived experience.
    public func setShared(_ id: String, _ shared: Bool, at now: Date = Date()) throws {
        try store.database.write { tx in
            guard try Self.record(tx, id: id) != nil else { throw CredentialError("no credential \(id) was issued here") }
            try tx.execute("UPDATE credential SET shared = ? WHERE id = ?", [.bool(shared), .text(id)])
            try AuditLog.append(tx, actor: LearningStore.actor, action: shared ? "credential.share" : "credential.unshare", subject: id, details: JSONObject(), at: now)
        }
    }

    /// The credential JSON if, and only if, its holder shares it.
    public func sharedCredential(_ id: String) throws -> String? {
        try store.database.read { tx in
            try tx.row("SELECT json FROM credential WHERE id = ? AND shared = ?", [.text(id), .bool(true)])?.string("json")
        }
    }

    /// Changes whenever any credential is issued or changes status, on whichever instance: a
    /// cheap key for caches.
    public func statusFingerprint() throws -> String {
        try store.database.read { tx in
            let row = try tx.row("SELECT count(*) AS n, max(issuedAt) AS i, max(statusChangedAt) AS s FROM credential")
            func text(_ value: StoreValue?) -> String {
                switch value {
                case .date(let date)?: String(date.timeIntervalSince1970)
                case .text(let text)?: text
                case .integer(let number)?: String(number)
                default: ""
                }
            }
            return "\(row?.int64("n") ?? 0)|\(text(row?["i"]))|\(text(row?["s"]))"
        }
    }

    public func credential(_ id: String) throws -> Record? {
        try store.database.read { tx in try Self.record(tx, id: id) }
    }

    public func credentials(trainee: String? = nil) throws -> [Record] {
        try store.database.read { tx in
            // Two statements rather than `? IS NULL OR …`: PostgreSQL cannot type a bare NULL.
            let rows = if let trainee {
                try tx.rows("SELECT * FROM credential WHERE traineeId = ? ORDER BY issuedAt, id", [.text(trainee)])
            } else {
                try tx.rows("SELECT * FROM credential ORDER BY issuedAt, id")
            }
            return rows.compactMap(Self.record)
        }
    }

    /// The signed status list credentials (revocation, suspension, inactive, relinquished), built from the table.
    public func statusLists(settings: Settings, at now: Date = Date()) throws -> [String: JSONObject] {
        let (_, key) = try keys.signingKey()
        var bits = Dictionary(uniqueKeysWithValues: StatusListCredential.purposes.map { ($0, BitstringStatusList()) })
        // A relinquished certificate is revoked to verifiers that know only revocation, an inactive one suspended.
        let setIn: [String: [String]] = ["revoked": ["revocation"], "suspended": ["suspension"], "relinquished": ["revocation", "relinquished"], "inactive": ["suspension", "inactive"]]
        let rows = try store.database.read { tx in try tx.rows("SELECT statusIndex, status FROM credential") }
        for row in rows {
            guard let index = row.int64("statusIndex").map(Int.init), let status = row.string("status") else { continue }
            for purpose in setIn[status, default: []] { try bits[purpose]?.set(index, true) }
        }
        var lists: [String: JSONObject] = [:]
        for purpose in StatusListCredential.purposes {
            guard let list = bits[purpose] else { continue }
            let unsigned = try StatusListCredential.unsigned(
                base: settings.publicURL, purpose: purpose, issuer: key.didKey, list: list, validFrom: now, issuerDID: settings.didWeb?.did
            )
            lists[purpose] = try DataIntegrity.sign(
                unsigned, with: key, created: CredentialVerifier.timestamp(now), verificationMethod: settings.signer(key.didKey).verificationMethod
            )
        }
        return lists
    }

    /// The issuer's DID document when it signs as a did:web: every key this machine has held,
    /// current and retired, so what an old key signed still verifies after rotation.
    public func didDocument(settings: Settings) throws -> JSONObject? {
        guard let web = settings.didWeb else { return nil }
        return web.document(keys: try keys.didKeys())
    }

    /// The DIDs this machine's certificates are signed as, and the documents for its did:web.
    public func ownIdentity(settings: Settings) throws -> (dids: Set<String>, documents: [String: JSONObject]) {
        var dids = try keys.dids()
        var documents: [String: JSONObject] = [:]
        if let web = settings.didWeb, let document = try didDocument(settings: settings) {
            dids.insert(web.did)
            documents[web.did] = document
        }
        return (dids, documents)
    }

    // MARK: Helpers

    /// A random free slot: list position must not reveal issue order (Bitstring Status List
    /// §privacy). Issuers take the slot lock first, so two instances never draw the same slot;
    /// the UNIQUE column is the database's own guarantee behind it.
    static func freeSlot(_ tx: any RecordTransaction) throws -> Int {
        try tx.lock(.statusSlots)
        let capacity = BitstringStatusList.minimumLength
        let used = try tx.row("SELECT count(*) AS n FROM credential")?.int64("n") ?? 0
        guard used < capacity else { throw CredentialError("every status slot is in use; a larger status list is needed") }
        var generator = SystemRandomNumberGenerator()
        while true {
            let candidate = Int.random(in: 0..<capacity, using: &generator)
            if try tx.row("SELECT 1 AS taken FROM credential WHERE statusIndex = ?", [.init(candidate)]) == nil {
                return candidate
            }
        }
    }

    /// What the achievement requires of anyone who earns it. It describes the programme, never
    /// this holder: whether the holder met it (or was issued under an override) is a fact for
    /// the audit log, not for the certificate.
    /// The criteria in words, as the certificate states them: the requirements the certificate
    /// was issued on (a provisional one leaves out those needed only for the full certificate).
    /// `course` and `program` give the titles (the edition the trainee took); `words` the
    /// sentences around them.
    static func criteria(
        _ program: CertificationProgram, _ course: Course, provisional: Bool = false, endorsement: CertificationProgram.Endorsement? = nil,
        words: CertificateWords = .english
    ) -> String {
        var modules: [String] = [], parts: [String] = []
        var competencies: [Double: [String]] = [:]
        for requirement in endorsement?.requirements ?? (provisional ? program.requirements : program.allRequirements) {
            switch requirement {
            case .module(let reference): modules.append(course.module(reference.id)?.title ?? reference.id)
            case .quiz(let reference, let score):
                let quiz = course.quizzes.first { $0.id == reference.id }
                parts.append(words.scoreOn(ProgramEvaluation.percent(score ?? quiz?.passMark ?? 1), quiz?.title ?? reference.id))
            case .competency(let reference, let score):
                competencies[score, default: []].append(course.competency(reference.id)?.title ?? reference.id)
            case .trainingHours(let rule):
                let modes = DeliveryMode.allCases.filter(rule.modes.contains).map { words.mode($0.rawValue) }
                parts.append(words.trainingHours(ProgramEvaluation.hours(rule.hours), rule.domain,
                                                 modes.count < DeliveryMode.allCases.count ? words.listed(modes, joiner: " \(words.or) ") : nil))
            case .supervisedHours(let rule):
                parts.append(words.supervisedHours(ProgramEvaluation.hours(rule.hours), rule.domain))
            case .attestation(let reference):
                let document = program.document(reference.id)
                parts.append(document?.kind == .livedExperience ? words.attestLivedExperience : words.sign(document?.title ?? reference.id))
            case .observation(let reference):
                parts.append(words.passObserved(program.rubric(reference.id)?.title ?? reference.id))
            case .references(let count, let kind):
                parts.append(words.references(count, kind?.rawValue))
            }
        }
        if !modules.isEmpty { parts.insert(words.completeModules(modules.count, words.listed(modules)), at: 0) }
        for (score, titles) in competencies.sorted(by: { $0.key > $1.key }) {
            parts.append(words.reachCompetencies(ProgramEvaluation.percent(score), titles.count, words.listed(titles)))
        }
        let requirements = parts.isEmpty ? "" : words.toEarn(provisional, endorsement.map { _ in program.title }, words.listed(parts, joiner: "; \(words.and) "))
        let basis = program.modelledOn.map { words.modelledOn($0.title) } ?? ""
        return requirements + words.courseLine(course.title, course.version) + basis
    }

    /// What replaces the stored copy of a credential when its holder is erased.
    public static let erasedCopy = "{}"

    static func record(_ tx: any RecordTransaction, id: String) throws -> Record? {
        try tx.row("SELECT * FROM credential WHERE id = ?", [.text(id)]).flatMap(record)
    }

    static func record(_ row: StoreRow) -> Record? {
        guard let id = row.string("id"), let trainee = row.string("traineeId"), let course = row.string("courseId"), let program = row.string("programId"),
            let index = row.int64("statusIndex"), let issuedAt = row.date("issuedAt"), let status = row.string("status"), let json = row.string("json")
        else { return nil }
        return Record(
            id: id, trainee: trainee, course: course, program: program, statusIndex: Int(index), issuedAt: issuedAt, validUntil: row.date("validUntil"),
            status: status, statusReason: row.string("statusReason"), replaces: row.string("replacesId"), replacedBy: row.string("replacedById"),
            stage: row.string("stage") ?? "full", endorsement: row.string("endorsement"), endorsementOf: row.string("endorsementOf"), json: json
        )
    }
}
