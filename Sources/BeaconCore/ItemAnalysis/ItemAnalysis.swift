/// Item analysis of a quiz: Moodle's per-question and whole-quiz statistics plus the classical
/// test theory figures trainers expect (KR-20/21, point-biserials, upper–lower 27 %, distractors).
///
/// Definitions follow ITEM-ANALYSIS.md exactly: sample (n − 1) variances as Moodle uses, KR-20/21
/// with population variances, every ratio nil rather than NaN when it is undefined.
public enum ItemAnalysis {
    /// Below this many attempts the report warns that its figures are only indicative.
    public static let indicativeBelow = 20

    /// Analyses a matrix of marks. Pure and deterministic; large matrices use several threads.
    public static func analyse(_ matrix: ScoreMatrix) -> ItemAnalysisReport {
        let totals = Totals(matrix)
        let sums = ColumnSums.compute(matrix, totals: totals)
        let questions = questionStatistics(matrix, totals: totals, sums: sums)
        let quiz = quizStatistics(matrix, totals: totals, sums: sums)
        return ItemAnalysisReport(
            quiz: quiz,
            questions: questions,
            warnings: warnings(matrix, questions: questions, sums: sums)
        )
    }

    private static func warnings(
        _ matrix: ScoreMatrix,
        questions: [QuestionStatistics],
        sums: [ColumnSums]
    ) -> [String] {
        let s = matrix.attemptCount
        var warnings: [String] = []
        switch s {
        case 0: warnings.append("no attempts: there is nothing to analyse")
        case 1: warnings.append("only 1 attempt: statistics need at least 2, so most figures are null")
        case ..<indicativeBelow: warnings.append("only \(s) attempts: treat these figures as indicative")
        default: break
        }
        for (j, question) in questions.enumerated() {
            let id = question.id
            if matrix.maxMarks[j] == 0 {
                warnings.append("\(id): the maximum mark is 0, so facility and the 27 % groups are undefined")
            }
            if s >= 2, sums[j].constant {
                warnings.append("\(id): every attempt has the same mark, so this question cannot discriminate")
            }
            if question.negativeCovariance {
                warnings.append(
                    "\(id): negative covariance with the total score, so no effective weight: check the key and the wording"
                )
            } else if let index = question.discriminationIndex, index < 0 {
                warnings.append("\(id): negative discrimination index: check the key and the wording")
            }
            for option in question.options ?? [] {
                if option.count == 0, !option.key {
                    warnings.append("\(id): option \(option.id) was chosen by nobody (a non-functional distractor)")
                } else if let r = option.pointBiserial, option.key ? r < 0 : r > 0 {
                    warnings.append(
                        option.key
                            ? "\(id): key \(option.id) has a negative point-biserial: check the key"
                            : "\(id): distractor \(option.id) attracts high scorers: check it is really wrong"
                    )
                }
            }
            if let unknown = matrix.options[j].map({ unknownChoices(in: $0) }), unknown > 0 {
                warnings.append(
                    "\(id): \(unknown) chosen option "
                        + (unknown == 1
                            ? "id is not among its options and was ignored"
                            : "ids are not among its options and were ignored")
                )
            }
        }
        return warnings
    }
}
