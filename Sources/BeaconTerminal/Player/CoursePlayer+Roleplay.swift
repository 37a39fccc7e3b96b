import BeaconCore
import BeaconStore
import Foundation

extension CoursePlayer {
    /// A role-play: resume the open run (replaying its stored moves) or start a new one.
    func playRoleplay(_ roleplay: Roleplay) throws {
        let runs = try store.record(trainee: trainee.id, course: course.id).runs[roleplay.id, default: []]
        var session = RoleplaySession(roleplay: roleplay)
        let runId: Int64
        let seed: UInt64?
        if let open = runs.last(where: { $0.finishedAt == nil }) {
            for step in open.steps { try session.replay(step.move, in: roleplay) }
            runId = open.id
            seed = open.seed
        } else {
            _ = try contentNote(roleplay.contentNote, before: roleplay.title)
            try introduce(roleplay)
            seed = newRunSeed(roleplay, runsBefore: runs.count)
            runId = try store.startRun(trainee: trainee.id, course: stamp, roleplay: roleplay.id, seed: seed, at: options.now())
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
                let offered = session.displayedChoices(in: roleplay, seed: seed)
                let lines = sceneLines(scene, session: session, roleplay: roleplay)
                let picked = try ask({ draft in
                    Screen(
                        heading: self.words.roleplays.heading(roleplay.title),
                        body: lines + ["", Para(self.words.roleplays.whatDoYouSay)] + self.numbered(offered.map { self.theme.inline($0.choice.say) }, selected: Set([Int(draft)].compactMap { $0 })),
                        keys: self.words.quizzes.chooseKeys(numberKeys(offered.count))
                    )
                }, kind: .single(count: offered.count), quit: pauseLabel) { line -> Result<Int, Problem> in
                    guard let number = Int(line), (1...offered.count).contains(number) else {
                        return .failure(Problem(self.words.roleplays.numberProblem(offered.count)))
                    }
                    return .success(offered[number - 1].index)
                }
                said = theme.inline(offered.first { $0.index == picked }?.choice.say ?? [])
                outcome = try session.choose(picked, in: roleplay)
            case .reply(let reply):
                let lines = sceneLines(scene, session: session, roleplay: roleplay)
                let instruction = wrap(theme.inline(reply.prompt))
                let roleplays = words.roleplays
                let text = try ask({ draft in
                    Screen(
                        heading: roleplays.heading(roleplay.title),
                        body: lines + [.blank] + instruction + [.blank] + self.wrap(draft, first: roleplays.youSay, rest: "  "),
                        keys: roleplays.replyKeys
                    )
                }, kind: .text, quit: pauseLabel) { line -> Result<String, Problem> in
                    if line.trimmingCharacters(in: .whitespaces).isEmpty { return .failure(Problem(roleplays.emptyReplyProblem)) }
                    // Too short to mean anything: ask for more rather than score it (and never praise it).
                    if Reply.isTooShort(line) {
                        return .failure(Problem(roleplays.tooShortProblem(roleplay.persona.name)))
                    }
                    return .success(line)
                }
                outcome = try session.reply(text, in: roleplay)
                try saveAndShow(outcome, said: text, typed: true, example: reply.example, run: runId, session: session, from: saved, roleplay: roleplay)
                continue
            case .routes:
                return  // routes are followed by the session; reaching here means a stuck scene
            }
            try saveAndShow(outcome, said: said, typed: false, example: nil, run: runId, session: session, from: saved, roleplay: roleplay)
        }
        guard let ending = session.ending(in: roleplay) else { return }
        var scores: [String: Int] = [:]
        for share in session.competencyShares(in: roleplay) { scores[share.competency] = share.points }
        let (store, endingId, finalScores, now) = (store, ending.id, scores, options.now())
        try saving { try store.finishRun(runId, ending: endingId, scores: finalScores, at: now) }
        try debrief(ending, session: session, roleplay: roleplay)
    }

    private func saveAndShow(
        _ outcome: RoleplaySession.Outcome, said: String, typed: Bool, example: String?, run: Int64,
        session: RoleplaySession, from first: Int, roleplay: Roleplay
    ) throws {
        let (store, steps, now) = (store, session.steps, options.now())
        try saving { try store.saveSteps(run: run, steps: steps, from: first, at: now) }
        try active()
        // A typed reply was just shown as it was typed (linear mode echoes it); say it once.
        let roleplays = words.roleplays
        var body = typed && !terminal.isInteractive ? [] : wrap(roleplays.youSaid + said) + [""]
        for feedback in outcome.feedback where !feedback.isEmpty { body += wrap(theme.inline(feedback)) }
        // One figure per competency, however many criteria or scores touched it.
        var totals: [(id: String, points: Int)] = []
        for change in outcome.changes {
            if let index = totals.firstIndex(where: { $0.id == change.competency.id }) {
                totals[index].points += change.points
            } else {
                totals.append((change.competency.id, change.points))
            }
        }
        let changes = totals.map { total in
            "\(total.points >= 0 ? "+" : "")\(total.points) \(course.competency(total.id)?.title ?? total.id)"
        }
        if !changes.isEmpty { body += [""] + wrap(roleplays.scores + changes.joined(separator: ", ")) }
        if let example { body += [""] + wrap(theme.title(roleplays.oneWay) + example) }
        try pause(Screen(heading: roleplays.feedbackHeading(roleplay.title), body: body, keys: words.chrome.enterContinue), quit: pauseLabel)
    }

    private func introduce(_ roleplay: Roleplay) throws {
        let persona = roleplay.persona
        var who = persona.name
        if let pronouns = persona.pronouns { who += " (\(pronouns))" }
        if let age = persona.age { who += ", \(age)" }
        var body = wrap(theme.title(who)) + wrap(theme.inline(persona.description))
        let roleplays = words.roleplays
        if !roleplay.setting.isEmpty { body += [""] + wrap(roleplays.setting + theme.inline(roleplay.setting)) }
        let scored = roleplay.assesses.map { course.competency($0.competency.id)?.title ?? $0.competency.id }
        body += [""] + wrap(roleplays.scoredOn(scored.joined(separator: "; ")))
        body += [""] + wrap(roleplays.practice + " " + (options.recordsProgress ? roleplays.practiceSaved : roleplays.practicePreview))
        try pause(Screen(heading: roleplays.heading(roleplay.title), body: body, keys: roleplays.beginKeys), quit: words.chrome.quitBack)
    }

    /// The lines of the current scene, preceded by those of scenes the run passed through on
    /// routes since the last move, so nothing the persona says is skipped.
    private func sceneLines(_ scene: Scene, session: RoleplaySession, roleplay: Roleplay) -> [Para] {
        var scenes: [Scene] = []
        for step in session.steps.reversed() {
            guard case .route = step.move, let passed = roleplay.scene(step.scene) else { break }
            scenes.insert(passed, at: 0)
        }
        scenes.append(scene)
        return scenes.flatMap { lines($0.lines, persona: roleplay.persona.name) }
    }

    private func lines(_ lines: [Line], persona: String) -> [Para] {
        lines.flatMap { line -> [Para] in
            switch line.speaker {
            case .persona: wrap(theme.inline(line.text), first: theme.accent(persona) + ": ", rest: "  ")
            case .narrator: wrap("(" + theme.inline(line.text) + ")")
            }
        }
    }

    /// The ending's own words, then what this path did well and what to try next time, computed
    /// from the moves made. When the path says something specific, the ending's general lists of
    /// tips give way to it: tips should be about what this trainee missed, not what they did.
    private func debrief(_ ending: Ending, session: RoleplaySession, roleplay: Roleplay) throws {
        var body = lines(ending.lines, persona: roleplay.persona.name)
        let roleplays = words.roleplays
        let outcome = switch ending.outcome {
        case .good: theme.good(roleplays.wentWell)
        case .mixed: theme.warn(roleplays.wentPartly)
        case .poor: theme.warn(roleplays.wentPoorly)
        }
        let lessons = session.lessons(in: roleplay)
        let specific = !lessons.wentWell.isEmpty || !lessons.tryNext.isEmpty
        let authored = specific ? ending.debrief.filter { if case .list = $0 { false } else { true } } : ending.debrief
        body += [""] + wrap(outcome) + [""] + render(authored)
        if !lessons.wentWell.isEmpty {
            body += [.blank] + wrap(theme.title(roleplays.whatWentWell))
            for text in lessons.wentWell { body += wrap(theme.inline(text), first: "  - ", rest: "    ") }
        }
        if !lessons.tryNext.isEmpty {
            body += [.blank] + wrap(theme.title(roleplays.toTryNext))
            for text in lessons.tryNext { body += wrap(theme.inline(text), first: "  - ", rest: "    ") }
        }
        body += [.blank] + wrap(theme.title(roleplays.yourScores))
        for share in session.competencyShares(in: roleplay) {
            let title = course.competency(share.competency)?.title ?? share.competency
            body += wrap(roleplays.scoreOf(title, share.points, share.outOf), first: "  ")
        }
        body += [""] + wrap(roleplays.playAgain)
        try pause(Screen(heading: roleplays.debriefHeading(roleplay.title), body: body, keys: words.chrome.enterContinue))
    }

    /// What q does in a role-play: pause with the place kept, or (previews) just go back.
    private var pauseLabel: String { options.recordsProgress ? words.roleplays.quitPause : words.chrome.quitBack }

    /// A new run's choice-order seed: random; or, with a fixed seed (scripted tests), derived
    /// from it, the role-play and how many runs came before, so a player restarted after a crash
    /// draws what an uninterrupted one would have.
    private func newRunSeed(_ roleplay: Roleplay, runsBefore: Int) -> UInt64 {
        guard let base = options.seed else { return random.next() }
        var mixed = SeededRandom(seed: base ^ UInt64(runsBefore), mixing: roleplay.id)
        return mixed.next()
    }
}
