import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset",
            abstract: "Forget a trainee's work on one module, or one item of it, so it can be taken afresh.",
            discussion: """
                Removes the lesson progress, quiz attempts and role-play runs of every item in the module (--module), or of one lesson, quiz or role-play (--item). It asks first; --yes skips the question for scripts. Audited, with who did it: an admin, or a facilitator of the trainee's cohort (--as).

                To give one more try at a quiz without forgetting the attempts already made, grant an attempt instead: beacon grant-attempt.

                Examples:
                  beacon reset --trainee alex --module listening-well
                  beacon reset --trainee alex --item hard-week --yes --as ana-ruiz
                """
        )

        @Option(name: .customLong("course"), help: courseHelp)
        var courseOption: String?

        /// The older spelling, `beacon learn PATH`, still works.
        @Argument(help: .hidden)
        var coursePath: String?

        var course: String? { courseOption ?? coursePath }

        @Option(help: ArgumentHelp("Trainee id.", valueName: "id"))
        var trainee: String

        @Option(help: ArgumentHelp("Module id: every item of it.", valueName: "id"))
        var module: String?

        @Option(help: ArgumentHelp("One lesson, quiz or role-play id.", valueName: "id"))
        var item: String?

        @Flag(help: "Do not ask for confirmation.")
        var yes = false

        @OptionGroup var acting: ActorOptions

        func validate() throws {
            guard (module == nil) != (item == nil) else { throw ValidationError("give --module ID or --item ID (one of them)") }
        }

        func run() throws {
            let loaded = try LoadedCourse.load(course)
            let items: [String], what: String
            if let module {
                guard let target = loaded.course.module(module) else {
                    throw ValidationError("no module '\(module)'; modules: \(loaded.course.modules.map(\.id).joined(separator: ", "))")
                }
                items = target.items.map(\.id)
                what = "\"\(target.title)\" (\(target.items.count) items)"
            } else {
                let all = loaded.course.modules.flatMap(\.items)
                guard let item, let target = all.first(where: { $0.id == item }) else {
                    throw ValidationError("no lesson, quiz or role-play '\(item ?? "")' in \(loaded.described); see beacon preview for the course's items")
                }
                items = [target.id]
                what = "\"\(target.title)\""
            }
            let store = try LearningStore(home: LearningStore.defaultHome())
            let person = try pickTrainee(store, trainee)
            // Who may reset is checked before asking, so nobody confirms what would be refused.
            try refusing { try store.authorize(.resetProgress, actor: acting.id, trainee: person.id) }
            if !yes { try confirmOrStop("Forget \(person.name)'s work on \(what)? This cannot be undone.") }
            let removed = try refusing { try store.reset(trainee: person.id, course: loaded.course.id, items: items, actor: acting.id) }
            print("Reset \(what) for \(person.name): \(removed) record\(removed == 1 ? "" : "s") removed.")
        }
    }

    struct GrantAttempt: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "grant-attempt",
            abstract: "Give a trainee one more attempt at a quiz whose attempts are used up, with a reason (audited).",
            discussion: """
                The attempts already made stay on the record; the quiz's limit counts one fewer. An admin, or a facilitator of the trainee's cohort (--as).

                Example:
                  beacon grant-attempt --trainee alex --quiz listening-check --reason "internet dropped during attempt 3" --course curricula/sample --as ana-ruiz
                """
        )
        @Option(help: ArgumentHelp("Trainee id.", valueName: "id")) var trainee: String
        @Option(help: ArgumentHelp("Quiz id.", valueName: "id")) var quiz: String
        @Option(help: "Why (kept in the audit log).") var reason: String
        @Option(help: courseHelp) var course: String?
        @OptionGroup var acting: ActorOptions

        func run() throws {
            let loaded = try LoadedCourse.load(course)
            let store = try LearningStore(home: LearningStore.defaultHome())
            let person = try pickTrainee(store, trainee)
            try refusing { try store.grantAttempt(trainee: person.id, course: loaded.course, quiz: quiz, reason: reason, actor: acting.id) }
            let left = try CourseProgress(course: loaded.course, record: store.record(trainee: person.id, course: loaded.course.id), trainee: person.id)
                .modules.flatMap(\.items).first { $0.id == quiz }
            print("Granted \(person.name) one more attempt at \(quiz)" + (left.map { $0.status == .attemptsUsed ? "." : ": it can be taken now." } ?? "."))
        }
    }
}
