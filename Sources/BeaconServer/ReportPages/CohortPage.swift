import BeaconCore
import BeaconStore
import Foundation

extension ReportPages {
    /// Who needs help, as a page: the totals, the cohort's progress by module, and one row per
    /// trainee, most pressing first.
    public static func cohort(_ report: CohortReport, _ course: Course) -> String {
        let totals = report.totals
        let day = String(report.asOf.formatted(.iso8601.year().month().day()))
        var body = """
            <h1>Who needs help: \(escapeHTML(course.title))</h1>
            <p class="muted">\(escapeHTML(course.id)) \(escapeHTML(course.version)) · \(totals.trainees) trainees · as of \(day) · stalled means nothing done for \(report.stalledAfterDays) days</p>
            <ul class="totals">
            <li><b>\(totals.needingHelp)</b>need help</li>
            <li><b>\(totals.outOfAttempts)</b>out of attempts</li>
            <li><b>\(totals.poorEndings)</b>role-play ended poorly</li>
            <li><b>\(totals.stalled)</b>stalled</li>
            <li><b>\(totals.notStarted)</b>not started</li>
            <li><b>\(totals.competencyBelow)</b>competency below minimum</li>
            <li><b>\(totals.finished)</b>finished the course</li>
            """
        for program in totals.programs {
            body += "<li><b>\(program.eligible) of \(program.eligible + program.notYet)</b>eligible for \(escapeHTML(program.id))</li>"
        }
        body += "</ul>"
        body += "<div class=\"charts\">" + figure(progressChart(report, course), caption: "Each bar is a module; its parts count trainees who finished it, started it, or have not begun.") + "</div>"
        body += "<h2>Trainees, most pressing first</h2>"
        guard !report.trainees.isEmpty else { return document(title: "Who needs help", body: body + "<p>No trainees on record yet.</p>") }
        body += """
            <div class="scroll"><table class="needs">
            <thead><tr><th>Trainee</th><th>Needs</th><th>Last active</th><th>Items done</th><th>Active</th></tr></thead><tbody>
            """
        for row in report.trainees {
            let needs = row.needs.isEmpty
                ? "on track"
                : "<ul class=\"needs\">" + row.needs.map { need in
                    "<li>\(escapeHTML(need.text))" + (need.action.map { "<br><code>\(escapeHTML($0))</code>" } ?? "") + "</li>"
                }.joined() + "</ul>"
            let last = row.lastActive.map { String($0.formatted(.iso8601.year().month().day())) } ?? "never"
            body += """
                <tr class="level-\(row.needLevel)"><td><b>\(escapeHTML(row.name))</b><br><span class="muted">\(escapeHTML(row.trainee)) · \(escapeHTML(CohortReport.levelWords(row.needLevel)))</span></td>
                <td>\(needs)</td><td>\(escapeHTML(last))</td><td class="n">\(row.itemsDone) of \(row.items)</td>
                <td class="n">\(escapeHTML(ReportNumbers.duration(seconds: Double(row.activeSeconds))))</td></tr>
                """
        }
        body += "</tbody></table></div>"
        return document(title: "Who needs help: \(course.title)", body: body)
    }

    static func progressChart(_ report: CohortReport, _ course: Course) -> String {
        let rows = course.modules.enumerated().map { index, module in
            let states = report.trainees.compactMap { row in row.moduleProgress.first { $0.id == module.id } }
            let done = states.filter { $0.total > 0 && $0.done == $0.total }.count
            let started = states.filter { $0.done > 0 && $0.done < $0.total }.count
            return ProgressBarsChart.Row(
                label: "\(index + 1). \(module.title)",
                segments: [.init(name: "finished", count: done), .init(name: "started", count: started), .init(name: "not begun", count: states.count - done - started)]
            )
        }
        return ProgressBarsChart(
            title: "Progress by module", summary: "Trainees who finished, started or have not begun each module of \(course.title).",
            segmentNames: ["finished", "started", "not begun"], rows: rows
        ).svg(id: "progress")
    }
}
