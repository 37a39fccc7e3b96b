import BeaconCore
import BeaconCredentials
import BeaconStore
import Foundation
import Testing

/// Programs on both backends: people and their roles, hours and their attestation, documents,
/// observations, references, legal names, versions, and the provisional then full certificate.
/// Each refusal leaves the record as it was; every action is audited with its actor.
@Suite(.serialized) struct ProgramConformanceTests {
    typealias Backend = StoreConformanceTests.Backend
    static let start = DayDate("2027-01-04")!.start
    static let now = DayDate("2027-03-01")!.start

    static func document(_ version: String) -> CertificationProgram.Document {
        CertificationProgram.Document(id: "ethics", version: version, kind: .ethics, title: "Code of ethics", text: "v\(version)", sha256: "sha-\(version)", location: .init(file: "c.xml", line: 1))
    }

    static let rubric = CertificationProgram.Rubric(
        id: "crisis", title: "Crisis skills", pass: 0.75,
        items: [.init(id: "asks", max: 2, text: "Asks directly"), .init(id: "help", max: 2, text: "Brings in help")], location: .init(file: "c.xml", line: 2)
    )

    /// Two versions of one program: 2026.1 adds the observation.
    static func program(_ version: String, effective: String) -> CertificationProgram {
        var program = CertificationProgram(id: "tx", location: .init(file: "c.xml", line: 3))
        program.title = "Peer specialist"
        program.version = version
        program.effective = DayDate(effective)
        program.validity = ISODuration("P2Y")!
        program.provisionalValidity = ISODuration("P6M")!
        program.documents = [document("1")]
        program.rubrics = [rubric]
        program.requirements = [.trainingHours(.init(hours: 10, modes: [.inPerson])), .attestation(Reference("ethics", at: program.location))]
        if version == "2026.1" { program.requirements.append(.observation(Reference("crisis", at: program.location))) }
        program.fullOnly = [.supervisedHours(.init(hours: 20)), .references(count: 1, kind: .supervisory)]
        return program
    }

    static let course: Course = {
        var course = Course(id: "peer-core", version: "1.0.0", location: .init(file: "c.xml", line: 1))
        course.title = "Peer core"
        course.certifications = [program("2024.1", effective: "2024-01-01"), program("2026.1", effective: "2026-09-01")]
        return course
    }()

    struct Setup {
        let store: LearningStore
        let service: CertificationService
        let sam: Trainee
        let alex: Trainee
    }

    /// An admin (the operator's first act), a supervisor for Sam, a facilitator for Sam's cohort.
    static func setUp(_ backend: Backend) throws -> Setup? {
        guard let (store, home, _) = try CertificationConformanceTests.open(backend) else { return nil }
        let sam = try store.issueEnrolmentCode(traineeName: "Sam Lee", traineeId: nil, cohort: "spring", validFor: 3600, at: start).trainee
        let alex = try store.issueEnrolmentCode(traineeName: "Alex Roe", traineeId: nil, cohort: "autumn", validFor: 3600, at: start).trainee
        _ = try store.addStaff(name: "Dana Cruz", roles: [.admin], actor: "operator", at: start)
        _ = try store.addStaff(name: "Lee Park", roles: [.supervisor], actor: "dana-cruz", at: start)
        _ = try store.addStaff(name: "Ana Ruiz", roles: [.facilitator], actor: "dana-cruz", at: start)
        try store.assignSupervisor("lee-park", trainee: sam.id, actor: "dana-cruz", at: start)
        try store.assignFacilitator("ana-ruiz", cohort: "spring", actor: "dana-cruz", at: start)
        return Setup(store: store, service: CertificationService(store: store, keys: KeyStore(home: home)), sam: sam, alex: alex)
    }

    /// The refusal's text, and proof that the record did not change.
    static func refused(_ store: LearningStore, _ body: () throws -> Void) throws -> String {
        let before = try store.auditEntries().count
        var message = ""
        do { try body() } catch let refusal as ProgramRefusal { message = refusal.description }
        #expect(!message.isEmpty, "expected a refusal")
        #expect(try store.auditEntries().count == before, "a refusal wrote to the audit log")
        return message
    }

    @Test(arguments: Backend.allCases)
    func onlyTheRightPeopleActAndOnceAnAdminExistsTheOperatorIsNoLongerOne(_ backend: Backend) throws {
        guard let setup = try Self.setUp(backend) else { return }
        let store = setup.store
        #expect(try Self.refused(store) { _ = try store.addStaff(name: "Eve", roles: [.admin], actor: "operator", at: Self.now) }.contains("no staff member 'operator'"))
        #expect(try Self.refused(store) { _ = try store.addStaff(name: "Eve", roles: [.admin], actor: "lee-park", at: Self.now) }.hasPrefix("only an admin"))
        #expect(try Self.refused(store) { try store.assignSupervisor("ana-ruiz", trainee: setup.sam.id, actor: "dana-cruz", at: Self.now) } == "ana-ruiz is not a supervisor")
        // Trainees and staff share one space of ids, whichever came first.
        let namesake = try store.addTrainee(name: "Lee Park", at: Self.now)
        #expect(namesake.id == "lee-park-2")
        #expect(try store.addStaff(name: "Sam Lee", roles: [.facilitator], actor: "dana-cruz", at: Self.now).id == "sam-lee-2")
        let people = try store.staff()
        #expect(people.map(\.id) == ["ana-ruiz", "dana-cruz", "lee-park", "sam-lee-2"])
        #expect(people.first { $0.id == "lee-park" }?.supervises == [setup.sam.id])
        #expect(people.first { $0.id == "ana-ruiz" }?.facilitates == ["spring"])
    }

    @Test(arguments: Backend.allCases)
    func aStaffCodeBindsAKeyOnceAndOnlyAnAdminRemovesIt(_ backend: Backend) throws {
        guard let setup = try Self.setUp(backend) else { return }
        let store = setup.store
        #expect(throws: ProgramRefusal.self) { _ = try store.issueStaffCode(person: "lee-park", validFor: 3600, actor: "ana-ruiz", at: Self.now) }
        let (code, _) = try store.issueStaffCode(person: "lee-park", validFor: 3600, actor: "dana-cruz", at: Self.now)
        let bound = try store.redeemCode(code, fingerprint: "SHA256:lee", publicKey: "ssh-ed25519 AAAA", source: "127.0.0.1", actor: "ssh:SHA256:lee", at: Self.now)
        guard case .success(.staff(let member)) = bound else { Issue.record("not bound: \(bound)"); return }
        #expect(member.id == "lee-park")
        #expect(try store.identity(forKey: "SHA256:lee") == .staff(member))
        let again = try store.redeemCode(code, fingerprint: "SHA256:other", publicKey: "ssh-ed25519 BBBB", source: "127.0.0.1", actor: "ssh:SHA256:other", at: Self.now)
        #expect(again == .failure(.used))
        #expect(throws: ProgramRefusal.self) { _ = try store.removeStaffKey(person: "lee-park", fingerprint: "SHA256:lee", actor: "lee-park", at: Self.now) }
        #expect(try store.removeStaffKey(person: "lee-park", fingerprint: "SHA256:lee", actor: "dana-cruz", at: Self.now))
        #expect(try store.identity(forKey: "SHA256:lee") == nil)
        #expect(try !store.auditEntries().contains { $0.details.contains(code) })
    }

    @Test(arguments: Backend.allCases)
    func hoursCountOnlyOnceTheirSupervisorAttestsAndKeepTheirHistory(_ backend: Backend) throws {
        guard let setup = try Self.setUp(backend) else { return }
        let store = setup.store, sam = setup.sam.id
        func log(_ day: String, _ hours: Double, actor: String? = nil, replacing: String? = nil) throws -> WorkHoursEntry {
            try store.logHours(trainee: sam, day: DayDate(day)!, hours: hours, supervision: .individual, actor: actor ?? sam, replacing: replacing, at: Self.now)
        }
        // Refusals: nothing is written.
        #expect(try Self.refused(store) { _ = try log("2027-02-01", -2) }.contains("more than 0"))
        #expect(try Self.refused(store) { _ = try log("2027-02-01", 25) }.contains("24 hours"))
        #expect(try Self.refused(store) { _ = try log("2027-03-02", 2) }.contains("in the future"))
        #expect(try Self.refused(store) { _ = try log("2027-01-03", 2) }.contains("before the trainee enrolled"))
        #expect(try Self.refused(store) { _ = try log("2027-02-01", 2, actor: "lee-park") }.contains("only the trainee"))
        #expect(try Self.refused(store) { _ = try log("2027-02-01", 2, actor: setup.alex.id) }.contains("for another person"))
        #expect(try store.hoursEntries(trainee: sam).isEmpty)

        let first = try log("2027-02-01", 12)
        #expect(try Self.refused(store) { _ = try log("2027-02-01", 13) }.contains("already holds 12 h"))
        #expect(try Self.refused(store) { _ = try store.decideHours(entry: first.id, attest: true, actor: sam, at: Self.now) }.contains("a trainee cannot attest hours"))
        #expect(try Self.refused(store) { _ = try store.decideHours(entry: first.id, attest: true, actor: "ana-ruiz", at: Self.now) } == "ana-ruiz is not a supervisor")
        _ = try store.addStaff(name: "Kim Otto", roles: [.supervisor], actor: "dana-cruz", at: Self.now)
        #expect(try Self.refused(store) { _ = try store.decideHours(entry: first.id, attest: true, actor: "kim-otto", at: Self.now) }.contains("does not supervise"))

        // Rejected, corrected (the old entry kept as changed), then attested.
        #expect(try store.decideHours(entry: first.id, attest: false, actor: "lee-park", at: Self.now).state == .rejected)
        let corrected = try log("2027-02-01", 10, replacing: first.id)
        #expect(corrected.replaces == first.id)
        #expect(try Self.refused(store) { _ = try log("2027-02-02", 3, replacing: first.id) }.contains("is changed"))
        #expect(try store.decideHours(entry: corrected.id, attest: true, actor: "lee-park", at: Self.now).state == .attested)
        #expect(try Self.refused(store) { _ = try store.decideHours(entry: corrected.id, attest: false, actor: "lee-park", at: Self.now) }.contains("already attested"))
        let entries = try store.hoursEntries(trainee: sam)
        #expect(entries.map(\.state) == [.changed, .attested])
        #expect(entries[0].replacedBy == corrected.id && entries[0].decidedBy == "lee-park")

        let program = Self.course.certifications[1]
        let evidence = try store.evidence(trainee: sam, course: Self.course, program: program)
        #expect(evidence.workHours.filter { $0.state == .attested }.map(\.hours) == [10])
        // Each action is audited with its actor; the trainee by their random reference, not their id.
        let audit = try store.auditEntries()
        let traineeActor = try #require(audit.first { $0.action == "hours.log" }?.actor)
        #expect(traineeActor.hasPrefix("trainee:") && !traineeActor.contains("sam"))
        #expect(audit.suffix(5).map { "\($0.actor) \($0.action)" } == [
            "\(traineeActor) hours.log", "dana-cruz person.add", "lee-park hours.reject", "\(traineeActor) hours.change", "lee-park hours.attest",
        ])
        #expect(try store.verifyAuditLog().intact)
    }

    @Test(arguments: Backend.allCases)
    func documentsObservationsReferencesAndTheirRefusals(_ backend: Backend) throws {
        guard let setup = try Self.setUp(backend) else { return }
        let store = setup.store, sam = setup.sam.id
        let program = Self.course.certifications[1]
        #expect(try Self.refused(store) { try store.attest(trainee: sam, program: program, document: "ethics", version: "9", actor: sam, at: Self.now) }.contains("no version 9"))
        #expect(try Self.refused(store) { try store.attest(trainee: sam, program: program, document: "release", actor: sam, at: Self.now) }.contains("no document 'release'"))
        #expect(try Self.refused(store) { try store.attest(trainee: sam, program: program, document: "ethics", actor: setup.alex.id, at: Self.now) }.contains("another person"))
        #expect(try Self.refused(store) { try store.attest(trainee: sam, program: program, document: "ethics", actor: "dana-cruz", at: Self.now) }.contains("only the trainee"))
        try store.attest(trainee: sam, program: program, document: "ethics", actor: sam, at: Self.now)

        let day = DayDate("2027-02-20")!
        #expect(try Self.refused(store) {
            _ = try store.observe(trainee: sam, program: program, rubric: "crisis", scores: ["asks": 2, "help": 2], notes: nil, day: day, actor: "lee-park", at: Self.now)
        } == "lee-park is not a facilitator")
        #expect(try Self.refused(store) {
            _ = try store.observe(trainee: setup.alex.id, program: program, rubric: "crisis", scores: ["asks": 2, "help": 2], notes: nil, day: day, actor: "ana-ruiz", at: Self.now)
        }.contains("does not facilitate"))
        #expect(try Self.refused(store) {
            _ = try store.observe(trainee: sam, program: program, rubric: "crisis", scores: ["asks": 5, "help": 2], notes: nil, day: day, actor: "ana-ruiz", at: Self.now)
        }.contains("scores 0 to 2"))
        let observed = try store.observe(
            trainee: sam, program: program, rubric: "crisis", scores: ["asks": 2, "help": 1], notes: "Paused well; asked about means.", day: day, actor: "ana-ruiz", at: Self.now
        )
        #expect(observed.passed && observed.points == 3 && observed.outOf == 4)
        #expect(try store.observations(trainee: sam) == [observed])

        #expect(try Self.refused(store) {
            try store.recordReference(trainee: sam, kind: .supervisory, refereeRole: "clinical supervisor", day: day, actor: "lee-park", at: Self.now)
        }.hasPrefix("only an admin"))
        try store.recordReference(trainee: sam, kind: .supervisory, refereeRole: "clinical supervisor", day: day, actor: "dana-cruz", at: Self.now)

        let evidence = try store.evidence(trainee: sam, course: Self.course, program: program)
        #expect(evidence.attestations.map(\.version) == ["1"] && evidence.observations.map(\.passed) == [true] && evidence.references.map(\.kind) == [.supervisory])
        // The notes stay on the record: never in the audit log.
        let log = try store.auditEntries().map { "\($0.actor) \($0.action) \($0.subject) \($0.details)" }.joined(separator: "\n")
        #expect(!log.contains("asked about means") && !log.contains("clinical supervisor"))
        #expect(log.contains("ana-ruiz observation.sign") && log.contains("dana-cruz reference.receive"))
        #expect(try store.verifyAuditLog().intact)
    }

    @Test(arguments: Backend.allCases)
    func provisionalThenFullWithTheLegalNameAndTheVersionHeld(_ backend: Backend) throws {
        guard let setup = try Self.setUp(backend) else { return }
        let store = setup.store, service = setup.service, sam = setup.sam.id
        let settings = try store.certificationSettings()
        // Sam started on 2027-01-04, so the 2026.1 version (with the observation) holds them.
        #expect(try store.programVersion(trainee: sam, course: Self.course, program: "tx")?.version == "2026.1")
        _ = try store.logSession(course: Self.course.id, title: "Day 1", day: DayDate("2027-02-01")!, hours: 10, mode: .inPerson, attendees: [sam], actor: "ana-ruiz", at: Self.now)
        try store.attest(trainee: sam, program: Self.course.certifications[1], document: "ethics", actor: sam, at: Self.now)
        var check = try service.eligibility(trainee: sam, course: Self.course, program: Self.course.certifications[0], at: Self.now)
        #expect(check.version == "2026.1" && check.stage == nil && check.checks.filter { !$0.met }.map(\.kind) == ["observation", "supervised-hours", "references"])
        // Moved to the older version (no observation): provisional now.
        #expect(try Self.refused(store) { try store.moveProgram(trainee: sam, program: "tx", version: "2024.1", reason: "chose", actor: "ana-ruiz", at: Self.now) }.hasPrefix("only an admin"))
        try store.moveProgram(trainee: sam, program: "tx", version: "2024.1", reason: "enrolled under the old rules", actor: "dana-cruz", at: Self.now)
        check = try service.eligibility(trainee: sam, course: Self.course, program: Self.course.certifications[1], at: Self.now)
        #expect(check.version == "2024.1" && check.stage == .provisional)

        // Only an admin issues, and only with a legal name.
        #expect(throws: ProgramRefusal.self) { try service.issue(trainee: setup.sam, course: Self.course, program: Self.course.certifications[0], settings: settings, actor: "lee-park", at: Self.now) }
        #expect {
            try service.issue(trainee: setup.sam, course: Self.course, program: Self.course.certifications[0], settings: settings, actor: "dana-cruz", at: Self.now)
        } throws: { ($0 as? CredentialError)?.message.contains("beacon trainee legal-name") == true }
        try store.confirmLegalName(trainee: sam, name: "Samuel J. Lee", actor: "dana-cruz", at: Self.now)
        let provisional = try service.issue(trainee: setup.sam, course: Self.course, program: Self.course.certifications[0], settings: settings, actor: "dana-cruz", at: Self.now)
        #expect(provisional.stage == "provisional")
        #expect(provisional.json.contains("Samuel J. Lee") && !provisional.json.contains("\"Sam Lee\"") && provisional.json.contains("(provisional)"))
        let months = Calendar(identifier: .gregorian).dateComponents([.month], from: provisional.issuedAt, to: try #require(provisional.validUntil)).month
        #expect(months == 6)
        #expect {
            try service.issue(trainee: setup.sam, course: Self.course, program: Self.course.certifications[0], settings: settings, actor: "dana-cruz", at: Self.now)
        } throws: { ($0 as? CredentialError)?.message.contains("already holds the provisional certificate") == true }

        // The full requirements: 20 attested hours and a supervisory reference.
        let entry = try store.logHours(trainee: sam, day: DayDate("2027-02-10")!, hours: 20, supervision: .group, actor: sam, at: Self.now)
        _ = try store.decideHours(entry: entry.id, attest: true, actor: "lee-park", at: Self.now)
        try store.recordReference(trainee: sam, kind: .supervisory, refereeRole: "peer supervisor", day: DayDate("2027-02-11")!, actor: "dana-cruz", at: Self.now)
        let full = try service.issue(trainee: setup.sam, course: Self.course, program: Self.course.certifications[0], settings: settings, actor: "dana-cruz", at: Self.now)
        #expect(full.stage == "full" && full.replaces == provisional.id)
        #expect(try service.credential(provisional.id)?.replacedBy == full.id)
        let audit = try store.auditEntries()
        #expect(audit.contains { $0.action == "credential.upgrade" && $0.actor == "dana-cruz" && $0.subject == full.id })
        #expect(!audit.contains { $0.details.contains("Samuel") })
        #expect(try store.verifyAuditLog().intact)

        // Erasure takes the program records and the legal name with it.
        _ = try store.eraseTrainee(id: sam, at: Self.now)
        #expect(try store.hoursEntries(trainee: sam).isEmpty && store.observations(trainee: sam).isEmpty && store.legalName(trainee: sam) == nil)
    }
}
