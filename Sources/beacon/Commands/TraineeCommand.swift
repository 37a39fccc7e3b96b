import ArgumentParser
import BeaconCredentials
import BeaconStore
import Foundation

extension BeaconCommand {
    struct TraineeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trainee",
            abstract: "List trainees on this machine, confirm a legal name, or erase one's personal data.",
            subcommands: [List.self, LegalName.self, Erase.self, KeysList.self, RemoveKey.self]
        )
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the trainees on this machine.")

        @Flag(help: "Print JSON for scripts.")
        var json = false

        func run() throws {
            let store = try LearningStore(home: LearningStore.defaultHome())
            let trainees = try store.trainees()
            if json {
                print(try ReportOutput.json(trainees))
            } else if trainees.isEmpty {
                print("No trainees yet; start with beacon learn.")
            } else {
                for trainee in trainees { print("\(trainee.id)\t\(trainee.name)") }
            }
        }
    }

    struct KeysList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keys",
            abstract: "List the SSH keys enrolled for a trainee.",
            discussion: "Each key was bound with a one-time code (beacon enrol). Remove one with beacon trainee remove-key ID FINGERPRINT; issue a new code with beacon enrol --trainee ID."
        )
        @Argument(help: "The trainee's id.") var id: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let store = try LearningStore(home: LearningStore.defaultHome())
            let person = try pickTrainee(store, id)
            let keys = try store.keys(trainee: person.id)
            if json { return try printJSON(keys) }
            if keys.isEmpty { print("\(person.name) has no SSH keys yet; give them a code with beacon enrol --trainee \(person.id).") }
            for key in keys { print("\(key.fingerprint)  added \(CredentialVerifier.timestamp(key.addedAt))  \(key.publicKey.prefix(24))…") }
        }
    }

    struct RemoveKey: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove-key", abstract: "Stop a trainee's SSH key from signing in (audited).")
        @Argument(help: "The trainee's id.") var id: String
        @Argument(help: "The key's fingerprint (SHA256:…), as beacon trainee keys lists it.") var fingerprint: String

        func run() throws {
            let store = try LearningStore(home: LearningStore.defaultHome())
            let person = try pickTrainee(store, id)
            guard try store.removeKey(trainee: person.id, fingerprint: fingerprint) else {
                throw CommandFailure("\(person.id) has no key \(fingerprint); see beacon trainee keys \(person.id)")
            }
            print("Removed \(fingerprint) from \(person.name). That computer needs a new code to come in again.")
        }
    }

    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase",
            abstract: "Erase a trainee's personal data.",
            discussion: """
                Removes the trainee's name, every lesson, quiz answer (including typed text) and role-play run, and the stored copies of their certificates. Certificates keep their id, status and status-list slot, so a certificate the holder still has can still be verified, revoked or suspended. The audit log keeps its chain: it has only ever named the trainee by a random reference, and it records that an erasure happened and how much was removed, never what.

                This cannot be undone. Asks you to type the id again unless --yes is given.

                Example:
                  beacon trainee erase sam-lee
                """
        )

        @Argument(help: "The trainee's id (see beacon trainee list).")
        var id: String

        @Flag(help: "Do not ask for confirmation (for scripts).")
        var yes = false

        @Flag(help: "Print JSON for scripts.")
        var json = false

        func run() throws {
            let store = try LearningStore(home: LearningStore.defaultHome())
            guard let trainee = try store.trainee(id: id), !trainee.name.isEmpty else {
                throw CommandFailure("no trainee '\(id)' on record here; see beacon trainee list")
            }
            if !yes {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw ValidationError("erasing cannot be undone; add --yes to erase '\(id)' without a prompt")
                }
                print("This removes everything \(trainee.name) (\(id)) has done here and cannot be undone.")
                print("Type the id again to confirm: ", terminator: "")
                guard readLine()?.trimmingCharacters(in: .whitespaces) == id else {
                    print("Not erased.")
                    throw ExitCode.failure
                }
            }
            let erasure = try store.eraseTrainee(id: id)
            if json {
                print(try ReportOutput.json(erasure))
            } else {
                print("Erased \(id): \(erasure.lessons) lessons, \(erasure.attempts) quiz attempts (\(erasure.answers) answers), \(erasure.runs) role-play runs; \(erasure.credentialsRedacted) certificate copies removed (their status entries are kept).")
            }
        }
    }
}
