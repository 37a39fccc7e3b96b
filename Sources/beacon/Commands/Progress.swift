import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "Show a trainee's progress in a course.",
            discussion: """
                Opens with a summary (modules done, active time, what comes next, competencies), then the modules in progress with their items. --all lists every module and item: status, best quiz score and attempts, and how each role-play last ended. Active time leaves out gaps over five minutes.

                Examples:
                  beacon progress --trainee alex
                  beacon progress --course curricula/sample --trainee alex --json
                """
        )

        @Option(name: .customLong("course"), help: courseHelp)
        var courseOption: String?

        /// The older spelling, `beacon learn PATH`, still works.
        @Argument(help: .hidden)
        var coursePath: String?

        var course: String? { courseOption ?? coursePath }

        @Option(help: ArgumentHelp("Trainee id; needed when more than one trainee uses this machine.", valueName: "id"))
        var trainee: String?

        @Flag(help: "Every module and item, not only the summary and the modules in progress.")
        var all = false

        @Flag(help: "Print JSON for scripts.")
        var json = false

        func run() throws {
            let loaded = try LoadedCourse.load(course)
            let store = try LearningStore(home: LearningStore.defaultHome())
            let person = try pickTrainee(store, trainee)
            let progress = CourseProgress(course: loaded.course, record: try store.record(trainee: person.id, course: loaded.course.id), trainee: person.id)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(progress), as: UTF8.self))
                return
            }
            print(Self.text(progress, course: loaded.course, name: person.name, all: all), terminator: "")
        }
    }
}

/// The trainee a command is about: the one named, or the only one.
/// The trainee a command is about. A well-formed request about someone who is not on record
/// is not misuse (exit 1, no usage), and the message never lists who else is: on a shared
/// computer that would show everyone's names.
func pickTrainee(_ store: LearningStore, _ id: String?) throws -> Trainee {
    let trainees = try store.trainees()
    if let id {
        guard let trainee = trainees.first(where: { $0.id == id }) else {
            throw CommandFailure("no trainee '\(id)' on record here; a trainer can list them with beacon trainee list")
        }
        return trainee
    }
    guard trainees.count == 1 else {
        throw CommandFailure(trainees.isEmpty
            ? "no trainees on record yet; start with beacon learn"
            : "several trainees use this machine; add --trainee ID (the id beacon learn showed when you left)")
    }
    return trainees[0]
}

extension BeaconCommand.Progress {
    /// Progress as a person reads it: titles rather than ids, a summary first, details after.
    static func text(_ progress: CourseProgress, course: Course, name: String, all: Bool) -> String {
        var out = ""
        func line(_ text: String = "") { out += text + "\n" }
        let done = progress.modules.filter(\.isDone).count
        line("\(course.title) · \(name)")
        line("\(done) of \(progress.modules.count) modules done · \(progress.activeMinutes) min active")
        let items = progress.modules.flatMap(\.items)
        if let next = progress.resume.flatMap({ id in items.first { $0.id == id } }) {
            line("Next: \(itemLabel(next, course))")
        } else if done == progress.modules.count {
            line("Every module is done.")
        }
        if !progress.competencies.isEmpty {
            line()
            line("Competencies (from role-plays):")
            for competency in progress.competencies {
                line("  \(competency.title): \(competency.points) of \(competency.outOf) (\(Int((competency.share * 100).rounded()))%)")
            }
        }
        let shown = all ? progress.modules : progress.modules.filter { !$0.isDone && $0.items.contains { $0.status != .notStarted } }
        let hidden = progress.modules.count - shown.count
        for module in shown {
            line()
            line("Module \(module.number): \(module.title) · \(module.done) of \(module.total) items done")
            for item in module.items { line("  " + itemLabel(item, course)) }
        }
        if !all, hidden > 0 {
            line()
            line("\(hidden) other module\(hidden == 1 ? "" : "s") (done or not started); beacon progress --all shows every item.")
        }
        return out
    }

    /// "Quiz: Listening check · not passed yet · best 60% · 2 attempts".
    static func itemLabel(_ item: CourseProgress.Item, _ course: Course) -> String {
        var text = "\(item.kindInWords): \(item.title) · \(item.status.words)"
        if let best = item.bestScore { text += " · best \(Int((best * 100).rounded()))%" }
        if let attempts = item.attempts, attempts > 0 { text += " · \(attempts) attempt\(attempts == 1 ? "" : "s")" }
        if let runs = item.runs, runs > 0 { text += " · played \(runs) time\(runs == 1 ? "" : "s")" }
        // The ending's outcome in words; its id is the author's label, not the trainee's.
        if let id = item.lastEnding, let ending = course.roleplays.first(where: { $0.id == item.id })?.endings.first(where: { $0.id == id }) {
            let outcome = switch ending.outcome {
            case .good: "went well"
            case .mixed: "went partly well"
            case .poor: "did not go well"
            }
            text += " · last time it \(outcome)"
        }
        return text
    }
}
