import BeaconCore
import Foundation

/// Whether a trainee meets a certification program, requirement by requirement, in words an
/// admin can act on: the program version they are held to, which certificate (provisional or
/// full) the evidence supports, and the exam rule's verdict.
public struct Eligibility: Sendable, Equatable, Encodable {
    public typealias Check = ProgramEvaluation.Check

    public var program: String
    public var version: String?
    public var trainee: String
    /// Eligible for some certificate now: the full one, or the provisional one.
    public var eligible: Bool { stage != nil }
    public var stage: ProgramEvaluation.Stage?
    public var checks: [Check]
    public var exam: String?
    /// Endorsements the certificate would carry, each met or missing.
    public var endorsements: [ProgramEvaluation.EndorsementResult]
    /// "modelled on …, not endorsed by it", when the program imitates a board's rules.
    public var modelledOn: String?

    private enum CodingKeys: String, CodingKey { case program, version, trainee, eligible, stage, checks, exam, endorsements, modelledOn }

    /// The verdict is written out too, so a script reading `--json` need not work it out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(program, forKey: .program)
        try container.encodeIfPresent(version, forKey: .version)
        try container.encode(trainee, forKey: .trainee)
        try container.encode(eligible, forKey: .eligible)
        try container.encodeIfPresent(stage, forKey: .stage)
        try container.encode(checks, forKey: .checks)
        try container.encodeIfPresent(exam, forKey: .exam)
        if !endorsements.isEmpty { try container.encode(endorsements, forKey: .endorsements) }
        try container.encodeIfPresent(modelledOn, forKey: .modelledOn)
    }

    public init(program: CertificationProgram, course: Course, evidence: ProgramEvidence, trainee: String, now: Date = Date()) {
        let evaluation = ProgramEvaluation(program: program, course: course, evidence: evidence, now: now)
        self.program = program.id
        version = program.version
        self.trainee = trainee
        stage = evaluation.stage
        checks = evaluation.checks
        exam = evaluation.exam
        endorsements = evaluation.endorsements
        modelledOn = program.modelledOn.map { "modelled on \($0.title), not endorsed by it" }
    }

    /// From the course record alone (no hours, attestations or observations).
    public init(program: CertificationProgram, course: Course, record: CourseRecord, trainee: String) {
        self.init(program: program, course: course, evidence: ProgramEvidence(course: course, record: record, trainee: trainee), trainee: trainee)
    }
}

extension ProgramEvidence {
    /// What the course record shows: modules, quiz attempts, competencies and active time.
    public init(course: Course, record: CourseRecord, trainee: String) {
        self.init()
        let progress = CourseProgress(course: course, record: record, trainee: trainee)
        for module in progress.modules { modules[module.id] = ModuleFact(done: module.done, total: module.total) }
        for competency in progress.competencies { competencies[competency.id] = CompetencyFact(points: competency.points, outOf: competency.outOf) }
        for (quiz, list) in record.attempts {
            attempts[quiz] = list.compactMap { attempt in
                guard let finished = attempt.finishedAt, let score = attempt.score else { return nil }
                return Attempt(finishedAt: finished, score: score, passed: attempt.passed ?? false)
            }
        }
        selfPacedSeconds = record.activeSeconds
    }
}
