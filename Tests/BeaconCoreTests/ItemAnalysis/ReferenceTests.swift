import Testing

@testable import BeaconCore

/// The engine against a deliberately naive implementation of the same definitions (columns as
/// arrays, `sorted()`, a comparison sort for the groups), on random partial-credit data with
/// many ties, large enough for the parallel path.
@Suite struct ReferenceTests {
    static func randomMatrix(attempts: Int, questions: Int, seed: UInt64, continuous: Bool = false) -> ScoreMatrix {
        var random = SplitMix(seed: seed)
        let maxMarks = (0..<questions).map { $0 % 4 == 3 ? 2.0 : 1.0 }
        let ability = (0..<attempts).map { _ in Double(random.next() % 1000) / 1000 }
        var marks: [Double] = []
        for i in 0..<attempts {
            for j in 0..<questions {
                let chance = min(1, max(0, ability[i] + Double(j % 7) / 10 - 0.3))
                let roll = Double(random.next() % 1000) / 1000
                if continuous {
                    // Many distinct values: exercises the radix-sort path of the largest covariance.
                    marks.append(
                        min(maxMarks[j], Double(random.next() % 1_000_000) / 1_000_000 * maxMarks[j] * (0.5 + chance))
                    )
                } else if maxMarks[j] == 2 {
                    marks.append(Double(Int(chance * 4 + roll) % 5) / 2)
                } else {
                    marks.append(roll < chance ? 1 : 0)
                }
            }
        }
        // One question everyone gets right, one that rewards weak trainees.
        for i in 0..<attempts { marks[i * questions] = 1 }
        for i in 0..<attempts { marks[i * questions + 1] = ability[i] < 0.5 ? 1 : 0 }
        return ScoreMatrix(
            attemptIDs: (0..<attempts).map { "a\($0)" },
            questionIDs: (0..<questions).map { "Q\($0)" },
            maxMarks: maxMarks,
            marks: marks
        )
    }

    @Test(arguments: [(37, 6, 1 as UInt64, false), (2600, 100, 2, false), (3000, 70, 3, true)])
    func engineMatchesANaiveImplementation(attempts: Int, questions: Int, seed: UInt64, continuous: Bool) {
        let matrix = Self.randomMatrix(attempts: attempts, questions: questions, seed: seed, continuous: continuous)
        let report = ItemAnalysis.analyse(matrix)
        #expect(ItemAnalysis.analyse(matrix) == report, "deterministic")
        let s = matrix.attemptCount, q = matrix.questionCount, n = Double(s)
        let columns = (0..<q).map { j in (0..<s).map { matrix[$0, j] } }
        let totals = (0..<s).map { i in (0..<q).reduce(0.0) { $0 + matrix[i, $1] } }
        func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }
        func cov(_ a: [Double], _ b: [Double]) -> Double {
            let ma = mean(a), mb = mean(b)
            return zip(a, b).reduce(0) { $0 + ($1.0 - ma) * ($1.1 - mb) } / (n - 1)
        }
        let order = (0..<s).sorted { totals[$0] != totals[$1] ? totals[$0] > totals[$1] : $0 < $1 }
        let ng = max(1, Int((0.27 * n + 0.5).rounded(.down)))
        let covT = columns.map { cov($0, totals) }
        let weightSum = covT.filter { $0 >= 0 }.reduce(0) { $0 + $1.squareRoot() }
        for j in 0..<q {
            let x = columns[j], y = zip(totals, x).map { $0 - $1 }
            let question = report.questions[j]
            expectClose(question.facility, mean(x) / matrix.maxMarks[j])
            expectClose(question.sd, cov(x, x).squareRoot())
            if j == 0 {
                #expect(question.discriminationIndex == nil && question.discriminativeEfficiency == nil)
                #expect(question.effectiveWeight == 0)
            } else {
                let r = cov(x, y) / (cov(x, x) * cov(y, y)).squareRoot()
                expectClose(question.pointBiserial, r)
                expectClose(question.discriminationIndex, 100 * r)
                expectClose(
                    question.pointBiserialUncorrected,
                    cov(x, totals) / (cov(x, x) * cov(totals, totals)).squareRoot()
                )
                expectClose(question.discriminativeEfficiency, 100 * cov(x, y) / cov(x.sorted(), y.sorted()))
                if covT[j] >= 0 {
                    expectClose(question.effectiveWeight, 100 * covT[j].squareRoot() / weightSum)
                } else {
                    #expect(question.effectiveWeight == nil && question.negativeCovariance)
                }
            }
            let upper = order.prefix(ng).reduce(0.0) { $0 + x[$1] } / Double(ng)
            let lower = order.suffix(ng).reduce(0.0) { $0 + x[$1] } / Double(ng)
            expectClose(question.upperLower27, (upper - lower) / matrix.maxMarks[j])
        }
        #expect(report.questions[1].negativeCovariance)
        let itemVariance = columns.reduce(0) { $0 + cov($1, $1) }
        let k2 = cov(totals, totals)
        expectClose(report.quiz.mean, mean(totals))
        expectClose(report.quiz.sd, k2.squareRoot())
        expectClose(report.quiz.alpha, Double(q) / Double(q - 1) * (1 - itemVariance / k2))
        let sortedTotals = totals.sorted()
        expectClose(report.quiz.median, (sortedTotals[(s - 1) / 2] + sortedTotals[s / 2]) / 2)
        let m = mean(totals)
        let m2 = totals.reduce(0) { $0 + pow($1 - m, 2) } / n
        let m3 = totals.reduce(0) { $0 + pow($1 - m, 3) } / n
        let m4 = totals.reduce(0) { $0 + pow($1 - m, 4) } / n
        let k3: Double = n * n * m3 / ((n - 1) * (n - 2))
        expectClose(report.quiz.skewness, k3 / pow(k2, 1.5))
        let k4Numerator: Double = n * n * ((n + 1) * m4 - 3 * (n - 1) * m2 * m2)
        let k4Denominator: Double = (n - 1) * (n - 2) * (n - 3)
        expectClose(report.quiz.kurtosis, k4Numerator / k4Denominator / (k2 * k2))
        #expect(report.quiz.kr20 == nil)
    }
}

private func pow(_ x: Double, _ k: Int) -> Double { (0..<k).reduce(1) { r, _ in r * x } }
private func pow(_ x: Double, _ e: Double) -> Double { e == 1.5 ? x * x.squareRoot() : .nan }
