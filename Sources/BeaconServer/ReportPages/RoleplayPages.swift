import BeaconCore
import Foundation

extension ReportPages {
    /// One trainee's run, scene by scene.
    public static func roleplayPath(_ path: RoleplayReview.Path, _ roleplay: Roleplay, name: String, runs: Int) -> String {
        let ending = path.ending.map { "ended: \($0)" + (path.outcome.map { " (\($0))" } ?? "") } ?? "not finished"
        var body = """
            <h1>\(escapeHTML(path.title)): \(escapeHTML(name))</h1>
            <p class="muted">\(escapeHTML(path.roleplay)) · \(escapeHTML(path.trainee)) · run \(path.run) of \(runs) · \(escapeHTML(ending))</p>
            <ol class="path">
            """
        for step in path.steps {
            body += "<li><b>\(escapeHTML(step.scene))</b>" + (step.sceneSays.map { " · “\(escapeHTML($0))”" } ?? "") + "<br>"
            switch step.kind {
            case .choice: body += "Chose \(step.choice.map(String.init) ?? "?"): “\(escapeHTML(step.said ?? ""))”"
            case .route: body += "<span class=\"muted\">moved on by itself</span>"
            case .reply:
                body += "Typed a reply (its words are not kept):<ul class=\"needs\">" + step.criteria.map { criterion in
                    let state = criterion.harmful ? (criterion.met ? "<b>harm done</b>" : "avoided") : (criterion.met ? "met" : "<b>missed</b>")
                    return "<li>\(state): \(escapeHTML(criterion.label))</li>"
                }.joined() + "</ul>"
            }
            if !step.changes.isEmpty {
                body += "<br><span class=\"muted\">" + escapeHTML(step.changes.map { "\($0.competency) \($0.points > 0 ? "+" : "")\($0.points)" }.joined(separator: ", ")) + "</span>"
            }
            body += "</li>"
        }
        body += "</ol><p>Scores: " + escapeHTML(path.scores.map { "\($0.competency) \($0.points)" + ($0.outOf.map { " of \($0)" } ?? "") }.joined(separator: " · ")) + "</p>"
        return document(title: "\(path.title): \(name)", body: body)
    }

    /// A role-play across a cohort: the flow of choices, endings, and what was missed.
    public static func roleplayCohort(_ summary: RoleplayReview.Cohort, _ roleplay: Roleplay) -> String {
        var body = """
            <h1>What happened in \(escapeHTML(summary.title))</h1>
            <p class="muted">\(escapeHTML(summary.roleplay)) · \(summary.runs) finished runs by \(summary.trainees) trainees · \(escapeHTML(summary.basis.words))</p>
            """
        body += figure(flow(summary, roleplay), caption: "Left to right, the scenes trainees passed through and the endings they reached; a band's width is how many took that way.")
        body += "<h2>Endings</h2><ul>" + summary.endings.map { "<li>\(escapeHTML($0.id)) (\(escapeHTML($0.outcome))): \($0.count)</li>" }.joined() + "</ul>"
        let missed = summary.mostMissed.filter { $0.failed > 0 }
        if !missed.isEmpty {
            body += "<h2>Missed most</h2><ul>" + missed.map { criterion in
                "<li>\(escapeHTML(criterion.label)) (\(escapeHTML(criterion.scene))): \(criterion.harmful ? "did it (harm)" : "missed") in \(criterion.failed) of \(criterion.of) replies</li>"
            }.joined() + "</ul>"
        }
        body += "<h2>Choices</h2>"
        for scene in summary.scenes where scene.visits > 0 && !scene.choices.isEmpty {
            let total = scene.choices.reduce(0) { $0 + $1.count }
            body += "<h3>\(escapeHTML(scene.scene))</h3>" + (scene.sceneSays.map { "<p class=\"muted\">“\(escapeHTML($0))”</p>" } ?? "")
            body += "<div class=\"scroll\"><table><thead><tr><th class=\"n\">#</th><th>Said</th><th class=\"n\">Points</th><th class=\"n\">Picked</th></tr></thead><tbody>"
            for choice in scene.choices {
                let share = total > 0 ? ReportNumbers.percent(Double(choice.count) / Double(total)) : "–"
                body += "<tr><td class=\"n\">\(choice.number)</td><td>\(escapeHTML(choice.said))</td><td class=\"n\">\(choice.points > 0 ? "+" : "")\(choice.points)</td><td class=\"n\">\(choice.count) (\(escapeHTML(share)))</td></tr>"
            }
            body += "</tbody></table></div>"
        }
        return document(title: "Role-play: \(summary.title)", body: body)
    }

    /// Scenes by their distance from the start along the moves trainees made; endings last.
    static func flow(_ summary: RoleplayReview.Cohort, _ roleplay: Roleplay) -> String {
        var column: [String: Int] = [roleplay.start.id: 0]
        var frontier = [roleplay.start.id]
        while !frontier.isEmpty {
            var next: [String] = []
            for node in frontier {
                for move in summary.moves where move.from == node && column[move.to] == nil {
                    column[move.to] = column[node]! + 1
                    next.append(move.to)
                }
            }
            frontier = next
        }
        let endings = Set(roleplay.endings.map(\.id))
        let last = (column.filter { !endings.contains($0.key) }.values.max() ?? 0) + 1
        var nodes: [FlowChart.Node] = []
        for scene in summary.scenes where column[scene.scene] != nil {
            nodes.append(.init(id: scene.scene, column: column[scene.scene]!, label: scene.scene, count: scene.visits))
        }
        for ending in summary.endings where ending.count > 0 {
            let kind: FlowChart.Kind = switch ending.outcome {
            case "good": .good
            case "mixed": .mixed
            default: .poor
            }
            nodes.append(.init(id: ending.id, column: last, label: "\(ending.id) (\(ending.outcome))", count: ending.count, kind: kind))
        }
        // Moves between the same two nodes by different choices are one band, labelled with each.
        var links: [FlowChart.Link] = []
        for move in summary.moves {
            if let index = links.firstIndex(where: { $0.from == move.from && $0.to == move.to }) {
                links[index].count += move.count
                if !move.via.isEmpty { links[index].label += (links[index].label.isEmpty ? "" : ", ") + move.via }
            } else {
                links.append(.init(from: move.from, to: move.to, count: move.count, label: move.via))
            }
        }
        return FlowChart(
            title: "Choice flow", summary: "How \(summary.runs) runs moved through \(summary.title).", nodes: nodes, links: links
        ).svg(id: "flow")
    }
}
