import Foundation

/// Checks on what people enter, made before anything is written: bad input is refused with a
/// reason, and nothing already recorded changes.
public enum EvidenceRules {
    /// Hours on one day: more than nothing, at most 24 with what that day already holds, not in
    /// the future, and not before the trainee enrolled.
    public static func hoursProblem(_ hours: Double, on day: DayDate, alreadyThatDay: Double = 0, today: DayDate, enrolled: DayDate?) -> String? {
        guard hours.isFinite, hours > 0 else { return "hours must be more than 0 (got \(ProgramEvaluation.hours(hours)))" }
        guard hours <= 24 else { return "a day has 24 hours; \(ProgramEvaluation.hours(hours)) on \(day) is more" }
        guard alreadyThatDay + hours <= 24 + 1e-9 else {
            return "\(day) already holds \(ProgramEvaluation.hours(alreadyThatDay)) h; \(ProgramEvaluation.hours(hours)) more would pass 24"
        }
        if let problem = dayProblem(day, today: today, enrolled: enrolled) { return problem }
        return nil
    }

    /// A date for a recorded event: not in the future, not before enrolment.
    public static func dayProblem(_ day: DayDate, today: DayDate, enrolled: DayDate?) -> String? {
        guard day <= today else { return "\(day) is in the future (today is \(today))" }
        if let enrolled, day < enrolled { return "\(day) is before the trainee enrolled (\(enrolled))" }
        return nil
    }

    /// The scores a facilitator gives, item by item, against the rubric.
    public static func observationProblem(_ scores: [String: Int], rubric: CertificationProgram.Rubric) -> String? {
        let known = Set(rubric.items.map(\.id))
        if let unknown = scores.keys.sorted().first(where: { !known.contains($0) }) {
            return "rubric \(rubric.id) has no item '\(unknown)'; items: \(rubric.items.map(\.id).joined(separator: ", "))"
        }
        for item in rubric.items {
            guard let score = scores[item.id] else { return "item '\(item.id)' has no score; every item is scored (0 to \(item.max))" }
            guard (0...item.max).contains(score) else { return "item '\(item.id)' scores 0 to \(item.max), not \(score)" }
        }
        return nil
    }

    /// Points, and whether they pass the rubric.
    public static func observationResult(_ scores: [String: Int], rubric: CertificationProgram.Rubric) -> (points: Int, passed: Bool) {
        let points = rubric.items.reduce(0) { $0 + (scores[$1.id] ?? 0) }
        return (points, rubric.outOf > 0 && Double(points) / Double(rubric.outOf) + 1e-9 >= rubric.pass)
    }

    /// The version of a program a trainee is held to: the latest in effect on the day they
    /// started, else the earliest (they started before any took effect).
    public static func versionInForce(_ versions: [CertificationProgram], started: DayDate) -> CertificationProgram? {
        let dated = versions.sorted { ($0.effective ?? DayDate("0001-01-01")!) < ($1.effective ?? DayDate("0001-01-01")!) }
        return dated.last { ($0.effective ?? DayDate("0001-01-01")!) <= started } ?? dated.first
    }
}
