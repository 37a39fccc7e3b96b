/// Everything item analysis found: whole-quiz figures, one entry per question, and warnings.
///
/// Encodes as `{"quiz": {…}, "questions": [{…}], "warnings": […]}`; a figure that cannot be
/// computed (too few attempts, zero variance, …) is present as JSON `null`, never NaN.
public struct ItemAnalysisReport: Hashable, Sendable, Encodable {
    /// Whole-quiz figures.
    public var quiz: QuizStatistics
    /// One entry per question, in input order.
    public var questions: [QuestionStatistics]
    /// Plain-language cautions for the reader: small cohorts, questions that cannot discriminate,
    /// negative discrimination, unused distractors.
    public var warnings: [String]

    /// Memberwise initialiser.
    public init(quiz: QuizStatistics, questions: [QuestionStatistics], warnings: [String]) {
        self.quiz = quiz
        self.questions = questions
        self.warnings = warnings
    }

    private enum CodingKeys: String, CodingKey {
        case quiz, questions, warnings
    }

    /// Encodes every key, in declaration order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(quiz, forKey: .quiz)
        try container.encode(questions, forKey: .questions)
        try container.encode(warnings, forKey: .warnings)
    }
}
