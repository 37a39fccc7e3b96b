import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

extension BeaconCommand {
    struct RegradeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "regrade",
            abstract: "Score a quiz's attempts again after its answer key was fixed, showing before and after for each trainee.",
            discussion: """
                Every finished attempt at the quiz, by every trainee, is scored again by the quiz as the course file now writes it. The answers trainees gave stay exactly as recorded; only credits, scores and pass or fail change. The changes are listed first (trainee, attempt, score before and after, pass or fail before and after) and applied when you type yes (or with --yes). Each changed attempt is audited as quiz.regrade with the acting admin.

                An attempt that was shown a question the quiz no longer has, or whose answer no longer fits the question's kind, is left as it was and listed.

                Examples:
                  beacon regrade listening-check --course my-course/ --dry-run
                  beacon regrade listening-check --course my-course/ --yes --as dana-cruz
                """
        )

        @Argument(help: "The quiz whose key changed.")
        var quiz: String

        @Option(help: courseHelp)
        var course: String?

        @Flag(help: "Only show what would change.")
        var dryRun = false

        @Flag(help: "Apply without asking.")
        var yes = false

        @Flag(help: "Print JSON for scripts (the changes, then whether they were applied).")
        var json = false

        @OptionGroup var acting: ActorOptions

        func run() throws {
            let loaded = try LoadedCourse.load(course)
            guard let found = loaded.course.quizzes.first(where: { $0.id == quiz }) else {
                throw ValidationError("no quiz '\(quiz)' in \(loaded.described); quizzes: \(loaded.course.quizzes.map(\.id).joined(separator: ", "))")
            }
            let store = try LearningStore(home: LearningStore.defaultHome())
            try refusing { try store.authorize(.regrade, actor: acting.id) }
            let plan = try store.regradePlan(course: loaded.stamp, quiz: found)
            if json, dryRun || plan.changes.isEmpty {
                return try printJSON(RegradeOutcome(plan: plan, applied: false))
            }
            if !json { print(Self.describe(plan, found)) }
            guard !plan.changes.isEmpty, !dryRun else { return }
            if !yes { try confirmOrStop("Regrade \(plan.changes.count) attempt\(plan.changes.count == 1 ? "" : "s")?") }
            let applied = try refusing { try store.regrade(course: loaded.stamp, quiz: found, actor: acting.id) }
            if json { return try printJSON(RegradeOutcome(plan: applied, applied: true)) }
            print("Regraded \(applied.changes.count) attempt\(applied.changes.count == 1 ? "" : "s") (audited as quiz.regrade). Answers were not changed.")
        }

        struct RegradeOutcome: Encodable {
            var plan: RegradePlan
            var applied: Bool
        }

        static func describe(_ plan: RegradePlan, _ quiz: Quiz) -> String {
            var lines = ["\(terminalSafe(quiz.title)) (\(quiz.id)): \(plan.examined) finished attempt\(plan.examined == 1 ? "" : "s") scored again by content \(plan.contentHash.prefix(12))"]
            if plan.changes.isEmpty {
                lines.append("Nothing changes: every attempt already scores the same.")
            } else {
                let verdict = { (passed: Bool) in passed ? "pass" : "fail" }
                let rows = plan.changes.map { change in
                    [
                        "\(terminalSafe(change.name)) (\(change.trainee))", "\(change.attempt)", ReportNumbers.percent(change.before), "→",
                        ReportNumbers.percent(change.after),
                        change.passedBefore == change.passedAfter ? verdict(change.passedAfter) : "\(verdict(change.passedBefore)) → \(verdict(change.passedAfter))".uppercased(),
                        change.questions.joined(separator: ", "),
                    ]
                }
                lines += ItemReportText.aligned([["Trainee", "Attempt", "Before", "", "After", "Verdict", "Questions rescored"]] + rows, rightAligned: [1, 2, 4])
                let flips = plan.changes.filter { $0.passedBefore != $0.passedAfter }.count
                if flips > 0 { lines.append("\(flips) attempt\(flips == 1 ? "" : "s") change\(flips == 1 ? "s" : "") between pass and fail.") }
            }
            for kept in plan.kept {
                lines.append("kept as it was: \(kept.trainee) attempt \(kept.attempt): \(kept.reason)")
            }
            return lines.joined(separator: "\n")
        }
    }
}
