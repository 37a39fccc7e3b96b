import Testing
@testable import BeaconCore

@Suite struct QuestionCreditTests {
    @Test func singleChoiceNeedsAnOptionWorthFullCredit() {
        let good = question("q", .singleChoice(options: [option("a", correct: true), option("b")], shuffle: true))
        let half = question("q", .singleChoice(options: [option("a", credit: 0.5), option("b")], shuffle: true))
        #expect(good.maximumCredit == 1)
        #expect(half.maximumCredit == 0.5)
    }

    @Test func multipleResponseSharesCreditAmongRightOptions() {
        let options = [option("a", correct: true), option("b", correct: true), option("c", correct: true), option("d")]
        let credits = Question.Kind.partialCredits(options)
        #expect(credits.map { ($0 * 3).rounded() } == [1, 1, 1, -1])
        let partial = question("q", .multipleResponse(options: options, shuffle: false, scoring: .partial))
        // 1/3 + 1/3 + 1/3 must count as exactly full credit despite floating point.
        #expect(partial.maximumCredit == 1)
    }

    @Test func explicitCreditsThatFallShortCannotReachFullMarks() {
        let options = [option("a", credit: 0.3), option("b", credit: 0.3), option("c", credit: -0.5)]
        let q = question("q", .multipleResponse(options: options, shuffle: false, scoring: .partial))
        #expect(abs(q.maximumCredit - 0.6) < 1e-9)
        let allOrNothing = question("q", .multipleResponse(options: options, shuffle: false, scoring: .allOrNothing))
        #expect(allOrNothing.maximumCredit == 1)
        let noneRight = question("q", .multipleResponse(options: [option("a"), option("b")], shuffle: false, scoring: .allOrNothing))
        #expect(noneRight.maximumCredit == 0)
    }

    @Test func shortAnswerTakesTheBestAccept() {
        var answer = ShortAnswer()
        answer.accepts = [.init(text: "988", match: .exact, credit: 0.5, feedback: nil, location: here)]
        #expect(question("q", .shortAnswer(answer)).maximumCredit == 0.5)
        answer.accepts.append(.init(text: "9*8", match: .wildcard, credit: 1, feedback: nil, location: here))
        #expect(question("q", .shortAnswer(answer)).maximumCredit == 1)
    }

    @Test func bestQuizScoreUsesTheLuckiestDrawAndWeights() {
        var quiz = Quiz(id: "quiz", location: here)
        quiz.passMark = 0.8
        let full = question("full", .trueFalse(answer: true, feedbackTrue: [], feedbackFalse: []), weight: 2)
        let half = question("half", .singleChoice(options: [option("a", credit: 0.5), option("b")], shuffle: true))
        var pool = Pool(id: "pool", location: here)
        pool.draw = 1
        pool.questions = [half, question("tf", .trueFalse(answer: false, feedbackTrue: [], feedbackFalse: []))]
        quiz.sections = [.question(full), .pool(pool)]
        // The best draw takes the true/false question: (2×1 + 1×1) / 3.
        #expect(quiz.bestPossibleScore == 1)
        #expect(quiz.questionsPerAttempt == 2)
        pool.draw = 2
        quiz.sections = [.question(full), .pool(pool)]
        #expect(abs(quiz.bestPossibleScore - 3.5 / 4) < 1e-9)
    }
}
