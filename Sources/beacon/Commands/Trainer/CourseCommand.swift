import ArgumentParser
import BeaconCore
import Foundation

extension BeaconCommand {
    struct CourseCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "course",
            abstract: "Choose the course every command works on, so --course need not be typed each time.",
            discussion: """
                Every command that works on a course takes --course PATH. Without it, the course comes from $BEACON_COURSE, else from the one set here, else the course bundled with Beacon. The choice is kept in $BEACON_HOME/default-course, for this machine only.

                Examples:
                  beacon course use ~/courses/checkin
                  beacon course show
                  beacon course clear
                """,
            subcommands: [Use.self, Show.self, Clear.self]
        )

        struct Use: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Work on this course from now on (it is checked first).")
            @Argument(help: "Course file or folder.") var path: String

            func run() throws {
                let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/")).standardizedFileURL.path
                guard FileManager.default.fileExists(atPath: absolute) else { throw CommandFailure("no such file or folder: \(path)") }
                let loaded = try LoadedCourse.load(absolute)
                try CourseDefault.save(absolute)
                print("Commands now work on \(loaded.course.id) \(loaded.course.version) (\(absolute)) unless given --course.")
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Which course commands work on, and why.")
            @Flag(help: "Print JSON for scripts.") var json = false

            func run() throws {
                let loaded = try LoadedCourse.load(nil)
                let source: String = switch loaded.chosenBy {
                case .named: "named"
                case .environment: "BEACON_COURSE"
                case .saved: "beacon course use"
                case .bundled: "bundled"
                }
                if json {
                    try printJSON(["course": loaded.course.id, "version": loaded.course.version, "path": loaded.path, "source": source])
                } else {
                    print("\(loaded.course.id) \(loaded.course.version) at \(loaded.path) (\(source == "bundled" ? "the bundled course" : "from " + source))")
                }
            }
        }

        struct Clear: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Forget the course set with beacon course use.")

            func run() throws {
                try CourseDefault.clear()
                print("Commands work on the bundled course again unless given --course or $BEACON_COURSE.")
            }
        }
    }
}
