import Foundation

extension ItemAnalysis {
    /// Moodle's whole-quiz statistics (its `calculator.php` formulas) plus KR-20 and KR-21.
    static func quizStatistics(_ matrix: ScoreMatrix, totals: Totals, sums: [ColumnSums]) -> QuizStatistics {
        let s = matrix.attemptCount, p = matrix.questionCount
        let n = Double(s)
        let (d2, d3, d4) = totals.centredSums
        let varies = d2 > 0
        let k2 = s > 1 ? d2 / (n - 1) : nil  // sample variance of totals
        let sd = k2.map { $0.squareRoot() }

        var skewness: Double?
        if s > 2, varies, let k2 {
            let k3 = n * d3 / ((n - 1) * (n - 2))
            skewness = k3 / pow(k2, 1.5)
        }
        var kurtosis: Double?
        if s > 3, varies, let k2 {
            let m2 = d2 / n, m4 = d4 / n
            let k4 = n * n * ((n + 1) * m4 - 3 * (n - 1) * m2 * m2) / ((n - 1) * (n - 2) * (n - 3))
            kurtosis = k4 / (k2 * k2)
        }

        var alpha: Double?
        if p > 1, varies, let k2 {
            let itemVariances = sums.reduce(0) { $0 + $1.sumSquares } / (n - 1)
            alpha = Double(p) / Double(p - 1) * (1 - itemVariances / k2)
        }
        // α ≤ 1 always holds mathematically; max(0, …) only absorbs rounding at α = 1.
        let errorFactor = alpha.map { max(0, 1 - $0).squareRoot() }

        var kr20: Double?, kr21: Double?
        if p > 1, varies, isDichotomous(matrix) {
            let populationVariance = d2 / n
            let k = Double(p)
            let pq = sums.reduce(0) { $0 + $1.mean * (1 - $1.mean) }
            kr20 = k / (k - 1) * (1 - pq / populationVariance)
            let m = totals.mean
            kr21 = k / (k - 1) * (1 - m * (k - m) / (k * populationVariance))
        }

        return QuizStatistics(
            n: s,
            mean: s > 0 ? totals.mean : nil,
            median: median(totals),
            sd: sd,
            skewness: skewness,
            kurtosis: kurtosis,
            alpha: alpha,
            sem: errorFactor.flatMap { factor in sd.map { $0 * factor } },
            errorRatio: errorFactor.map { 100 * $0 },
            kr20: kr20,
            kr21: kr21
        )
    }

    /// The mean of the two middle totals (the same one twice when the count is odd).
    private static func median(_ totals: Totals) -> Double? {
        let s = totals.count
        guard s > 0 else { return nil }
        let a = totals.values[Int(totals.order[(s - 1) / 2])], b = totals.values[Int(totals.order[s / 2])]
        return (a + b) / 2
    }

    /// KR-20 and KR-21 are defined for right/wrong questions only: every max mark 1, every mark 0 or 1.
    private static func isDichotomous(_ matrix: ScoreMatrix) -> Bool {
        matrix.maxMarks.allSatisfy { $0 == 1 } && matrix.marks.allSatisfy { $0 == 0 || $0 == 1 }
    }
}
