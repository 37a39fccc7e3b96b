import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

extension BeaconCommand {
    struct CE: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ce",
            abstract: "Continuing education toward renewal: holders log outside activities; the ledger shows what counts.",
            discussion: """
                Each program's renewal rule sets the hours per cycle, category minimums and caps, and activity kinds that never count (such as supervision or staff meetings, which are refused when logged). A cycle runs from the day a certificate was issued to the day it expires; hours do not carry over, and an activity (its evidence reference) counts once. Beacon modules the rule names count by themselves when finished again within the cycle. The evidence reference stays on this record: it is not in the audit log, a certificate or an export.

                Examples:
                  beacon ce log --trainee sam-lee --program tx-peer --category ethics --kind workshop --hours 3 --date 2027-04-02 --title "Ethics in peer work" --evidence "TX-CE-20931" --as sam-lee
                  beacon ce list --trainee sam-lee --program tx-peer
                """,
            subcommands: [Log.self, ListLedger.self]
        )

        struct Log: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "log", abstract: "Log an outside CE activity (the holder, for themselves; audited).")
            @Option(help: ArgumentHelp("The holder's trainee id.", valueName: "id")) var trainee: String
            @Option(help: ArgumentHelp("The renewal category (see beacon ce list).", valueName: "id")) var category: String
            @Option(help: ArgumentHelp("What kind of activity: workshop, course, conference…", valueName: "kind")) var kind: String
            @Option(help: "Its length in hours.") var hours: Double
            @Option(help: ArgumentHelp("The day it took place (YYYY-MM-DD; default today).", valueName: "day")) var date: String?
            @Option(help: "Its title.") var title: String
            @Option(help: ArgumentHelp("A reference to its evidence: a certificate number or file name.", valueName: "reference")) var evidence: String
            @Option(help: "Program id (default: the course's only program).") var program: String?
            @Option(help: courseHelp) var course: String?
            @OptionGroup var acting: ActorOptions
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                let context = try CertificationContext(course: course)
                let person = try pickTrainee(context.store, trainee)
                let chosen = try context.program(program)
                let held = try context.store.programVersion(trainee: person.id, course: context.course.course, program: chosen.id) ?? chosen
                let day = try parseDay(date)
                let record = try refusing {
                    try context.store.logCE(
                        trainee: person.id, program: held, category: category, kind: kind, hours: hours, day: day, title: title, evidence: evidence,
                        actor: acting.actor ?? person.id
                    )
                }
                if json { return try printJSON(record) }
                print("Logged \(ProgramEvaluation.hours(hours)) h of \(category) on \(day) as \(record.id).")
            }
        }

        struct ListLedger: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "The CE ledger of a holder's current certificate, against the renewal rule.")
            @Option(help: ArgumentHelp("The holder's trainee id.", valueName: "id")) var trainee: String
            @Option(help: "Program id (default: the course's only program).") var program: String?
            @Option(help: courseHelp) var course: String?
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                let context = try CertificationContext(course: course)
                let person = try pickTrainee(context.store, trainee)
                let chosen = try context.program(program)
                let held = try context.store.programVersion(trainee: person.id, course: context.course.course, program: chosen.id) ?? chosen
                let current = try context.service.credentials(trainee: person.id).filter {
                    $0.program == held.id && $0.replacedBy == nil && $0.endorsement == nil && $0.stage == "full" && $0.status != "revoked" && $0.status != "relinquished"
                }.last
                guard let current else { throw CommandFailure("\(person.name) holds no full \(held.title) certificate to renew") }
                guard let ledger = try context.store.renewalEvaluation(credential: current, course: context.course.course, program: held) else {
                    throw CommandFailure("\(held.label) renews without continuing education: beacon renew checks its requirements again")
                }
                if json { return try printJSON(ledger) }
                print("\(person.name) · \(held.title) · certificate \(current.id)")
                for check in ledger.checks { print("  \(check.met ? "met    " : "missing") \(check.requirement): \(check.detail)") }
                for line in ledger.lines {
                    print("  \(line.day)  \(ProgramEvaluation.hours(line.hours)) h  \(line.category)  \(line.title)\(line.source == .beacon ? " (Beacon module)" : "")"
                        + (line.note.map { "  not counted: \($0)" } ?? ""))
                }
                print(ledger.met ? "Ready to renew: beacon renew \(current.id)" : "Not ready to renew yet.")
            }
        }
    }
}
