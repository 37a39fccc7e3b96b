import BeaconCore
import BeaconXML
import Foundation
import Testing

/// Every program shipped with the core curriculum, judged by the pure rules engine: evidence that
/// meets each requirement makes the trainee eligible; taking away any one requirement's evidence
/// leaves exactly that requirement missing, and the stage falls to what is left.
@Suite struct ExampleProgramTests {
    static let programs: [CertificationProgram] = PeerCoreTests.course?.certifications ?? []
    static let now = DayDate("2027-06-01")!.start

    /// Evidence that meets `requirement` of `program`, and nothing else.
    static func add(_ requirement: CertificationProgram.Requirement, of program: CertificationProgram, to evidence: inout ProgramEvidence) {
        let day = DayDate("2027-05-01")!
        switch requirement {
        case .module(let reference): evidence.modules[reference.id] = .init(done: 4, total: 4)
        case .quiz(let reference, _): evidence.attempts[reference.id, default: []].append(.init(finishedAt: day.start, score: 1, passed: true))
        case .competency(let reference, _): evidence.competencies[reference.id] = .init(points: 10, outOf: 10)
        case .trainingHours(let rule):
            if let mode = [DeliveryMode.inPerson, .liveRemote].first(where: rule.modes.contains) {
                evidence.sessions.append(.init(day: day, hours: rule.hours, domain: rule.domain, mode: mode))
            } else {
                evidence.selfPacedSeconds += rule.hours * 3600
            }
        case .supervisedHours(let rule):
            evidence.workHours.append(.init(day: day, hours: rule.hours, domain: rule.domain, supervision: rule.supervision ?? .individual, state: .attested))
        case .attestation(let reference):
            if let document = program.document(reference.id) {
                evidence.attestations.append(.init(document: document.id, version: document.version, sha256: document.sha256, at: day.start))
            }
        case .observation(let reference):
            if let rubric = program.rubric(reference.id) {
                evidence.observations.append(.init(rubric: rubric.id, rubricVersion: rubric.version, points: rubric.outOf, outOf: rubric.outOf, passed: true, day: day))
            }
        case .references(let count, let kind):
            evidence.references += Array(repeating: .init(kind: kind ?? .character, day: day), count: count)
        }
    }

    static func evidence(_ program: CertificationProgram, without skipped: Int? = nil) -> ProgramEvidence {
        var evidence = ProgramEvidence()
        for (index, requirement) in program.allRequirements.enumerated() where index != skipped { add(requirement, of: program, to: &evidence) }
        return evidence
    }

    @Test func theCurriculumShipsItsProgramAndThreeModelledOnBoards() {
        #expect(Set(Self.programs.map(\.id)) == ["cps", "tx-peer", "pa-cps", "icrc-pr"])
        for program in Self.programs where program.id != "cps" {
            #expect(program.version != nil && program.effective != nil, "\(program.label) is dated")
            #expect(program.modelledOn?.href.hasPrefix("https://") == true && !program.sources.isEmpty, "\(program.label) cites its sources")
            #expect(program.title.contains("modelled on"), "\(program.label) says it is modelled, in its title")
        }
    }

    @Test(arguments: programs)
    func evidenceForEveryRequirementMakesATraineeEligibleForTheFullCertificate(_ program: CertificationProgram) throws {
        let course = try #require(PeerCoreTests.course)
        let result = ProgramEvaluation(program: program, course: course, evidence: Self.evidence(program), now: Self.now)
        #expect(result.stage == .full, "\(program.label): \(result.checks.filter { !$0.met })")
        #expect(ProgramEvaluation(program: program, course: course, evidence: ProgramEvidence(), now: Self.now).stage == nil)
    }

    @Test(arguments: programs)
    func takingAwayAnyOneRequirementLeavesExactlyThatMissing(_ program: CertificationProgram) throws {
        let course = try #require(PeerCoreTests.course)
        for index in program.allRequirements.indices {
            let result = ProgramEvaluation(program: program, course: course, evidence: Self.evidence(program, without: index), now: Self.now)
            let missing = result.checks.indices.filter { !result.checks[$0].met }
            #expect(missing == [index], "\(program.label) without \(program.allRequirements[index]): missing \(missing)")
            let fullOnly = index >= program.requirements.count
            #expect(result.stage == (fullOnly ? .provisional : nil), "\(program.label) without \(program.allRequirements[index])")
        }
    }

    @Test func anEndorsementIsMetOnlyByItsOwnEvidence() throws {
        let course = try #require(PeerCoreTests.course)
        let texas = try #require(Self.programs.last { $0.id == "tx-peer" })
        #expect(texas.endorsements.map(\.id) == ["mental-health", "recovery-support"])
        var evidence = Self.evidence(texas)
        #expect(ProgramEvaluation(program: texas, course: course, evidence: evidence, now: Self.now).endorsements.map(\.met) == [false, false])
        Self.add(texas.endorsements[0].requirements[0], of: texas, to: &evidence)
        let result = ProgramEvaluation(program: texas, course: course, evidence: evidence, now: Self.now)
        #expect(result.endorsements.map(\.met) == [true, false] && result.stage == .full)
    }

    @Test func theTexasVersionsDifferByTheObservedAssessmentAndTakeEffectInOrder() throws {
        let versions = Self.programs.filter { $0.id == "tx-peer" }
        #expect(versions.compactMap(\.version) == ["2024.1", "2026.1"])
        let old = try #require(versions.first), new = try #require(versions.last)
        #expect(new.requirements.count == old.requirements.count + 1)
        #expect(new.requirements.contains { if case .observation(let r) = $0 { r.id == "crisis-skills" } else { false } })
        #expect(EvidenceRules.versionInForce(versions, started: DayDate("2026-08-31")!)?.version == "2024.1")
        #expect(EvidenceRules.versionInForce(versions, started: DayDate("2026-09-01")!)?.version == "2026.1")
        #expect(old.provisionalValidity == ISODuration("P6M") && old.fullOnly.count == 2)
    }
}

extension CertificationProgram: CustomTestStringConvertible {
    public var testDescription: String { label }
}
