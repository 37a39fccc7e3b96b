import ArgumentParser
import BeaconCore
import BeaconStore
import BeaconTerminal
import Foundation

extension BeaconCommand {
    struct Learn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "learn",
            abstract: "Take a course: lessons, quizzes and role-plays, saved as you go.",
            discussion: """
                Every answer is saved the moment you give it. Leave with q, Ctrl-C or by closing the window, and `beacon learn` brings you back to the same question or scene.

                Keys are shown on every screen: numbers choose, Enter confirms, ! shows crisis support (who to call or text right now), ? shows help, q goes back.

                The linear mode (--plain, or ACCESSIBLE=1, or whenever input or output is not a terminal) prints each screen once, never moves the cursor, and reads answers as typed lines, so it works with screen readers and with answers piped in.

                Data is kept in $BEACON_HOME (default $XDG_DATA_HOME/beacon, else ~/.local/share/beacon), readable only by you.

                Examples:
                  beacon learn
                  beacon learn --course curricula/sample --trainee alex
                  printf '1\\n\\n' | beacon learn --plain --trainee alex
                """
        )

        @Option(name: .customLong("course"), help: courseHelp)
        var courseOption: String?

        /// The older spelling, `beacon learn PATH`, still works.
        @Argument(help: .hidden)
        var coursePath: String?

        var course: String? { courseOption ?? coursePath }

        @Option(help: ArgumentHelp("Trainee id or name; created if new. Without it, beacon asks your name (and confirms a name it already has), so on a shared computer nobody sees anyone else's.", valueName: "id"))
        var trainee: String?

        @Flag(help: "Linear mode for screen readers and scripts: no redraws, numbered prompts, answers as lines.")
        var plain = false

        /// Fixes quiz draws and shuffles, so scripted tests know the order of questions.
        @Option(help: .hidden)
        var seed: UInt64?

        func run() throws {
            let loaded = try LoadedCourse.load(course)
            let store = try LearningStore(home: LearningStore.defaultHome())
            let accessible = ProcessInfo.processInfo.environment["ACCESSIBLE"].map { !$0.isEmpty && $0 != "0" } ?? false
            let terminal = TTYTerminal(linear: plain || accessible)
            let resources = LoadedCourse.crisisResources()
            let person: Trainee?
            do {
                person = try SignIn(store: store, terminal: terminal, resources: resources).trainee(requested: trainee)
            } catch let error as SignInError {
                terminal.restore()
                throw ValidationError(error.message)
            }
            guard let person else {
                terminal.restore()
                print("\nNo trainee chosen; nothing was saved.")
                return
            }
            let resume = "beacon learn" + (course.map { " --course \($0)" } ?? "") + " --trainee \(person.id)"
            TTYTerminal.setFarewell("\nYour progress is saved. Resume with: \(resume)\n")
            let player = CoursePlayer(
                course: loaded.course, stamp: loaded.stamp, store: store, trainee: person,
                terminal: terminal, resources: resources, options: .init(seed: seed)
            )
            let exit = player.run()
            terminal.restore()
            switch exit {
            case .interrupted:
                print("\nYour progress is saved. Resume with: \(resume)")
                throw ExitCode(130)
            case .paused:
                print("Paused. Take the time you need. Resume with: \(resume)")
            case .quit, .finished:
                print("Your progress is saved. Come back with: \(resume)")
            case .endOfInput:
                print("\nEnd of input; your progress is saved. Resume with: \(resume)")
            case .notSaved(let reason):
                // Said once, plainly: the last answer is not in the record, everything before it is.
                FileHandle.standardError.write(Data("\nYour last answer was not saved: \(reason). Everything Beacon confirmed before it is kept. Try again in a few minutes: \(resume)\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
