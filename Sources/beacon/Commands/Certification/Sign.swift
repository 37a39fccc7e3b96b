import ArgumentParser
import BeaconCredentials
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign",
            abstract: "Sign any credential JSON with an eddsa-jcs-2022 proof (for interoperability testing).",
            discussion: """
                Prints the signed JSON. --created fixes the proof's time, so a test vector can be reproduced byte for byte.

                Example:
                  beacon keys import keyPair.json --name w3c
                  beacon sign unsigned.json --key w3c --created 2023-02-24T23:36:38Z
                """
        )

        @Argument(help: "The unsigned credential.") var file: String
        @Option(help: "The key to sign with (see beacon keys list).") var key: String
        @Option(help: ArgumentHelp("The proof's created time (ISO 8601, UTC).", valueName: "time")) var created: String?
        @Flag(help: "Write the proof as an array (the Open Badges 3.0 schema's shape).") var proofArray = false

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else { unreadable("cannot read \(file)") }
            guard case .object(let document) = try JSONValue(parsing: [UInt8](data)) else { unreadable("\(file) is not a JSON object") }
            if let created, CredentialVerifier.date(created) == nil { throw ValidationError("--created \(created) is not an ISO 8601 date and time") }
            let (_, signingKey) = try KeyStore(home: LearningStore.defaultHome()).signingKey(named: key)
            let signed = try DataIntegrity.sign(
                document, with: signingKey, created: created ?? CredentialVerifier.timestamp(Date()), proofAsArray: proofArray
            )
            print(JSONValue.object(signed).serialized(pretty: true))
        }
    }
}
