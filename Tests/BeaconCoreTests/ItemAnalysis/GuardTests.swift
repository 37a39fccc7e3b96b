import Foundation
import Testing

@testable import BeaconCore

/// Undefined figures are nil (JSON null), never NaN or infinity.
@Suite struct GuardTests {
    @Test func oneAttemptGivesNullsNotNaN() throws {
        let report = ItemAnalysis.analyse(binaryMatrix(["101"]))
        let quiz = report.quiz
        #expect(quiz.n == 1)
        #expect(quiz.mean == 2)
        #expect(quiz.median == 2)
        for figure in [
            quiz.sd, quiz.skewness, quiz.kurtosis, quiz.alpha, quiz.sem, quiz.errorRatio, quiz.kr20, quiz.kr21,
        ] {
            #expect(figure == nil)
        }
        for question in report.questions {
            #expect(question.sd == nil)
            #expect(question.effectiveWeight == nil)
            #expect(question.negativeCovariance == false)
            #expect(question.discriminationIndex == nil)
            #expect(question.discriminativeEfficiency == nil)
            #expect(question.pointBiserial == nil)
            #expect(question.pointBiserialUncorrected == nil)
            #expect(question.upperLower27 == nil)
        }
        #expect(report.questions.map(\.facility) == [1, 0, 1])
        #expect(report.warnings == ["only 1 attempt: statistics need at least 2, so most figures are null"])
        #expect(allFigures(report).allSatisfy { $0?.isFinite ?? true })
        _ = try JSONEncoder().encode(report)  // would throw on NaN or infinity
    }

    @Test func noAttemptsGivesNullsNotACrash() {
        let matrix = ScoreMatrix(attemptIDs: [], questionIDs: ["Q1", "Q2"], maxMarks: [1, 1], marks: [])
        let report = ItemAnalysis.analyse(matrix)
        #expect(report.quiz.n == 0)
        #expect(report.quiz.mean == nil && report.quiz.median == nil)
        #expect(report.questions.allSatisfy { $0.facility == nil && $0.sd == nil })
        #expect(allFigures(report).allSatisfy { $0?.isFinite ?? true })
        #expect(report.warnings == ["no attempts: there is nothing to analyse"])
    }

    @Test func aQuestionEveryoneGotRightCannotDiscriminate() throws {
        let report = ItemAnalysis.analyse(binaryMatrix(["11", "10", "10", "11", "10"]))
        let easy = report.questions[0]
        #expect(easy.facility == 1)
        #expect(easy.sd == 0)
        #expect(easy.discriminationIndex == nil)
        #expect(easy.discriminativeEfficiency == nil)
        #expect(easy.pointBiserial == nil)
        #expect(easy.pointBiserialUncorrected == nil)
        #expect(easy.upperLower27 == 0)
        // Cov(x, T) = 0 exactly: a zero weight, not a negative covariance.
        #expect(easy.effectiveWeight == 0)
        #expect(easy.negativeCovariance == false)
        #expect(report.warnings.contains("Q1: every attempt has the same mark, so this question cannot discriminate"))
        #expect(allFigures(report).allSatisfy { $0?.isFinite ?? true })
    }

    @Test func aConstantColumnOfAwkwardValuesStaysExactlyConstant() {
        // 0.1 summed 7 times and divided by 7 is not 0.1: without the constancy check the
        // "variance" would be rounding dust and the ratios garbage.
        let rows = (0..<7).map { [0.1, Double($0 % 2)] }
        let matrix = ScoreMatrix(attemptIDs: rows.indices.map { "a\($0)" }, questionIDs: ["Q1", "Q2"], rows: rows)
        let question = ItemAnalysis.analyse(matrix).questions[0]
        #expect(question.sd == 0)
        #expect(question.discriminationIndex == nil)
        #expect(question.discriminativeEfficiency == nil)
        #expect(question.effectiveWeight == 0)
    }

    @Test func equalTotalsLeaveAlphaAndSkewnessNull() {
        let report = ItemAnalysis.analyse(binaryMatrix(["10", "01", "10", "01"]))
        #expect(report.quiz.sd == 0)
        #expect(report.quiz.alpha == nil && report.quiz.sem == nil && report.quiz.errorRatio == nil)
        #expect(report.quiz.skewness == nil && report.quiz.kurtosis == nil)
        #expect(report.quiz.kr20 == nil && report.quiz.kr21 == nil)
        #expect(report.questions.allSatisfy { $0.pointBiserialUncorrected == nil })
        // Rest scores vary (they are 1 − x): perfectly negative discrimination.
        expectClose(report.questions[0].discriminationIndex, -100)
        #expect(report.questions[0].negativeCovariance == false)  // Cov(x, T) = 0 since T is constant
    }

    @Test func skewnessNeedsThreeAttemptsAndKurtosisFour() {
        let two = ItemAnalysis.analyse(binaryMatrix(["11", "10"])).quiz
        #expect(two.sd != nil && two.skewness == nil && two.kurtosis == nil)
        let three = ItemAnalysis.analyse(binaryMatrix(["11", "10", "00"])).quiz
        #expect(three.skewness != nil && three.kurtosis == nil)
        let four = ItemAnalysis.analyse(binaryMatrix(["11", "10", "00", "10"])).quiz
        #expect(four.kurtosis != nil)
    }

    @Test func oneQuestionHasNoAlphaAndNoRestScore() {
        let report = ItemAnalysis.analyse(binaryMatrix(["1", "0", "1"]))
        #expect(report.quiz.alpha == nil && report.quiz.kr20 == nil)
        #expect(report.questions[0].discriminationIndex == nil)
        #expect(report.questions[0].discriminativeEfficiency == nil)
        expectClose(report.questions[0].pointBiserialUncorrected, 1)
        expectClose(report.questions[0].effectiveWeight, 100)
    }

    @Test func partialCreditTurnsOffKR20AndScalesTheGroupsByMaxMark() {
        let rows: [[Double]] = [[2, 1], [1.5, 1], [1, 0], [0.5, 1], [0, 0]]
        let matrix = ScoreMatrix(
            attemptIDs: ["a", "b", "c", "d", "e"],
            questionIDs: ["Q1", "Q2"],
            maxMarks: [2, 1],
            rows: rows
        )
        let report = ItemAnalysis.analyse(matrix)
        #expect(report.quiz.kr20 == nil && report.quiz.kr21 == nil)
        #expect(report.quiz.alpha != nil)
        expectClose(report.questions[0].facility, 0.5)
        expectClose(report.questions[0].intendedWeight, 200.0 / 3)
        // Totals 3, 2.5, 1, 1.5, 0: n_g = 1, upper a (2 of 2), lower e (0 of 2).
        expectClose(report.questions[0].upperLower27, 1)
    }

    @Test func aZeroMaxMarkGivesNullFacility() {
        let matrix = ScoreMatrix(
            attemptIDs: ["a", "b"],
            questionIDs: ["Q1", "Q2"],
            maxMarks: [0, 1],
            rows: [[0, 1], [0, 0]]
        )
        let report = ItemAnalysis.analyse(matrix)
        #expect(report.questions[0].facility == nil)
        #expect(report.questions[0].upperLower27 == nil)
        #expect(report.warnings.contains("Q1: the maximum mark is 0, so facility and the 27 % groups are undefined"))
    }

    @Test func upperAndLowerGroupsBreakTiesByInputOrder() {
        // N = 10 → n_g = round-half-up(2.7) = 3. Totals: a 2, b 1, c 1, d 1, e 1, f 1, g 1, h 1, i 1, j 0.
        // Upper = a, b, c (earlier rows win the tie); lower = the last three by rank: h, i, j.
        let q1: [Double] = [1, 1, 1, 0, 0, 0, 0, 1, 0, 0]
        let q2: [Double] = [1, 0, 0, 1, 1, 1, 1, 0, 1, 0]
        let matrix = ScoreMatrix(
            attemptIDs: (0..<10).map { "\($0)" },
            questionIDs: ["Q1", "Q2"],
            rows: zip(q1, q2).map { [$0, $1] }
        )
        let report = ItemAnalysis.analyse(matrix)
        expectClose(report.questions[0].upperLower27, 1.0 - 1.0 / 3)
        expectClose(report.questions[1].upperLower27, 1.0 / 3 - 1.0 / 3)
    }

    @Test(arguments: [(1, 1), (2, 1), (4, 1), (5, 1), (6, 2), (50, 14), (150, 41), (100_000, 27_000)])
    func groupSizeRoundsHalfUp(attempts: Int, expected: Int) {
        let matrix = ScoreMatrix(
            attemptIDs: (0..<attempts).map { "\($0)" },
            questionIDs: ["Q"],
            maxMarks: [1],
            marks: (0..<attempts).map { Double($0 % 2) }
        )
        #expect(Totals(matrix).groupSize == expected)
    }

    @Test func unknownChosenOptionsAreIgnoredWithAWarning() {
        var matrix = binaryMatrix(["1", "0"])
        matrix.setOptions(
            QuestionOptions(
                options: [.init(id: "A", isKey: true), .init(id: "B", isKey: false)],
                chosen: [["A"], ["Z"]]
            ),
            forQuestion: 0
        )
        let report = ItemAnalysis.analyse(matrix)
        #expect(report.questions[0].options?.map(\.count) == [1, 0])
        #expect(report.warnings.contains("Q1: 1 chosen option id is not among its options and was ignored"))
    }
}
