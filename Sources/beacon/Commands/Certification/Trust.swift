import ArgumentParser
import BeaconCredentials
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Trust: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trust",
            abstract: "Manage the issuers this machine trusts when verifying.",
            discussion: "This machine's own keys are always trusted. Add another issuer only when you know who holds its key.",
            subcommands: [Add.self, List.self, Remove.self]
        )

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add", abstract: "Trust an issuer's did:key or did:web.",
                discussion: """
                    A did:web's DID document is fetched over HTTPS when a credential is verified; pin it with --did-document to verify offline (and to notice if the published one ever changes).

                    Examples:
                      beacon trust add did:key:z6Mk… --name "River Valley Peer Academy"
                      beacon trust add did:web:certs.rivervalley.org --name "River Valley Peer Academy" --did-document did.json
                    """
            )
            @Argument(help: "The issuer's DID (did:key:z6Mk… or did:web:host).") var did: String
            @Option(help: "Who it is, for your own records.") var name: String?
            @Option(help: ArgumentHelp("A did:web's DID document (did.json) to pin.", valueName: "file")) var didDocument: String?

            func run() throws {
                var pinned: String?
                if DIDWeb(did: did) != nil {
                    if let didDocument {
                        guard let data = FileManager.default.contents(atPath: didDocument), data.count <= 1 << 16,
                            case .object(let document)? = try? JSONValue(parsing: [UInt8](data))
                        else { throw ValidationError("\(didDocument) is not a DID document (a JSON object of at most 64 KiB)") }
                        guard document["id"]?.stringValue == did else {
                            throw ValidationError("\(didDocument) is the DID document of \(document["id"]?.stringValue ?? "no DID"), not \(did)")
                        }
                        pinned = JSONValue.object(document).serialized()
                    }
                } else {
                    guard let key = DIDKey(did: did), key.did == did else { throw ValidationError("\(did) is neither an Ed25519 did:key nor a did:web") }
                    if didDocument != nil { throw ValidationError("--did-document is for a did:web; a did:key is its own key") }
                }
                let file = TrustList.file(home: LearningStore.defaultHome())
                var list = try TrustList.load(from: file)
                if let at = list.trusted.firstIndex(where: { $0.did == did }) {
                    // Trusted already: a new document replaces the pinned one (after a key rotation).
                    guard let pinned, list.trusted[at].didDocument != pinned else { print("Already trusted: \(did)"); return }
                    list.trusted[at].didDocument = pinned
                    try list.save(to: file)
                    print("Updated the pinned DID document of \(did)")
                    return
                }
                list.trusted.append(TrustList.Entry(did: did, name: name, added: Date(), didDocument: pinned))
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                try list.save(to: file)
                print("Trusted \(name.map { "\($0) " } ?? "")\(did)")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List trusted issuers.")
            func run() throws {
                let home = LearningStore.defaultHome()
                let issuer = try LearningStore(home: home).issuerDetails().name ?? "this issuer, not yet named"
                let keys = try KeyStore(home: home).entries()
                let others = try TrustList.load(from: TrustList.file(home: home)).trusted
                if keys.isEmpty, others.isEmpty { print("No issuers are trusted yet: add one with beacon trust add DID --name NAME.") }
                for entry in keys { print("\(issuer) (this machine's key \(entry.name)\(entry.isActive ? "" : ", retired"))  \(entry.did)") }
                for entry in others { print("\(entry.name ?? "(no name given)") (added \(CredentialVerifier.timestamp(entry.added)))  \(entry.did)") }
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "remove", abstract: "Stop trusting an issuer.")
            @Argument(help: "The issuer's DID.") var did: String
            func run() throws {
                let file = TrustList.file(home: LearningStore.defaultHome())
                var list = try TrustList.load(from: file)
                let before = list.trusted.count
                list.trusted.removeAll { $0.did == did }
                guard list.trusted.count < before else { throw CommandFailure("\(did) is not on the trust list") }
                try list.save(to: file)
                print("No longer trusted: \(did)")
            }
        }
    }
}
