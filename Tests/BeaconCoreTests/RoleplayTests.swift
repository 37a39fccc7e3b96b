import Testing
@testable import BeaconCore

@Suite struct RoleplayTests {
    @Test func scoresStayWithinZeroAndOutOf() {
        let rp = roleplay(assesses: [("listening", 3)], scenes: [], endings: ["end"])
        let changes = [ScoreChange(competency: ref("listening"), points: 5)]
        #expect(rp.applying(changes, to: [0]) == [3])
        #expect(rp.applying([ScoreChange(competency: ref("listening"), points: -2)], to: [1]) == [0])
        // Unassessed competencies are ignored (the linter reports them).
        #expect(rp.applying([ScoreChange(competency: ref("other"), points: 1)], to: [1]) == [1])
    }

    @Test func conditionsHideChoicesAndRoutesTakeTheFirstThatHolds() {
        let gated = choice("end", when: [when("listening", atLeast: 2)])
        let s1 = scene("s1", [choice("s2", scores: [("listening", 1)]), gated])
        let s2 = Scene(id: "s2", step: .routes([
            Route(next: ref("s1"), location: here).with(when("listening", below: 2)),
            Route(next: ref("end"), location: here),
        ]), location: here)
        let rp = roleplay(assesses: [("listening", 3)], scenes: [s1, s2], endings: ["end"])
        #expect(rp.moves(from: RoleplayPosition(node: "s1", scores: [0])).map(\.via) == [.choice(0)])
        #expect(rp.moves(from: RoleplayPosition(node: "s1", scores: [2])).map(\.via) == [.choice(0), .choice(1)])
        #expect(rp.moves(from: RoleplayPosition(node: "s2", scores: [1])).map(\.target.node) == ["s1"])
        #expect(rp.moves(from: RoleplayPosition(node: "s2", scores: [2])).map(\.target.node) == ["end"])
        #expect(rp.moves(from: RoleplayPosition(node: "end", scores: [2])).isEmpty)
    }

    @Test func replyOutcomesCoverEveryCombinationOfCriteria() {
        var reply = Reply(next: ref("end"), location: here)
        reply.criteria = [("a", 1), ("b", 2), ("c", -1)].map { id, points in
            var criterion = Criterion(id: id, label: id, location: here)
            criterion.patterns = [id]
            criterion.scores = [ScoreChange(competency: ref("x"), points: points)]
            return criterion
        }
        let rp = roleplay(assesses: [("x", 5)], scenes: [Scene(id: "s1", step: .reply(reply), location: here)], endings: ["end"])
        let reached = Set(rp.moves(from: rp.startPosition).map(\.target.scores))
        // Sums of subsets of {1, 2, -1}, kept at 0 or above: 0, 1, 2, 3.
        #expect(reached == [[0], [1], [2], [3]])
        #expect(Roleplay.criteriaCombinations(count: 12, limit: 10).count == 14)
    }

    @Test func rubricPatternsMatchAnywhereIgnoringCase() {
        var criterion = Criterion(id: "open", label: "Open question", location: here)
        criterion.patterns = [#"\b(what|how)\b"#, "tell me"]
        #expect(criterion.isMet(by: "So, WHAT happened?"))
        #expect(criterion.isMet(by: "Tell me more"))
        #expect(!criterion.isMet(by: "Did it happen?"))
        criterion.patterns = ["(unclosed"]
        #expect(!criterion.isMet(by: "(unclosed"))
        #expect(rubricPatternProblem("(unclosed") != nil)
        #expect(rubricPatternProblem(#"\byou should\b"#) == nil)
    }

    @Test func explorationFindsBestScoresAndEveryEnding() {
        let rp = roleplay(
            assesses: [("a", 4)],
            scenes: [
                scene("s1", [choice("s2", scores: [("a", 2)]), choice("s2", scores: [("a", -1)])]),
                scene("s2", [choice("good", scores: [("a", 1)]), choice("poor")]),
            ],
            endings: ["good", "poor"]
        )
        let result = rp.explore()
        #expect(!result.truncated)
        #expect(result.stuck.isEmpty && result.trapped.isEmpty)
        #expect(result.endingsReached == ["good", "poor"])
        #expect(result.bestScores == [3])
    }

    @Test func explorationFindsWhereConditionsStrandATrainee() {
        // s2 offers only a choice that needs 2 points; the path through s1's second choice earns none.
        let rp = roleplay(
            assesses: [("a", 2)],
            scenes: [
                scene("s1", [choice("s2", scores: [("a", 2)]), choice("s2")]),
                scene("s2", [choice("end", when: [when("a", atLeast: 2)])]),
            ],
            endings: ["end"]
        )
        let result = rp.explore()
        #expect(result.stuck.count == 1)
        #expect(result.stuck.first?.position == RoleplayPosition(node: "s2", scores: [0]))
        #expect(result.stuck.first?.path == ["s1", "s2"])
    }

    @Test func explorationFindsLoopsWhoseExitCanNoLongerOpen() {
        // Once the score drops to 0 in the loop, the exit (needs a ≥ 1) never opens again.
        let rp = roleplay(
            assesses: [("a", 1)],
            scenes: [
                scene("s1", [choice("loop", scores: [("a", 1)])]),
                scene("loop", [choice("loop", scores: [("a", -1)]), choice("end", when: [when("a", atLeast: 1)])]),
            ],
            endings: ["end"]
        )
        let result = rp.explore()
        #expect(result.stuck.isEmpty)
        #expect(result.trapped.map(\.position) == [RoleplayPosition(node: "loop", scores: [0])])
    }

    @Test func explorationStopsAtItsLimit() {
        let rp = roleplay(
            assesses: [("a", 1000)],
            scenes: [scene("s1", [choice("s1", scores: [("a", 1)]), choice("end")])],
            endings: ["end"]
        )
        let result = rp.explore(limit: 50)
        #expect(result.truncated)
        #expect(result.trapped.isEmpty)
    }

    @Test func randomPlaythroughsAreRepeatableFromTheSeed() {
        let rp = roleplay(
            assesses: [("a", 3)],
            scenes: [scene("s1", [choice("s1", scores: [("a", 1)]), choice("end"), choice("stuck")]),
                     scene("stuck", [choice("end", when: [when("a", atLeast: 3)])])],
            endings: ["end"]
        )
        let first = rp.playRandomly(runs: 300, seed: 42)
        #expect(first == rp.playRandomly(runs: 300, seed: 42))
        #expect(first.finished + first.stuck + first.unfinished == 300)
        #expect(first.stuck > 0 && first.finished > 0)
    }
}

extension Route {
    func with(_ condition: Condition) -> Route {
        var route = self
        route.conditions.append(condition)
        return route
    }
}
