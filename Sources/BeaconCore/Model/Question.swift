/// One quiz question of any kind, with what every kind shares.
public struct Question: Hashable, Sendable {
    public enum Level: String, Sendable, CaseIterable {
        case recall, comprehension, application
    }

    /// How multi-part answers earn credit.
    public enum Scoring: String, Sendable {
        case allOrNothing = "all-or-nothing"
        case partial
    }

    public enum Kind: Hashable, Sendable {
        case singleChoice(options: [AnswerOption], shuffle: Bool)
        case multipleResponse(options: [AnswerOption], shuffle: Bool, scoring: Scoring)
        case trueFalse(answer: Bool, feedbackTrue: [Inline], feedbackFalse: [Inline])
        case shortAnswer(ShortAnswer)
        /// Items in their right order; the player shuffles them.
        case ordering(items: [String], scoring: Scoring)
        case matching(pairs: [MatchPair], distractors: [String], scoring: Scoring)

        /// The element name trainers write, used in summaries and messages.
        public var name: String {
            switch self {
            case .singleChoice: "singleChoice"
            case .multipleResponse: "multipleResponse"
            case .trueFalse: "trueFalse"
            case .shortAnswer: "shortAnswer"
            case .ordering: "ordering"
            case .matching: "matching"
            }
        }
    }

    public var id: String
    public var kind: Kind
    public var level: Level?
    /// Competencies the question relates to, for reports.
    public var competencies: [Reference] = []
    public var weight: Double = 1
    public var prompt: [Inline] = []
    /// Shown after answering according to how the answer did (full, part or no credit).
    public var outcomeFeedback = OutcomeFeedback()
    public var rationale: [Inline]?
    public var location: SourceLocation

    public init(id: String, kind: Kind, location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.location = location
    }
}

/// An answer choice of a single-choice or multiple-response question.
public struct AnswerOption: Hashable, Sendable {
    public var id: String
    public var text: String
    public var correct: Bool
    /// Explicit credit; nil means the default for the question kind.
    public var credit: Double?
    public var feedback: String?
    public var location: SourceLocation

    public init(
        id: String,
        text: String,
        correct: Bool,
        credit: Double? = nil,
        feedback: String? = nil,
        location: SourceLocation
    ) {
        self.id = id
        self.text = text
        self.correct = correct
        self.credit = credit
        self.feedback = feedback
        self.location = location
    }
}

public struct MatchPair: Hashable, Sendable {
    public var left: String
    /// Several pairs may share a right-hand text: it is then one choice that fits each of them.
    public var right: String
    /// This pair's share of the marks under partial scoring, relative to the other pairs.
    public var weight: Double

    public init(left: String, right: String, weight: Double = 1) {
        self.left = left
        self.right = right
        self.weight = weight
    }
}

/// Feedback keyed on the outcome rather than on the answer given, as Moodle's "combined
/// feedback" and QTI's correct/incorrect modal feedback are.
public struct OutcomeFeedback: Hashable, Sendable {
    public var correct: [Inline]?
    public var partial: [Inline]?
    public var incorrect: [Inline]?

    public init(correct: [Inline]? = nil, partial: [Inline]? = nil, incorrect: [Inline]? = nil) {
        self.correct = correct
        self.partial = partial
        self.incorrect = incorrect
    }

    public var isEmpty: Bool { correct == nil && partial == nil && incorrect == nil }

    /// The message for an answer that earned `credit` (0...1).
    public func message(forCredit credit: Double) -> [Inline]? {
        if credit >= 1 - 1e-9 { return correct }
        return credit > 1e-9 ? partial : incorrect
    }
}

/// A typed answer, compared after normalising case and white space.
public struct ShortAnswer: Hashable, Sendable {
    public enum Whitespace: String, Sendable {
        /// Trim, and count each run of white space as one space.
        case normalize
        case exact
        /// Remove all white space before comparing.
        case ignore
    }

    public struct Accept: Hashable, Sendable {
        public enum Match: String, Sendable {
            case exact
            /// `*` stands for any run of characters.
            case wildcard
            /// A regular expression that must match the whole answer.
            case regex
        }

        public var text: String
        public var match: Match
        public var credit: Double
        public var feedback: String?
        public var location: SourceLocation

        public init(text: String, match: Match, credit: Double, feedback: String?, location: SourceLocation) {
            self.text = text
            self.match = match
            self.credit = credit
            self.feedback = feedback
            self.location = location
        }
    }

    public var caseSensitive = false
    public var whitespace = Whitespace.normalize
    public var accepts: [Accept] = []

    public init() {}
}
