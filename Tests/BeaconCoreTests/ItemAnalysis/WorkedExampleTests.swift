import Testing

@testable import BeaconCore

/// ITEM-ANALYSIS.md section 4: 5 trainees × 4 one-mark items, with the exact fractions given there.
@Suite struct WorkedExampleTests {
    static func matrix() -> ScoreMatrix {
        var matrix = binaryMatrix(["1111", "1101", "1100", "1001", "0001"])
        matrix.randomGuessScores = [0.25, 0.25, 0.25, 0.5]
        let abcd = ["A", "B", "C", "D"]
        func options(key: String, _ ids: [String], chosen: [String]) -> QuestionOptions {
            QuestionOptions(options: ids.map { .init(id: $0, isKey: $0 == key) }, chosen: chosen.map { [$0] })
        }
        matrix.setOptions(options(key: "B", abcd, chosen: ["B", "B", "B", "B", "D"]), forQuestion: 0)
        matrix.setOptions(options(key: "C", abcd, chosen: ["C", "C", "C", "A", "A"]), forQuestion: 1)
        matrix.setOptions(options(key: "A", abcd, chosen: ["A", "D", "D", "C", "D"]), forQuestion: 2)
        matrix.setOptions(
            options(key: "True", ["True", "False"], chosen: ["True", "True", "False", "True", "True"]),
            forQuestion: 3
        )
        return matrix
    }

    let report = ItemAnalysis.analyse(Self.matrix())

    @Test func moodlePerQuestionFiguresMatch() {
        let q = report.questions
        #expect(q.map(\.id) == ["Q1", "Q2", "Q3", "Q4"])
        #expect(q.allSatisfy { $0.n == 5 })
        for (question, facility) in zip(q, [4.0 / 5, 3.0 / 5, 1.0 / 5, 4.0 / 5]) {
            expectClose(question.facility, facility)
        }
        for (question, variance) in zip(q, [1.0 / 5, 3.0 / 10, 1.0 / 5, 1.0 / 5]) {
            expectClose(question.sd, variance.squareRoot())
        }
        for (question, guess) in zip(q, [25.0, 25, 25, 50]) { expectClose(question.randomGuessScore, guess) }
        for question in q { expectClose(question.intendedWeight, 25) }

        let covariances = [7.0 / 20, 9.0 / 20, 2.0 / 5, 1.0 / 10]
        let denominator = covariances.reduce(0) { $0 + $1.squareRoot() }
        for (question, covariance) in zip(q, covariances) {
            expectClose(question.effectiveWeight, 100 * covariance.squareRoot() / denominator)
            #expect(question.negativeCovariance == false)
        }
        expectClose(q[0].effectiveWeight, 26.7561, tolerance: 5e-5)
        expectClose(q[3].effectiveWeight, 14.3018, tolerance: 5e-5)

        let indices = [3.0 / 8, 0.15 / 0.21.squareRoot(), 0.2 / 0.14.squareRoot(), -0.1 / 0.26.squareRoot()]
        for (question, index) in zip(q, indices) {
            expectClose(question.discriminationIndex, 100 * index)
            expectClose(question.pointBiserial, index)
        }
        for (question, efficiency) in zip(q, [1.0, 3.0 / 8, 1, -1.0 / 4]) {
            expectClose(question.discriminativeEfficiency, 100 * efficiency)
        }
    }

    @Test func moodleQuizFiguresMatch() {
        let quiz = report.quiz
        #expect(quiz.n == 5)
        expectClose(quiz.mean, 2.4)
        expectClose(quiz.median, 2)
        expectClose(quiz.sd, 1.3.squareRoot())
        expectClose(quiz.skewness, 0.6 / pow15(1.3))
        expectClose(quiz.kurtosis, -0.3 / 1.69)
        expectClose(quiz.alpha, 16.0 / 39)
        expectClose(quiz.errorRatio, 100 * (23.0 / 39).squareRoot())
        expectClose(quiz.sem, 1.3.squareRoot() * (23.0 / 39).squareRoot())
        // The document's rounded figures.
        expectClose(quiz.skewness, 0.404796, tolerance: 5e-7)
        expectClose(quiz.kurtosis, -0.177515, tolerance: 5e-7)
        expectClose(quiz.alpha.map { 100 * $0 }, 41.025641, tolerance: 5e-7)
        expectClose(quiz.errorRatio, 76.794765, tolerance: 5e-7)
        expectClose(quiz.sem, 0.875595, tolerance: 5e-7)
    }

    @Test func classicalTestTheoryFiguresMatch() {
        let q = report.questions
        // Uncorrected r_pb = Cov(x, T) / √(Var x · Var T), sample variances (the convention cancels).
        let uncorrected = [
            0.35 / 0.26.squareRoot(), 0.45 / 0.39.squareRoot(), 0.4 / 0.26.squareRoot(), 0.1 / 0.26.squareRoot(),
        ]
        for (question, r) in zip(q, uncorrected) { expectClose(question.pointBiserialUncorrected, r) }
        for (question, r) in zip(q, [0.6864, 0.7206, 0.7845, 0.1961]) {
            expectClose(question.pointBiserialUncorrected, r, tolerance: 5e-5)
        }
        for (question, d) in zip(q, [1.0, 1, 1, 0]) { expectClose(question.upperLower27, d) }
        expectClose(report.quiz.kr20, 16.0 / 39)
        expectClose(report.quiz.kr21, 4.0 / 39)
    }

    @Test func distractorTableMatches() throws {
        struct Row {
            var id: String, key: Bool, count: Int, upper: Int, lower: Int, meanTotal: Double?, r: Double?
        }
        let r1 = 0.35 / 0.26.squareRoot(), r2 = 0.45 / 0.39.squareRoot(), r3 = 0.4 / 0.26.squareRoot()
        let r4 = 0.1 / 0.26.squareRoot()
        let expected: [[Row]] = [
            [
                Row(id: "A", key: false, count: 0, upper: 0, lower: 0, meanTotal: nil, r: nil),
                Row(id: "B", key: true, count: 4, upper: 1, lower: 0, meanTotal: 2.75, r: r1),
                Row(id: "C", key: false, count: 0, upper: 0, lower: 0, meanTotal: nil, r: nil),
                Row(id: "D", key: false, count: 1, upper: 0, lower: 1, meanTotal: 1, r: -r1),
            ],
            [
                Row(id: "A", key: false, count: 2, upper: 0, lower: 1, meanTotal: 1.5, r: -r2),
                Row(id: "B", key: false, count: 0, upper: 0, lower: 0, meanTotal: nil, r: nil),
                Row(id: "C", key: true, count: 3, upper: 1, lower: 0, meanTotal: 3, r: r2),
                Row(id: "D", key: false, count: 0, upper: 0, lower: 0, meanTotal: nil, r: nil),
            ],
            [
                Row(id: "A", key: true, count: 1, upper: 1, lower: 0, meanTotal: 4, r: r3),
                Row(id: "B", key: false, count: 0, upper: 0, lower: 0, meanTotal: nil, r: nil),
                // Population covariance / √(p q σ²): chosen by T4 (total 2) only; by T2, T3, T5.
                Row(
                    id: "C",
                    key: false,
                    count: 1,
                    upper: 0,
                    lower: 0,
                    meanTotal: 2,
                    r: -0.08 / (0.16 * 1.04).squareRoot()
                ),
                Row(
                    id: "D",
                    key: false,
                    count: 3,
                    upper: 0,
                    lower: 1,
                    meanTotal: 2,
                    r: -0.24 / (0.24 * 1.04).squareRoot()
                ),
            ],
            [
                Row(id: "True", key: true, count: 4, upper: 1, lower: 1, meanTotal: 2.5, r: r4),
                Row(id: "False", key: false, count: 1, upper: 0, lower: 0, meanTotal: 2, r: -r4),
            ],
        ]
        let published: [[Double?]] = [
            [nil, 0.6864, nil, -0.6864], [-0.7206, nil, 0.7206, nil], [0.7845, nil, -0.1961, -0.4804],
            [0.1961, -0.1961],
        ]
        for (j, rows) in expected.enumerated() {
            let options = try #require(report.questions[j].options)
            #expect(options.map(\.id) == rows.map(\.id))
            for (k, (option, row)) in zip(options, rows).enumerated() {
                #expect(option.key == row.key)
                #expect(option.count == row.count)
                expectClose(option.proportion, Double(row.count) / 5)
                #expect(option.upper == row.upper, "Q\(j + 1) \(row.id) upper")
                #expect(option.lower == row.lower, "Q\(j + 1) \(row.id) lower")
                if let meanTotal = row.meanTotal {
                    expectClose(option.meanTotal, meanTotal)
                } else {
                    #expect(option.meanTotal == nil)
                }
                if let r = row.r {
                    expectClose(option.pointBiserial, r)
                    expectClose(option.pointBiserial, published[j][k]!, tolerance: 5e-5)
                } else {
                    #expect(option.pointBiserial == nil)
                }
            }
        }
    }

    @Test func warningsNameTheSmallCohortTheNegativeItemAndUnusedDistractors() {
        #expect(
            report.warnings == [
                "only 5 attempts: treat these figures as indicative",
                "Q1: option A was chosen by nobody (a non-functional distractor)",
                "Q1: option C was chosen by nobody (a non-functional distractor)",
                "Q2: option B was chosen by nobody (a non-functional distractor)",
                "Q2: option D was chosen by nobody (a non-functional distractor)",
                "Q3: option B was chosen by nobody (a non-functional distractor)",
                "Q4: negative discrimination index: check the key and the wording",
            ]
        )
    }
}

private func pow15(_ x: Double) -> Double { x * x.squareRoot() }
