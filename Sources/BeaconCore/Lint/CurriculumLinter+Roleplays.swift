extension CurriculumLinter {
    func checkRoleplays(_ context: inout LintContext) {
        for roleplay in context.course.roleplays {
            let referencesOK = checkRoleplayReferences(roleplay, &context)
            let graphOK = checkRoleplayGraph(roleplay, &context)
            guard referencesOK, graphOK else {
                // Exploring a broken graph only repeats what was already said.
                context.roleplayFacts[roleplay.id] = RoleplayFacts(
                    bestScores: nil, positions: 0, truncated: false, playthroughs: PlaythroughReport()
                )
                continue
            }
            exploreRoleplay(roleplay, &context)
            checkExamples(roleplay, &context)
            checkSamples(roleplay, &context)
            checkChoiceLengths(roleplay, &context)
        }
    }

    /// Every `next` names a scene or ending; every scored competency is assessed and exists.
    private func checkRoleplayReferences(_ roleplay: Roleplay, _ context: inout LintContext) -> Bool {
        var ok = true
        let nodes = roleplay.scenes.map { ($0.id, $0.location) } + roleplay.endings.map { ($0.id, $0.location) }
        for (node, first) in Self.duplicates(nodes, id: \.0) {
            context.error(
                "B020",
                "'\(node.0)' is used twice as a scene or ending id in role-play '\(roleplay.id)' (first at line \(first.1.line))",
                help: "give each scene and ending its own id",
                at: node.1
            )
            ok = false
        }
        let nodeIds = Set(nodes.map(\.0))
        func checkNext(_ next: Reference, what: String) {
            guard !nodeIds.contains(next.id) else { return }
            ok = false
            let suggestion = nearest(next.id, in: nodeIds).map { "did you mean '\($0)'? " } ?? ""
            context.error(
                "B024",
                "\(what) goes to '\(next.id)', which is not a scene or ending of role-play '\(roleplay.id)'",
                help: "\(suggestion)add a <scene id=\"\(next.id)\"> or <ending id=\"\(next.id)\">, or fix the id",
                at: next.location
            )
        }
        checkNext(roleplay.start, what: "the role-play's start")
        let assessed = Set(roleplay.assesses.map(\.competency.id))
        for assessment in roleplay.assesses {
            checkCompetencyReference(assessment.competency, &context, what: "role-play '\(roleplay.id)'")
        }
        for (assessment, _) in Self.duplicates(roleplay.assesses, id: \.competency.id) {
            context.error(
                "B020",
                "competency '\(assessment.competency.id)' is assessed twice in role-play '\(roleplay.id)'",
                help: "keep one <assesses> per competency",
                at: assessment.competency.location
            )
        }
        func checkAssessed(_ competency: Reference) {
            guard !assessed.contains(competency.id) else { return }
            ok = false
            // An id the course does not define is a typo, not a missing <assesses>.
            if context.course.competency(competency.id) == nil {
                let guess = nearest(competency.id, in: assessed).map { "did you mean '\($0)'? " } ?? ""
                context.error(
                    "B046",
                    "role-play '\(roleplay.id)' scores competency '\(competency.id)', which neither the role-play nor the course has",
                    help: guess + "use one of the competencies the role-play assesses: " + roleplay.assesses.map(\.competency.id).joined(separator: ", "),
                    at: competency.location
                )
                return
            }
            context.error(
                "B046",
                "role-play '\(roleplay.id)' scores or tests competency '\(competency.id)' but does not assess it",
                help: "add <assesses competency=\"\(competency.id)\" outOf=\"…\"/> after the persona",
                at: competency.location
            )
        }
        func checkConditions(_ conditions: [Condition]) {
            for condition in conditions {
                checkAssessed(condition.competency)
                let outOf = roleplay.assesses.first { $0.competency.id == condition.competency.id }?.outOf
                let low = condition.atLeast ?? 0
                if let below = condition.below, low >= below {
                    context.warning(
                        "B049",
                        "condition atLeast=\"\(low)\" below=\"\(below)\" on '\(condition.competency.id)' can never hold",
                        help: "atLeast must be smaller than below",
                        at: condition.competency.location
                    )
                } else if let outOf, low > outOf {
                    context.warning(
                        "B049",
                        "condition atLeast=\"\(low)\" on '\(condition.competency.id)' can never hold: scores stop at outOf=\(outOf)",
                        help: "lower atLeast to \(outOf) or less, or raise outOf",
                        at: condition.competency.location
                    )
                }
            }
        }
        for scene in roleplay.scenes {
            switch scene.step {
            case .choices(let choices):
                for choice in choices {
                    checkNext(choice.next, what: "a choice in scene '\(scene.id)'")
                    checkConditions(choice.conditions)
                    choice.scores.map(\.competency).forEach(checkAssessed)
                }
            case .routes(let routes):
                for route in routes {
                    checkNext(route.next, what: "a route in scene '\(scene.id)'")
                    checkConditions(route.conditions)
                }
                if let last = routes.dropLast().firstIndex(where: \.conditions.isEmpty) {
                    context.warning(
                        "B053",
                        "route \(last + 1) of scene '\(scene.id)' always holds, so the routes after it are never taken",
                        help: "put the route without <when> last",
                        at: routes[last].location
                    )
                }
            case .reply(let reply):
                checkNext(reply.next, what: "the reply in scene '\(scene.id)'")
                for (criterion, _) in Self.duplicates(reply.criteria, id: \.id) {
                    context.error(
                        "B020",
                        "criterion id '\(criterion.id)' is used twice in scene '\(scene.id)'",
                        help: "give each criterion its own id",
                        at: criterion.location
                    )
                }
                for criterion in reply.criteria {
                    criterion.scores.map(\.competency).forEach(checkAssessed)
                    for (pattern, kind) in criterion.patterns.map({ ($0, "pattern") }) + criterion.exclusions.map({ ($0, "unless pattern") }) {
                        if let problem = context.patternProblem(pattern) {
                            context.error(
                                "B034",
                                "\(kind) '\(pattern)' of criterion '\(criterion.id)' cannot be used: \(problem)",
                                help: "fix the pattern; a plain phrase like 'sounds like' works as is",
                                at: criterion.location
                            )
                        }
                    }
                    if criterion.patterns.isEmpty, criterion.keywords.allSatisfy({ KeywordMatch.words($0).isEmpty }) {
                        ok = false
                        context.error(
                            "B055",
                            "criterion '\(criterion.id)' in scene '\(scene.id)' has no pattern and no keyword, so no reply can meet it",
                            help: "add a <pattern> or a <keyword> (words, found even with a typo)",
                            at: criterion.location
                        )
                    }
                }
                let ids = Set(reply.criteria.map(\.id))
                for sample in reply.samples {
                    for id in sample.meets + sample.misses where !ids.contains(id) {
                        let guess = nearest(id, in: ids).map { "did you mean '\($0)'? " } ?? ""
                        context.error(
                            "B055",
                            "a sample in scene '\(scene.id)' names criterion '\(id)', which the reply does not have",
                            help: guess + "the criteria here are: " + reply.criteria.map(\.id).joined(separator: ", "),
                            at: sample.location
                        )
                    }
                }
            }
        }
        return ok
    }

    /// Reachability and traps on the graph of scenes, ignoring conditions (they come later).
    /// Each scene's possible next nodes, conditions aside.
    static func edges(_ roleplay: Roleplay) -> [String: [String]] {
        var edges: [String: [String]] = [:]
        for scene in roleplay.scenes {
            switch scene.step {
            case .choices(let choices): edges[scene.id] = choices.map(\.next.id)
            case .routes(let routes): edges[scene.id] = routes.map(\.next.id)
            case .reply(let reply): edges[scene.id] = [reply.next.id]
            }
        }
        return edges
    }

    /// The scenes and endings some path from the start leads to, conditions aside.
    static func linkedNodes(_ roleplay: Roleplay) -> Set<String> {
        let edges = edges(roleplay)
        var reached: Set<String> = [roleplay.start.id]
        var stack = [roleplay.start.id]
        while let node = stack.popLast() {
            for next in edges[node, default: []] where reached.insert(next).inserted { stack.append(next) }
        }
        return reached
    }

    private func checkRoleplayGraph(_ roleplay: Roleplay, _ context: inout LintContext) -> Bool {
        let edges = Self.edges(roleplay)
        let reached = Self.linkedNodes(roleplay)
        var stack: [String] = []
        for scene in roleplay.scenes where !reached.contains(scene.id) {
            context.warning(
                "B040",
                "scene '\(scene.id)' of role-play '\(roleplay.id)' cannot be reached from the start",
                help: "point a choice, reply or route at it with next=\"\(scene.id)\", or remove it",
                at: scene.location
            )
        }
        for ending in roleplay.endings where !reached.contains(ending.id) {
            context.warning(
                "B043",
                "ending '\(ending.id)' of role-play '\(roleplay.id)' cannot be reached",
                help: "point a choice, reply or route at it with next=\"\(ending.id)\", or remove it",
                at: ending.location
            )
        }
        // Scenes that reach an ending, walking edges backwards from the endings.
        var reverse: [String: [String]] = [:]
        for (from, targets) in edges { for target in targets { reverse[target, default: []].append(from) } }
        // A dangling next is reported on its own; counting it as a way out avoids a second error.
        let known = Set(roleplay.scenes.map(\.id) + roleplay.endings.map(\.id))
        var finishes = Set(roleplay.endings.map(\.id)).union(edges.values.joined().filter { !known.contains($0) })
        stack = Array(finishes)
        while let node = stack.popLast() {
            for previous in reverse[node, default: []] where finishes.insert(previous).inserted { stack.append(previous) }
        }
        let trapped = roleplay.scenes.filter { reached.contains($0.id) && !finishes.contains($0.id) }
        guard let first = trapped.first else { return true }
        context.error(
            "B042",
            "role-play '\(roleplay.id)' has a trap: from \(trapped.count == 1 ? "scene" : "scenes") "
                + trapped.map { "'\($0.id)'" }.joined(separator: ", ")
                + " no path leads to any ending",
            help: "give one of these scenes a choice or route that leads toward an ending",
            at: first.location
        )
        return false
    }

    /// Walks every (scene, scores) position and plays at random; reports where conditions strand a trainee.
    private func exploreRoleplay(_ roleplay: Roleplay, _ context: inout LintContext) {
        let exploration = roleplay.explore(limit: options.explorationLimit)
        let playthroughs = roleplay.playRandomly(runs: options.playthroughs, seed: options.seed)
        var reportedScenes = Set<String>()
        for finding in exploration.stuck where reportedScenes.insert(finding.position.node).inserted {
            guard let scene = roleplay.scene(finding.position.node) else { continue }
            context.error(
                "B041",
                "a trainee can get stuck in scene '\(scene.id)' of '\(roleplay.id)': with "
                    + describe(finding.position.scores, roleplay)
                    + " no choice or route is available (path: \(finding.path.joined(separator: " → ")))",
                help: "add a choice or route without <when>, or widen the conditions so one always holds",
                at: scene.location
            )
        }
        for finding in exploration.trapped where reportedScenes.insert(finding.position.node).inserted {
            guard let scene = roleplay.scene(finding.position.node) else { continue }
            context.error(
                "B042",
                "a trainee who reaches scene '\(scene.id)' of '\(roleplay.id)' with "
                    + describe(finding.position.scores, roleplay)
                    + " can never reach an ending (path: \(finding.path.joined(separator: " → ")))",
                help: "the way out of this loop depends on a condition that can no longer hold; add an unconditional way out",
                at: scene.location
            )
        }
        if exploration.truncated {
            context.warning(
                "B047",
                "role-play '\(roleplay.id)' has more than \(options.explorationLimit) (scene, score) positions; only part was explored",
                help: "lower the outOf values or split the role-play; random playthroughs still ran",
                at: roleplay.location
            )
            if playthroughs.stuck > 0 {
                context.error(
                    "B048",
                    "\(playthroughs.stuck) of \(playthroughs.runs) random playthroughs of '\(roleplay.id)' got stuck (seed \(playthroughs.seed))",
                    help: "make sure every scene always offers a choice or route",
                    at: roleplay.location
                )
            }
        }
        let linked = Self.linkedNodes(roleplay)
        for ending in roleplay.endings where !exploration.truncated {
            // One the plain graph cannot reach was already reported (B043 above).
            guard !exploration.endingsReached.contains(ending.id), linked.contains(ending.id) else { continue }
            // The plain graph reaches it (checked before), so conditions must rule it out.
            context.warning(
                "B043",
                "ending '\(ending.id)' of '\(roleplay.id)' is never reached: the conditions on the way to it never all hold",
                help: "check the <when> conditions on the choices and routes that lead to it",
                at: ending.location
            )
        }
        var best: [String: Int]?
        if !exploration.truncated {
            best = [:]
            for (index, assessment) in roleplay.assesses.enumerated() {
                let score = exploration.bestScores[index]
                best?[assessment.competency.id] = score
                if score < assessment.outOf {
                    context.warning(
                        "B045",
                        "in '\(roleplay.id)' the best path earns \(score) of \(assessment.outOf) '\(assessment.competency.id)' points",
                        help: "lower outOf to \(score), or add points on the good path; as it is, full marks are out of reach",
                        at: assessment.competency.location
                    )
                }
            }
        }
        context.roleplayFacts[roleplay.id] = RoleplayFacts(
            bestScores: best,
            positions: exploration.positions,
            truncated: exploration.truncated,
            playthroughs: playthroughs
        )
    }

    /// Every sample reply scores as its writer says: the criteria it names as met are met, the
    /// ones it names as missed are missed, and one marked unscored is too short to score.
    private func checkSamples(_ roleplay: Roleplay, _ context: inout LintContext) {
        for scene in roleplay.scenes {
            guard case .reply(let reply) = scene.step else { continue }
            for sample in reply.samples {
                let quoted = "\"" + (sample.text.count > 60 ? sample.text.prefix(57) + "…" : sample.text) + "\""
                if Reply.isTooShort(sample.text) != !sample.scored {
                    context.error(
                        "B054",
                        sample.scored
                            ? "the sample \(quoted) in scene '\(scene.id)' is too short to be scored (under \(Reply.minimumWords) words)"
                            : "the sample \(quoted) in scene '\(scene.id)' is marked scored=\"false\" but is long enough to be scored",
                        help: sample.scored ? "make it a full reply, or mark it scored=\"false\"" : "remove scored=\"false\", or shorten the sample",
                        at: sample.location
                    )
                    continue
                }
                guard sample.scored else { continue }
                let met = Set(reply.metCriteria(by: sample.text).map { reply.criteria[$0].id })
                let wronglyMissed = sample.meets.filter { !met.contains($0) }
                let wronglyMet = sample.misses.filter { met.contains($0) }
                guard !wronglyMissed.isEmpty || !wronglyMet.isEmpty else { continue }
                var parts: [String] = []
                if !wronglyMissed.isEmpty { parts.append("misses " + wronglyMissed.joined(separator: ", ") + ", which it should meet") }
                if !wronglyMet.isEmpty { parts.append("meets " + wronglyMet.joined(separator: ", ") + ", which it should miss") }
                context.error(
                    "B054",
                    "the sample \(quoted) in scene '\(scene.id)' " + parts.joined(separator: ", and "),
                    help: wronglyMet.isEmpty
                        ? "widen a pattern or add a keyword so such a reply counts"
                        : "add an <unless> pattern for this form, or narrow the pattern that matches it",
                    at: sample.location
                )
            }
        }
    }

    /// A model answer should show what the rubric rewards, not what it penalises.
    private func checkExamples(_ roleplay: Roleplay, _ context: inout LintContext) {
        for scene in roleplay.scenes {
            guard case .reply(let reply) = scene.step, let example = reply.example else { continue }
            let met = Set(reply.metCriteria(by: example))
            for (index, criterion) in reply.criteria.enumerated() {
                let points = criterion.scores.map(\.points).reduce(0, +)
                if met.contains(index), points < 0 {
                    context.warning(
                        "B051",
                        "the example reply in scene '\(scene.id)' meets '\(criterion.label)', which loses points",
                        help: "reword the example so it shows what a good reply looks like",
                        at: reply.location
                    )
                } else if !met.contains(index), points > 0 {
                    context.warning(
                        "B051",
                        "the example reply in scene '\(scene.id)' does not meet '\(criterion.label)'",
                        help: "reword the example, or widen the criterion's patterns so such a reply counts",
                        at: reply.location
                    )
                }
            }
        }
    }

    private func describe(_ scores: [Int], _ roleplay: Roleplay) -> String {
        guard !scores.isEmpty else { return "no scores" }
        return zip(roleplay.assesses, scores).map { "\($0.competency.id)=\($1)" }.joined(separator: ", ")
    }
}

/// The closest id by edit distance, for "did you mean" hints; nil when nothing is close.
public func nearest(_ id: String, in candidates: Set<String>) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
    let target = Array(id)
    let scored = candidates.sorted().map { ($0, distance(target, Array($0))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, id.count / 3) else { return nil }
    return best.0
}

extension CurriculumLinter {
    /// A trainee should not be able to pass by picking the longest reply. Warns when, in three
    /// quarters or more of a role-play's choice scenes (at least three), the choice that earns
    /// the most is also the longest to read.
    func checkChoiceLengths(_ roleplay: Roleplay, _ context: inout LintContext) {
        var scenes = 0, longestIsBest = 0
        for scene in roleplay.scenes {
            guard case .choices(let choices) = scene.step, choices.count > 1 else { continue }
            let points = choices.map { $0.scores.map(\.points).reduce(0, +) }
            guard let best = points.max(), points.filter({ $0 == best }).count == 1 else { continue }
            scenes += 1
            let lengths = choices.map { $0.say.plainText.count }
            let bestIndex = points.firstIndex(of: best)!
            if lengths.enumerated().allSatisfy({ $0.offset == bestIndex || $0.element < lengths[bestIndex] }) { longestIsBest += 1 }
        }
        guard scenes >= 3, longestIsBest * 4 >= scenes * 3 else { return }
        context.warning(
            "B056",
            "in \(longestIsBest) of the \(scenes) choice scenes of role-play '\(roleplay.id)', the best choice is also the longest",
            help: "a trainee could pass by length alone: make some weaker choices longer, or some best choices shorter",
            at: roleplay.location
        )
    }
}
