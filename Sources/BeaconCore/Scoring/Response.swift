/// What a trainee answered to one question, in a form that survives storage and replay.
public enum Response: Hashable, Sendable, Codable {
    /// The option id chosen in a single-choice question.
    case choice(String)
    /// The option ids chosen in a multiple-response question.
    case choices([String])
    /// The value chosen in a true/false question.
    case truth(Bool)
    /// The text typed for a short answer.
    case text(String)
    /// Item indices (as written) in the order the trainee put them.
    case order([Int])
    /// For each pair's left-hand text, in written order, the right-hand text chosen.
    case matches([String])
}

/// The credit an answer earned and what to tell the trainee about it.
public struct ScoredResponse: Hashable, Sendable {
    /// 0...1.
    public var credit: Double
    /// Feedback written for what was chosen (per option or per accepted answer).
    public var feedback: [String]
    /// Full credit.
    public var isCorrect: Bool { credit >= 1 - 1e-9 }
}
