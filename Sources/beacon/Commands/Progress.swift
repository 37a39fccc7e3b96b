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
                Lists each module with its items and their status, quiz scores, role-play endings, competency scores and active time (gaps over five minutes are not counted).

                Examples:
                  beacon progress --trainee alex
                  beacon progress curricula/sample --trainee alex --json
                """
        )

        @Argument(help: "Course file or folder (default: the bundled course).")
        var course: String?

        @Option(help: ArgumentHelp("Trainee id; needed when more than one trainee uses this machine.", valueName: "id"))
        var trainee: String?

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
            print("\(loaded.course.title) · \(person.name) · \(progress.activeMinutes) min active")
            for module in progress.modules {
                print("Module \(module.number) of \(progress.modules.count) · \(module.title) · \(module.done) of \(module.total) items done")
                for item in module.items {
                    var line = "  \(item.kind): \(item.title) · \(item.status.rawValue)"
                    if let best = item.bestScore { line += " · best \(Int((best * 100).rounded()))%" }
                    if let attempts = item.attempts, attempts > 0 { line += " · \(attempts) attempt\(attempts == 1 ? "" : "s")" }
                    if let ending = item.lastEnding { line += " · last ending: \(ending)" }
                    print(line)
                }
            }
            for competency in progress.competencies {
                print("Competency \(competency.title): \(competency.points) of \(competency.outOf) (\(Int((competency.share * 100).rounded()))%)")
            }
            if let resume = progress.resume { print("Next: \(resume)") }
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
