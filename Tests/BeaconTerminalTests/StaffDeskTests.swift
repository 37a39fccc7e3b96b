import BeaconCore
import BeaconStore
import BeaconTerminal
import Foundation
import GRDB
import Testing

/// The staff desk, driven as a supervisor and a facilitator would type, in both modes: each
/// action lands in the record under the staff member's own id, crisis support answers on every
/// screen, and leaving part-way records nothing half-done.
@Suite struct StaffDeskTests {
    let resources = CrisisResources(
        reviewed: "2026-11-27", region: "US", heading: "Help now.", resources: [.init(name: "988 Suicide & Crisis Lifeline", how: "Call or text 988.")],
        elsewhere: nil, reviewerNote: nil
    )
    let today = DayDate("2027-03-01")!.start

    static let rubric = CertificationProgram.Rubric(
        id: "crisis", title: "Crisis skills", pass: 0.75,
        items: [.init(id: "asks", max: 2, text: "Asks directly about suicide"), .init(id: "help", max: 2, text: "Brings in help")], location: .init(file: "c.xml", line: 1)
    )

    func world() throws -> (LearningStore, Course, Trainee, WorkHoursEntry) {
        let store = try LearningStore(writer: DatabaseQueue())
        let start = DayDate("2027-01-04")!.start
        let sam = try store.issueEnrolmentCode(traineeName: "Sam Lee", traineeId: nil, cohort: "spring", validFor: 3600, at: start).trainee
        _ = try store.addStaff(name: "Dana Cruz", roles: [.admin], actor: "operator", at: start)
        _ = try store.addStaff(name: "Lee Park", roles: [.supervisor], actor: "dana-cruz", at: start)
        _ = try store.addStaff(name: "Ana Ruiz", roles: [.facilitator], actor: "dana-cruz", at: start)
        try store.assignSupervisor("lee-park", trainee: sam.id, actor: "dana-cruz", at: start)
        try store.assignFacilitator("ana-ruiz", cohort: "spring", actor: "dana-cruz", at: start)
        let entry = try store.logHours(trainee: sam.id, day: DayDate("2027-02-01")!, hours: 6, supervision: .group, actor: sam.id, at: today)
        var course = Course(id: "c", version: "1.0.0", location: .init(file: "c.xml", line: 1))
        course.title = "Peer core"
        var program = CertificationProgram(id: "tx", location: course.location)
        program.rubrics = [Self.rubric]
        course.certifications = [program]
        return (store, course, sam, entry)
    }

    func member(_ store: LearningStore, _ id: String) throws -> StaffMember { try #require(try store.staff().first { $0.id == id }) }

    @Test func aSupervisorAttestsOnTheDeskInTheLinearMode() throws {
        let (store, course, _, entry) = try world()
        let terminal = MemoryTerminal(lines: ["!", "1", "1", "a", "q", "q"])
        let exit = StaffDesk(terminal: terminal, resources: resources, store: store, course: course, staff: try member(store, "lee-park"), today: { self.today }).run()
        #expect(exit == .left)
        #expect(terminal.output.contains("Supervised hours waiting for you: 1") && terminal.output.contains("Call or text 988."))
        #expect(terminal.output.contains("Sam Lee · 2027-02-01 · 6 h · group supervision") && terminal.output.contains("6 h on 2027-02-01 attested."))
        let decided = try #require(try store.hoursEntries(trainee: entry.trainee).first)
        #expect(decided.state == .attested && decided.decidedBy == "lee-park")
    }

    @Test func aFacilitatorScoresAndSignsWithKeysAndLeavingBeforeSigningRecordsNothing() throws {
        let (store, course, sam, _) = try world()
        let ana = try member(store, "ana-ruiz")
        // Interactive: the menu acts on one key; scores are typed and confirmed with Enter.
        func keys(_ text: String) -> [Key] { text.map { $0 == "\n" ? .enter : .character($0) } }
        let stopped = MemoryTerminal(keys: keys("11") + keys("2\n") + [.interrupt])
        #expect(StaffDesk(terminal: stopped, resources: resources, store: store, course: course, staff: ana, today: { self.today }).run() == .interrupted)
        #expect(try store.observations(trainee: sam.id).isEmpty)

        let signed = MemoryTerminal(keys: keys("11") + keys("2\n") + [.character("!"), .character("x")] + keys("1\nCalm and direct\n") + keys("y\n") + keys("q"))
        #expect(StaffDesk(terminal: signed, resources: resources, store: store, course: course, staff: ana, today: { self.today }).run() == .left)
        #expect(signed.output.contains("Sam Lee: 3 of 4 points, passed") && signed.output.contains("Signed: 3 of 4 points, passed."))
        let record = try #require(try store.observations(trainee: sam.id).first)
        #expect(record.facilitator == "ana-ruiz" && record.scores == ["asks": 2, "help": 1] && record.notes == "Calm and direct")
    }

    @Test func theDeskFitsA40ColumnWindow() throws {
        let (store, course, _, _) = try world()
        for (id, lines) in [("lee-park", ["1", "1", "?", "r", "q", "q"]), ("ana-ruiz", ["1", "1", "2", "2", "", "n", "q"])] {
            let narrow = MemoryTerminal(lines: lines, width: 40, height: 12)
            _ = StaffDesk(terminal: narrow, resources: resources, store: store, course: course, staff: try member(store, id), today: { self.today }).run()
            let wide = narrow.output.split(separator: "\n").filter { $0.count > 40 }
            #expect(wide.isEmpty, "\(id): \(wide)")
        }
    }

    @Test func eachRoleSeesOnlyItsOwnWork() throws {
        let (store, course, _, _) = try world()
        _ = try store.addStaff(name: "Kim Otto", roles: [.supervisor], actor: "dana-cruz", at: today)
        let kim = MemoryTerminal(lines: ["1", "q", "q"])
        _ = StaffDesk(terminal: kim, resources: resources, store: store, course: course, staff: try member(store, "kim-otto"), today: { self.today }).run()
        #expect(kim.output.contains("No hours are waiting for you.") && !kim.output.contains("Sam Lee"))
        #expect(!kim.output.contains("Score a trainee"))
        let admin = MemoryTerminal(lines: ["q"])
        _ = StaffDesk(terminal: admin, resources: resources, store: store, course: course, staff: try member(store, "dana-cruz"), today: { self.today }).run()
        #expect(admin.output.contains("Nothing here is for your role.") && admin.output.contains("q leave"))
    }
}
