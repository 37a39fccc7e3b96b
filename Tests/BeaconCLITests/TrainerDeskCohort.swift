import BeaconCore
import BeaconStore
import BeaconXML
import Foundation

/// A cohort of the sample course with known answers, written straight into a store the way the
/// player writes it, so the trainer's reports can be checked against figures worked out by hand
/// (see the table below). Nine trainees:
///
///     first attempt at listening-check (open-question choice; oars-parts, asking-plants-idea,
///     crisis-number, oars-o, oars-examples right or wrong), total of 7 marks
///     Ana  c RRRRR 6.5   Ben c RRRRR 6.5   Cy  c RRRRW 4.5 (then a RRRRR 7)
///     Dee  a RRWRW 4 (then a RRRRR 7)      Eli a RWRWR 5   Fay a WWWRW 2
///     Gus  b WWRWW 1 (then b WWWWW 0, a WWRWW 2: out of attempts)   Hal a RRWRR 6
///     Ivy  enrolled, nothing done
///
/// The key of open-question is a, yet both top scorers (Ana, Ben) pick c: the report must say
/// to check the key. Role-plays: Ana, Ben, Cy, Dee and Gus reach the good ending; Eli gives advice
/// and reaches the mixed one (listening 0 of 4); Hal walks Jordan out (poor). Fay stopped 20
/// days ago after the first lesson and one try at the quiz.
enum TrainerDeskCohort {
    static let questions = ["open-question", "oars-parts", "asking-plants-idea", "crisis-number", "oars-o", "oars-examples"]

    struct Attempt { var choice: String; var rights: String }

    static let attempts: [(String, [Attempt])] = [
        ("Ana", [Attempt(choice: "c", rights: "RRRRR")]),
        ("Ben", [Attempt(choice: "c", rights: "RRRRR")]),
        ("Cy", [Attempt(choice: "c", rights: "RRRRW"), Attempt(choice: "a", rights: "RRRRR")]),
        ("Dee", [Attempt(choice: "a", rights: "RRWRW"), Attempt(choice: "a", rights: "RRRRR")]),
        ("Eli", [Attempt(choice: "a", rights: "RWRWR")]),
        ("Fay", [Attempt(choice: "a", rights: "WWWRW")]),
        ("Gus", [Attempt(choice: "b", rights: "WWRWW"), Attempt(choice: "b", rights: "WWWWW"), Attempt(choice: "a", rights: "WWRWW")]),
        ("Hal", [Attempt(choice: "a", rights: "RRWRR")]),
    ]

    /// Days since each trainee last did anything.
    static let idle: [String: Double] = ["Dee": 4, "Ana": 3, "Ben": 2, "Cy": 1, "Eli": 1.5, "Fay": 20, "Gus": 2, "Hal": 1]

    static func response(_ question: String, right: Bool) -> Response {
        switch question {
        case "oars-parts": .choices(right ? ["a", "b", "c", "d"] : ["e"])
        case "asking-plants-idea": .truth(!right)
        case "crisis-number": .text(right ? "988" : "911")
        case "oars-o": .text(right ? "open questions" : "options")
        default: .matches(right ? ["Open question", "Affirmation", "Reflection"] : ["Advice", "Affirmation", "Reflection"])
        }
    }

    enum Move { case choice(Int), reply(String) }

    static let good: [Move] = [.choice(0), .reply("It sounds like a lot. Are you thinking about suicide?"), .choice(0)]
    static let paths: [String: ([Move], Ending.Outcome)] = [
        "Ana": (good, .good), "Ben": (good, .good), "Cy": (good, .good), "Dee": (good, .good), "Gus": (good, .good),
        "Eli": ([.choice(0), .reply("You should get some sleep."), .choice(0), .choice(1)], .mixed),
        "Hal": ([.choice(1), .choice(1)], .poor),
    ]

    static func course(at path: String = "curricula/sample/course.xml") throws -> (Course, CourseStamp) {
        let root = LintCommandTests.root
        let loaded = CurriculumLoader(schemaPath: root.appendingPathComponent("curricula/schema/curriculum.xsd").path)
            .load(path: path.hasPrefix("/") ? path : root.appendingPathComponent(path).path)
        guard case .course(let course)? = loaded.content, let hash = loaded.contentHash else { throw Failure("sample did not load: \(loaded.diagnostics)") }
        return (course, CourseStamp(id: course.id, version: course.version, contentHash: hash))
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Writes the cohort into the store under `home`, as of `now`.
    static func seed(home: URL, now: Date = Date()) throws {
        let (course, stamp) = try course()
        let store = try LearningStore(home: home)
        guard let quiz = course.quizzes.first(where: { $0.id == "listening-check" }),
            let roleplay = course.roleplays.first(where: { $0.id == "hard-week" })
        else { throw Failure("the sample lost its quiz or role-play") }
        for (name, tries) in attempts {
            let trainee = try store.addTrainee(name: name, at: now.addingTimeInterval(-30 * 86_400))
            let last = now.addingTimeInterval(-(idle[name] ?? 0) * 86_400)
            // Each attempt an hour and a half after the one before (the quiz's cooldown is an hour).
            var clock = last.addingTimeInterval(-Double(tries.count + 1) * 5_400)
            let lessons = name == "Fay" ? ["what-is-peer-support"] : ["what-is-peer-support", "oars"]
            for lesson in lessons {
                try store.recordActivity(trainee: trainee.id, course: course.id, at: clock)
                try store.saveLessonPage(trainee: trainee.id, course: stamp, lesson: lesson, page: 0, completed: true, at: clock)
            }
            for attempt in tries {
                clock = clock.addingTimeInterval(5_400)
                let id = try store.startAttempt(trainee: trainee.id, course: stamp, quiz: quiz.id, seed: 1, questionIds: questions, at: clock)
                var earned = 0.0, total = 0.0
                for (position, question) in questions.enumerated() {
                    guard let written = quiz.allQuestions.first(where: { $0.id == question }) else { throw Failure("no \(question)") }
                    let response: Response = position == 0
                        ? .choice(attempt.choice)
                        : Self.response(question, right: Array(attempt.rights)[position - 1] == "R")
                    guard let scored = written.score(response) else { throw Failure("\(question) refused \(response)") }
                    try store.saveAnswer(attempt: id, question: question, position: position, response: response, credit: scored.credit, at: clock)
                    earned += scored.credit * written.weight
                    total += written.weight
                }
                try store.finishAttempt(id, score: earned / total, passed: earned / total + 1e-9 >= quiz.passMark, at: clock)
            }
            if let (moves, outcome) = paths[name] {
                var session = RoleplaySession(roleplay: roleplay)
                for move in moves {
                    switch move {
                    case .choice(let index): try session.choose(index, in: roleplay)
                    case .reply(let text): try session.reply(text, in: roleplay)
                    }
                }
                guard let ending = session.ending(in: roleplay), ending.outcome == outcome else {
                    throw Failure("\(name)'s run ended at \(session.sceneId), not a \(outcome) ending")
                }
                let run = try store.startRun(trainee: trainee.id, course: stamp, roleplay: roleplay.id, at: last.addingTimeInterval(-600))
                try store.saveSteps(run: run, steps: session.steps, from: 0, at: last.addingTimeInterval(-300))
                let scores = Dictionary(uniqueKeysWithValues: zip(roleplay.assesses.map(\.competency.id), session.position.scores))
                try store.finishRun(run, ending: ending.id, scores: scores, at: last.addingTimeInterval(-60))
            }
            try store.recordActivity(trainee: trainee.id, course: course.id, at: last)
        }
        _ = try store.addTrainee(name: "Ivy", at: now.addingTimeInterval(-3 * 86_400))
    }
}
