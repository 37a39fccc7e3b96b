import ArgumentParser
import BeaconCore
import BeaconSSH
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Enrol: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enrol",
            abstract: "Enrol a trainee for the course over SSH: prints a one-time code.",
            discussion: """
                The trainee connects with ssh (beacon serve --ssh-port), types the code once, and from then on comes straight in with that computer's key. A code works once, expires (default 7 days), and is made of letters and digits that cannot be confused when read aloud. Only a hash of it is stored; enrolments and every attempt to use a code are audited, without the code.

                Give --trainee to issue a new code for someone already enrolled, to add a key for another computer.

                Examples:
                  beacon enrol "Sam Lee" --cohort spring-2027
                  beacon enrol --trainee sam-lee              # a code for a second computer
                  beacon host-key                             # the fingerprint trainees check
                """
        )

        @Argument(help: "The trainee's name, as they would like to be called.") var name: String?
        @Option(help: ArgumentHelp("An existing trainee's id (a new code to add a key).", valueName: "id")) var trainee: String?
        @Option(help: ArgumentHelp("The cohort they belong to (created if new).", valueName: "id")) var cohort: String?
        @Option(help: ArgumentHelp("How long the code works, as an ISO 8601 duration.", valueName: "duration")) var valid = "P7D"
        @Flag(help: "Print JSON for scripts.") var json = false

        func validate() throws {
            guard (name == nil) != (trainee == nil) else { throw ValidationError("give a name for a new trainee, or --trainee ID for an enrolled one") }
            if let name, let problem = TraineeName.problem(with: name) { throw ValidationError(problem) }
            if let cohort, cohort.isEmpty || cohort.count > 40 || !cohort.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
                throw ValidationError("--cohort is a short id of letters, digits and hyphens, like spring-2027")
            }
        }

        func run() throws {
            // Months and years have no fixed length; a code's life is days and hours.
            guard let duration = ISODuration(valid), duration.years == 0, duration.months == 0 else {
                throw ValidationError("--valid is a duration in days or hours, like P7D (seven days) or PT12H (twelve hours)")
            }
            let seconds = TimeInterval(duration.days * 86_400 + duration.hours * 3_600 + duration.minutes * 60) + duration.seconds
            guard seconds > 0 else { throw ValidationError("--valid must be longer than nothing, like P7D") }
            let store = try LearningStore(home: LearningStore.defaultHome())
            let issued: (trainee: Trainee, code: String, expires: Date)
            do {
                issued = try store.issueEnrolmentCode(traineeName: name, traineeId: trainee, cohort: cohort, validFor: seconds)
            } catch let error as StoreError {
                throw CommandFailure("\(error.description) on record here; see beacon trainee list")
            }
            if json {
                struct Output: Encodable { var trainee: String; var name: String; var cohort: String?; var code: String; var expires: Date }
                return try printJSON(Output(trainee: issued.trainee.id, name: issued.trainee.name, cohort: cohort, code: issued.code, expires: issued.expires))
            }
            let formatter = DateFormatter()
            formatter.dateStyle = .long
            formatter.timeStyle = .short
            print("Enrolment code for \(issued.trainee.name) (\(issued.trainee.id)\(cohort.map { ", cohort \($0)" } ?? "")):")
            print("")
            print("    \(issued.code)")
            print("")
            print("It works once, until \(formatter.string(from: issued.expires)). Give it to them privately, with the address to connect to and the host key fingerprint (beacon host-key).")
        }
    }

    struct HostKeyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "host-key",
            abstract: "Print the SSH host key's fingerprint, as ssh shows it on first connect.",
            discussion: "Creates the key on first use, in $BEACON_HOME/ssh (readable only by you). Tell trainees this fingerprint, so they can check that they reached your server before they type anything."
        )
        func run() throws {
            let key = try HostKey.loadOrCreate(home: LearningStore.defaultHome())
            print("ED25519 key \(key.fingerprint)")
        }
    }
}
