import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Hours: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hours",
            abstract: "Supervised work hours: the trainee logs them, their supervisor attests or rejects them.",
            discussion: """
                Only attested hours count toward a program. An entry is never edited: a correction (--replaces) is a new entry, and the old one is kept as "changed". Hours are refused when they are 0 or less, pass 24 in one day, lie in the future or before the trainee enrolled. No note is kept: hours carry their date, length, domain and kind of supervision only.

                Examples:
                  beacon hours log --trainee sam-lee --date 2027-03-02 --hours 6 --supervision individual --as sam-lee
                  beacon hours list --trainee sam-lee
                  beacon hours attest h-3f2a9c01de --as lee-park
                  beacon hours reject h-3f2a9c01de --as lee-park
                """,
            subcommands: [Log.self, ListHours.self, Attest.self, Reject.self]
        )

        struct Log: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "log", abstract: "Log supervised work hours (the trainee, for themselves).")
            @Option(help: ArgumentHelp("The trainee's id.", valueName: "id")) var trainee: String
            @Option(help: ArgumentHelp("The day worked (YYYY-MM-DD; default today).", valueName: "day")) var date: String?
            @Option(help: "Hours worked under supervision that day.") var hours: Double
            @Option(help: ArgumentHelp("The program's domain they count toward, if it splits hours by domain.", valueName: "id")) var domain: String?
            @Option(help: "individual or group supervision.") var supervision: SupervisionKind
            @Option(help: ArgumentHelp("Correct this pending or rejected entry: the new one replaces it.", valueName: "entry")) var replaces: String?
            @OptionGroup var acting: ActorOptions
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                let store = try LearningStore(home: LearningStore.defaultHome())
                let day = try parseDay(date)
                let entry = try refusing {
                    try store.logHours(trainee: trainee, day: day, hours: hours, domain: domain, supervision: supervision, actor: acting.id, replacing: replaces)
                }
                if json { return try printJSON(entry) }
                print("Logged \(ProgramEvaluation.hours(entry.hours)) h on \(entry.day) as \(entry.id); it counts once a supervisor attests it.")
            }
        }

        struct ListHours: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List a trainee's hours entries with their history.")
            @Option(help: ArgumentHelp("The trainee's id.", valueName: "id")) var trainee: String
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                let store = try LearningStore(home: LearningStore.defaultHome())
                let person = try pickTrainee(store, trainee)
                let entries = try store.hoursEntries(trainee: person.id)
                if json { return try printJSON(entries) }
                if entries.isEmpty { print("\(person.name) has logged no hours.") }
                for entry in entries {
                    var line = "\(entry.id)  \(entry.day)  \(ProgramEvaluation.hours(entry.hours)) h  \(entry.supervision.rawValue)  \(entry.state.rawValue)"
                    if let by = entry.decidedBy { line += " by \(by)" }
                    if let domain = entry.domain { line += "  [\(domain)]" }
                    if let old = entry.replaces { line += "  replaces \(old)" }
                    if let new = entry.replacedBy { line += "  replaced by \(new)" }
                    print(line)
                }
                let attested = entries.filter { $0.state == .attested }.reduce(0) { $0 + $1.hours }
                let pending = entries.filter { $0.state == .pending }.reduce(0) { $0 + $1.hours }
                print("Attested: \(ProgramEvaluation.hours(attested)) h; waiting for a supervisor: \(ProgramEvaluation.hours(pending)) h.")
            }
        }

        struct Attest: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "attest", abstract: "Attest a pending entry (its trainee's supervisor; audited).")
            @Argument(help: "The entry's id (beacon hours list).") var entry: String
            @OptionGroup var acting: ActorOptions
            func run() throws { try decide(entry, attest: true, acting.id) }
        }

        struct Reject: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject a pending entry (its trainee's supervisor; audited). The trainee may log a correction.")
            @Argument(help: "The entry's id (beacon hours list).") var entry: String
            @OptionGroup var acting: ActorOptions
            func run() throws { try decide(entry, attest: false, acting.id) }
        }
    }
}

private func decide(_ entry: String, attest: Bool, _ actor: String) throws {
    let store = try LearningStore(home: LearningStore.defaultHome())
    let decided = try refusing { try store.decideHours(entry: entry, attest: attest, actor: actor) }
    print("\(decided.id): \(ProgramEvaluation.hours(decided.hours)) h on \(decided.day) \(decided.state.rawValue) by \(actor).")
}
