/// Item analysis as a trainer reads it: each question by its prompt, each option by its text, a
/// verdict on each, and the figures with N beside them, for one course version's content and
/// one choice of attempts (first or all), stated in the output.
public struct ItemReview: Sendable, Encodable {
    public typealias Basis = AttemptBasis

    public struct Option: Sendable, Encodable {
        public var id: String
        public var text: String?
        public var key: Bool
        public var verdict: ItemVerdict
        public var statistics: OptionStatistics
    }

    public struct Entry: Sendable, Encodable {
        public var number: Int
        public var id: String
        public var prompt: String?
        public var verdict: ItemVerdict
        public var statistics: QuestionStatistics
        public var options: [Option]
    }

    public var quiz: String
    public var title: String?
    public var courseVersion: String?
    public var contentHash: String?
    public var basis: Basis
    public var attempts: Int
    public var trainees: Int?
    /// The most marks an attempt can earn.
    public var maxTotal: Double
    /// Attempts by total score in tenths of the maximum: 0–9 %, 10–19 %, … 90–100 %.
    public var scoreDistribution: [Int]
    /// The quiz's pass mark as a share of the maximum, when known.
    public var passMark: Double?
    public var summary: QuizStatistics
    public var entries: [Entry]
    public var warnings: [String]

    /// - Parameter questions: the quiz's questions by id, for prompts and option texts (none when
    ///   the marks came from a CSV file).
    public init(
        quiz: String, title: String?, courseVersion: String?, contentHash: String?, basis: Basis, trainees: Int?,
        report: ItemAnalysisReport, matrix: ScoreMatrix, passMark: Double?, questions: [String: Question]
    ) {
        maxTotal = matrix.maxMarks.reduce(0, +)
        scoreDistribution = Self.distribution(matrix, maxTotal)
        self.passMark = passMark
        self.quiz = quiz
        self.title = title
        self.courseVersion = courseVersion
        self.contentHash = contentHash
        self.basis = basis
        self.trainees = trainees
        attempts = report.quiz.n
        summary = report.quiz
        warnings = report.warnings
        entries = report.questions.enumerated().map { index, statistics in
            let question = questions[statistics.id]
            let texts = question.map(Self.optionTexts) ?? [:]
            return Entry(
                number: index + 1, id: statistics.id, prompt: question.map { $0.prompt.plainText },
                verdict: ItemVerdict.question(statistics) { texts[$0] },
                statistics: statistics,
                options: (statistics.options ?? []).map { option in
                    Option(
                        id: option.id, text: texts[option.id], key: option.key,
                        verdict: ItemVerdict.option(option, attempts: statistics.n), statistics: option
                    )
                }
            )
        }
    }

    static func distribution(_ matrix: ScoreMatrix, _ maxTotal: Double) -> [Int] {
        var bins = [Int](repeating: 0, count: 10)
        guard maxTotal > 0, matrix.questionCount > 0 else { return bins }
        for row in 0..<matrix.attemptCount {
            let total = matrix.marks[(row * matrix.questionCount)..<((row + 1) * matrix.questionCount)].reduce(0, +)
            let share = min(max(total / maxTotal, 0), 1)
            bins[min(9, Int((share * 10 + 1e-9).rounded(.down)))] += 1
        }
        return bins
    }

    /// The words of each option, by the id the analysis uses.
    static func optionTexts(_ question: Question) -> [String: String] {
        switch question.kind {
        case .singleChoice(let options, _), .multipleResponse(let options, _, _):
            Dictionary(options.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        case .trueFalse: ["true": "True", "false": "False"]
        case .shortAnswer, .ordering, .matching: [:]
        }
    }

    /// Text cut to `limit` characters with an ellipsis, on a word boundary when one is near.
    public static func shortened(_ text: String, _ limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > limit else { return flat }
        var cut = String(flat.prefix(limit - 1))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit * 2 / 3 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }
}

/// A quiz's item reviews, one per course version and content it was taken on, newest first.
public struct ItemReport: Sendable, Encodable {
    public var quiz: String
    public var title: String?
    public var basis: ItemReview.Basis
    public var groups: [ItemReview]

    public init(quiz: String, title: String?, basis: ItemReview.Basis, groups: [ItemReview]) {
        self.quiz = quiz
        self.title = title
        self.basis = basis
        self.groups = groups
    }
}
