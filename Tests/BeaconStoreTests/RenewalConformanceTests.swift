import BeaconCore
import BeaconCredentials
import BeaconStore
import Foundation
import Testing

/// Renewal by continuing education and the later states of a certificate, on both backends:
/// the CE ledger's refusals, renewal once the rule is met, the grace period, and inactive and
/// relinquished certificates as the status lists and the verifier show them.
@Suite(.serialized) struct RenewalConformanceTests {
    typealias Backend = StoreConformanceTests.Backend
    static let issuedAt = DayDate("2027-01-10")!.start

    static let course: Course = {
        var course = Course(id: "peer-core", version: "1.0.0", location: .init(file: "c.xml", line: 1))
        course.title = "Peer core"
        var program = CertificationProgram(id: "tx", location: .init(file: "c.xml", line: 2))
        program.title = "Peer specialist"
        program.validity = ISODuration("P2Y")!
        program.grace = ISODuration("P90D")!
        program.renewal = RenewalRule(hours: 20, categories: [.init(id: "ethics", minimum: 3), .init(id: "general")], excludedKinds: ["staff-meeting"])
        course.certifications = [program]
        return course
    }()

    static func issue(_ backend: Backend) throws -> (LearningStore, CertificationService, URL, Trainee, CertificationService.Record)? {
        guard let (store, home, _) = try CertificationConformanceTests.open(backend) else { return nil }
        let service = CertificationService(store: store, keys: KeyStore(home: home))
        let sam = try store.addTrainee(name: "Sam Lee", at: DayDate("2026-12-01")!.start)
        try store.confirmLegalName(trainee: sam.id, name: "Samuel Lee")
        let record = try service.issue(trainee: sam, course: course, program: course.certifications[0], settings: try store.certificationSettings(), at: issuedAt)
        return (store, service, home, sam, record)
    }

    @Test(arguments: Backend.allCases)
    func renewalWaitsForTheCELedgerAndRefusesWhatDoesNotCount(_ backend: Backend) throws {
        guard let (store, service, _, sam, record) = try Self.issue(backend) else { return }
        let program = Self.course.certifications[0], settings = try store.certificationSettings()
        let now = DayDate("2028-06-01")!.start
        func log(_ category: String, _ hours: Double, _ evidence: String, kind: String = "workshop", day: String = "2028-03-01") throws {
            _ = try store.logCE(trainee: sam.id, program: program, category: category, kind: kind, hours: hours, day: DayDate(day)!, title: "Workshop",
                                evidence: evidence, actor: sam.id, at: now)
        }
        #expect { try service.renew(record.id, course: Self.course, settings: settings, at: now) } throws: {
            ($0 as? CredentialError)?.message.contains("20 h of continuing education") == true
        }
        let before = try store.auditEntries().count
        #expect(throws: ProgramRefusal.self) { try log("wellness", 2, "W-1") }
        #expect(throws: ProgramRefusal.self) { try log("general", 2, "M-1", kind: "staff-meeting") }
        #expect(throws: ProgramRefusal.self) { try log("general", 2, "M-2", kind: "Staff Meeting") }
        #expect(throws: ProgramRefusal.self) { try log("general", 2, "") }
        #expect(throws: ProgramRefusal.self) { try log("general", 2, "F-1", day: "2028-06-02") }
        #expect(throws: ProgramRefusal.self) { _ = try store.logCE(trainee: sam.id, program: program, category: "general", kind: "workshop", hours: 2, day: DayDate("2028-03-01")!,
                                                                   title: "x", evidence: "S-1", actor: "someone-else", at: now) }
        #expect(try store.auditEntries().count == before)

        try log("ethics", 3, "CE-1")
        try log("general", 8, "CE-2")
        #expect(throws: ProgramRefusal.self) { try log("general", 8, " ce-2 ") }
        try log("general", 8, "CE-3", day: "2026-12-20")  // before the cycle: kept, not counted
        var ledger = try #require(try store.renewalEvaluation(credential: record, course: Self.course, program: program))
        #expect(!ledger.met && ledger.total == 11 && ledger.lines.filter { !$0.counted }.count == 1)
        try log("general", 9, "CE-4")
        ledger = try #require(try store.renewalEvaluation(credential: record, course: Self.course, program: program))
        #expect(ledger.met && ledger.total == 20)

        let renewed = try service.renew(record.id, course: Self.course, settings: settings, at: now)
        #expect(renewed.replaces == record.id && renewed.stage == "full")
        #expect(try store.auditEntries().contains { $0.action == "credential.renew" && $0.subject == renewed.id && $0.details.contains("\"ceHours\":20") })
        // The renewal day's CE counted for the old cycle; the new one starts the day after.
        try log("general", 2, "CE-5", day: "2028-06-01")
        let next = try #require(try store.renewalEvaluation(credential: renewed, course: Self.course, program: program))
        #expect(next.total == 0 && next.lines.first { $0.title == "Workshop" && $0.day == DayDate("2028-06-01")! && !$0.counted } != nil)
        // The evidence stays on the record: never in the audit log.
        #expect(try !store.auditEntries().contains { $0.details.contains("CE-1") })
        #expect(try store.verifyAuditLog().intact)
    }

    @Test(arguments: Backend.allCases)
    func aCertificatePastItsGracePeriodIsNotRenewed(_ backend: Backend) throws {
        guard let (store, service, _, _, record) = try Self.issue(backend) else { return }
        let settings = try store.certificationSettings()
        // Expires 2029-01-10; grace of 90 days runs to 2029-04-10.
        #expect { try service.renew(record.id, course: Self.course, settings: settings, override: "audited exception", at: DayDate("2029-04-11")!.start) } throws: {
            ($0 as? CredentialError)?.message.contains("grace period ended on 2029-04-10") == true
        }
        let late = try service.renew(record.id, course: Self.course, settings: settings, override: "late renewal approved by the board", at: DayDate("2029-03-01")!.start)
        #expect(late.replaces == record.id)
        #expect(try store.auditEntries().contains { $0.subject == late.id && $0.details.contains("late renewal approved") })
    }

    @Test(arguments: Backend.allCases)
    func anEndorsementIsItsOwnCredentialAndFollowsItsCertificate(_ backend: Backend) throws {
        guard let (store, home, _) = try CertificationConformanceTests.open(backend) else { return }
        let service = CertificationService(store: store, keys: KeyStore(home: home))
        var course = Self.course
        let document = CertificationProgram.Document(id: "lived-mh", version: "1", kind: .livedExperience, title: "Lived experience", text: "yes", sha256: "s", location: course.location)
        course.certifications[0].documents = [document]
        course.certifications[0].renewal = nil
        course.certifications[0].endorsements = [.init(id: "mental-health", title: "Mental health", requirements: [.attestation(Reference("lived-mh", at: course.location))])]
        let program = course.certifications[0], settings = try store.certificationSettings()
        let sam = try store.addTrainee(name: "Sam Lee")
        try store.confirmLegalName(trainee: sam.id, name: "Samuel Lee")
        let plain = try service.issue(trainee: sam, course: course, program: program, settings: settings)
        #expect(try service.credentials(trainee: sam.id).filter { $0.endorsement != nil }.isEmpty)
        try store.attest(trainee: sam.id, program: program, document: "lived-mh", actor: sam.id)
        let renewed = try service.renew(plain.id, course: course, settings: settings)
        let endorsement = try #require(try service.credentials(trainee: sam.id).first { $0.endorsementOf == renewed.id })
        #expect(endorsement.endorsement == "mental-health" && endorsement.statusIndex != renewed.statusIndex)
        #expect(endorsement.json.contains("Peer specialist: Mental health endorsement") && endorsement.json.contains("Samuel Lee"))
        #expect(!renewed.json.contains("Mental health"), "the certificate itself does not say which lived experience")
        #expect(throws: CredentialError.self) { try service.renew(endorsement.id, course: course, settings: settings) }
        let again = try service.renew(renewed.id, course: course, settings: settings)
        let next = try #require(try service.credentials(trainee: sam.id).first { $0.endorsementOf == again.id })
        #expect(try next.replaces == endorsement.id && service.credential(endorsement.id)?.replacedBy == next.id)
        _ = try service.setStatus(again.id, to: .suspended, reason: "investigation")
        #expect(try service.credential(next.id)?.status == "suspended")
        _ = try service.setStatus(again.id, to: .revoked, reason: "misconduct")
        #expect(try service.credential(next.id)?.status == "revoked")
        #expect(try store.auditEntries().filter { $0.action == "credential.endorse" }.count == 2)
    }

    @Test(arguments: Backend.allCases)
    func inactiveAndRelinquishedShowPlainlyToBeaconAndFallBackForOtherVerifiers(_ backend: Backend) throws {
        guard let (store, service, home, _, record) = try Self.issue(backend) else { return }
        let settings = try store.certificationSettings()
        func status(purposes: [String] = StatusListCredential.purposes) throws -> String {
            let lists = try service.statusLists(settings: settings)
            var byURL: [String: JSONObject] = [:]
            for purpose in purposes { if let list = lists[purpose] { byURL[list["id"]!.stringValue!] = list } }
            let verifier = CredentialVerifier(trustedIssuers: try KeyStore(home: home).dids(), now: Self.issuedAt.addingTimeInterval(86_400), statusLists: byURL)
            return try verifier.verify(bytes: Array(record.json.utf8)).get().checks.status
        }
        #expect(try Set(service.statusLists(settings: settings).keys) == Set(StatusListCredential.purposes))
        #expect(try status() == "active")
        _ = try service.setStatus(record.id, to: .inactive, reason: "not-practising")
        #expect(try status() == "inactive")
        #expect(try status(purposes: ["revocation", "suspension"]) == "suspended")
        #expect(throws: CredentialError.self) { try service.setStatus(record.id, to: .inactive, reason: "not-practising") }
        _ = try service.setStatus(record.id, to: .active, reason: "holder-request")
        #expect(try status() == "active")
        _ = try service.setStatus(record.id, to: .relinquished, reason: "holder-request")
        #expect(try status() == "relinquished")
        #expect(try status(purposes: ["revocation"]) == "revoked")
        #expect(throws: CredentialError.self) { try service.setStatus(record.id, to: .active, reason: "holder-request") }
        #expect(throws: CredentialError.self) { try service.renew(record.id, course: Self.course, settings: settings) }
        #expect(throws: CredentialError.self) { try service.setStatus(record.id, to: .relinquished, reason: "misconduct") }
        let actions = try store.auditEntries().filter { $0.subject == record.id }.map(\.action)
        #expect(actions == ["credential.issue", "credential.inactivate", "credential.reinstate", "credential.relinquish"])
    }
}
