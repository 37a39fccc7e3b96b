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

                Beacon's own words (keys, help, feedback, crisis support) are in English or Spanish: --lang es or --lang en, else LC_ALL, else the course's xml:lang, else LANG. With no course named, a Spanish speaker (--lang es, or LC_ALL or LANG set to es_…) gets the Spanish edition of the bundled course.

                Data is kept in $BEACON_HOME (default $XDG_DATA_HOME/beacon, else ~/.local/share/beacon), readable only by you.

                Examples:
                  beacon learn
                  beacon learn --course curricula/sample --trainee alex
                  printf '1\\n\\n' | beacon learn --plain --trainee alex
                  beacon learn --lang es
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

        @OptionGroup var language: LanguageOption

        @Flag(help: "Linear mode for screen readers and scripts: no redraws, numbered prompts, answers as lines.")
        var plain = false

        /// Fixes quiz draws and shuffles, so scripted tests know the order of questions.
        @Option(help: .hidden)
        var seed: UInt64?

        func run() throws {
            let loaded = try LoadedCourse.load(course, language: language.asked)
            let speaks = language.language(for: loaded.course)
            let words = PlayerWords.in(speaks).session
            let store = try LearningStore(home: LearningStore.defaultHome())
            let accessible = ProcessInfo.processInfo.environment["ACCESSIBLE"].map { !$0.isEmpty && $0 != "0" } ?? false
            let terminal = TTYTerminal(linear: plain || accessible)
            let resources = LoadedCourse.crisisResources(speaks)
            let person: Trainee?
            do {
                person = try SignIn(store: store, terminal: terminal, resources: resources, language: speaks).trainee(requested: trainee)
            } catch let error as SignInError {
                terminal.restore()
                throw ValidationError(error.message)
            }
            guard let person else {
                terminal.restore()
                print("\n" + words.noTrainee)
                return
            }
            let resume = "beacon learn" + (course.map { " --course \($0)" } ?? "") + (language.lang.map { " --lang \($0)" } ?? "") + " --trainee \(person.id)"
            TTYTerminal.setFarewell("\n" + words.saved(resume) + "\n")
            var options = CoursePlayer.Options(seed: seed)
            options.language = speaks
            let player = CoursePlayer(
                course: loaded.course, stamp: loaded.stamp, store: store, trainee: person,
                terminal: terminal, resources: resources, options: options
            )
            let exit = player.run()
            terminal.restore()
            switch exit {
            case .interrupted:
                print("\n" + words.saved(resume))
                throw ExitCode(130)
            case .paused:
                print(words.paused(resume))
            case .quit, .finished:
                print(words.comeBack(resume))
            case .endOfInput:
                print("\n" + words.endOfInput(resume))
            case .notSaved(let reason):
                // Said once, plainly: the last answer is not in the record, everything before it is.
                FileHandle.standardError.write(Data("\n\(words.notSaved(reason, resume))\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
