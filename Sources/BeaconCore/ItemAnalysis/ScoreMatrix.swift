/// The marks of a set of attempts on the questions (slots) of one quiz: the input of item analysis.
///
/// Marks are stored flat, row-major (`marks[attempt * questionCount + question]`), because a
/// 100,000 × 100 matrix of nested arrays would cost one allocation per attempt.
/// A mark is the final fraction × the slot's max mark, penalties already applied.
public struct ScoreMatrix: Hashable, Sendable {
    /// One id per attempt (row), in input order; the order breaks ties between equal totals.
    public private(set) var attemptIDs: [String]
    /// One id per question (column).
    public private(set) var questionIDs: [String]
    /// The most marks each question can give.
    public private(set) var maxMarks: [Double]
    /// Row-major marks: `attemptCount × questionCount` values, all finite (``ScoreCSV`` checks this;
    /// the initialisers trust their caller).
    public private(set) var marks: [Double]
    /// Per question, the score a random guesser expects, as a fraction 0...1 of the max mark
    /// (Moodle's value from the question type); nil when not known or not defined.
    public var randomGuessScores: [Double?]
    /// Per question, the options and who chose which, for distractor analysis; nil when the
    /// question has no options (or they were not recorded).
    public private(set) var options: [QuestionOptions?]

    /// Number of attempts (rows).
    public var attemptCount: Int { attemptIDs.count }
    /// Number of questions (columns).
    public var questionCount: Int { questionIDs.count }

    /// Builds a matrix from row-major marks.
    ///
    /// - Precondition: `maxMarks` has one value per question and `marks` one per attempt and question.
    public init(attemptIDs: [String], questionIDs: [String], maxMarks: [Double], marks: [Double]) {
        precondition(maxMarks.count == questionIDs.count, "one max mark per question")
        precondition(marks.count == attemptIDs.count * questionIDs.count, "one mark per attempt and question")
        self.attemptIDs = attemptIDs
        self.questionIDs = questionIDs
        self.maxMarks = maxMarks
        self.marks = marks
        self.randomGuessScores = Array(repeating: nil, count: questionIDs.count)
        self.options = Array(repeating: nil, count: questionIDs.count)
    }

    /// Builds a matrix from one array of marks per attempt; convenient for small tests.
    ///
    /// - Precondition: every row has one mark per question.
    public init(attemptIDs: [String], questionIDs: [String], maxMarks: [Double]? = nil, rows: [[Double]]) {
        precondition(rows.count == attemptIDs.count, "one row per attempt")
        precondition(rows.allSatisfy { $0.count == questionIDs.count }, "one mark per question in every row")
        self.init(
            attemptIDs: attemptIDs,
            questionIDs: questionIDs,
            maxMarks: maxMarks ?? Array(repeating: 1, count: questionIDs.count),
            marks: rows.flatMap { $0 }
        )
    }

    /// The mark of one attempt on one question.
    public subscript(attempt: Int, question: Int) -> Double {
        marks[attempt * questionIDs.count + question]
    }

    /// Records the options of a question and what each attempt chose.
    ///
    /// - Precondition: `options.chosen` has one set per attempt.
    public mutating func setOptions(_ options: QuestionOptions?, forQuestion question: Int) {
        if let options {
            precondition(options.chosen.count == attemptIDs.count, "one set of chosen options per attempt")
        }
        self.options[question] = options
    }
}
