import BeaconCore
import Foundation

/// `beacon report items` as text and CSV.
enum ItemReportText {
    static func human(_ report: ItemReport) -> String {
        let name = report.title.map { "\(terminalSafe($0)) (\(report.quiz))" } ?? terminalSafe(report.quiz)
        guard !report.groups.isEmpty else { return "\(name): no finished attempts on record yet." }
        var lines: [String] = []
        for review in report.groups {
            if !lines.isEmpty { lines += ["", String(repeating: "─", count: 60), ""] }
            lines += section(review, name)
        }
        return lines.joined(separator: "\n")
    }

    private static func section(_ review: ItemReview, _ name: String) -> [String] {
        let counted: String
        if let version = review.courseVersion {
            let who = review.trainees.map { " by \($0) trainee\($0 == 1 ? "" : "s")" } ?? ""
            counted = "course version \(version), content \(review.contentHash.map { String($0.prefix(12)) } ?? "?") · \(review.basis.words): \(review.attempts) attempt\(review.attempts == 1 ? "" : "s")\(who)"
        } else {
            counted = "every row of the file: \(review.attempts) attempt\(review.attempts == 1 ? "" : "s")"
        }
        let quiz = review.summary
        let total = review.maxTotal
        var lines = [name, counted]
        lines.append(
            "Scores (N = \(quiz.n)): mean \(marks(quiz.mean, total)), median \(marks(quiz.median, total)), SD \(two(quiz.sd))"
                + " · reliability (Cronbach's alpha) \(two(quiz.alpha))" + (quiz.alpha.map { $0 < 0.64 ? " (low)" : $0 >= 0.75 ? " (good)" : " (fair)" } ?? "")
        )
        lines.append("")
        let rows = review.entries.map { entry -> [String] in
            let s = entry.statistics
            return [
                "\(entry.number)", ItemReview.shortened(terminalSafe(entry.prompt ?? entry.id), 46), "\(s.n)",
                ReportNumbers.percent(s.facility), two(s.pointBiserial), entry.verdict.text,
            ]
        }
        lines += aligned([["#", "Question", "N", "Right", "r(rest)", "Verdict"]] + rows, rightAligned: [0, 2, 3, 4])
        for entry in review.entries where !entry.options.isEmpty {
            lines.append("")
            lines.append("\(entry.number). \(ItemReview.shortened(terminalSafe(entry.prompt ?? entry.id), 70))")
            let options = entry.options.map { option -> [String] in
                let o = option.statistics
                return [
                    (option.key ? "* " : "  ") + terminalSafe(option.id), ItemReview.shortened(terminalSafe(option.text ?? ""), 38),
                    "\(o.count)", ReportNumbers.percent(o.proportion), "\(o.upper)", "\(o.lower)", option.verdict.text,
                ]
            }
            lines += aligned([["Option", "Text", "N", "Share", "Top", "Bottom", "Verdict"]] + options, rightAligned: [2, 3, 4, 5]).map { "   " + $0 }
        }
        lines.append("")
        lines.append("* marks the key. Right: share of marks earned (facility). r(rest): how the question's mark goes with the rest of the quiz (corrected point-biserial; under 0.20 it does not tell stronger from weaker trainees). Top and Bottom: how many of the top and bottom 27% by total picked it.")
        lines += review.warnings.map { "warning: \(terminalSafe($0))" }
        return lines
    }

    /// "7.25 of 10 (73%)".
    private static func marks(_ value: Double?, _ total: Double) -> String {
        guard let value else { return "–" }
        return "\(two(value)) of \(plainDecimal(total))" + (total > 0 ? " (\(ReportNumbers.percent(value / total)))" : "")
    }

    static func two(_ value: Double?) -> String {
        ReportNumbers.rounded(value, 2).map { String(format: "%.2f", $0) } ?? "–"
    }

    /// Columns padded to their widest cell (counted in characters, so accented text lines up).
    static func aligned(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index == row.count - 1 ? cell : rightAligned.contains(index) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
    }

    /// One row per question and one per option, `level` saying which; one unit per column.
    static func table(_ reviews: [ItemReview]) -> CSVTable {
        var table = CSVTable(header: [
            "quiz", "course_version", "content_hash", "attempts_counted", "level", "question_number", "question", "prompt",
            "option", "option_text", "key", "n", "facility_percent", "sd_marks", "random_guess_percent", "intended_weight_percent",
            "effective_weight_percent", "discrimination_index_percent", "discriminative_efficiency_percent",
            "corrected_point_biserial", "upper_lower_27", "chosen_n", "chosen_percent", "top_group_n", "bottom_group_n",
            "option_point_biserial", "verdict",
        ])
        let text = { (value: String?) -> CSVTable.Cell in value.map { .text($0) } ?? .empty }
        for review in reviews {
            let common: [CSVTable.Cell] = [.text(review.quiz), text(review.courseVersion), text(review.contentHash), .text(review.basis.rawValue)]
            for entry in review.entries {
                let s = entry.statistics
                table.append(common + [
                    .text("question"), .integer(entry.number), .text(entry.id), text(entry.prompt), .empty, .empty, .empty, .integer(s.n),
                    .decimal(s.facility.map { $0 * 100 }, places: 1), .decimal(s.sd, places: 2), .decimal(s.randomGuessScore, places: 1),
                    .decimal(s.intendedWeight, places: 1), .decimal(s.effectiveWeight, places: 1), .decimal(s.discriminationIndex, places: 1),
                    .decimal(s.discriminativeEfficiency, places: 1), .decimal(s.pointBiserial, places: 2), .decimal(s.upperLower27, places: 2),
                    .empty, .empty, .empty, .empty, .empty, .text(entry.verdict.text),
                ])
                for option in entry.options {
                    let o = option.statistics
                    table.append(common + [
                        .text("option"), .integer(entry.number), .text(entry.id), .empty, .text(option.id), text(option.text),
                        .text(option.key ? "yes" : "no"), .integer(s.n),
                    ] + Array(repeating: CSVTable.Cell.empty, count: 9) + [
                        .integer(o.count), .decimal(o.proportion.map { $0 * 100 }, places: 1), .integer(o.upper), .integer(o.lower),
                        .decimal(o.pointBiserial, places: 2), .text(option.verdict.text),
                    ])
                }
            }
        }
        return table
    }
}
