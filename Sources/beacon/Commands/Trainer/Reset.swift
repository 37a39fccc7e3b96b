import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset",
            abstract: "Forget a trainee's work on one module, so it can be taken afresh.",
            discussion: """
                Removes the lesson progress, quiz attempts and role-play runs of every item in the module. It asks first; --yes skips the question for scripts.

                Example:
                  beacon reset --trainee alex --module listening-well
                """
        )

        @Argument(help: "Course file or folder (default: the bundled course).")
        var course: String?

        @Option(help: ArgumentHelp("Trainee id.", valueName: "id"))
        var trainee: String

        @Option(help: ArgumentHelp("Module id.", valueName: "id"))
        var module: String

        @Flag(help: "Do not ask for confirmation.")
        var yes = false

        func run() throws {
            let loaded = try LoadedCourse.load(course)
            guard let target = loaded.course.module(module) else {
                throw ValidationError("no module '\(module)'; modules: \(loaded.course.modules.map(\.id).joined(separator: ", "))")
            }
            let store = try LearningStore(home: LearningStore.defaultHome())
            let person = try pickTrainee(store, trainee)
            if !yes {
                print("Forget \(person.name)'s work on \"\(target.title)\" (\(target.items.count) items)? This cannot be undone. Type yes to confirm: ", terminator: "")
                guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
                    print("Nothing was changed.")
                    throw ExitCode.failure
                }
            }
            let removed = try store.reset(trainee: person.id, course: loaded.course.id, items: target.items.map(\.id))
            print("Reset \"\(target.title)\" for \(person.name): \(removed) record\(removed == 1 ? "" : "s") removed.")
        }
    }
}
