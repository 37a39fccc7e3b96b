import BeaconCore
import BeaconCredentials
import Crypto
import Foundation

extension CertificationService {
    /// Issues a credential if the trainee is eligible, or with an override whose reason is audited.
    /// A program with a provisional stage issues the provisional certificate first; the full one
    /// replaces it once every requirement is met. Only an admin issues, and only to a trainee
    /// whose legal name an admin has confirmed. Each endorsement whose requirements are met is
    /// issued with it as its own credential, so the holder can show the certificate without
    /// showing the endorsement (which says what their lived experience is).
    ///
    /// `editions` are the course's language editions: the certificate is worded in the one the
    /// trainee took (their latest finished quiz), and says which language that is. The rules are
    /// `course`'s, which the editions share.
    public func issue(
        trainee: Trainee, course: Course, program requested: CertificationProgram, settings: Settings,
        override: String? = nil, replacing: String? = nil, renewedByCE ledger: RenewalEvaluation? = nil, actor: String = LearningStore.actor,
        editions: [CourseEdition] = [], at now: Date = Date()
    ) throws -> Record {
        if let problem = settings.problem { throw CredentialError("not issued: " + problem) }
        let issuer = try store.authorize(.issue, actor: actor, trainee: trainee.id)
        let program = try store.programVersion(trainee: trainee.id, course: course, program: requested.id, today: now) ?? requested
        var check = try eligibility(trainee: trainee.id, course: course, held: program, at: now)
        let overriding = override.map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? false
        if let ledger {
            // Renewal by continuing education: the ledger was judged (and any override checked) by renew.
            check.stage = ledger.met ? .full : nil
            check.checks = ledger.checks
        }
        if !check.eligible {
            guard overriding else {
                let missing = check.checks.filter { !$0.met }.map { "\($0.requirement) (\($0.detail))" }
                throw CredentialError("\(trainee.name) is not eligible for \(program.title): " + missing.joined(separator: "; "))
            }
            try store.authorize(.override, actor: actor, trainee: trainee.id)
        }
        guard let legalName = try store.legalName(trainee: trainee.id) else {
            throw CredentialError(
                "\(trainee.name) has no legal name confirmed yet; a certificate carries the name on their ID. After checking it: beacon trainee legal-name \(trainee.id) --name \"Name As On ID\""
            )
        }
        let provisional = check.stage == .provisional
        let held = try credentials(trainee: trainee.id).filter { $0.program == program.id && $0.replacedBy == nil && $0.status == "active" && $0.endorsement == nil }
        var previous = replacing
        if provisional, let current = held.first(where: { $0.stage == "provisional" }) {
            let missing = check.checks.filter { !$0.met }.map { "\($0.requirement) (\($0.detail))" }
            throw CredentialError("\(trainee.name) already holds the provisional certificate \(current.id); the full one needs: " + missing.joined(separator: "; "))
        }
        if !provisional, previous == nil, let current = held.first(where: { $0.stage == "provisional" }) {
            // The full certificate takes the provisional one's place.
            previous = current.id
        }
        let stage = provisional ? "provisional" : "full"
        let (entry, key) = try keys.signingKey()
        let signing = (entry: entry, key: key)
        let validity = provisional ? program.provisionalValidity ?? program.validity : program.validity
        let validUntil = Calendar(identifier: .gregorian).date(byAdding: validity.dateComponents, to: now)
        let taken = CourseEdition.taken(by: try store.record(trainee: trainee.id, course: course.id), among: editions)?.course ?? course
        let language = Language(tag: taken.language) ?? .english
        let words = CertificateWords.in(language)
        // The same programme (id and version) in the edition's words; the rules stay `program`'s.
        let worded = taken.certifications.first { $0.id == program.id && $0.version == program.version } ?? program
        let description = worded.description.plainText.isEmpty ? words.description(worded.title, taken.title) : worded.description.plainText
        var main = Issuance(
            trainee: trainee.id, course: course.id, program: program.id, holderName: legalName,
            achievementId: "urn:beacon:program:\(course.id):\(program.id)" + (provisional ? ":provisional" : ""),
            achievementName: provisional ? words.provisional(worded.title) : worded.title, achievementDescription: description,
            criteria: Self.criteria(worded, taken, provisional: provisional, words: words), validFrom: now, validUntil: validUntil, replaces: previous, stage: stage
        )
        main.language = taken.language
        let endorsed = program.endorsements.filter { endorsement in check.endorsements.contains { $0.id == endorsement.id && $0.met } }
        return try store.database.write { tx -> Record in
            let id = try write(main, tx, settings: settings, signing: signing)
            var details = JSONObject([
                ("trainee", .string(try TraineeRecords.auditSubject(tx, trainee: trainee.id))), ("program", .string(program.id)), ("course", .string(course.id)),
                ("key", .string(signing.entry.did)), ("eligible", .bool(check.eligible)), ("stage", .string(stage)),
            ])
            if let version = program.version { details["version"] = .string(version) }
            if let ledger { details["ceHours"] = .number(JSONNumber(ledger.total)) }
            details["language"] = .string(taken.language)
            if let override, !check.eligible { details["override"] = .string(override) }
            if let previous { details["replaces"] = .string(previous) }
            try AuditLog.append(tx, actor: issuer.id, action: previous == nil ? "credential.issue" : (replacing != nil ? "credential.renew" : "credential.upgrade"),
                                subject: id, details: details, at: now)
            for endorsement in endorsed {
                // A renewed or upgraded certificate's endorsement replaces the one before it.
                let earlier = try previous.flatMap {
                    try tx.row("SELECT id FROM credential WHERE endorsementOf = ? AND endorsement = ? AND replacedById IS NULL", [.text($0), .text(endorsement.id)])?.string("id")
                }
                var issuance = main
                issuance.achievementId = "urn:beacon:program:\(course.id):\(program.id):endorsement:\(endorsement.id)"
                let endorsementTitle = worded.endorsements.first { $0.id == endorsement.id }?.title ?? endorsement.title
                let name = words.endorsementName(worded.title, endorsementTitle)
                issuance.achievementName = provisional ? words.provisional(name) : name
                issuance.achievementDescription = words.endorsementDescription(worded.title, endorsementTitle)
                issuance.criteria = Self.criteria(worded, taken, endorsement: worded.endorsements.first { $0.id == endorsement.id } ?? endorsement, words: words)
                issuance.replaces = earlier
                issuance.endorsement = endorsement.id
                issuance.endorsementOf = id
                let endorsementId = try write(issuance, tx, settings: settings, signing: signing)
                try AuditLog.append(tx, actor: issuer.id, action: "credential.endorse", subject: endorsementId, details: JSONObject([
                    ("certificate", .string(id)), ("endorsement", .string(endorsement.id)),
                ]), at: now)
            }
            return try Self.record(tx, id: id)!
        }
    }

    /// What one credential says and where it sits, before it is signed.
    struct Issuance {
        var trainee: String, course: String, program: String, holderName: String
        var achievementId: String, achievementName: String, achievementDescription: String, criteria: String
        var validFrom: Date, validUntil: Date?, replaces: String?, stage: String
        var endorsement: String?
        var endorsementOf: String?
        /// The edition's language (BCP 47), written as the achievement's inLanguage.
        var language: String?
    }

    /// Signs and stores one credential in its own status slot; marks the one it replaces.
    private func write(
        _ issuance: Issuance, _ tx: any RecordTransaction, settings: Settings, signing: (entry: KeyStore.Entry, key: SigningKey)
    ) throws -> String {
        let id = "urn:uuid:" + UUID().uuidString.lowercased()
        let index = try Self.freeSlot(tx)
        let key = signing.key
        var content = BadgeContent(
            id: id, issuer: key.didKey, issuerName: settings.issuerName, issuerURL: settings.issuerURL, holderName: issuance.holderName,
            achievementId: issuance.achievementId, achievementName: issuance.achievementName, achievementDescription: issuance.achievementDescription,
            criteria: issuance.criteria, validFrom: issuance.validFrom, validUntil: issuance.validUntil, statusIndex: index, statusBaseURL: settings.publicURL,
            replaces: issuance.replaces
        )
        content.issuerDID = settings.didWeb?.did
        content.language = issuance.language
        if let previous = issuance.replaces, let json = try tx.row("SELECT json FROM credential WHERE id = ?", [.text(previous)])?.string("json") {
            content.replacesDigestSRI = "sha384-" + Data(SHA384.hash(data: Data(json.utf8))).base64EncodedString()
        }
        let signed = try DataIntegrity.sign(
            OpenBadgeCredential.unsigned(content), with: key, created: CredentialVerifier.timestamp(issuance.validFrom), proofAsArray: true,
            verificationMethod: settings.signer(key.didKey).verificationMethod
        )
        try tx.execute(
            """
            INSERT INTO credential (id, traineeId, courseId, programId, statusIndex, issuedAt, validUntil, replacesId, signingKey, json, stage, endorsement, endorsementOf)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(id), .text(issuance.trainee), .text(issuance.course), .text(issuance.program), .init(index), .date(issuance.validFrom), .init(issuance.validUntil),
             .init(issuance.replaces), .text(signing.entry.name), .text(JSONValue.object(signed).serialized(pretty: true)), .text(issuance.stage),
             .init(issuance.endorsement), .init(issuance.endorsementOf)]
        )
        // Two admins renewing one credential at once: the second finds it already replaced
        // (the row lock makes it wait for the first), and its whole issue rolls back.
        if let previous = issuance.replaces,
            try tx.changes("UPDATE credential SET replacedById = ? WHERE id = ? AND replacedById IS NULL", [.text(id), .text(previous)]) != 1
        {
            throw CredentialError("\(previous) was already renewed")
        }
        return id
    }
}
