import BeaconCore
import Foundation

/// Whether a trainee meets a certification program, requirement by requirement, in words an
/// admin can act on.
public struct Eligibility: Sendable, Equatable, Encodable {
    public struct Check: Sendable, Equatable, Encodable {
        public var requirement: String
        public var met: Bool
        /// What was found: "best attempt 85% (needs 80%)", "2 of 3 items done".
        public var detail: String
    }

    public var program: String
    public var trainee: String
    public var eligible: Bool { checks.allSatisfy(\.met) }
    public var checks: [Check]

    private enum CodingKeys: String, CodingKey { case program, trainee, eligible, checks }

    /// The verdict is written out too, so a script reading `--json` need not work it out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(program, forKey: .program)
        try container.encode(trainee, forKey: .trainee)
        try container.encode(eligible, forKey: .eligible)
        try container.encode(checks, forKey: .checks)
    }

    public init(program: CertificationProgram, course: Course, record: CourseRecord, trainee: String) {
        self.program = program.id
        self.trainee = trainee
        let progress = CourseProgress(course: course, record: record, trainee: trainee)
        checks = program.requirements.map { requirement in
            switch requirement {
            case .module(let reference):
                let module = progress.modules.first { $0.id == reference.id }
                let title = module?.title ?? reference.id
                return Check(
                    requirement: "Finish module \(title)",
                    met: module?.isDone ?? false,
                    detail: module.map { "\($0.done) of \($0.total) items done" } ?? "no such module"
                )
            case .quiz(let reference, let score):
                let quiz = course.quizzes.first { $0.id == reference.id }
                let needed = score ?? quiz?.passMark ?? 1
                let best = record.attempts[reference.id, default: []].filter { $0.finishedAt != nil }.compactMap(\.score).max()
                return Check(
                    requirement: "Score at least \(Self.percent(needed)) on \(quiz?.title ?? reference.id)",
                    met: (best ?? -1) + 1e-9 >= needed,
                    detail: best.map { "best attempt \(Self.percent($0))" } ?? "not attempted"
                )
            case .competency(let reference, let score):
                let found = progress.competencies.first { $0.id == reference.id }
                return Check(
                    requirement: "Reach \(Self.percent(score)) in \(found?.title ?? reference.id)",
                    met: (found?.share ?? -1) + 1e-9 >= score,
                    detail: found.map { "\($0.points) of \($0.outOf) points (\(Self.percent($0.share)))" } ?? "no role-play finished"
                )
            }
        }
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
