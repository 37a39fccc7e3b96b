import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

extension BeaconCommand {
    struct ReferenceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reference",
            abstract: "Record that a reference arrived: its kind, the referee's role and the day. Never its content.",
            discussion: """
                An admin records a reference once it has arrived from the referee. Beacon keeps the kind (supervisory, professional, character), the referee's role in a few words and the day received; the letter itself stays wherever the programme files it.

                Example:
                  beacon reference --trainee sam-lee --kind supervisory --referee-role "clinical supervisor" --date 2027-05-02 --as dana-cruz
                """
        )
        @Option(help: ArgumentHelp("The trainee the reference is for.", valueName: "id")) var trainee: String
        @Option(help: "supervisory, professional or character.") var kind: RefereeKind
        @Option(help: ArgumentHelp("The referee's role, not their name (\"peer supervisor\").", valueName: "role")) var refereeRole: String
        @Option(help: ArgumentHelp("The day it arrived (YYYY-MM-DD; default today).", valueName: "day")) var date: String?
        @OptionGroup var acting: ActorOptions

        func run() throws {
            let store = try LearningStore(home: LearningStore.defaultHome())
            let person = try pickTrainee(store, trainee)
            let day = try parseDay(date)
            try refusing { try store.recordReference(trainee: person.id, kind: kind, refereeRole: refereeRole, day: day, actor: acting.id) }
            print("Recorded a \(kind.rawValue) reference for \(person.name), received \(day).")
        }
    }

    struct LegalName: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "legal-name",
            abstract: "Confirm the name on a trainee's ID, for their certificates (admin; audited without the name).",
            discussion: "Certificates carry this name; the course keeps calling the trainee by the name they chose. Issuing refuses until it is set.\n\nExample:\n  beacon trainee legal-name sam-lee --name \"Samuel J. Lee\" --as dana-cruz"
        )
        @Argument(help: "The trainee's id.") var id: String
        @Option(help: "The name exactly as on their ID.") var name: String
        @OptionGroup var acting: ActorOptions

        func run() throws {
            let store = try LearningStore(home: LearningStore.defaultHome())
            let person = try pickTrainee(store, id)
            try refusing { try store.confirmLegalName(trainee: person.id, name: name, actor: acting.id) }
            print("Confirmed the legal name for \(person.id); certificates will carry it.")
        }
    }
}
