import BeaconCore
import BeaconStore
import Foundation

extension CoursePlayer {
    /// A role-play: resume the open run (replaying its stored moves) or start a new one.
    func playRoleplay(_ roleplay: Roleplay) throws {
        let runs = try store.record(trainee: trainee.id, course: course.id).runs[roleplay.id, default: []]
        var session = RoleplaySession(roleplay: roleplay)
        let runId: Int64
        if let open = runs.last(where: { $0.finishedAt == nil }) {
            for step in open.steps { try session.replay(step.move, in: roleplay) }
            runId = open.id
        } else {
            _ = try contentNote(roleplay.contentNote, before: roleplay.title)
            try introduce(roleplay)
            runId = try store.startRun(trainee: trainee.id, course: stamp, roleplay: roleplay.id, at: options.now())
            // Routes at the start may already have moved the run on.
            try store.saveSteps(run: runId, steps: session.steps, from: 0, at: options.now())
        }
        while session.ending(in: roleplay) == nil {
            guard let scene = session.scene(in: roleplay) else { return }
            let saved = session.steps.count
            let outcome: RoleplaySession.Outcome
            let said: String
            switch scene.step {
            case .choices:
                let offered = session.offeredChoices(in: roleplay)
                let lines = sceneLines(scene, session: session, roleplay: roleplay)
                let picked = try ask({ draft in
                    Screen(
                        heading: "Role-play: \(roleplay.title)",
                        body: lines + ["", "What do you say?"] + self.numbered(offered.map { self.theme.inline($0.choice.say) }, selected: Set([Int(draft)].compactMap { $0 })),
                        keys: "\(numberKeys(offered.count)) choose, then Enter"
                    )
                }, kind: .single(count: offered.count), quit: pauseLabel) { line -> Result<Int, Problem> in
                    guard let number = Int(line), (1...offered.count).contains(number) else {
                        return .failure(Problem("Type a number from 1 to \(offered.count)."))
                    }
                    return .success(offered[number - 1].index)
                }
                said = theme.inline(offered.first { $0.index == picked }?.choice.say ?? [])
                outcome = try session.choose(picked, in: roleplay)
            case .reply(let reply):
                let lines = sceneLines(scene, session: session, roleplay: roleplay)
                let text = try ask({ draft in
                    Screen(
                        heading: "Role-play: \(roleplay.title)",
                        body: lines + [""] + self.wrap(self.theme.inline(reply.prompt)) + ["", "You say: " + draft],
                        keys: "type your reply, then Enter (your words are not stored)"
                    )
                }, kind: .text, quit: pauseLabel) { line -> Result<String, Problem> in
                    line.trimmingCharacters(in: .whitespaces).isEmpty ? .failure(Problem("Type what you would say, then press Enter.")) : .success(line)
                }
                said = text
                outcome = try session.reply(text, in: roleplay)
                if let example = reply.example {
                    try saveAndShow(outcome, said: said, example: example, run: runId, session: session, from: saved, roleplay: roleplay)
                    continue
                }
            case .routes:
                return  // routes are followed by the session; reaching here means a stuck scene
            }
            try saveAndShow(outcome, said: said, example: nil, run: runId, session: session, from: saved, roleplay: roleplay)
        }
        guard let ending = session.ending(in: roleplay) else { return }
        var scores: [String: Int] = [:]
        for share in session.competencyShares(in: roleplay) { scores[share.competency] = share.points }
        try store.finishRun(runId, ending: ending.id, scores: scores, at: options.now())
        try debrief(ending, session: session, roleplay: roleplay)
    }

    private func saveAndShow(
        _ outcome: RoleplaySession.Outcome, said: String, example: String?, run: Int64,
        session: RoleplaySession, from first: Int, roleplay: Roleplay
    ) throws {
        try store.saveSteps(run: run, steps: session.steps, from: first, at: options.now())
        try active()
        var body = wrap("You said: " + said)
        body.append("")
        for feedback in outcome.feedback where !feedback.isEmpty { body += wrap(theme.inline(feedback)) }
        let changes = outcome.changes.map { change in
            "\(change.points >= 0 ? "+" : "")\(change.points) \(course.competency(change.competency.id)?.title ?? change.competency.id)"
        }
        if !changes.isEmpty { body += [""] + wrap("Scores: " + changes.joined(separator: ", ")) }
        if let example { body += [""] + wrap(theme.title("One way to say it: ") + example) }
        try pause(Screen(heading: "Role-play: \(roleplay.title) · feedback", body: body, keys: "Enter continue"), quit: pauseLabel)
    }

    private func introduce(_ roleplay: Roleplay) throws {
        let persona = roleplay.persona
        var who = persona.name
        if let pronouns = persona.pronouns { who += " (\(pronouns))" }
        if let age = persona.age { who += ", \(age)" }
        var body = wrap(theme.title(who)) + wrap(theme.inline(persona.description))
        if !roleplay.setting.isEmpty { body += [""] + wrap("Setting: " + theme.inline(roleplay.setting)) }
        let scored = roleplay.assesses.map { course.competency($0.competency.id)?.title ?? $0.competency.id }
        body += [""] + wrap("Your choices are scored on: " + scored.joined(separator: "; ") + ".")
        body += [""] + wrap("This is practice with a fictional person. " + (options.recordsProgress ? "You can pause at any point with q; your place is saved." : "This is a preview: nothing is recorded."))
        try pause(Screen(heading: "Role-play: \(roleplay.title)", body: body, keys: "Enter begin"), quit: "back")
    }

    /// The lines of the current scene, preceded by those of scenes the run passed through on
    /// routes since the last move, so nothing the persona says is skipped.
    private func sceneLines(_ scene: Scene, session: RoleplaySession, roleplay: Roleplay) -> [String] {
        var scenes: [Scene] = []
        for step in session.steps.reversed() {
            guard case .route = step.move, let passed = roleplay.scene(step.scene) else { break }
            scenes.insert(passed, at: 0)
        }
        scenes.append(scene)
        return scenes.flatMap { lines($0.lines, persona: roleplay.persona.name) }
    }

    private func lines(_ lines: [Line], persona: String) -> [String] {
        lines.flatMap { line -> [String] in
            switch line.speaker {
            case .persona: wrap(theme.inline(line.text), first: theme.accent(persona) + ": ", rest: "  ")
            case .narrator: wrap("(" + theme.inline(line.text) + ")")
            }
        }
    }

    private func debrief(_ ending: Ending, session: RoleplaySession, roleplay: Roleplay) throws {
        var body = lines(ending.lines, persona: roleplay.persona.name)
        let outcome = switch ending.outcome {
        case .good: theme.good("This conversation went well.")
        case .mixed: theme.warn("This conversation went partly well.")
        case .poor: theme.warn("This conversation did not go well this time.")
        }
        body += [""] + wrap(outcome) + [""] + render(ending.debrief) + ["", theme.title("Your scores")]
        for share in session.competencyShares(in: roleplay) {
            let title = course.competency(share.competency)?.title ?? share.competency
            body += wrap("\(title): \(share.points) of \(share.outOf)", first: "  ")
        }
        body += [""] + wrap("You can play it again from the module menu to try other choices.")
        try pause(Screen(heading: "Role-play debrief: \(roleplay.title)", body: body, keys: "Enter continue"))
    }

    /// What q does in a role-play: pause with the place kept, or (previews) just go back.
    private var pauseLabel: String { options.recordsProgress ? "pause (saved)" : "back" }
}
