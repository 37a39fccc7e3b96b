import ArgumentParser
import BeaconCredentials
import BeaconStore
import Foundation

extension BeaconCommand {
    struct IssuerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issuer",
            abstract: "Show or set who issues certificates and where employers check them.",
            discussion: """
                Every certificate carries the issuer's name and points its status (revoked, suspended) at the public URL, where beacon serve publishes the status lists. A signed certificate cannot be corrected afterwards, so beacon issue refuses while the name is unset or the public URL is this computer (127.0.0.1, localhost) or a placeholder (.example, .test).

                Examples:
                  beacon issuer show
                  beacon issuer set --name "River Valley Peer Academy" --public-url https://certificates.rivervalley.org
                  beacon issuer set --for-testing        # tests and demonstrations: allow placeholder URLs
                  beacon issuer set --did did:web:certificates.rivervalley.org   # sign as the institution (beacon serve publishes its DID document)
                  beacon issuer set --did did:key        # back to the key's own DID, the offline default
                """,
            subcommands: [Show.self, SetDetails.self],
            defaultSubcommand: Show.self
        )

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the issuer's details and whether certificates can be issued with them.")
            @Flag(help: "Print JSON for scripts.") var json = false

            func run() throws {
                let store = try LearningStore(home: LearningStore.defaultHome())
                let details = try store.issuerDetails()
                let problem = try store.certificationSettings().problem
                if json {
                    struct Shown: Encodable {
                        var name: String?, url: String?, publicURL: String?, did: String?, forTesting: Bool, readyToIssue: Bool, problem: String?
                    }
                    return try printJSON(Shown(
                        name: details.name, url: details.url, publicURL: details.publicURL, did: details.did, forTesting: details.forTesting,
                        readyToIssue: problem == nil, problem: problem
                    ))
                }
                print("Name:        \(details.name ?? "(not set)")")
                print("Web site:    \(details.url ?? "(not set)")")
                print("Public URL:  \(details.publicURL ?? "(not set; beacon serve uses \(IssuerDetails.placeholderPublicURL))")")
                if let did = details.did, let web = DIDWeb(did: did) {
                    print("DID:         \(did) (beacon serve publishes its DID document at \(web.documentPath))")
                } else {
                    print("DID:         the signing key's did:key (beacon issuer set --did did:web:HOST to sign as the institution)")
                }
                if details.forTesting { print("FOR TESTING: placeholder and loopback URLs are allowed (beacon issuer set --for-testing=false to end it)") }
                print(problem.map { "Not ready to issue: \($0)" } ?? "Ready to issue certificates.")
            }
        }

        struct SetDetails: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "set",
                abstract: "Change the issuer's details; says exactly what changed (audited).",
                discussion: "Certificates already issued keep the details they were signed with; only new ones change."
            )
            @Option(help: "The issuer's name as certificates show it.") var name: String?
            @Option(help: "The issuer's web site.") var url: String?
            @Option(help: ArgumentHelp("Where employers reach beacon serve; status lists are published there.", valueName: "url")) var publicUrl: String?
            @Option(help: ArgumentHelp("true allows loopback and placeholder public URLs, for tests and demonstrations only.", valueName: "true|false"))
            var forTesting: Bool?
            @Option(help: ArgumentHelp("Sign as a did:web (did:web:HOST or did:web:HOST:PATH), or did:key for the key's own DID.", valueName: "did"))
            var did: String?

            func validate() throws {
                if name == nil, url == nil, publicUrl == nil, forTesting == nil, did == nil {
                    throw ValidationError("name something to set: --name, --url, --public-url, --did or --for-testing")
                }
                if let did, did != "did:key" {
                    guard let web = DIDWeb(did: did) else {
                        throw ValidationError("--did \(did) is not a did:web (did:web:certificates.your-org.org, a port written %3A, a path with :) nor did:key")
                    }
                    guard web.path.count <= 2 else {
                        throw ValidationError("--did \(did): beacon serve publishes DID documents at /.well-known/did.json or one or two path parts deep (did:web:host:a:b); use a shorter path")
                    }
                }
                if let name, name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--name cannot be empty") }
            }

            func run() throws {
                let store = try LearningStore(home: LearningStore.defaultHome())
                // Status lists are signed as the issuer's current DID, and a verifier requires the
                // list's signer to be the certificate's issuer: after a change every earlier
                // certificate would stop verifying. So the DID is chosen before the first one.
                if let did, (did == "did:key" ? nil : did) != (try store.issuerDetails().did), try store.credentialCount() > 0 {
                    throw CommandFailure(
                        "\(try store.credentialCount()) certificates are already issued as \(try store.issuerDetails().did ?? "this key's did:key"); their status lists are signed as that DID, so changing it would make every one of them fail to verify. Nothing was changed. Choose the DID before issuing (a new record for a new DID: BEACON_HOME=… beacon keys init)."
                    )
                }
                let changes = try store.updateIssuer(.init(name: name, url: url, publicURL: publicUrl, forTesting: forTesting, did: did))
                printChanges(changes)
                if let problem = try store.certificationSettings().problem { print("Not ready to issue yet: \(problem)") }
            }
        }
    }
}

/// "Changed the public URL from … to …", one line each, or that nothing changed.
func printChanges(_ changes: [IssuerDetails.Change]) {
    if changes.isEmpty { print("Nothing changed: the issuer's details were already as given.") }
    for change in changes {
        print(change.old.map { "Changed the \(change.field) from \"\($0)\" to \"\(change.new)\"." } ?? "Set the \(change.field) to \"\(change.new)\".")
    }
}
