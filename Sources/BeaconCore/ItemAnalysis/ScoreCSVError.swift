/// Why a score CSV was rejected, where, and how to fix it.
///
/// Printed as `line 7, column 3 (Q2): message` followed by `  help: …`, like Beacon's diagnostics.
public struct ScoreCSVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based physical line (lines inside quoted cells count) where the problem starts.
    public var line: Int
    /// 1-based cell number within the row (the attempt column is 1); nil when the whole row is at fault.
    public var column: Int?
    /// The id of the question column, when the cell belongs to one.
    public var questionID: String?
    /// What is wrong, in a sentence.
    public var message: String
    /// One sentence that says how to fix the problem.
    public var help: String

    /// An error at a line (and, when known, a cell).
    public init(line: Int, column: Int? = nil, questionID: String? = nil, message: String, help: String) {
        self.line = line
        self.column = column
        self.questionID = questionID
        self.message = message
        self.help = help
    }

    /// `line L, column C (Q): message` and a `help:` line.
    public var description: String {
        var text = "line \(line)"
        if let column { text += ", column \(column)" }
        if let questionID { text += " (\(questionID))" }
        return text + ": \(message)\n  help: \(help)"
    }
}
