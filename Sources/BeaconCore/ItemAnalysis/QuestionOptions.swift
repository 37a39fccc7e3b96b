/// The answer options of one question and which of them each attempt chose.
///
/// Only ids are kept (no option text), so the analysis stays free of content and the same
/// structure serves single-answer (one id per attempt) and multiple-answer questions.
public struct QuestionOptions: Hashable, Sendable {
    /// One answer option.
    public struct Option: Hashable, Sendable {
        /// The option's id, as recorded in `chosen`.
        public var id: String
        /// True for the correct answer (for multiple-answer questions, each correct option).
        public var isKey: Bool

        /// An option with its id and whether it is a key.
        public init(id: String, isKey: Bool) {
            self.id = id
            self.isKey = isKey
        }
    }

    /// The options in display order; their order is kept in the report.
    public var options: [Option]
    /// Per attempt, the ids of the options chosen; empty when the attempt chose none.
    public var chosen: [Set<String>]

    /// Options in display order and, per attempt, the ids chosen.
    public init(options: [Option], chosen: [Set<String>]) {
        self.options = options
        self.chosen = chosen
    }
}
