extension ItemAnalysis {
    /// Moodle's per-question statistics plus point-biserials and the upper–lower 27 % index.
    static func questionStatistics(
        _ matrix: ScoreMatrix,
        totals: Totals,
        sums: [ColumnSums]
    ) -> [QuestionStatistics] {
        let s = matrix.attemptCount
        let n = Double(s)
        let sumOfMaxMarks = matrix.maxMarks.reduce(0, +)
        let covariancesWithTotal = sums.map { s > 1 ? $0.crossTotal / (n - 1) : 0 }
        // Moodle sums √Cov over the questions whose covariance with the total is not negative.
        let weightDenominator = covariancesWithTotal.filter { $0 >= 0 }.reduce(0) { $0 + $1.squareRoot() }
        let totalsVary = totals.centredSums.d2 > 0
        let groupSize = Double(totals.groupSize)

        return matrix.questionIDs.indices.map { j in
            let column = sums[j], maxMark = matrix.maxMarks[j]
            let covariance = covariancesWithTotal[j]
            let enough = s > 1
            let varies = enough && column.sumSquares > 0
            let restVaries = enough && column.restSumSquares > 0
            let correlation =
                varies && restVaries
                ? column.crossRest / (column.sumSquares * column.restSumSquares).squareRoot() : nil
            return QuestionStatistics(
                id: matrix.questionIDs[j],
                n: s,
                facility: s > 0 && maxMark > 0 ? column.mean / maxMark : nil,
                sd: enough ? (column.sumSquares / (n - 1)).squareRoot() : nil,
                randomGuessScore: matrix.randomGuessScores[j].map { 100 * $0 },
                intendedWeight: sumOfMaxMarks > 0 ? 100 * maxMark / sumOfMaxMarks : nil,
                effectiveWeight: enough && covariance >= 0 && weightDenominator > 0
                    ? 100 * covariance.squareRoot() / weightDenominator : nil,
                negativeCovariance: enough && covariance < 0,
                discriminationIndex: correlation.map { 100 * $0 },
                discriminativeEfficiency: enough && column.crossMax > 0
                    ? 100 * column.crossRest / column.crossMax : nil,
                pointBiserial: correlation,
                pointBiserialUncorrected: varies && totalsVary
                    ? column.crossTotal / (column.sumSquares * totals.centredSums.d2).squareRoot() : nil,
                upperLower27: enough && maxMark > 0
                    ? (column.upperSum / groupSize - column.lowerSum / groupSize) / maxMark : nil,
                options: matrix.options[j].map { optionStatistics($0, totals: totals) }
            )
        }
    }
}
