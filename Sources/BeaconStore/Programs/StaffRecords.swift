import BeaconCore
import BeaconCredentials
import Foundation

/// A facilitator, supervisor or admin.
public struct StaffMember: Sendable, Equatable, Encodable {
    public var id: String
    public var name: String
    public var roles: [ProgramActor.Role]
    public var createdAt: Date
    /// Trainee ids they supervise, cohort ids they facilitate.
    public var supervises: [String]
    public var facilitates: [String]
}

/// Why a program action was refused. Nothing is written when one is thrown.
public struct ProgramRefusal: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Staff, their roles and assignments, and who is acting: on the storage seam.
public enum StaffRecords {
    /// The actor named `id`: a staff member with their roles and assignments, or a trainee acting
    /// for themselves. Until an admin is registered, the operator on the host (any other name) is
    /// the admin, so a new install can issue and add its first people.
    public static func actor(_ tx: any RecordTransaction, id: String) throws -> ProgramActor {
        if let person = try member(tx, id: id) {
            return ProgramActor(id: id, roles: Set(person.roles), supervises: Set(person.supervises), facilitatesCohorts: Set(person.facilitates))
        }
        if let trainee = try TraineeRecords.find(tx, id: id), !trainee.name.isEmpty {
            return ProgramActor(id: id, traineeId: id)
        }
        let admins = try tx.rows("SELECT roles FROM person").filter { ($0.string("roles") ?? "").split(separator: " ").contains("admin") }
        return ProgramActor(id: id, roles: admins.isEmpty ? [.admin] : [])
    }

    /// The actor, checked for the action; throws the reason when it is not theirs to take.
    @discardableResult
    public static func authorize(_ tx: any RecordTransaction, actor id: String, _ action: ProgramActor.Action, trainee: String? = nil) throws -> ProgramActor {
        let actor = try actor(tx, id: id)
        try check(tx, actor, action, trainee: trainee)
        return actor
    }

    /// The same check for an actor already looked up (one action on several trainees).
    static func check(_ tx: any RecordTransaction, _ actor: ProgramActor, _ action: ProgramActor.Action, trainee: String?) throws {
        let cohort = try trainee.flatMap { try tx.row("SELECT cohortId FROM trainee WHERE id = ?", [.text($0)])?.string("cohortId") }
        if let refusal = actor.refusal(action, trainee: trainee, cohort: cohort) {
            throw ProgramRefusal(refusal + (actor.roles.isEmpty && actor.traineeId == nil ? " (no staff member '\(actor.id)'; name yourself with --as, see beacon people list)" : ""))
        }
    }

    /// How the audit log names an actor: staff by id, a trainee by their random reference.
    static func auditName(_ tx: any RecordTransaction, _ actor: ProgramActor) throws -> String {
        if let trainee = actor.traineeId { return try TraineeRecords.auditSubject(tx, trainee: trainee) }
        return actor.id
    }

    public static func member(_ tx: any RecordTransaction, id: String) throws -> StaffMember? {
        guard let row = try tx.row("SELECT id, name, roles, createdAt FROM person WHERE id = ?", [.text(id)]) else { return nil }
        return try member(tx, row)
    }

    public static func all(_ tx: any RecordTransaction) throws -> [StaffMember] {
        try tx.rows("SELECT id, name, roles, createdAt FROM person ORDER BY id").map { try member(tx, $0) }
    }

    private static func member(_ tx: any RecordTransaction, _ row: StoreRow) throws -> StaffMember {
        let id = row.string("id") ?? ""
        let roles = (row.string("roles") ?? "").split(separator: " ").compactMap { ProgramActor.Role(rawValue: String($0)) }
        let supervises = try tx.rows("SELECT traineeId FROM supervision WHERE supervisorId = ? ORDER BY traineeId", [.text(id)]).compactMap { $0.string("traineeId") }
        let facilitates = try tx.rows("SELECT cohortId FROM facilitation WHERE facilitatorId = ? ORDER BY cohortId", [.text(id)]).compactMap { $0.string("cohortId") }
        return StaffMember(id: id, name: row.string("name") ?? "", roles: roles, createdAt: row.date("createdAt") ?? Date(), supervises: supervises, facilitates: facilitates)
    }

    public static func add(_ tx: any RecordTransaction, name: String, roles: Set<ProgramActor.Role>, actor: String, at now: Date) throws -> StaffMember {
        let by = try authorize(tx, actor: actor, .managePeople)
        let clean = TraineeName.normalized(name)
        guard !clean.isEmpty else { throw ProgramRefusal("a staff member needs a name") }
        guard !roles.isEmpty else { throw ProgramRefusal("give at least one role: facilitator, supervisor or admin") }
        let id = try TraineeRecords.freeId(tx, for: clean)
        let roleText = ProgramActor.Role.allCases.filter(roles.contains).map(\.rawValue).joined(separator: " ")
        try tx.execute("INSERT INTO person (id, name, roles, createdAt) VALUES (?, ?, ?, ?)", [.text(id), .text(clean), .text(roleText), .date(now)])
        try AuditLog.append(tx, actor: try auditName(tx, by), action: "person.add", subject: "person:" + id, details: JSONObject([("roles", .string(roleText))]), at: now)
        return try member(tx, id: id)!
    }

    public static func assignSupervisor(_ tx: any RecordTransaction, supervisor: String, trainee: String, actor: String, at now: Date) throws {
        let by = try authorize(tx, actor: actor, .managePeople)
        guard let person = try member(tx, id: supervisor) else { throw ProgramRefusal("no staff member '\(supervisor)'") }
        guard person.roles.contains(.supervisor) else { throw ProgramRefusal("\(supervisor) is not a supervisor") }
        guard try TraineeRecords.find(tx, id: trainee) != nil else { throw StoreError.noSuchTrainee(trainee) }
        try tx.execute(
            "INSERT INTO supervision (supervisorId, traineeId, assignedAt) VALUES (?, ?, ?) ON CONFLICT (supervisorId, traineeId) DO NOTHING",
            [.text(supervisor), .text(trainee), .date(now)]
        )
        try AuditLog.append(tx, actor: try auditName(tx, by), action: "person.assign-supervisor", subject: try TraineeRecords.auditSubject(tx, trainee: trainee),
                            details: JSONObject([("supervisor", .string(supervisor))]), at: now)
    }

    public static func assignFacilitator(_ tx: any RecordTransaction, facilitator: String, cohort: String, actor: String, at now: Date) throws {
        let by = try authorize(tx, actor: actor, .managePeople)
        guard let person = try member(tx, id: facilitator) else { throw ProgramRefusal("no staff member '\(facilitator)'") }
        guard person.roles.contains(.facilitator) else { throw ProgramRefusal("\(facilitator) is not a facilitator") }
        guard try tx.row("SELECT 1 AS found FROM cohort WHERE id = ?", [.text(cohort)]) != nil else { throw ProgramRefusal("no cohort '\(cohort)'") }
        try tx.execute(
            "INSERT INTO facilitation (facilitatorId, cohortId, assignedAt) VALUES (?, ?, ?) ON CONFLICT (facilitatorId, cohortId) DO NOTHING",
            [.text(facilitator), .text(cohort), .date(now)]
        )
        try AuditLog.append(tx, actor: try auditName(tx, by), action: "person.assign-facilitator", subject: "cohort:" + cohort,
                            details: JSONObject([("facilitator", .string(facilitator))]), at: now)
    }
}

extension LearningStore {
    public func staff() throws -> [StaffMember] { try database.read { tx in try StaffRecords.all(tx) } }

    public func addStaff(name: String, roles: Set<ProgramActor.Role>, actor: String = LearningStore.actor, at now: Date = Date()) throws -> StaffMember {
        try database.write { tx in try StaffRecords.add(tx, name: name, roles: roles, actor: actor, at: now) }
    }

    public func assignSupervisor(_ supervisor: String, trainee: String, actor: String = LearningStore.actor, at now: Date = Date()) throws {
        try database.write { tx in try StaffRecords.assignSupervisor(tx, supervisor: supervisor, trainee: trainee, actor: actor, at: now) }
    }

    public func assignFacilitator(_ facilitator: String, cohort: String, actor: String = LearningStore.actor, at now: Date = Date()) throws {
        try database.write { tx in try StaffRecords.assignFacilitator(tx, facilitator: facilitator, cohort: cohort, actor: actor, at: now) }
    }

    /// Checks that the actor may take the action, without writing anything.
    @discardableResult
    public func authorize(_ action: ProgramActor.Action, actor: String = LearningStore.actor, trainee: String? = nil) throws -> ProgramActor {
        try database.read { tx in try StaffRecords.authorize(tx, actor: actor, action, trainee: trainee) }
    }
}
