import Testing

@testable import BeaconCore

/// ITEM-ANALYSIS.md section 5: figures published by Canvas and on the EDS point-biserial note.
@Suite struct PublishedChecksTests {
    @Test func canvasAlphaAndPopulationVarianceMatch() {
        let report = ItemAnalysis.analyse(binaryMatrix(["111", "110", "100", "100"]))
        let n = 4.0
        expectClose(report.quiz.alpha, 6.0 / 11)
        expectClose(report.quiz.alpha, 0.545, tolerance: 5e-4)
        let sampleVariance = report.quiz.sd.map { $0 * $0 }
        expectClose(sampleVariance.map { $0 * (n - 1) / n }, 0.6875)
        expectClose(sampleVariance.map { ($0 * (n - 1) / n).squareRoot() }, 0.8291562, tolerance: 5e-8)
        // KR-20 equals α for 0/1 items.
        expectClose(report.quiz.kr20, 6.0 / 11)
    }

    static let eds = [
        "1111111101", "1111111010", "1111110100", "1111101010", "1111110100",
        "1110100000", "1101010000", "1010100000", "0110000000",
    ]

    @Test func edsPointBiserialsMatchToTwoDecimals() {
        let report = ItemAnalysis.analyse(binaryMatrix(Self.eds))
        let facility = [0.89, 0.89, 0.89, 0.67, 0.78, 0.56, 0.33, 0.33, 0.22, 0.11]
        let corrected = [0.46, 0.29, 0.12, 0.73, 0.49, 0.49, 0.59, 0.46, 0.26, 0.40]
        let uncorrected = [0.56, 0.41, 0.26, 0.82, 0.62, 0.65, 0.71, 0.61, 0.42, 0.51]
        for (j, question) in report.questions.enumerated() {
            expectClose(question.facility, facility[j], tolerance: 0.005, "p of Q\(j + 1)")
            expectClose(question.pointBiserial, corrected[j], tolerance: 0.005, "corrected r of Q\(j + 1)")
            expectClose(
                question.pointBiserialUncorrected,
                uncorrected[j],
                tolerance: 0.005,
                "uncorrected r of Q\(j + 1)"
            )
            expectClose(question.discriminationIndex.map { $0 / 100 }, question.pointBiserial ?? .nan)
        }
    }
}
