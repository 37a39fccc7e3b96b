import ArgumentParser
import BeaconCredentials
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keys",
            abstract: "Manage the issuer's signing keys (Ed25519; each is a did:key, and the keys of a did:web issuer).",
            discussion: "Keys live in $BEACON_HOME/keys, one file each, readable only by you. Private keys are never printed.",
            subcommands: [Init.self, List.self, Rotate.self, Import.self, ExportPublic.self]
        )

        struct Init: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "init",
                abstract: "Create the first signing key and, optionally, name the issuer.",
                discussion: "Run once. Later changes to the issuer's details go through beacon issuer set, and a new key through beacon keys rotate."
            )
            @Option(help: "A name for the key.") var name = "issuer-1"
            @Option(help: "The issuer's name as it appears on certificates.") var issuerName: String?
            @Option(help: "The issuer's web site.") var issuerUrl: String?
            @Option(help: "Where `beacon serve` will be reachable; status lists are published there.") var publicUrl: String?
            @Flag(help: "Allow loopback and placeholder public URLs (tests and demonstrations only).") var forTesting = false

            func run() throws {
                let home = LearningStore.defaultHome()
                let store = try LearningStore(home: home)
                let keys = KeyStore(home: home)
                if let active = try keys.active() {
                    let details = issuerName != nil || issuerUrl != nil || publicUrl != nil || forTesting
                    throw CommandFailure(
                        "a signing key already exists (\(active.name) \(active.did)); nothing was changed. "
                            + (details ? "Change the issuer's details with beacon issuer set; " : "") + "replace the key with beacon keys rotate."
                    )
                }
                let entry = try keys.add(name: name)
                print("Created key \(entry.name)\n  DID: \(entry.did)\n  file: \(keys.folder.path)/\(entry.name).json (private; back it up safely)")
                let changes = try store.updateIssuer(.init(name: issuerName, url: issuerUrl, publicURL: publicUrl, forTesting: forTesting ? true : nil))
                if !changes.isEmpty { printChanges(changes) }
                if let problem = try store.certificationSettings().problem { print("Before issuing: \(problem)") }
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
                guard try keys.active() != nil else { throw CommandFailure("there is no signing key to rotate yet; create the first with beacon keys init") }
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
                abstract: "Print a trust file with this issuer's public keys, for verifiers.",
                discussion: """
                    The output is the trust file format that beacon verify --trust reads: {"trusted": [{"did", "name", "added", …}]}, one entry per key (retired keys too, since certificates they signed stay valid), each with its Multikey publicKeyMultibase. No private key is ever printed.

                    Example (the employer's side):
                      beacon keys export-public > river-valley.json     # the issuer
                      beacon verify sam-lee.json --trust river-valley.json
                    """
            )

            func run() throws {
                let home = LearningStore.defaultHome()
                let store = try LearningStore(home: home)
                let issuer = try store.issuerDetails().name
                struct Entry: Encodable {
                    var did: String, name: String?, added: Date, publicKeyMultibase: String?, key: String?, state: String?, didDocument: String?
                }
                struct File: Encodable { var trusted: [Entry] }
                let keys = KeyStore(home: home)
                var entries = try keys.entries().map {
                    Entry(
                        did: $0.did, name: issuer, added: $0.created, publicKeyMultibase: $0.publicKeyMultibase, key: $0.name,
                        state: $0.isActive ? "active" : "retired", didDocument: nil
                    )
                }
                // A did:web issuer: its DID document, pinned, so employers verify offline.
                let settings = try store.certificationSettings()
                if let web = settings.didWeb, let document = try CertificationService(store: store, keys: keys).didDocument(settings: settings) {
                    entries.insert(
                        Entry(did: web.did, name: issuer, added: entries.first?.added ?? Date(), publicKeyMultibase: nil, key: nil, state: nil,
                              didDocument: JSONValue.object(document).serialized()),
                        at: 0
                    )
                }
                try printJSON(File(trusted: entries))
            }
        }
    }
}
