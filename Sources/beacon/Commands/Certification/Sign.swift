import ArgumentParser
import BeaconCredentials
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign",
            abstract: "Sign any credential JSON with Data Integrity proofs (for interoperability testing).",
            discussion: """
                Prints the signed JSON: by default an eddsa-rdfc-2022 proof, then an eddsa-jcs-2022 proof, as \
                `beacon issue` writes them. --created fixes the proofs' time, so a test vector can be reproduced \
                byte for byte; --explain prints what each suite canonicalized and hashed, on standard error.

                Examples:
                  beacon keys import keyPair.json --name w3c
                  beacon sign unsigned.json --key w3c --created 2023-02-24T23:36:38Z --suite eddsa-rdfc-2022
                  beacon sign unsigned.json --key w3c --created 2023-02-24T23:36:38Z --suite eddsa-rdfc-2022 --explain
                """
        )

        @Argument(help: "The unsigned credential.") var file: String
        @Option(help: "The key to sign with (see beacon keys list).") var key: String
        @Option(help: ArgumentHelp("The proof's created time (ISO 8601, UTC).", valueName: "time")) var created: String?
        @Option(
            name: .customLong("suite"),
            help: ArgumentHelp("A cryptosuite to sign with: eddsa-rdfc-2022 or eddsa-jcs-2022; repeat for several, in order (default: both, rdfc first).", valueName: "name")
        ) var suites: [String] = []
        @Flag(help: "Write the proof as an array even when there is one (the Open Badges 3.0 schema's shape).") var proofArray = false
        @Flag(help: "Print each suite's canonical proof options, canonical document and hashes on standard error.") var explain = false

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else { unreadable("cannot read \(file)") }
            guard case .object(let document) = try JSONValue(parsing: [UInt8](data)) else { unreadable("\(file) is not a JSON object") }
            if let created, CredentialVerifier.date(created) == nil { throw ValidationError("--created \(created) is not an ISO 8601 date and time") }
            var chosen: [Cryptosuite] = []
            for name in suites {
                guard let suite = Cryptosuite(rawValue: name) else {
                    throw ValidationError("--suite \(name) is not one Beacon signs with; use eddsa-rdfc-2022 or eddsa-jcs-2022")
                }
                chosen.append(suite)
            }
            if chosen.isEmpty { chosen = DataIntegrity.defaultSuites }
            let (_, signingKey) = try KeyStore(home: LearningStore.defaultHome()).signingKey(named: key)
            let time = created ?? CredentialVerifier.timestamp(Date())
            if explain { try explainSteps(document, chosen, signingKey, time) }
            let signed = try DataIntegrity.sign(document, with: signingKey, created: time, suites: chosen, proofAsArray: proofArray)
            print(JSONValue.object(signed).serialized(pretty: true))
        }

        private func explainSteps(_ document: JSONObject, _ suites: [Cryptosuite], _ key: SigningKey, _ created: String) throws {
            var unsecured = document
            unsecured["proof"] = nil
            for suite in suites {
                let options = DataIntegrity.proofOptions(suite, key: key, created: created, context: unsecured["@context"])
                let steps = try DataIntegrity.transform(suite, document: unsecured, proofOptions: options)
                let hex = { (bytes: [UInt8]) in bytes.map { String(format: "%02x", $0) }.joined() }
                var text = "== \(suite.rawValue)\n-- canonical proof options\n\(steps.canonicalProof)"
                if !text.hasSuffix("\n") { text += "\n" }
                text += "-- canonical document\n\(steps.canonicalDocument)"
                if !text.hasSuffix("\n") { text += "\n" }
                text += "-- proof hash\n\(hex(steps.proofHash))\n-- document hash\n\(hex(steps.documentHash))\n-- hash data\n\(hex(steps.hashData))\n"
                FileHandle.standardError.write(Data(text.utf8))
            }
        }
    }
}
