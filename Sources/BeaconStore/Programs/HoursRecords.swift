import BeaconCore
import BeaconCredentials
import Foundation

/// One supervised-hours entry as stored, with its history.
public struct WorkHoursEntry: Sendable, Equatable, Encodable {
    public var id: String
    public var trainee: String
    public var day: DayDate
    public var hours: Double
    public var domain: String?
    public var supervision: SupervisionKind
    public var state: ProgramEvidence.WorkHours.State
    public var loggedAt: Date
    public var decidedBy: String?
    public var decidedAt: Date?
    public var replaces: String?
    public var replacedBy: String?
}

/// Supervised work hours and live training sessions, on the storage seam. The trainee logs
/// hours; only their assigned supervisor's attestation makes an entry count; a correction is a new
/// entry and the old one is kept.
public enum HoursRecords {
    public static func log(
        _ tx: any RecordTransaction, trainee: String, day: DayDate, hours: Double, domain: String?, supervision: SupervisionKind,
        actor: String, replacing: String? = nil, at now: Date
    ) throws -> WorkHoursEntry {
        let by = try StaffRecords.authorize(tx, actor: actor, .logHours, trainee: trainee)
        guard let person = try TraineeRecords.find(tx, id: trainee) else { throw StoreError.noSuchTrainee(trainee) }
        var old: WorkHoursEntry?
        if let replacing {
            guard let found = try entry(tx, id: replacing), found.trainee == trainee else { throw ProgramRefusal("\(trainee) has no hours entry \(replacing)") }
            guard found.state == .pending || found.state == .rejected else {
                throw ProgramRefusal("entry \(replacing) is \(found.state.rawValue); only a pending or rejected entry can be corrected")
            }
            old = found
        }
        let already = try tx.rows(
            "SELECT hours FROM workHours WHERE traineeId = ? AND day = ? AND state IN ('pending', 'attested') AND id != ?",
            [.text(trainee), .text(day.description), .text(replacing ?? "")]
        ).compactMap { $0.double("hours") }.reduce(0, +)
        if let problem = EvidenceRules.hoursProblem(hours, on: day, alreadyThatDay: already, today: DayDate(now), enrolled: DayDate(person.createdAt)) {
            throw ProgramRefusal(problem)
        }
        let id = "h-" + TraineeRecords.newAuditRef().prefix(10)
        try tx.execute(
            "INSERT INTO workHours (id, traineeId, day, hours, domain, supervision, state, loggedAt, replacesId) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
            [.text(id), .text(trainee), .text(day.description), .real(hours), domain.map(StoreValue.text) ?? .null, .text(supervision.rawValue), .date(now),
             replacing.map(StoreValue.text) ?? .null]
        )
        if let old {
            try tx.execute("UPDATE workHours SET state = 'changed', replacedById = ? WHERE id = ?", [.text(id), .text(old.id)])
        }
        var details = JSONObject([("entry", .string(id)), ("day", .string(day.description)), ("hours", .number(JSONNumber(hours))), ("supervision", .string(supervision.rawValue))])
        if let domain { details["domain"] = .string(domain) }
        if let replacing { details["replaces"] = .string(replacing) }
        try AuditLog.append(tx, actor: try StaffRecords.auditName(tx, by), action: replacing == nil ? "hours.log" : "hours.change",
                            subject: try TraineeRecords.auditSubject(tx, trainee: trainee), details: details, at: now)
        return try entry(tx, id: id)!
    }

    /// A supervisor attests or rejects a pending entry of a trainee they supervise.
    public static func decide(_ tx: any RecordTransaction, entry id: String, attest: Bool, actor: String, at now: Date) throws -> WorkHoursEntry {
        guard let found = try entry(tx, id: id) else { throw ProgramRefusal("no hours entry \(id)") }
        let by = try StaffRecords.authorize(tx, actor: actor, .attestHours, trainee: found.trainee)
        guard found.state == .pending else { throw ProgramRefusal("entry \(id) is already \(found.state.rawValue)") }
        guard by.id != found.trainee else { throw ProgramRefusal("\(by.id) cannot attest their own hours") }
        let state: ProgramEvidence.WorkHours.State = attest ? .attested : .rejected
        // The state it was read in is part of the change, so two supervisors cannot both decide.
        let changed = try tx.changes(
            "UPDATE workHours SET state = ?, decidedBy = ?, decidedAt = ? WHERE id = ? AND state = 'pending'",
            [.text(state.rawValue), .text(by.id), .date(now), .text(id)]
        )
        guard changed == 1 else { throw ProgramRefusal("entry \(id) was decided by someone else meanwhile") }
        try AuditLog.append(tx, actor: try StaffRecords.auditName(tx, by), action: attest ? "hours.attest" : "hours.reject",
                            subject: try TraineeRecords.auditSubject(tx, trainee: found.trainee),
                            details: JSONObject([("entry", .string(id)), ("hours", .number(JSONNumber(found.hours)))]), at: now)
        return try entry(tx, id: id)!
    }

    public static func entries(_ tx: any RecordTransaction, trainee: String) throws -> [WorkHoursEntry] {
        try tx.rows("SELECT * FROM workHours WHERE traineeId = ? ORDER BY day, loggedAt", [.text(trainee)]).compactMap(entry)
    }

    static func entry(_ tx: any RecordTransaction, id: String) throws -> WorkHoursEntry? {
        try tx.row("SELECT * FROM workHours WHERE id = ?", [.text(id)]).flatMap(entry)
    }

    private static func entry(_ row: StoreRow) -> WorkHoursEntry? {
        guard let id = row.string("id"), let trainee = row.string("traineeId"), let day = row.string("day").flatMap(DayDate.init),
            let hours = row.double("hours"), let supervision = row.string("supervision").flatMap(SupervisionKind.init),
            let state = row.string("state").flatMap(ProgramEvidence.WorkHours.State.init), let logged = row.date("loggedAt")
        else { return nil }
        return WorkHoursEntry(
            id: id, trainee: trainee, day: day, hours: hours, domain: row.string("domain"), supervision: supervision, state: state, loggedAt: logged,
            decidedBy: row.string("decidedBy"), decidedAt: row.date("decidedAt"), replaces: row.string("replacesId"), replacedBy: row.string("replacedById")
        )
    }

    // MARK: Live sessions

    /// A facilitator logs a live session and who attended; attendance counts as training hours.
    public static func logSession(
        _ tx: any RecordTransaction, course: String, title: String, day: DayDate, hours: Double, mode: DeliveryMode, domain: String?,
        attendees: [String], actor: String, at now: Date
    ) throws -> String {
        guard mode != .selfPaced else { throw ProgramRefusal("a live session is live-remote or in-person; self-paced time is counted by Beacon itself") }
        guard !attendees.isEmpty else { throw ProgramRefusal("name who attended: --attendee ID, once per trainee") }
        let by = try StaffRecords.authorize(tx, actor: actor, .logSession)
        if let problem = EvidenceRules.hoursProblem(hours, on: day, today: DayDate(now), enrolled: nil) { throw ProgramRefusal(problem) }
        var subjects: [JSONValue] = []
        for trainee in Set(attendees).sorted() {
            try StaffRecords.check(tx, by, .logSession, trainee: trainee)
            guard let person = try TraineeRecords.find(tx, id: trainee), !person.name.isEmpty else { throw StoreError.noSuchTrainee(trainee) }
            if let problem = EvidenceRules.dayProblem(day, today: DayDate(now), enrolled: DayDate(person.createdAt)) { throw ProgramRefusal("\(trainee): " + problem) }
            subjects.append(.string(try TraineeRecords.auditSubject(tx, trainee: trainee)))
        }
        let id = "s-" + TraineeRecords.newAuditRef().prefix(10)
        try tx.execute(
            "INSERT INTO liveSession (id, courseId, facilitatorId, day, hours, domain, mode, title, loggedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [.text(id), .text(course), .text(by.id), .text(day.description), .real(hours), domain.map(StoreValue.text) ?? .null, .text(mode.rawValue), .text(title), .date(now)]
        )
        for trainee in Set(attendees) {
            try tx.execute("INSERT INTO attendance (sessionId, traineeId) VALUES (?, ?)", [.text(id), .text(trainee)])
        }
        var details = JSONObject([("day", .string(day.description)), ("hours", .number(JSONNumber(hours))), ("mode", .string(mode.rawValue)), ("attendees", .array(subjects))])
        if let domain { details["domain"] = .string(domain) }
        try AuditLog.append(tx, actor: by.id, action: "session.log", subject: "session:" + id, details: details, at: now)
        return id
    }

    static func sessions(_ tx: any RecordTransaction, trainee: String, course: String) throws -> [ProgramEvidence.LiveSession] {
        try tx.rows(
            "SELECT day, hours, domain, mode FROM liveSession JOIN attendance ON attendance.sessionId = liveSession.id WHERE traineeId = ? AND courseId = ? ORDER BY day",
            [.text(trainee), .text(course)]
        ).compactMap { row in
            guard let day = row.string("day").flatMap(DayDate.init), let hours = row.double("hours"), let mode = row.string("mode").flatMap(DeliveryMode.init) else { return nil }
            return ProgramEvidence.LiveSession(day: day, hours: hours, domain: row.string("domain"), mode: mode)
        }
    }
}

extension LearningStore {
    public func logHours(
        trainee: String, day: DayDate, hours: Double, domain: String? = nil, supervision: SupervisionKind, actor: String = LearningStore.actor,
        replacing: String? = nil, at now: Date = Date()
    ) throws -> WorkHoursEntry {
        try database.write { tx in
            try HoursRecords.log(tx, trainee: trainee, day: day, hours: hours, domain: domain, supervision: supervision, actor: actor, replacing: replacing, at: now)
        }
    }

    public func decideHours(entry: String, attest: Bool, actor: String = LearningStore.actor, at now: Date = Date()) throws -> WorkHoursEntry {
        try database.write { tx in try HoursRecords.decide(tx, entry: entry, attest: attest, actor: actor, at: now) }
    }

    public func hoursEntries(trainee: String) throws -> [WorkHoursEntry] {
        try database.read { tx in try HoursRecords.entries(tx, trainee: trainee) }
    }

    public func logSession(
        course: String, title: String, day: DayDate, hours: Double, mode: DeliveryMode, domain: String? = nil, attendees: [String],
        actor: String = LearningStore.actor, at now: Date = Date()
    ) throws -> String {
        try database.write { tx in
            try HoursRecords.logSession(tx, course: course, title: title, day: day, hours: hours, mode: mode, domain: domain, attendees: attendees, actor: actor, at: now)
        }
    }
}
