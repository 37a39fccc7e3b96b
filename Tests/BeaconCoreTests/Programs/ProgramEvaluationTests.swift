import Foundation
import Testing
@testable import BeaconCore

@Suite struct ProgramEvaluationTests {
    let now = moment("2027-02-01")

    func evaluate(_ evidence: ProgramEvidence, _ program: CertificationProgram = fullProgram()) -> ProgramEvaluation {
        ProgramEvaluation(program: program, course: course, evidence: evidence, now: now)
    }

    func check(_ kind: String, _ evaluation: ProgramEvaluation) throws -> ProgramEvaluation.Check {
        try #require(evaluation.checks.first { $0.kind == kind })
    }

    @Test func nothingDoneMeetsNothing() throws {
        let result = evaluate(ProgramEvidence())
        #expect(result.stage == nil)
        #expect(result.checks.allSatisfy { !$0.met })
        #expect(result.checks.map(\.kind) == ["module", "quiz", "training-hours", "attestation", "observation", "supervised-hours", "references"])
        #expect(result.checks.filter(\.fullOnly).map(\.kind) == ["supervised-hours", "references"])
    }

    @Test func provisionalWhenOnlyFullOnlyRequirementsAreMissing() {
        let result = evaluate(provisionalEvidence())
        #expect(result.stage == .provisional)
        #expect(result.checks.filter { !$0.met }.map(\.kind) == ["supervised-hours", "references"])
    }

    @Test func withoutAProvisionalStageTheSameEvidenceIsNotEnough() {
        #expect(evaluate(provisionalEvidence(), fullProgram(provisional: false)).stage == nil)
    }

    @Test func fullOnceHoursAreAttestedAndTheReferenceArrived() throws {
        var evidence = provisionalEvidence()
        evidence.workHours = (1...25).map { n in .init(day: day("2027-01-15"), hours: 10, domain: nil, supervision: n.isMultiple(of: 2) ? .group : .individual, state: .attested) }
        evidence.references = [.init(kind: .supervisory, day: day("2027-01-20"))]
        let result = evaluate(evidence)
        #expect(result.stage == .full)
        let hours = try check("supervised-hours", result)
        #expect(hours.have == 250 && hours.need == 250)
    }

    @Test(arguments: [ProgramEvidence.WorkHours.State.pending, .rejected, .changed])
    func onlyAttestedHoursCount(state: ProgramEvidence.WorkHours.State) throws {
        var evidence = provisionalEvidence()
        evidence.workHours = [.init(day: day("2027-01-15"), hours: 250, domain: nil, supervision: .individual, state: state)]
        let hours = try check("supervised-hours", evaluate(evidence))
        #expect(!hours.met)
        #expect(hours.have == 0)
        if state == .pending { #expect(hours.detail.contains("250 h logged and waiting for a supervisor")) }
    }

    @Test func supervisedHoursFilterByDomainAndKind() throws {
        var program = fullProgram()
        program.fullOnly = [.supervisedHours(.init(hours: 10, domain: "advocacy", supervision: .individual))]
        var evidence = provisionalEvidence()
        evidence.workHours = [
            .init(day: day("2027-01-15"), hours: 6, domain: "advocacy", supervision: .individual, state: .attested),
            .init(day: day("2027-01-16"), hours: 6, domain: "advocacy", supervision: .group, state: .attested),
            .init(day: day("2027-01-17"), hours: 6, domain: "ethics", supervision: .individual, state: .attested),
        ]
        let hours = try check("supervised-hours", evaluate(evidence, program))
        #expect(hours.have == 6 && !hours.met)
        #expect(hours.requirement == "Log 10 supervised work hours (individual supervision) in advocacy")
    }

    @Test func trainingHoursCountOnlyTheirModes() throws {
        var evidence = provisionalEvidence()
        evidence.sessions = [.init(day: day("2027-01-02"), hours: 30, domain: nil, mode: .inPerson)]
        evidence.selfPacedSeconds = 20 * 3600
        let hours = try check("training-hours", evaluate(evidence))
        #expect(hours.have == 30 && !hours.met)
        #expect(hours.detail == "30 of 40 h (0 h live-remote, 30 h in-person)")
    }

    @Test func selfPacedTimeCountsWhereAnyModeDoesButNeverTowardADomain() throws {
        var program = fullProgram()
        program.requirements = [.trainingHours(.init(hours: 10)), .trainingHours(.init(hours: 10, domain: "ethics"))]
        var evidence = ProgramEvidence()
        evidence.selfPacedSeconds = 12 * 3600
        let result = evaluate(evidence, program)
        let any = result.checks[0], domain = result.checks[1]
        #expect(any.met && any.have == 12)
        #expect(!domain.met && domain.have == 0)
        #expect(!domain.detail.contains("self-paced"))
    }

    @Test func aNewDocumentVersionAsksAgain() throws {
        var program = fullProgram()
        program.documents = [ethicsDocument(version: "2", text: "Revised.")]
        let attestation = try check("attestation", evaluate(provisionalEvidence(), program))
        #expect(!attestation.met)
        #expect(attestation.detail == "attested version 1; version 2 is current and asks again")
    }

    @Test func aChangedTextUnderTheSameVersionNumberIsNotTheSameDocument() throws {
        var evidence = provisionalEvidence()
        evidence.attestations[0].sha256 = "sha-of-another-text"
        #expect(try !check("attestation", evaluate(evidence)).met)
    }

    @Test func observationMustBePassedOnTheCurrentRubricVersion() throws {
        var evidence = provisionalEvidence()
        evidence.observations = [.init(rubric: "crisis", rubricVersion: "1", points: 2, outOf: 4, passed: false, day: day("2027-01-12"))]
        let failed = try check("observation", evaluate(evidence))
        #expect(!failed.met && failed.detail.contains("not passed yet"))
        evidence.observations[0] = .init(rubric: "crisis", rubricVersion: "0", points: 4, outOf: 4, passed: true, day: day("2027-01-12"))
        #expect(try !check("observation", evaluate(evidence)).met)
    }

    @Test func referencesCountOnlyTheirKind() throws {
        var evidence = provisionalEvidence()
        evidence.references = [.init(kind: .character, day: day("2027-01-20")), .init(kind: .professional, day: day("2027-01-21"))]
        let references = try check("references", evaluate(evidence))
        #expect(!references.met && references.have == 0 && references.detail == "0 of 1 received")
    }

    @Test func aMissingDocumentOrRubricIsNeverMet() throws {
        var program = fullProgram()
        program.documents = []
        program.rubrics = []
        let result = evaluate(provisionalEvidence(), program)
        #expect(try check("attestation", result).detail == "no such document")
        #expect(try check("observation", result).detail == "no such rubric")
    }

    @Test func hoursPrintWithoutNoise() {
        #expect(ProgramEvaluation.hours(250) == "250")
        #expect(ProgramEvaluation.hours(12.5) == "12.5")
        #expect(ProgramEvaluation.hours(1.0 / 3) == "0.3")
    }
}
