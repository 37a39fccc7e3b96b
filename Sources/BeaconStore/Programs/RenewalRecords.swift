import BeaconCore
import BeaconCredentials
import Foundation

/// A continuing-education claim as stored. The evidence reference stays here: it is not in the
/// audit log, a credential or an export.
public struct CEClaimRecord: Sendable, Equatable, Encodable {
    public var id: String
    public var trainee: String
    public var program: String
    public var claim: CEClaim
    public var evidence: String
    public var loggedAt: Date
}

/// Continuing education toward renewal, on the storage seam: holders log outside activities
/// with an evidence reference; Beacon's own modules count by themselves when finished again
/// within the cycle.
public enum RenewalRecords {
    public static func log(
        _ tx: any RecordTransaction, trainee: String, program: CertificationProgram, category: String, kind typed: String, hours: Double, day: DayDate,
        title: String, evidence: String, actor: String, at now: Date
    ) throws -> CEClaimRecord {
        let by = try StaffRecords.authorize(tx, actor: actor, .logCE, trainee: trainee)
        // "Staff meeting", "staff_meeting" and "staff-meeting" are one kind.
        let kind = typed.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: "-")
        guard !kind.isEmpty else { throw ProgramRefusal("say what kind of activity it was (--kind workshop, course, conference…)") }
        guard let rule = program.renewal else { throw ProgramRefusal("program \(program.label) renews without continuing education") }
        guard rule.category(category) != nil else {
            throw ProgramRefusal("\(category) is not one of \(program.label)'s renewal categories: \(rule.categories.map(\.id).joined(separator: ", "))")
        }
        guard !rule.excludedKinds.contains(kind) else { throw ProgramRefusal("\(kind) does not count toward renewal of \(program.label)") }
        guard let person = try TraineeRecords.find(tx, id: trainee) else { throw StoreError.noSuchTrainee(trainee) }
        let already = try tx.rows("SELECT hours FROM ceClaim WHERE traineeId = ? AND day = ?", [.text(trainee), .text(day.description)]).compactMap { $0.double("hours") }.reduce(0, +)
        if let problem = EvidenceRules.hoursProblem(hours, on: day, alreadyThatDay: already, today: DayDate(now), enrolled: DayDate(person.createdAt)) {
            throw ProgramRefusal(problem)
        }
        let cleanEvidence = evidence.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cleanEvidence.isEmpty else { throw ProgramRefusal("give an evidence reference for outside CE (a certificate number, a file name): --evidence") }
        let cleanTitle = TraineeName.normalized(title)
        guard !cleanTitle.isEmpty, cleanTitle.count <= 120 else { throw ProgramRefusal("give the activity's title (1 to 120 characters)") }
        let key = "outside:" + cleanEvidence.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let earlier = try tx.row(
            "SELECT day FROM ceClaim WHERE traineeId = ? AND programId = ? AND activityKey = ?", [.text(trainee), .text(program.id), .text(key)]
        ) {
            throw ProgramRefusal("this activity (evidence \(cleanEvidence)) is already claimed, for \(earlier.string("day") ?? "an earlier day"); an activity counts once")
        }
        let id = "ce-" + TraineeRecords.newAuditRef().prefix(10)
        try tx.execute(
            """
            INSERT INTO ceClaim (id, traineeId, programId, activityKey, category, kind, hours, day, title, evidence, loggedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(id), .text(trainee), .text(program.id), .text(key), .text(category), .text(kind), .real(hours), .text(day.description), .text(cleanTitle),
             .text(cleanEvidence), .date(now)]
        )
        try AuditLog.append(tx, actor: try StaffRecords.auditName(tx, by), action: "ce.log", subject: try TraineeRecords.auditSubject(tx, trainee: trainee), details: JSONObject([
            ("claim", .string(id)), ("program", .string(program.id)), ("category", .string(category)), ("hours", .number(JSONNumber(hours))), ("day", .string(day.description)),
        ]), at: now)
        return CEClaimRecord(
            id: id, trainee: trainee, program: program.id,
            claim: CEClaim(key: key, category: category, kind: kind, hours: hours, day: day, source: .outside, title: cleanTitle), evidence: cleanEvidence, loggedAt: now
        )
    }

    public static func claims(_ tx: any RecordTransaction, trainee: String, program: String) throws -> [CEClaimRecord] {
        try tx.rows("SELECT * FROM ceClaim WHERE traineeId = ? AND programId = ? ORDER BY day, loggedAt", [.text(trainee), .text(program)]).compactMap { row in
            guard let id = row.string("id"), let key = row.string("activityKey"), let category = row.string("category"), let kind = row.string("kind"),
                let hours = row.double("hours"), let day = row.string("day").flatMap(DayDate.init), let title = row.string("title"), let logged = row.date("loggedAt")
            else { return nil }
            return CEClaimRecord(
                id: id, trainee: trainee, program: program, claim: CEClaim(key: key, category: category, kind: kind, hours: hours, day: day, source: .outside, title: title),
                evidence: row.string("evidence") ?? "", loggedAt: logged
            )
        }
    }

    /// Beacon modules the rule counts, finished (every item) on a day within the cycle.
    static func moduleClaims(_ tx: any RecordTransaction, trainee: String, course: Course, rule: RenewalRule, cycle: ClosedRange<DayDate>) throws -> [CEClaim] {
        let record = try ProgressRecords.record(tx, trainee: trainee, course: course.id)
        return rule.modules.compactMap { credit in
            guard let module = course.module(credit.module.id), let finished = finishedDay(module, record, from: cycle.lowerBound.start) else { return nil }
            return CEClaim(key: "module:\(module.id)", category: credit.category, kind: "beacon-module", hours: credit.hours, day: finished, source: .beacon, title: module.title)
        }
    }

    /// The day the module's last item was done, counting only work from `start` on; nil when an
    /// item is not done since then.
    static func finishedDay(_ module: Module, _ record: CourseRecord, from start: Date) -> DayDate? {
        var last: Date?
        for item in module.items {
            let done: Date?
            switch item {
            case .lesson(let lesson): done = record.lessons[lesson.id]?.completedAt.flatMap { $0 >= start ? $0 : nil }
            case .quiz(let quiz): done = record.attempts[quiz.id]?.compactMap { $0.passed == true ? $0.finishedAt : nil }.filter { $0 >= start }.min()
            case .roleplay(let roleplay): done = record.runs[roleplay.id]?.compactMap(\.finishedAt).filter { $0 >= start }.min()
            }
            guard let done else { return nil }
            last = max(last ?? done, done)
        }
        return last.map(DayDate.init)
    }

    /// The cycle a certificate's CE counts in: from the day it was issued to the day it expires.
    /// A renewed certificate's cycle starts the day after its renewal, since that day's CE
    /// already counted toward the full certificate it replaced (a provisional one had no cycle).
    public static func cycle(of credential: CertificationService.Record, renewed: Bool = false) -> ClosedRange<DayDate> {
        let issued = renewed ? credential.issuedAt.addingTimeInterval(86_400) : credential.issuedAt
        let from = DayDate(issued)
        let to = credential.validUntil.map(DayDate.init) ?? from
        return from...max(from, to)
    }

    public static func evaluation(
        _ tx: any RecordTransaction, credential: CertificationService.Record, course: Course, program: CertificationProgram
    ) throws -> RenewalEvaluation? {
        guard let rule = program.renewal else { return nil }
        let renewed = try credential.replaces.flatMap { try tx.row("SELECT stage FROM credential WHERE id = ?", [.text($0)])?.string("stage") } == "full"
        let cycle = cycle(of: credential, renewed: renewed)
        let claims = try claims(tx, trainee: credential.trainee, program: program.id).map(\.claim)
            + moduleClaims(tx, trainee: credential.trainee, course: course, rule: rule, cycle: cycle)
        return RenewalEvaluation(rule: rule, claims: claims, cycle: cycle)
    }
}

extension LearningStore {
    public func logCE(
        trainee: String, program: CertificationProgram, category: String, kind: String, hours: Double, day: DayDate, title: String, evidence: String,
        actor: String = LearningStore.actor, at now: Date = Date()
    ) throws -> CEClaimRecord {
        try database.write { tx in
            try RenewalRecords.log(tx, trainee: trainee, program: program, category: category, kind: kind, hours: hours, day: day, title: title, evidence: evidence, actor: actor, at: now)
        }
    }

    public func ceClaims(trainee: String, program: String) throws -> [CEClaimRecord] {
        try database.read { tx in try RenewalRecords.claims(tx, trainee: trainee, program: program) }
    }

    /// The CE ledger of a certificate's cycle against its program's renewal rule; nil when the
    /// program renews without CE.
    public func renewalEvaluation(credential: CertificationService.Record, course: Course, program: CertificationProgram) throws -> RenewalEvaluation? {
        try database.read { tx in try RenewalRecords.evaluation(tx, credential: credential, course: course, program: program) }
    }
}
