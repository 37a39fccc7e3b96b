import Testing

@testable import BeaconCore

/// Expects `actual` to be present and within `tolerance` of `expected`.
func expectClose(
    _ actual: Double?,
    _ expected: Double,
    tolerance: Double = 1e-9,
    _ comment: Comment? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    guard let actual else {
        Issue.record("expected \(expected), got nil. \(comment?.description ?? "")", sourceLocation: sourceLocation)
        return
    }
    #expect(
        abs(actual - expected) <= tolerance,
        "\(actual) vs \(expected). \(comment?.description ?? "")",
        sourceLocation: sourceLocation
    )
}

/// A 0/1 matrix from strings such as "1101", one per attempt.
func binaryMatrix(_ rows: [String]) -> ScoreMatrix {
    let marks = rows.map { $0.map { $0 == "1" ? 1.0 : 0.0 } }
    return ScoreMatrix(
        attemptIDs: rows.indices.map { "S\($0 + 1)" },
        questionIDs: marks[0].indices.map { "Q\($0 + 1)" },
        rows: marks
    )
}

/// Every figure of a report, to check that none is NaN or infinite.
func allFigures(_ report: ItemAnalysisReport) -> [Double?] {
    let quiz = report.quiz
    var figures: [Double?] = [
        quiz.mean, quiz.median, quiz.sd, quiz.skewness, quiz.kurtosis, quiz.alpha, quiz.sem, quiz.errorRatio,
        quiz.kr20, quiz.kr21,
    ]
    for question in report.questions {
        figures += [
            question.facility, question.sd, question.randomGuessScore, question.intendedWeight,
            question.effectiveWeight, question.discriminationIndex, question.discriminativeEfficiency,
            question.pointBiserial, question.pointBiserialUncorrected, question.upperLower27,
        ]
        for option in question.options ?? [] { figures += [option.proportion, option.meanTotal, option.pointBiserial] }
    }
    return figures
}
