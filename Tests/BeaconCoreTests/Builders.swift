@testable import BeaconCore

/// Small builders so each test states only what it is about.
let here = SourceLocation(file: "test.xml", line: 1)

func ref(_ id: String) -> Reference { Reference(id, at: here) }

func option(_ id: String, correct: Bool = false, credit: Double? = nil) -> AnswerOption {
    AnswerOption(id: id, text: "option \(id)", correct: correct, credit: credit, location: here)
}

func question(_ id: String, _ kind: Question.Kind, weight: Double = 1) -> Question {
    var question = Question(id: id, kind: kind, location: here)
    question.weight = weight
    question.rationale = [.text("because")]
    return question
}

func choice(_ next: String, scores: [(String, Int)] = [], when conditions: [Condition] = []) -> Choice {
    var choice = Choice(next: ref(next), location: here)
    choice.scores = scores.map { ScoreChange(competency: ref($0.0), points: $0.1) }
    choice.conditions = conditions
    return choice
}

func scene(_ id: String, _ choices: [Choice]) -> Scene {
    Scene(id: id, step: .choices(choices), location: here)
}

func when(_ competency: String, atLeast: Int? = nil, below: Int? = nil) -> Condition {
    Condition(competency: ref(competency), atLeast: atLeast, below: below)
}

func roleplay(start: String = "s1", assesses: [(String, Int)], scenes: [Scene], endings: [String]) -> Roleplay {
    var roleplay = Roleplay(id: "rp", start: ref(start), location: here)
    roleplay.assesses = assesses.map { Assessment(competency: ref($0.0), outOf: $0.1) }
    roleplay.scenes = scenes
    roleplay.endings = endings.map { Ending(id: $0, outcome: .good, location: here) }
    return roleplay
}
