import BeaconCore
import Foundation

/// `beacon report roleplay` as text and CSV.
enum RoleplayReportText {
    static func path(_ path: RoleplayReview.Path, _ roleplay: Roleplay, name: String, runs: Int) -> String {
        let ending = path.ending.map { "ended: \($0)" + (path.outcome.map { " (\($0))" } ?? "") } ?? "not finished"
        var lines = [
            "\(terminalSafe(path.title)) (\(path.roleplay)) · \(terminalSafe(name)) (\(path.trainee)), run \(path.run) of \(runs) · \(ending)",
            "",
        ]
        for step in path.steps {
            let where_ = step.sceneSays.map { " · \"\(ItemReview.shortened(terminalSafe($0), 60))\"" } ?? ""
            lines.append("\(step.number). \(step.scene)\(where_)")
            switch step.kind {
            case .choice:
                lines.append("   chose (option \(step.choice.map(String.init) ?? "?") as written): \"\(ItemReview.shortened(terminalSafe(step.said ?? ""), 70))\"")
            case .reply:
                lines.append("   typed a reply (its words are not kept):")
                for criterion in step.criteria {
                    let mark = criterion.harmful ? (criterion.met ? "HARM" : "avoided") : (criterion.met ? "met" : "missed")
                    lines.append("     [\(mark.padding(toLength: 7, withPad: " ", startingAt: 0))] \(terminalSafe(criterion.label))")
                }
            case .route:
                lines.append("   (moved on by itself)")
            }
            if !step.changes.isEmpty {
                lines.append("   " + step.changes.map { "\($0.competency) \($0.points > 0 ? "+" : "")\($0.points)" }.joined(separator: ", "))
            }
        }
        lines.append("")
        lines.append("Scores: " + path.scores.map { "\($0.competency) \($0.points)" + ($0.outOf.map { " of \($0)" } ?? "") }.joined(separator: " · "))
        return lines.joined(separator: "\n")
    }

    static func cohort(_ summary: RoleplayReview.Cohort, _ roleplay: Roleplay) -> String {
        var lines = [
            "\(terminalSafe(summary.title)) (\(summary.roleplay)) · \(summary.runs) finished run\(summary.runs == 1 ? "" : "s") by \(summary.trainees) trainee\(summary.trainees == 1 ? "" : "s") · \(summary.basis.words)",
        ]
        guard summary.runs > 0 else { return (lines + ["No finished runs yet."]).joined(separator: "\n") }
        lines.append("Endings: " + summary.endings.map { "\($0.id) (\($0.outcome)) \($0.count)" }.joined(separator: " · "))
        let missed = summary.mostMissed.filter { $0.failed > 0 }.prefix(5)
        if !missed.isEmpty {
            lines.append("")
            lines.append("Missed most:")
            for criterion in missed {
                let verb = criterion.harmful ? "did it (harm)" : "missed"
                lines.append("  \(terminalSafe(criterion.label)) (\(criterion.scene)): \(verb) in \(criterion.failed) of \(criterion.of) replies")
            }
        }
        for scene in summary.scenes where scene.visits > 0 && (!scene.choices.isEmpty || !scene.criteria.isEmpty) {
            lines.append("")
            let says = scene.sceneSays.map { " · \"\(ItemReview.shortened(terminalSafe($0), 60))\"" } ?? ""
            lines.append("\(scene.scene) (\(scene.visits) visit\(scene.visits == 1 ? "" : "s"))\(says)")
            let total = scene.choices.reduce(0) { $0 + $1.count }
            for choice in scene.choices {
                let share = total > 0 ? ReportNumbers.percent(Double(choice.count) / Double(total)) : "–"
                let points = choice.points == 0 ? "" : " (\(choice.points > 0 ? "+" : "")\(choice.points))"
                lines.append("  \(choice.number). \(ItemReview.shortened(terminalSafe(choice.said), 56))\(points): \(choice.count) (\(share))")
            }
            for criterion in scene.criteria {
                lines.append("  \(criterion.harmful ? "harmful: " : "")\(terminalSafe(criterion.label)): met in \(criterion.met) of \(criterion.of)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One row per choice, criterion and ending.
    static func table(_ summary: RoleplayReview.Cohort) -> CSVTable {
        var table = CSVTable(header: ["roleplay", "attempts_counted", "level", "scene", "id", "text", "points", "count", "of", "percent", "outcome"])
        let common: [CSVTable.Cell] = [.text(summary.roleplay), .text(summary.basis.rawValue)]
        let percent = { (count: Int, of: Int) -> CSVTable.Cell in .decimal(of > 0 ? 100 * Double(count) / Double(of) : nil, places: 1) }
        for scene in summary.scenes {
            let total = scene.choices.reduce(0) { $0 + $1.count }
            for choice in scene.choices {
                table.append(common + [
                    .text("choice"), .text(scene.scene), .integer(choice.number), .text(choice.said), .integer(choice.points),
                    .integer(choice.count), .integer(total), percent(choice.count, total), .empty,
                ])
            }
            for criterion in scene.criteria {
                table.append(common + [
                    .text(criterion.harmful ? "harmful-criterion" : "criterion"), .text(scene.scene), .text(criterion.id), .text(criterion.label),
                    .empty, .integer(criterion.met), .integer(criterion.of), percent(criterion.met, criterion.of), .empty,
                ])
            }
        }
        for ending in summary.endings {
            table.append(common + [
                .text("ending"), .empty, .text(ending.id), .empty, .empty, .integer(ending.count), .integer(summary.runs),
                percent(ending.count, summary.runs), .text(ending.outcome),
            ])
        }
        return table
    }
}
