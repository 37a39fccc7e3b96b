import BeaconCore
import Foundation

/// What a trainer should look at for one trainee, most pressing first: the answer to "who needs
/// help?". Worked out from the record alone, so the same facts give the same list.
public struct CohortNeed: Sendable, Encodable, Equatable {
    public enum Kind: String, Sendable, Encodable, Comparable {
        /// A quiz not passed and no attempts left: the trainee cannot go on without a trainer.
        case outOfAttempts = "out-of-attempts"
        /// The latest run of a role-play ended in a poor outcome.
        case poorEnding = "poor-ending"
        /// Nothing done for the stall limit, course unfinished.
        case stalled
        /// Enrolled, nothing done yet.
        case notStarted = "not-started"
        /// A competency scored in a finished role-play, below a program's minimum.
        case competencyBelow = "competency-below"
        /// Something else a program needs before a certificate.
        case missing

        /// How urgent: 3 cannot go on alone, 2 drifting, 1 work left.
        public var level: Int {
            switch self {
            case .outOfAttempts, .poorEnding: 3
            case .stalled, .notStarted: 2
            case .competencyBelow, .missing: 1
            }
        }

        public static func < (a: Kind, b: Kind) -> Bool { a.level > b.level }
    }

    public var kind: Kind
    /// The quiz, role-play, competency or program concerned.
    public var subject: String?
    public var text: String
    /// A command a trainer could run about it, when there is one.
    public var action: String?
}

extension CohortNeed {
    /// Every need of one trainee, most pressing first.
    static func needs(
        course: Course, trainee: String, record: CourseRecord, progress: CourseProgress,
        programs: [(CertificationProgram, Eligibility)], now: Date, stalledAfter days: Int
    ) -> [CohortNeed] {
        var needs: [CohortNeed] = []
        for item in progress.modules.flatMap(\.items) where item.status == .attemptsUsed {
            let quiz = course.quizzes.first { $0.id == item.id }
            let limit = quiz?.attempts.map { " (\($0) of \($0) used)" } ?? ""
            needs.append(CohortNeed(
                kind: .outOfAttempts, subject: item.id,
                text: "out of attempts at \(item.title)\(limit), best \(ReportNumbers.percent(item.bestScore))",
                action: "beacon grant-attempt --trainee \(trainee) --quiz \(item.id) --reason \"…\""
            ))
        }
        for roleplay in course.roleplays {
            guard let last = record.runs[roleplay.id, default: []].last(where: { $0.finishedAt != nil }),
                let ending = last.endingId.flatMap(roleplay.ending), ending.outcome == .poor
            else { continue }
            needs.append(CohortNeed(
                kind: .poorEnding, subject: roleplay.id,
                text: "\(roleplay.title): the latest run ended poorly (\(ending.id))",
                action: "beacon report roleplay \(roleplay.id) --trainee \(trainee)"
            ))
        }
        let finished = progress.modules.allSatisfy(\.isDone)
        if !finished {
            if let last = record.lastActivityAt {
                let idle = ReportNumbers.days(from: last, to: now)
                if idle >= days {
                    needs.append(CohortNeed(kind: .stalled, subject: nil, text: "nothing done for \(idle) days", action: nil))
                }
            } else {
                needs.append(CohortNeed(kind: .notStarted, subject: nil, text: "not started", action: nil))
            }
        }
        var seen: Set<String> = []
        for (program, eligibility) in programs {
            for case .competency(let reference, let minimum) in program.requirements {
                guard let score = progress.competencies.first(where: { $0.id == reference.id }),
                    score.share + 1e-9 < minimum, finishedRun(assessing: reference.id, course, record),
                    seen.insert(reference.id).inserted
                else { continue }
                needs.append(CohortNeed(
                    kind: .competencyBelow, subject: reference.id,
                    text: "\(score.title) at \(ReportNumbers.percent(score.share)), \(program.id) needs \(ReportNumbers.percent(minimum))",
                    action: nil
                ))
            }
            let open = eligibility.checks.filter { !$0.met && $0.kind != "competency" }
            if !eligibility.eligible, !open.isEmpty {
                needs.append(CohortNeed(
                    kind: .missing, subject: program.id,
                    text: "\(program.id): \(open.count) requirement\(open.count == 1 ? "" : "s") missing",
                    action: "beacon eligibility --trainee \(trainee) --program \(program.id)"
                ))
            }
        }
        return needs.enumerated().sorted { ($0.element.kind, $0.offset) < ($1.element.kind, $1.offset) }.map(\.element)
    }

    private static func finishedRun(assessing competency: String, _ course: Course, _ record: CourseRecord) -> Bool {
        course.roleplays.contains { roleplay in
            roleplay.assesses.contains { $0.competency.id == competency }
                && record.runs[roleplay.id, default: []].contains { $0.finishedAt != nil }
        }
    }
}
