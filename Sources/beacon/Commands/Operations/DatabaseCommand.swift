import ArgumentParser
import BeaconCredentials
import BeaconStore
import Foundation

extension BeaconCommand {
    struct DatabaseCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "database",
            abstract: "See where the record is kept, or move it from SQLite to PostgreSQL.",
            discussion: """
                The record (trainees, answers, certificates, the audit log) is an SQLite file in BEACON_HOME unless BEACON_DATABASE_URL names a PostgreSQL database:

                  export BEACON_DATABASE_URL=postgres://beacon@db.example.org:5432/beacon

                Several beacon serve instances, on one machine or many, can then share one record. Signing keys and the trust file stay in BEACON_HOME: give every instance the same ones.
                """,
            subcommands: [Status.self, Copy.self]
        )

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "status",
                abstract: "Which database holds the record, its schema version, and how many rows each table has."
            )
            @Flag(help: "Print JSON.") var json = false

            struct Output: Encodable {
                var kind: String
                var location: String
                var schema: String
                var rows: [String: Int]
            }

            func run() throws {
                let store = try LearningStore(home: LearningStore.defaultHome())
                let rows = try store.database.read { tx in try RecordCopy.counts(tx) }
                let output = Output(kind: store.database.kind.rawValue, location: store.location, schema: try store.schemaVersion(), rows: rows)
                if json { return try printJSON(output) }
                print("The record is in \(output.kind == "postgres" ? "PostgreSQL" : "SQLite"): \(output.location), schema \(output.schema).")
                for table in RecordCopy.tables { print("  \(table.padding(toLength: 16, withPad: " ", startingAt: 0)) \(rows[table] ?? 0)") }
            }
        }

        struct Copy: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "copy",
                abstract: "Copy this machine's SQLite record into an empty PostgreSQL database, and check the copy.",
                discussion: """
                    Reads BEACON_HOME/beacon.sqlite in one consistent snapshot and writes every row to the PostgreSQL database in one transaction: if anything fails, the target is left empty. Ids, sequence numbers and the audit chain are kept exactly. Then it checks the copy: the same rows in every table, `audit verify` intact and ending on the same entry, and every certificate verifying against the copy's own status lists with the status it has here. Exit 1 if any check fails.

                    Stop learners and admins first (or run it in a quiet hour): answers recorded after the snapshot stay only in the SQLite file. The SQLite file is left as it was. Afterwards, point every beacon at the copy:

                      export BEACON_DATABASE_URL=postgres://beacon@db.example.org:5432/beacon
                      beacon database status
                    """
            )
            @Option(help: ArgumentHelp("The empty PostgreSQL database (default: BEACON_DATABASE_URL). A password in the URL is never printed.", valueName: "postgres-url"))
            var to: String?
            @Flag(help: "Print JSON.") var json = false

            struct Output: Encodable {
                var source: String
                var target: String
                var copy: RecordCopy.Report
                var credentials: Credentials
                var ok: Bool
            }

            struct Credentials: Encodable {
                var verified: Int
                /// Erased holders: the slot and status are kept, the stored copy is not.
                var erased: Int
                var failed: [String]
            }

            func run() throws {
                let home = LearningStore.defaultHome()
                guard let url = to ?? LearningStore.databaseURL() else {
                    throw ValidationError("name the PostgreSQL database: --to postgres://user@host:5432/database, or set BEACON_DATABASE_URL")
                }
                let file = home.appendingPathComponent("beacon.sqlite")
                guard FileManager.default.fileExists(atPath: file.path) else {
                    throw CommandFailure("there is no SQLite record to copy at \(file.path) (set BEACON_HOME to the folder that holds beacon.sqlite)")
                }
                // The source is the SQLite file, whatever BEACON_DATABASE_URL says.
                let source = try LearningStore(home: home, environment: [:])
                let target = try LearningStore(postgres: PostgresRecordDatabase(url: url))
                let report = try RecordCopy.copy(from: source.database, to: target.database)
                let credentials = try Self.checkCredentials(target, home: home)
                let output = Output(
                    source: source.location, target: target.location, copy: report, credentials: credentials,
                    ok: report.problems.isEmpty && credentials.failed.isEmpty
                )
                if json {
                    try printJSON(output)
                } else {
                    print("Copied \(source.location) to \(target.location):")
                    for table in report.tables {
                        let mark = table.source == table.copied ? "ok" : "DIFFERS"
                        print("  \(table.name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(table.copied) of \(table.source) rows  \(mark)")
                    }
                    print(report.auditIntact ? "  audit log        intact, \(report.auditEntries) entries, ending where the source ends" : "  audit log        BROKEN")
                    print("  certificates     \(credentials.verified) verify with their status here" + (credentials.erased > 0 ? ", \(credentials.erased) erased (slot kept)" : ""))
                    for problem in report.problems + credentials.failed { print("  problem: \(problem)") }
                    print(output.ok
                        ? "The copy checks out. Point every beacon at it: export BEACON_DATABASE_URL=\(PostgresRecordDatabase.redacted(url))"
                        : "The copy does NOT check out; keep using the SQLite record and see the problems above.")
                }
                if !output.ok { throw ExitCode.failure }
            }

            /// Every stored certificate, verified against the copy's status lists and this
            /// machine's keys, must report the status the copy records for it.
            static func checkCredentials(_ store: LearningStore, home: URL) throws -> Credentials {
                let service = CertificationService(store: store, keys: KeyStore(home: home))
                let records = try service.credentials()
                guard !records.isEmpty else { return Credentials(verified: 0, erased: 0, failed: []) }
                let settings = try store.certificationSettings()
                var lists: [String: JSONObject] = [:]
                for list in try service.statusLists(settings: settings).values { if let id = list["id"]?.stringValue { lists[id] = list } }
                let own = try service.ownIdentity(settings: settings)
                let verifier = CredentialVerifier(trustedIssuers: own.dids, now: Date(), statusLists: lists, didDocuments: own.documents)
                var verified = 0, erased = 0
                var failed: [String] = []
                for record in records {
                    if record.json == CertificationService.erasedCopy {
                        erased += 1
                        continue
                    }
                    switch verifier.verify(bytes: Array(record.json.utf8)) {
                    case .success(let report) where report.checks.signature == "valid" && report.checks.issuer == "trusted" && report.checks.status == record.status:
                        verified += 1
                    case .success(let report):
                        failed.append("\(record.id): signature \(report.checks.signature), issuer \(report.checks.issuer), status \(report.checks.status) (recorded: \(record.status))")
                    case .failure(let error):
                        failed.append("\(record.id): \(error)")
                    }
                }
                return Credentials(verified: verified, erased: erased, failed: failed)
            }
        }
    }
}
