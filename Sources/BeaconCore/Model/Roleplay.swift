/// A branching conversation with a simulated person, scored on named competencies.
public struct Roleplay: Hashable, Sendable {
    public var id: String
    public var title: String = ""
    public var contentNote: ContentNote?
    public var persona = Persona(name: "")
    public var setting: [Inline] = []
    /// The competencies scored here and the points that count as full marks, in written order.
    public var assesses: [Assessment] = []
    /// The first scene.
    public var start: Reference
    public var scenes: [Scene] = []
    public var endings: [Ending] = []
    public var minutes: Int?
    public var location: SourceLocation

    public init(id: String, start: Reference, location: SourceLocation) {
        self.id = id
        self.start = start
        self.location = location
    }

    public func scene(_ id: String) -> Scene? { scenes.first { $0.id == id } }
    public func ending(_ id: String) -> Ending? { endings.first { $0.id == id } }
}

public struct Persona: Hashable, Sendable {
    public var name: String
    public var pronouns: String?
    public var age: Int?
    public var description: [Inline] = []

    public init(name: String, pronouns: String? = nil, age: Int? = nil, description: [Inline] = []) {
        self.name = name
        self.pronouns = pronouns
        self.age = age
        self.description = description
    }
}

/// A competency a role-play scores, with its full-marks points.
public struct Assessment: Hashable, Sendable {
    public var competency: Reference
    public var outOf: Int

    public init(competency: Reference, outOf: Int) {
        self.competency = competency
        self.outOf = outOf
    }
}

/// Something said in a scene or an ending.
public struct Line: Hashable, Sendable {
    public enum Speaker: String, Sendable { case persona, narrator }

    public var speaker: Speaker
    public var text: [Inline]

    public init(speaker: Speaker, text: [Inline]) {
        self.speaker = speaker
        self.text = text
    }
}

public struct Scene: Hashable, Sendable {
    /// How a scene moves on.
    public enum Step: Hashable, Sendable {
        /// The trainee picks one of the choices whose conditions hold.
        case choices([Choice])
        /// The trainee types a reply, scored by its rubric.
        case reply(Reply)
        /// No question: the first route whose conditions hold is taken.
        case routes([Route])
    }

    public var id: String
    public var lines: [Line] = []
    public var step: Step
    public var location: SourceLocation

    public init(id: String, step: Step, location: SourceLocation) {
        self.id = id
        self.step = step
        self.location = location
    }
}

/// A test of a running competency score: `atLeast <= score < below`.
public struct Condition: Hashable, Sendable {
    public var competency: Reference
    public var atLeast: Int?
    public var below: Int?

    public init(competency: Reference, atLeast: Int?, below: Int?) {
        self.competency = competency
        self.atLeast = atLeast
        self.below = below
    }

    public func holds(for score: Int) -> Bool {
        if let atLeast, score < atLeast { return false }
        if let below, score >= below { return false }
        return true
    }
}

/// Points added to (or, when negative, taken from) a competency's running score.
public struct ScoreChange: Hashable, Sendable {
    public var competency: Reference
    public var points: Int

    public init(competency: Reference, points: Int) {
        self.competency = competency
        self.points = points
    }
}

public struct Choice: Hashable, Sendable {
    public var conditions: [Condition] = []
    public var say: [Inline] = []
    public var scores: [ScoreChange] = []
    public var feedback: [Inline] = []
    public var next: Reference
    public var location: SourceLocation

    public init(next: Reference, location: SourceLocation) {
        self.next = next
        self.location = location
    }
}

/// A free-text answer scored by trainer-written patterns.
public struct Reply: Hashable, Sendable {
    public var prompt: [Inline] = []
    public var criteria: [Criterion] = []
    /// A model answer, shown after the trainee replies.
    public var example: String?
    /// Replies with the criteria each must meet and miss; the linter scores every one.
    public var samples: [ReplySample] = []
    public var next: Reference
    public var location: SourceLocation

    public init(next: Reference, location: SourceLocation) {
        self.next = next
        self.location = location
    }
}

/// A reply a trainer wrote to pin the rubric down: what it must meet and miss, or that it is
/// too short to be scored at all.
public struct ReplySample: Hashable, Sendable {
    public var text: String
    public var meets: [String] = []
    public var misses: [String] = []
    /// False for a reply the player must answer with "say a little more" instead of a score.
    public var scored = true
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// One rubric row: met when a pattern or keyword is found in the reply and no exclusion is.
public struct Criterion: Hashable, Sendable {
    public var id: String
    public var label: String
    /// Regular expressions, matched case-insensitively anywhere in the reply.
    public var patterns: [String] = []
    /// Words or phrases found even when misspelt by a letter or two ("sucide", "thinkin").
    public var keywords: [String] = []
    /// Regular expressions for what does not meet the criterion though it matches: leading,
    /// negated or minimising forms ("you're not thinking about suicide, are you?").
    public var exclusions: [String] = []
    public var scores: [ScoreChange] = []
    public var ifMet: [Inline]?
    public var ifMissed: [Inline]?
    public var location: SourceLocation

    public init(id: String, label: String, location: SourceLocation) {
        self.id = id
        self.label = label
        self.location = location
    }
}

public struct Route: Hashable, Sendable {
    public var conditions: [Condition] = []
    public var next: Reference
    public var location: SourceLocation

    public init(next: Reference, location: SourceLocation) {
        self.next = next
        self.location = location
    }
}

public struct Ending: Hashable, Sendable {
    public enum Outcome: String, Sendable, CaseIterable { case good, mixed, poor }

    public var id: String
    public var outcome: Outcome
    public var lines: [Line] = []
    public var debrief: [Block] = []
    public var location: SourceLocation

    public init(id: String, outcome: Outcome, location: SourceLocation) {
        self.id = id
        self.outcome = outcome
        self.location = location
    }
}
