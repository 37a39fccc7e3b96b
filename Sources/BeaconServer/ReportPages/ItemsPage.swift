import BeaconCore
import Foundation

extension ReportPages {
    /// A quiz's item report as a page: the score histogram, facility against discrimination,
    /// and each question with its verdict and options, one section per course version.
    public static func items(_ report: ItemReport) -> String {
        let name = report.title.map { "\($0) (\(report.quiz))" } ?? report.quiz
        var body = "<h1>How the questions work: \(escapeHTML(name))</h1>"
        guard !report.groups.isEmpty else { return document(title: name, body: body + "<p>No finished attempts on record yet.</p>") }
        for (index, review) in report.groups.enumerated() {
            let section = "v\(index)"
            let counted = review.courseVersion.map { "course version \($0), content \(String((review.contentHash ?? "").prefix(12)))" } ?? "marks from a file"
            body += "<h2>\(escapeHTML(counted))</h2>"
            body += "<p class=\"muted\">\(escapeHTML(review.basis.words)): \(review.attempts) attempts"
                + (review.trainees.map { " by \($0) trainees" } ?? "") + " · reliability (Cronbach's alpha) \(escapeHTML(two(review.summary.alpha)))</p>"
            if !review.warnings.isEmpty {
                body += "<ul class=\"warning\">" + review.warnings.map { "<li>\(escapeHTML($0))</li>" }.joined() + "</ul>"
            }
            body += "<div class=\"charts\">"
            body += figure(histogram(review, id: section + "-scores"), caption: "Attempts by total score. Bars below the pass mark (the line) are orange and outlined.")
            body += figure(scatter(review, id: section + "-items"), caption: "Each dot is a question: right to left, easy to hard; top to bottom, how well it tells stronger from weaker trainees. Questions to check are drawn as squares.")
            body += "</div>"
            body += "<div class=\"scroll\"><table class=\"items\"><thead><tr><th>#</th><th>Question</th><th class=\"n\">N</th><th class=\"n\">Right</th><th class=\"n\">r(rest)</th><th>Verdict</th></tr></thead><tbody>"
            for entry in review.entries {
                let s = entry.statistics
                body += "<tr><td class=\"n\">\(entry.number)</td><td>\(escapeHTML(entry.prompt ?? entry.id))"
                if !entry.options.isEmpty {
                    body += "<ul class=\"needs\">" + entry.options.map { option in
                        let o = option.statistics
                        return "<li>\(option.key ? "<b>key</b> " : "")\(escapeHTML(option.id)). \(escapeHTML(option.text ?? "")): \(o.count) (\(percent(o.proportion))), top \(o.upper), bottom \(o.lower) · <span class=\"verdict-\(option.verdict.kind.rawValue)\">\(escapeHTML(option.verdict.text))</span></li>"
                    }.joined() + "</ul>"
                }
                body += "</td><td class=\"n\">\(s.n)</td><td class=\"n\">\(percent(s.facility))</td><td class=\"n\">\(escapeHTML(two(s.pointBiserial)))</td>"
                body += "<td class=\"verdict-\(entry.verdict.kind.rawValue)\">\(escapeHTML(entry.verdict.text))</td></tr>"
            }
            body += "</tbody></table></div>"
        }
        body += "<p class=\"muted\">Right: share of marks earned (facility). r(rest): how a question's mark goes with the rest of the quiz (corrected point-biserial); under 0.20 it does not tell stronger from weaker trainees. Top and bottom: the top and bottom 27% by total.</p>"
        return document(title: "Items: \(name)", body: body)
    }

    static func histogram(_ review: ItemReview, id: String) -> String {
        let bins = review.scoreDistribution.enumerated().map { index, count in
            HistogramChart.Bin(label: index == 9 ? "90–100%" : "\(index * 10)–\(index * 10 + 9)%", count: count, highlighted: review.passMark.map { Double(index + 1) / 10 <= $0 + 1e-9 } ?? false)
        }
        return HistogramChart(
            title: "Scores", summary: "\(review.attempts) attempts by total score, in tenths of the maximum.", xAxis: "total score", yAxis: "attempts",
            bins: bins, marker: review.passMark.map { .init(fraction: $0, label: "pass \(ReportNumbers.percent($0))") }
        ).svg(id: id)
    }

    static func scatter(_ review: ItemReview, id: String) -> String {
        let points = review.entries.compactMap { entry -> ScatterChart.Point? in
            guard let facility = entry.statistics.facility, let r = entry.statistics.pointBiserial else { return nil }
            return ScatterChart.Point(
                x: facility, y: r, label: "\(entry.number)",
                detail: "\(entry.number). \(ItemReview.shortened(entry.prompt ?? entry.id, 60)): \(ReportNumbers.percent(facility)) right, r = \(two(r)), \(entry.verdict.text)",
                flagged: entry.verdict.kind != .works && entry.verdict.kind != .tooFew
            )
        }
        return ScatterChart(
            title: "Facility against discrimination", summary: "Each question's share right against its corrected point-biserial.",
            xAxis: "share right (facility)", yAxis: "discrimination r(rest)", xRange: 0...1, yRange: -1...1,
            bands: [
                .init(axis: .x, from: ItemVerdict.hardUpTo, to: ItemVerdict.easyFrom, label: "neither too hard nor too easy"),
                .init(axis: .y, from: ItemVerdict.weakBelow, to: ItemVerdict.weakBelow, label: "0.20"),
            ],
            points: points
        ).svg(id: id)
    }

    static func two(_ value: Double?) -> String {
        ReportNumbers.rounded(value, 2).map { String(format: "%.2f", $0) } ?? "–"
    }
}
