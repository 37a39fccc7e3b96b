import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

extension BeaconCommand {
    struct ProgramCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "program",
            abstract: "The course's certification programs and their versions; move a trainee to another version.",
            discussion: """
                A trainee is held to the version of a program in force on the day they started the course. An admin can move them to another version, with a reason (audited).

                Examples:
                  beacon program list
                  beacon program move --trainee sam-lee --program tx-peer --version 2026.1 --reason "chose the new rules" --as dana-cruz
                """,
            subcommands: [ListPrograms.self, Move.self]
        )

        struct ListPrograms: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List programs, versions and effective dates.")
            @Option(help: courseHelp) var course: String?
            @Flag(help: "Print JSON.") var json = false

            struct Row: Encodable {
                var id: String, version: String?, effective: DayDate?, title: String, provisional: Bool, modelledOn: String?, sources: [String]
            }

            func run() throws {
                let loaded = try LoadedCourse.load(course)
                let rows = loaded.course.certifications.map {
                    Row(id: $0.id, version: $0.version, effective: $0.effective, title: $0.title, provisional: $0.provisionalValidity != nil,
                        modelledOn: $0.modelledOn?.title, sources: $0.sources.map(\.href))
                }
                if json { return try printJSON(rows) }
                for program in loaded.course.certifications {
                    var line = "\(program.id)"
                    if let version = program.version { line += " \(version)" }
                    if let effective = program.effective { line += " (from \(effective))" }
                    print(line + ": \(program.title)" + (program.provisionalValidity != nil ? " · provisional first" : ""))
                    if let basis = program.modelledOn { print("  modelled on \(basis.title), not endorsed by it") }
                }
            }
        }

        struct Move: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "move", abstract: "Hold a trainee to another version of a program (admin; audited).")
            @Option(help: ArgumentHelp("The trainee's id.", valueName: "id")) var trainee: String
            @Option(help: ArgumentHelp("The program's id.", valueName: "id")) var program: String
            @Option(help: ArgumentHelp("The version to hold them to.", valueName: "version")) var version: String
            @Option(help: "Why (kept in the audit log).") var reason: String
            @Option(help: courseHelp) var course: String?
            @OptionGroup var acting: ActorOptions

            func run() throws {
                let loaded = try LoadedCourse.load(course)
                let versions = loaded.course.certifications.filter { $0.id == program }
                guard versions.contains(where: { $0.version == version }) else {
                    throw CommandFailure("program \(program) has no version \(version); versions: \(versions.compactMap(\.version).joined(separator: ", "))")
                }
                let store = try LearningStore(home: LearningStore.defaultHome())
                let person = try pickTrainee(store, trainee)
                try refusing { try store.moveProgram(trainee: person.id, program: program, version: version, reason: reason, actor: acting.id) }
                print("\(person.id) is now held to \(program) \(version).")
            }
        }
    }
}
