import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Session: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "session",
            abstract: "Live training sessions: a facilitator logs one with who attended.",
            discussion: """
                Attendance counts as training hours in the session's delivery mode (live-remote or in-person) and domain. Self-paced hours come from Beacon's own active time and are never logged by hand. A facilitator logs sessions only for trainees of the cohorts assigned to them.

                Example:
                  beacon session log --title "Core training, day 1" --date 2027-03-01 --hours 7 --mode in-person --attendee sam-lee --attendee ana-diaz --as ana-ruiz
                """,
            subcommands: [Log.self]
        )

        struct Log: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "log", abstract: "Log a live session and its attendance (audited).")
            @Option(help: "What the session covered.") var title: String
            @Option(help: ArgumentHelp("The day it took place (YYYY-MM-DD; default today).", valueName: "day")) var date: String?
            @Option(help: "Its length in hours.") var hours: Double
            @Option(help: "live-remote or in-person.") var mode: DeliveryMode
            @Option(help: ArgumentHelp("The program domain it counts toward.", valueName: "id")) var domain: String?
            @Option(help: ArgumentHelp("A trainee who attended; repeat for each.", valueName: "id")) var attendee: [String] = []
            @Option(help: courseHelp) var course: String?
            @OptionGroup var acting: ActorOptions
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                let store = try LearningStore(home: LearningStore.defaultHome())
                let loaded = try LoadedCourse.load(course)
                let day = try parseDay(date)
                let id = try refusing {
                    try store.logSession(
                        course: loaded.course.id, title: title, day: day, hours: hours, mode: mode, domain: domain, attendees: attendee, actor: acting.id
                    )
                }
                if json { return try printJSON(["session": id]) }
                print("Logged session \(id): \(ProgramEvaluation.hours(hours)) h \(mode.rawValue) on \(day), \(Set(attendee).count) attended.")
            }
        }
    }
}
