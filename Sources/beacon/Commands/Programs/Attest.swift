import ArgumentParser
import BeaconCore
import BeaconStore
import BeaconTerminal
import Foundation

extension BeaconCommand {
    struct AttestCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "attest",
            abstract: "A trainee attests one of the program's documents: the code of ethics, a release, or lived experience.",
            discussion: """
                The document's text is shown, and the attestation records its id, version and SHA-256 with the time; the lived-experience statement is a yes and its time, never a story. When the program publishes a new version of a document, the trainee is asked again. Only the trainee attests for themselves.

                Type ! at the prompt for crisis support.

                Examples:
                  beacon attest --trainee sam-lee --document code-of-ethics --program tx-peer
                  beacon attest --trainee sam-lee --document lived-experience --program tx-peer --yes   # scripts: agree without the prompt
                """
        )
        @Option(help: ArgumentHelp("The trainee's id (the one attesting).", valueName: "id")) var trainee: String
        @Option(help: ArgumentHelp("The document's id (beacon eligibility lists what is asked).", valueName: "id")) var document: String
        @Option(help: ArgumentHelp("The version being attested (default: the current one).", valueName: "version")) var version: String?
        @Option(help: "Program id (default: the course's only program).") var program: String?
        @Option(help: courseHelp) var course: String?
        @Flag(help: "Agree without being asked (for scripts, after the trainee has read the text).") var yes = false
        @OptionGroup var acting: ActorOptions

        func run() throws {
            let context = try CertificationContext(course: course)
            let person = try pickTrainee(context.store, trainee)
            let chosen = try context.program(program)
            let held = try context.store.programVersion(trainee: person.id, course: context.course.course, program: chosen.id) ?? chosen
            guard let text = held.document(document) else {
                throw CommandFailure("program \(held.label) has no document '\(document)'; documents: \(held.documents.map(\.id).joined(separator: ", "))")
            }
            // The actor is checked before the prompt, so nobody reads a text they may not sign.
            try refusing { try context.store.authorize(.attestDocument, actor: acting.actor ?? person.id, trainee: person.id) }
            if !yes {
                print("\(text.title), version \(text.version)\n")
                print(text.text + "\n")
                let question = text.kind == .livedExperience ? "Is this true of you? Type yes to say so" : "Type yes to sign"
                while true {
                    print("\(question), or anything else to stop (! crisis support): ", terminator: "")
                    guard let line = readLine()?.trimmingCharacters(in: .whitespaces) else { throw CommandFailure("nothing attested") }
                    if line == "!" {
                        let resources = LoadedCourse.crisisResources()
                        print(resources.heading)
                        for resource in resources.resources { print("  \(resource.name): \(resource.how)") }
                        continue
                    }
                    guard line.lowercased() == "yes" else { throw CommandFailure("nothing attested") }
                    break
                }
            }
            try refusing {
                try context.store.attest(trainee: person.id, program: held, document: document, version: version, actor: acting.actor ?? person.id)
            }
            print("\(person.name) attested \(text.title), version \(text.version).")
        }
    }
}
