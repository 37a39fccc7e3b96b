import Foundation
@testable import BeaconCore

/// A program with one of each requirement kind, and evidence to judge against it.
func day(_ text: String) -> DayDate { DayDate(text)! }

func moment(_ text: String) -> Date { day(text).start }

func ethicsDocument(version: String = "1", text: String = "I will keep confidences.") -> CertificationProgram.Document {
    CertificationProgram.Document(id: "ethics", version: version, kind: .ethics, title: "Code of ethics", text: text, sha256: "sha-\(version)", location: here)
}

let crisisRubric = CertificationProgram.Rubric(
    id: "crisis", title: "Crisis skills", pass: 0.75,
    items: [.init(id: "asks", max: 2, text: "Asks directly"), .init(id: "help", max: 2, text: "Brings in help")], location: here
)

func fullProgram(provisional: Bool = true) -> CertificationProgram {
    var program = CertificationProgram(id: "tx", location: here)
    program.title = "Peer specialist"
    program.version = "1"
    program.documents = [ethicsDocument()]
    program.rubrics = [crisisRubric]
    program.requirements = [
        .module(ref("m1")),
        .quiz(ref("exam"), score: 0.8),
        .trainingHours(.init(hours: 40, modes: [.liveRemote, .inPerson])),
        .attestation(ref("ethics")),
        .observation(ref("crisis")),
    ]
    program.fullOnly = [.supervisedHours(.init(hours: 250)), .references(count: 1, kind: .supervisory)]
    program.provisionalValidity = provisional ? ISODuration("P6M") : nil
    return program
}

/// Evidence that meets every requirement of `fullProgram` not marked full-only.
func provisionalEvidence() -> ProgramEvidence {
    var evidence = ProgramEvidence()
    evidence.modules["m1"] = .init(done: 3, total: 3)
    evidence.attempts["exam"] = [.init(finishedAt: moment("2027-01-10"), score: 0.85, passed: true)]
    evidence.sessions = [.init(day: day("2027-01-02"), hours: 24, domain: nil, mode: .inPerson), .init(day: day("2027-01-09"), hours: 16, domain: nil, mode: .liveRemote)]
    evidence.attestations = [.init(document: "ethics", version: "1", sha256: "sha-1", at: moment("2027-01-03"))]
    evidence.observations = [.init(rubric: "crisis", rubricVersion: "1", points: 3, outOf: 4, passed: true, day: day("2027-01-12"))]
    return evidence
}

let course: Course = {
    var course = Course(id: "c", version: "1.0.0", location: here)
    var module = Module(id: "m1", location: here)
    module.title = "Basics"
    course.modules = [module]
    return course
}()
