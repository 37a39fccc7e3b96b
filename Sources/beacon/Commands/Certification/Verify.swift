import ArgumentParser
import BeaconCore
import BeaconCredentials
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check a certificate: signature, issuer, validity window and status, each separately.",
            discussion: """
                Works offline. Trusted issuers are this machine's own keys (current and retired) and those added with `beacon trust add`, or the DIDs in --trust FILE. Status comes from --status-list files or, for credentials issued here, from the local database. A credential whose status list cannot be obtained is not verified.

                Proofs: eddsa-rdfc-2022, eddsa-jcs-2022 and Ed25519Signature2020, by did:key or did:web; each is reported. A did:web's DID document comes from the trust file (pinned), --did-document, or HTTPS (5 s, 64 KiB; only for a trusted issuer's own proof whose form checks out).

                Exit status: 0 verified, 1 not verified (the reasons are printed), 2 the file cannot be read as JSON.

                Examples:
                  beacon verify certificate.json
                  beacon verify certificate.json --json --status-list revocation.json --status-list suspension.json
                """
        )

        @Argument(help: "The credential (JSON) to check.") var file: String
        @Flag(help: "Print the report as JSON.") var json = false
        @Option(name: .customLong("status-list"), help: ArgumentHelp("A status list credential file (repeatable).", valueName: "file"))
        var statusLists: [String] = []
        @Option(help: ArgumentHelp(#"A trust file to use instead of this machine's: {"trusted": [{"did": "did:key:…", "added": "2026-01-01T00:00:00Z", "name": "…"}]}, as beacon keys export-public writes it."#, valueName: "file"))
        var trust: String?
        @Option(name: .customLong("did-document"), help: ArgumentHelp("A did:web DID document (did.json) to use instead of fetching it (repeatable).", valueName: "file"))
        var didDocumentFiles: [String] = []

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { unreadable("cannot read \(file)") }
            guard data.count <= JSONLimits().maxBytes else { unreadable("\(file) is \(data.count >> 20) MiB; a credential is a few kilobytes") }
            let home = LearningStore.defaultHome()
            var trusted = Set<String>()
            var didDocuments: [String: JSONObject] = [:]
            do {
                if let trust {
                    let list = try TrustList.load(from: URL(fileURLWithPath: trust))
                    trusted.formUnion(list.trusted.map(\.did))
                    didDocuments.merge(list.didDocuments) { mine, _ in mine }
                } else {
                    trusted.formUnion(try KeyStore(home: home).dids())
                    let list = try TrustList.load(from: TrustList.file(home: home))
                    trusted.formUnion(list.trusted.map(\.did))
                    didDocuments.merge(list.didDocuments) { mine, _ in mine }
                    // This machine's own did:web, from its own keys.
                    if LearningStore.recordExists(home: home) {
                        let store = try LearningStore(home: home)
                        let own = try CertificationService(store: store, keys: KeyStore(home: home)).ownIdentity(settings: store.certificationSettings())
                        trusted.formUnion(own.dids)
                        didDocuments.merge(own.documents) { mine, _ in mine }
                    }
                }
            } catch let error as TrustListError {
                unreadable("the trust file \(error.description)")
            }
            for path in didDocumentFiles {
                guard let bytes = FileManager.default.contents(atPath: path), bytes.count <= DIDWebFetcher.maxBytes,
                    case .object(let document)? = try? JSONValue(parsing: [UInt8](bytes)), let id = document["id"]?.stringValue
                else { unreadable("\(path) is not a DID document (a JSON object with an id, at most 64 KiB)") }
                didDocuments[id] = document
            }
            var lists: [String: JSONObject] = [:]
            for path in statusLists {
                guard let bytes = FileManager.default.contents(atPath: path), case .object(let list)? = try? JSONValue(parsing: [UInt8](bytes)),
                    let id = list["id"]?.stringValue
                else { unreadable("\(path) is not a status list credential") }
                lists[id] = list
            }
            // Credentials issued on this machine: read the status straight from its database.
            if LearningStore.recordExists(home: home), (try? KeyStore(home: home).active()) != nil {
                let store = try LearningStore(home: home)
                let service = CertificationService(store: store, keys: KeyStore(home: home))
                if let local = try? service.statusLists(settings: store.certificationSettings()) {
                    for list in local.values { if let id = list["id"]?.stringValue, lists[id] == nil { lists[id] = list } }
                }
            }
            // Online: fetch the lists the credential names that were not given (5 s each), but
            // only once its signature checks out and its issuer is trusted: otherwise a forger
            // would choose which addresses this machine contacts, and how long it waits.
            // did:web keys not pinned or given: fetched over HTTPS, only for the trusted issuer's
            // own proofs whose form checks out, so a forger cannot choose whom this machine contacts.
            // Parsed once here for what to fetch; the verifier parses the bytes itself, strictly.
            let parsed = try? JSONValue(parsing: [UInt8](data))
            if case .object(let credential)? = parsed {
                let wanted = DataIntegrity.didWebNeeded(credential, have: didDocuments, trusted: trusted).prefix(2)
                for (did, document) in await DIDWebFetcher.fetch(Array(wanted)) { didDocuments[did] = document }
            }
            let offline = CredentialVerifier(trustedIssuers: trusted, now: Date(), statusLists: lists, didDocuments: didDocuments).verify(bytes: [UInt8](data))
            var fetched = false
            if case .success(let first) = offline, first.checks.signature == "valid", first.checks.issuer == "trusted",
                case .object(let credential)? = parsed
            {
                // A Beacon credential names one list, with its companions (suspension, inactive, relinquished) beside it.
                let wanted = Array(StatusFetcher.urls(in: credential, given: Set(lists.keys)).prefix(4))
                for (url, list) in await StatusFetcher.fetch(wanted) {
                    lists[url] = list
                    fetched = true
                }
            }
            // Verify again only when a fetched list can change the answer.
            let result = fetched
                ? CredentialVerifier(trustedIssuers: trusted, now: Date(), statusLists: lists, didDocuments: didDocuments).verify(bytes: [UInt8](data)) : offline
            let report: VerificationReport
            switch result {
            case .success(let value): report = value
            case .failure(let error): unreadable("\(file): \(error.message)")
            }
            if json {
                print(report.jsonText())
            } else {
                print(Self.describe(report))
            }
            if !report.verified { throw ExitCode.failure }
        }

        static func describe(_ report: VerificationReport) -> String {
            let c = report.credential
            var lines = [
                report.verified ? "VERIFIED: this certificate is genuine, current and in good standing." : "NOT VERIFIED: do not rely on this certificate.",
                "",
                "  Certificate: \(terminalSafe(c.name ?? c.achievement ?? "unnamed"))",
                "  Holder:      \(terminalSafe(c.holder ?? "not stated"))",
                "  Issuer:      \(terminalSafe(c.issuer ?? "not stated"))",
                "  Valid:       \(terminalSafe(c.validFrom ?? "?")) to \(terminalSafe(c.validUntil ?? "no end date"))",
                "",
                "  Signature: \(report.checks.signature)",
                "  Issuer:    \(report.checks.issuer)",
                "  Validity:  \(report.checks.validity)",
                "  Status:    \(report.checks.status)",
            ]
            for proof in report.proofs {
                lines.append("  Proof:     \(proof.suite) \(proof.result)" + (proof.result == "valid" ? " (signed by \(terminalSafe(proof.detail)))" : ""))
            }
            if !report.problems.isEmpty { lines += [""] + report.problems.map { "  - " + terminalSafe($0) } }
            return lines.joined(separator: "\n")
        }
    }
}

/// Input that cannot be read at all: exit 2, as the verify contract says.
func unreadable(_ message: String) -> Never {
    FileHandle.standardError.write(Data("beacon: \(message)\n".utf8))
    exit(2)
}
