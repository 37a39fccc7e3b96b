import Testing
@testable import BeaconCore

@Suite struct ScoringTests {
    let options = [option("a", correct: true), option("b", correct: true), option("c"), option("d")]

    @Test func singleChoiceEarnsTheChosenOptionsCredit() throws {
        var half = option("c", credit: 0.5)
        half.feedback = "close"
        let q = question("q", .singleChoice(options: [option("a", correct: true), option("b"), half], shuffle: true))
        #expect(q.score(.choice("a"))?.credit == 1)
        #expect(q.score(.choice("b"))?.credit == 0)
        #expect(q.score(.choice("c")) == ScoredResponse(credit: 0.5, feedback: ["close"]))
        #expect(q.score(.choice("z")) == nil)
        #expect(q.score(.truth(true)) == nil)
    }

    @Test(arguments: [
        (["a", "b"], 1.0), (["a"], 0.5), (["a", "c"], 0.0), (["a", "b", "c"], 0.5), ([], 0.0), (["c", "d"], 0.0),
    ])
    func multipleResponsePartialCreditIsKeptBetweenZeroAndOne(chosen: [String], credit: Double) {
        let q = question("q", .multipleResponse(options: options, shuffle: false, scoring: .partial))
        #expect(q.score(.choices(chosen))?.credit == credit)
    }

    @Test func multipleResponseAllOrNothingNeedsExactlyTheRightSet() {
        let q = question("q", .multipleResponse(options: options, shuffle: false, scoring: .allOrNothing))
        #expect(q.score(.choices(["b", "a"]))?.credit == 1)
        #expect(q.score(.choices(["a"]))?.credit == 0)
        #expect(q.score(.choices(["a", "b", "c"]))?.credit == 0)
    }

    @Test func shortAnswerNormalisesThenTriesAcceptsInOrder() {
        var answer = ShortAnswer()
        answer.whitespace = .normalize
        answer.accepts = [
            .init(text: "Open  Questions", match: .exact, credit: 1, feedback: "yes", location: here),
            .init(text: "open*", match: .wildcard, credit: 0.5, feedback: nil, location: here),
            .init(text: "9-?8-?8", match: .regex, credit: 0.25, feedback: nil, location: here),
        ]
        let q = question("q", .shortAnswer(answer))
        #expect(q.score(.text("  open   questions "))?.credit == 1)
        #expect(q.score(.text("open doors"))?.credit == 0.5)
        #expect(q.score(.text("9-88"))?.credit == 0.25)
        #expect(q.score(.text("x9-88"))?.credit == 0, "regex must match the whole answer")
        #expect(q.score(.text("opened?"))?.credit == 0.5, "* is the only wildcard; ? is literal")
        answer.caseSensitive = true
        // Case now matters: the exact accept fails, the lower-case wildcard still matches.
        #expect(question("q", .shortAnswer(answer)).score(.text("open questions"))?.credit == 0.5)
        #expect(question("q", .shortAnswer(answer)).score(.text("Open Questions"))?.credit == 1)
        answer.whitespace = .ignore
        answer.caseSensitive = false
        answer.accepts = [.init(text: "988", match: .exact, credit: 1, feedback: nil, location: here)]
        #expect(question("q", .shortAnswer(answer)).score(.text(" 9 8 8 "))?.credit == 1)
    }

    @Test func accentsAreFoldedWithCaseAndKeptWhenCaseMatters() {
        var answer = ShortAnswer()
        answer.accepts = [
            .init(text: "Reflexión", match: .exact, credit: 1, feedback: nil, location: here),
            .init(text: "escucha (activa|atenta)", match: .regex, credit: 0.5, feedback: nil, location: here),
        ]
        #expect(question("q", .shortAnswer(answer)).score(.text("reflexion"))?.credit == 1, "typed without the accent")
        #expect(question("q", .shortAnswer(answer)).score(.text("REFLEXIÓN"))?.credit == 1)
        #expect(question("q", .shortAnswer(answer)).score(.text("Escucha átenta"))?.credit == 0.5)
        #expect(question("q", .shortAnswer(answer)).score(.text("reflexiones"))?.credit == 0)
        answer.caseSensitive = true
        #expect(question("q", .shortAnswer(answer)).score(.text("Reflexion"))?.credit == 0, "a case-sensitive answer keeps its accents too")
        #expect(question("q", .shortAnswer(answer)).score(.text("Reflexión"))?.credit == 1)
    }

    @Test func orderingAndMatchingGivePartialOrFullCredit() {
        let ordering = question("q", .ordering(items: ["a", "b", "c", "d"], scoring: .partial))
        #expect(ordering.score(.order([0, 1, 2, 3]))?.credit == 1)
        #expect(ordering.score(.order([0, 1, 3, 2]))?.credit == 0.5)
        #expect(ordering.score(.order([0, 1, 1, 2])) == nil)
        let strict = question("q", .ordering(items: ["a", "b", "c"], scoring: .allOrNothing))
        #expect(strict.score(.order([0, 2, 1]))?.credit == 0)
        let pairs = [MatchPair(left: "1", right: "one"), MatchPair(left: "2", right: "two")]
        let matching = question("q", .matching(pairs: pairs, distractors: ["three"], scoring: .partial))
        #expect(matching.score(.matches(["one", "two"]))?.credit == 1)
        #expect(matching.score(.matches(["one", "three"]))?.credit == 0.5)
        #expect(matching.score(.matches(["one"])) == nil)
    }
}

@Suite struct QuizSessionTests {
    func quiz(shuffle: Bool = true) -> Quiz {
        var quiz = Quiz(id: "quiz", location: here)
        quiz.passMark = 0.75
        quiz.shuffle = shuffle
        var pool = Pool(id: "pool", location: here)
        pool.draw = 2
        pool.questions = (1...5).map { question("p\($0)", .trueFalse(answer: true, feedbackTrue: [], feedbackFalse: [])) }
        quiz.sections = [
            .question(question("single", .singleChoice(options: [option("a", correct: true), option("b"), option("c")], shuffle: true))),
            .pool(pool),
            .question(question("order", .ordering(items: ["x", "y", "z"], scoring: .partial), weight: 2)),
        ]
        return quiz
    }

    @Test func theSeedDecidesTheDrawAndTheOrderAndNothingElseDoes() {
        let a = QuizSession(quiz: quiz(), seed: 7), b = QuizSession(quiz: quiz(), seed: 7)
        #expect(a == b)
        #expect(a.questionIds.count == 4)
        #expect(Set(a.questionIds).isSuperset(of: ["single", "order"]))
        #expect(a.questionIds.filter { $0.hasPrefix("p") }.count == 2)
        let draws = Set((0..<40).map { QuizSession(quiz: quiz(), seed: $0).questionIds })
        #expect(draws.count > 5, "different seeds draw and order differently")
        // The ordering question never starts in the right order.
        for seed in 0..<50 { #expect(QuizSession(quiz: quiz(), seed: UInt64(seed)).displayOrders["order"] != [0, 1, 2]) }
    }

    @Test func answeringScoresAndFinishes() throws {
        let quiz = quiz(shuffle: false)
        var session = QuizSession(quiz: quiz, seed: 1)
        #expect(session.currentQuestionId == "single")
        try session.answer(.choice("a"), to: "single", in: quiz)
        #expect(throws: QuizSession.Problem.alreadyAnswered("single")) { try session.answer(.choice("b"), to: "single", in: quiz) }
        #expect(throws: QuizSession.Problem.wrongKindOfResponse("order")) { try session.answer(.truth(true), to: "order", in: quiz) }
        #expect(throws: QuizSession.Problem.notInThisAttempt("nope")) { try session.answer(.truth(true), to: "nope", in: quiz) }
        for id in session.questionIds where id.hasPrefix("p") { try session.answer(.truth(true), to: id, in: quiz) }
        #expect(session.currentNumber == 4)
        #expect(!session.isFinished && !session.passed(in: quiz))
        try session.answer(.order([0, 2, 1]), to: "order", in: quiz)
        // (1 + 1 + 1 + 2 × 1/3) / 5 = 0.7333 < 0.75
        #expect(session.isFinished)
        #expect(abs(session.score(in: quiz) - 11.0 / 15.0) < 1e-9)
        #expect(!session.passed(in: quiz))
    }

    @Test func attemptsLeftCountsDown() {
        var quiz = quiz()
        #expect(quiz.attemptsLeft(afterFinishing: 5) == nil)
        quiz.attempts = 3
        #expect(quiz.attemptsLeft(afterFinishing: 1) == 2)
        #expect(quiz.attemptsLeft(afterFinishing: 4) == 0)
    }
}

@Suite struct RoleplaySessionTests {
    func roleplay() -> Roleplay {
        var reply = Reply(next: ref("check"), location: here)
        reply.criteria = [("open", #"\bwhat\b"#, 2), ("advice", "you should", -1)].map { id, pattern, points in
            var criterion = Criterion(id: id, label: id, location: here)
            criterion.patterns = [pattern]
            criterion.scores = [ScoreChange(competency: ref("listening"), points: points)]
            criterion.ifMet = [.text("\(id) met")]
            criterion.ifMissed = [.text("\(id) missed")]
            return criterion
        }
        var routes = [Route(next: ref("good"), location: here), Route(next: ref("poor"), location: here)]
        routes[0].conditions = [when("listening", atLeast: 3)]
        return BeaconCoreTests.roleplay(
            assesses: [("listening", 4)],
            scenes: [
                scene("s1", [choice("talk", scores: [("listening", 1)]), choice("poor"), choice("good", when: [when("listening", atLeast: 1)])]),
                Scene(id: "talk", step: .reply(reply), location: here),
                Scene(id: "check", step: .routes(routes), location: here),
            ],
            endings: ["good", "poor"]
        )
    }

    @Test func choicesRepliesAndRoutesMoveTheRunOn() throws {
        let rp = roleplay()
        var run = RoleplaySession(roleplay: rp)
        #expect(run.offeredChoices(in: rp).map(\.index) == [0, 1])
        #expect(throws: RoleplaySession.Problem.choiceNotOffered(2)) { try run.choose(2, in: rp) }
        try run.choose(0, in: rp)
        #expect(run.sceneId == "talk" && run.position.scores == [1])
        #expect(throws: RoleplaySession.Problem.notAChoiceHere) { try run.choose(0, in: rp) }
        let outcome = try run.reply("So what happened? You should rest.", in: rp)
        #expect(outcome.feedback == [[.text("open met")], [.text("advice met")]])
        // 1 + 2 - 1 = 2: below 3, so the route goes to the poor ending.
        #expect(run.position == RoleplayPosition(node: "poor", scores: [2]))
        #expect(run.ending(in: rp)?.id == "poor")
        #expect(run.steps.map(\.move) == [.choice(0), .reply(met: [0, 1]), .route(1)])
        #expect(throws: RoleplaySession.Problem.finished) { try run.choose(0, in: rp) }
    }

    @Test func replayingStoredMovesRebuildsTheSameRun() throws {
        let rp = roleplay()
        var original = RoleplaySession(roleplay: rp)
        try original.choose(0, in: rp)
        try original.reply("what is going on for you?", in: rp)
        var replayed = RoleplaySession(roleplay: rp)
        for step in original.steps { try replayed.replay(step.move, in: rp) }
        #expect(replayed == original)
        #expect(replayed.ending(in: rp)?.id == "good")
        #expect(replayed.competencyShares(in: rp).map(\.points) == [3])
    }
}
