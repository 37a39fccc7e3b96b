import ArgumentParser
import BeaconCredentials
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keys",
            abstract: "Manage the issuer's signing keys (Ed25519, did:key).",
            discussion: "Keys live in $BEACON_HOME/keys, one file each, readable only by you. Private keys are never printed.",
            subcommands: [Init.self, List.self, Rotate.self, Import.self, ExportPublic.self]
        )

        struct Init: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "init", abstract: "Create the first signing key and name the issuer.")
            @Option(help: "A name for the key.") var name = "issuer-1"
            @Option(help: "The issuer's name as it appears on certificates.") var issuerName: String?
            @Option(help: "The issuer's web site.") var issuerUrl: String?
            @Option(help: "Where `beacon serve` will be reachable; status lists are published there.") var publicUrl: String?

            func run() throws {
                let home = LearningStore.defaultHome()
                let store = try LearningStore(home: home)
                if let issuerName { try store.setSetting("issuer.name", issuerName) }
                if let issuerUrl { try store.setSetting("issuer.url", issuerUrl) }
                if let publicUrl { try store.setSetting("public.url", publicUrl) }
                let keys = KeyStore(home: home)
                if let active = try keys.active() {
                    print("A signing key already exists: \(active.name) \(active.did). Use beacon keys rotate to replace it.")
                    return
                }
                let entry = try keys.add(name: name)
                print("Created key \(entry.name)\n  DID: \(entry.did)\n  file: \(keys.folder.path)/\(entry.name).json (private; back it up safely)")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List keys: name, DID, created, active or retired.")
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                let entries = try KeyStore(home: LearningStore.defaultHome()).entries()
                if json {
                    let rows: [[String: String]] = entries.map {
                        ["name": $0.name, "did": $0.did, "created": CredentialVerifier.timestamp($0.created), "state": $0.isActive ? "active" : "retired"]
                    }
                    print(String(decoding: try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
                    return
                }
                if entries.isEmpty { print("No keys yet; create one with beacon keys init.") }
                for entry in entries {
                    print("\(entry.name)  \(entry.isActive ? "active " : "retired")  created \(CredentialVerifier.timestamp(entry.created))  \(entry.did)")
                }
            }
        }

        struct Rotate: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "rotate",
                abstract: "Retire the active key and create a new one.",
                discussion: "Retired keys stay trusted for verifying what they signed; new certificates are signed with the new key."
            )
            @Option(help: "A name for the new key.") var name: String?

            func run() throws {
                let keys = KeyStore(home: LearningStore.defaultHome())
                let entry = try keys.rotate(newName: name ?? "issuer-\(try keys.entries().count + 1)")
                print("Now signing with \(entry.name) \(entry.did); earlier keys are retired but still trusted.")
            }
        }

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "Import a key from a Multikey JSON file.",
                discussion: "The file holds publicKeyMultibase and secretKeyMultibase (or privateKeyMultibase), like the W3C test vector keyPair.json."
            )
            @Argument(help: "The key file.") var file: String
            @Option(help: "A name for the key.") var name: String?

            func run() throws {
                let value = try JSONValue(parsing: [UInt8](try Data(contentsOf: URL(fileURLWithPath: file))))
                guard let secret = value["secretKeyMultibase"]?.stringValue ?? value["privateKeyMultibase"]?.stringValue,
                    let seed = Multikey.decodeSecret(secret)
                else { throw CommandFailure("\(file) has no Ed25519 secretKeyMultibase or privateKeyMultibase") }
                let key = try SigningKey(seed: seed)
                if let published = value["publicKeyMultibase"]?.stringValue, Multikey.decodePublic(published) != key.publicKey {
                    throw CommandFailure("\(file): publicKeyMultibase does not belong to the secret key")
                }
                let keys = KeyStore(home: LearningStore.defaultHome())
                let entry = try keys.add(name: name ?? "imported-\(try keys.entries().count + 1)", seed: seed)
                print("Imported \(entry.name) \(entry.did)")
            }
        }

        struct ExportPublic: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "export-public",
                abstract: "Print the public keys (Multikey JSON) for verifiers to trust."
            )

            func run() throws {
                let rows: [[String: String]] = try KeyStore(home: LearningStore.defaultHome()).entries().map {
                    ["id": "\($0.did)#\($0.publicKeyMultibase)", "type": "Multikey", "controller": $0.did, "publicKeyMultibase": $0.publicKeyMultibase]
                }
                print(String(decoding: try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]), as: UTF8.self))
            }
        }
    }
}
