import ArgumentParser
import BeaconCore
import BeaconStore
import BeaconTerminal
import Foundation
import GRDB

extension BeaconCommand {
    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "preview",
            abstract: "Try a course, module or role-play as a trainee would, recording nothing.",
            discussion: """
                For trainers: every module is open whatever its prerequisites, and answers are kept in memory only.

                Examples:
                  beacon preview --course curricula/sample
                  beacon preview --course curricula/sample --module listening-well
                  beacon preview --course curricula/sample --roleplay hard-week --plain
                """
        )

        @Option(name: .customLong("course"), help: courseHelp)
        var courseOption: String?

        /// The older spelling, `beacon preview PATH`, still works.
        @Argument(help: .hidden)
        var coursePath: String?

        var course: String? { courseOption ?? coursePath }

        @Option(help: ArgumentHelp("Open this module directly.", valueName: "id"))
        var module: String?

        @Option(help: ArgumentHelp("Play this role-play directly.", valueName: "id"))
        var roleplay: String?

        @Flag(help: "Linear mode: no redraws, answers as lines.")
        var plain = false

        @OptionGroup var language: LanguageOption

        func run() throws {
            let loaded = try LoadedCourse.load(course)
            if let module, loaded.course.module(module) == nil {
                throw ValidationError("no module '\(module)'; modules: \(loaded.course.modules.map(\.id).joined(separator: ", "))")
            }
            if let roleplay, !loaded.course.roleplays.contains(where: { $0.id == roleplay }) {
                throw ValidationError("no role-play '\(roleplay)'; role-plays: \(loaded.course.roleplays.map(\.id).joined(separator: ", "))")
            }
            // An in-memory database: the same code path as learn, and nothing is kept.
            let store = try LearningStore(writer: DatabaseQueue())
            let trainee = try store.addTrainee(name: "Preview")
            let terminal = TTYTerminal(linear: plain)
            TTYTerminal.setFarewell("\nPreview ended; nothing was recorded.\n")
            var options = CoursePlayer.Options()
            options.language = language.language(for: loaded.course)
            options.ignorePrerequisites = true
            options.recordsProgress = false
            let player = CoursePlayer(
                course: loaded.course, stamp: loaded.stamp, store: store, trainee: trainee,
                terminal: terminal, resources: LoadedCourse.crisisResources(options.language), options: options
            )
            let target = roleplay ?? module
            let exit = target.map { player.run(item: $0) } ?? player.run()
            terminal.restore()
            if exit == .interrupted { throw ExitCode(130) }
        }
    }
}
