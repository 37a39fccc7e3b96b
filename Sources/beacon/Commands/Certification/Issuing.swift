import ArgumentParser
import BeaconCore
import BeaconCredentials
import BeaconStore
import Foundation

/// The store, keys and course the certification commands share.
struct CertificationContext {
    let store: LearningStore
    let keys: KeyStore
    let service: CertificationService
    let course: LoadedCourse

    init(course path: String?) throws {
        let home = LearningStore.defaultHome()
        store = try LearningStore(home: home)
        keys = KeyStore(home: home)
        service = CertificationService(store: store, keys: keys)
        course = try LoadedCourse.load(path)
    }

    func program(_ id: String?) throws -> CertificationProgram {
        let programs = course.course.certifications
        if let id {
            guard let program = programs.first(where: { $0.id == id }) else {
                throw ValidationError("no program '\(id)' in \(course.described); programs: \(programs.map(\.id).joined(separator: ", "))")
            }
            return program
        }
        // Versions of one program count once; the trainee's own version is picked later.
        var ids: [String] = []
        for program in programs where !ids.contains(program.id) { ids.append(program.id) }
        guard ids.count == 1 else { throw ValidationError("name a program with --program: \(ids.joined(separator: ", "))") }
        return programs[0]
    }
}

func printJSON(_ value: some Encodable) throws {
    print(try jsonText(value))
}

/// Pretty, key-sorted JSON with ISO 8601 dates: every `--json` output looks the same.
func jsonText(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

extension BeaconCommand {
    struct EligibilityCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eligibility",
            abstract: "Say exactly which requirements of a certification program a trainee meets.",
            discussion: """
                Exit status 0 when eligible, 1 when not. With --cohort instead of --trainee, every trainee of the cohort in turn (exit 0 when all are eligible).

                Examples:
                  beacon eligibility --trainee sam-lee
                  beacon eligibility --cohort spring-2027 --json
                """
        )
        @Option(help: "Trainee id.") var trainee: String?
        @Option(help: ArgumentHelp("Every trainee of this cohort instead of one.", valueName: "id")) var cohort: String?
        @Option(help: "Program id (default: the course's only program).") var program: String?
        @Option(help: courseHelp) var course: String?
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            if trainee != nil, cohort != nil { throw ValidationError("give --trainee or --cohort, not both") }
        }

        func run() throws {
            let context = try CertificationContext(course: course)
            let people = try cohort.map { try cohortTrainees(context.store, $0) } ?? [pickTrainee(context.store, trainee)]
            let program = try context.program(program)
            var results: [(Trainee, Eligibility)] = []
            for person in people {
                results.append((person, try context.service.eligibility(trainee: person.id, course: context.course.course, program: program)))
            }
            if json {
                if cohort == nil, let only = results.first { try printJSON(only.1) } else { try printJSON(results.map(\.1)) }
            } else {
                if results.isEmpty { print("No trainees in cohort \(cohort ?? "")") }
                for (person, result) in results {
                    let verdict = switch result.stage {
                    case .full?: "eligible"
                    case .provisional?: "eligible for the provisional certificate"
                    case nil: "not eligible yet"
                    }
                    print("\(person.name) · \(program.title)\(result.version.map { " (version \($0))" } ?? ""): \(verdict)")
                    if let basis = result.modelledOn { print("  rules \(basis)") }
                    for check in result.checks {
                        print("  \(check.met ? "met    " : "missing") \(check.requirement)\(check.fullOnly ? " [full certificate]" : ""): \(check.detail)")
                    }
                    if let exam = result.exam { print("  exam: \(exam)") }
                    for endorsement in result.endorsements {
                        print("  endorsement \(endorsement.title): \(endorsement.met ? "met, issued with the certificate" : "not met")")
                        for check in endorsement.checks { print("    \(check.met ? "met    " : "missing") \(check.requirement): \(check.detail)") }
                    }
                }
            }
            if !results.allSatisfy(\.1.eligible) { throw ExitCode.failure }
        }
    }

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue",
            abstract: "Issue a signed Open Badges 3.0 certificate to an eligible trainee.",
            discussion: "Refuses a trainee who is not eligible, unless --override gives a reason, which the audit log keeps. The certificate names the holder, the program and dates; never scores or anything the trainee wrote. It is worded in the language of the edition the trainee took (their latest finished quiz): the editions are the courses beside this one with the same id and version, such as curricula/peer-core-es beside curricula/peer-core."
        )
        @Option(help: "Trainee id.") var trainee: String
        @Option(help: "Program id (default: the course's only program).") var program: String?
        @Option(help: courseHelp) var course: String?
        @Option(help: "Issue although requirements are missing; the reason is audited.") var override: String?
        @Option(name: .shortAndLong, help: "Write the certificate to this file (created private) instead of printing it.") var output: String?
        @OptionGroup var acting: ActorOptions

        func run() throws {
            let context = try CertificationContext(course: course)
            let person = try pickTrainee(context.store, trainee)
            let record = try refusing {
                try context.service.issue(
                    trainee: person, course: context.course.course, program: try context.program(program),
                    settings: try context.store.certificationSettings(), override: override, actor: acting.id,
                    editions: context.course.editions
                )
            }
            try emit(record, to: output)
        }
    }

    struct Renew: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "renew",
            abstract: "Issue a new certificate that replaces an earlier one, once the program's renewal rule is met.",
            discussion: """
                With a renewal rule (continuing education per cycle), the CE ledger of the old certificate's cycle must meet it: total hours, category minimums and caps; activities of excluded kinds, from another cycle or claimed twice do not count. Beacon modules the rule names count by themselves when finished again within the cycle. Without a rule, the requirements are checked again. A certificate past its grace period is not renewed; its holder qualifies again. Refused renewals say what is missing; --override issues anyway, with a reason the audit log keeps (admin).

                Examples:
                  beacon ce list --trainee sam-lee --program tx-peer
                  beacon renew urn:uuid:… -o renewed.json
                """
        )
        @Argument(help: "The credential id (urn:uuid:…).") var credential: String
        @Option(help: "Renew although the rule is not met; the reason is audited.") var override: String?
        @Option(help: courseHelp) var course: String?
        @Option(name: .shortAndLong, help: "Write the new certificate to this file.") var output: String?
        @OptionGroup var acting: ActorOptions

        func run() throws {
            let context = try CertificationContext(course: course)
            let record = try refusing {
                try context.service.renew(
                    credential, course: context.course.course, settings: try context.store.certificationSettings(), override: override, actor: acting.id,
                    editions: context.course.editions
                )
            }
            try emit(record, to: output)
        }
    }


    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Revoke a certificate for good.",
            discussion: "Reason codes: " + CertificationService.reasons["revoke", default: []].joined(separator: ", ")
        )
        @OptionGroup var change: StatusChange
        func run() throws { try change.apply(.revoked) }
    }

    struct Suspend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suspend",
            abstract: "Suspend a certificate until it is reinstated.",
            discussion: "Reason codes: " + CertificationService.reasons["suspend", default: []].joined(separator: ", ")
        )
        @OptionGroup var change: StatusChange
        func run() throws { try change.apply(.suspended) }
    }

    struct Inactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inactivate",
            abstract: "Mark a certificate inactive: its holder is not practising under it for now (reinstate lifts it).",
            discussion: "Reason codes: " + CertificationService.reasons["inactivate", default: []].joined(separator: ", ")
        )
        @OptionGroup var change: StatusChange
        func run() throws { try change.apply(.inactive) }
    }

    struct Relinquish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "relinquish",
            abstract: "Record that the holder gave up a certificate, for good (an admin records the holder's request).",
            discussion: "Final, like a revocation, but said as what it is: verifiers that read Beacon's relinquished list say the holder gave it up. Reason code: holder-request."
        )
        @OptionGroup var change: StatusChange
        func run() throws { try change.apply(.relinquished, defaultReason: "holder-request") }
    }

    struct Reinstate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reinstate",
            abstract: "Lift a suspension, or make an inactive certificate active again.",
            discussion: "Reason codes: " + CertificationService.reasons["reinstate", default: []].joined(separator: ", ")
        )
        @OptionGroup var change: StatusChange
        func run() throws { try change.apply(.active) }
    }

    struct StatusList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status-list",
            abstract: "Export the signed status list credentials (revocation, suspension, inactive, relinquished).",
            subcommands: [Export.self]
        )

        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "export", abstract: "Write the lists; verifiers pass them to beacon verify --status-list.",
                discussion: "A certificate names the revocation list; the others sit beside it at the same index. A relinquished certificate is set in revocation too, and an inactive one in suspension, so a verifier that reads only those still refuses or pauses it; Beacon's verifier, given the inactive and relinquished lists, names the state."
            )
            @Option(name: .shortAndLong, help: "Folder to write revocation.json, suspension.json, inactive.json and relinquished.json into (default: print each).") var output: String?

            func run() throws {
                let home = LearningStore.defaultHome()
                let store = try LearningStore(home: home)
                let lists = try CertificationService(store: store, keys: KeyStore(home: home)).statusLists(settings: store.certificationSettings())
                guard let output else {
                    for purpose in StatusListCredential.purposes { if let list = lists[purpose] { print(JSONValue.object(list).serialized(pretty: true)) } }
                    return
                }
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                for (purpose, list) in lists {
                    let file = URL(fileURLWithPath: output).appendingPathComponent("\(purpose).json")
                    try Data(JSONValue.object(list).serialized(pretty: true).utf8).write(to: file, options: .atomic)
                    print("Wrote \(file.path)")
                }
            }
        }
    }

    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "audit", abstract: "Check or list the hash-chained audit log.", subcommands: [VerifyLog.self, ListLog.self])

        struct ListLog: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "Print every entry: when, who, what, to which credential or trainee reference."
            )
            @Flag(help: "Print JSON.") var json = false
            func run() throws {
                let entries = try LearningStore(home: LearningStore.defaultHome()).auditEntries()
                if json { return try printJSON(entries) }
                if entries.isEmpty { print("The audit log is empty: nothing has been issued, changed or erased here yet.") }
                for entry in entries {
                    print("\(entry.seq)\t\(entry.at.formatted(.iso8601))\t\(entry.action)\t\(entry.subject)\t\(entry.details)")
                }
            }
        }

        struct VerifyLog: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "verify", abstract: "Walk the chain; exit 1 if any entry was changed, removed or reordered.")
            @Flag(help: "Print JSON.") var json = false
            func run() throws {
                let result = try LearningStore(home: LearningStore.defaultHome()).verifyAuditLog()
                if json { try printJSON(result) } else {
                    print(result.intact ? "The audit log is intact: \(result.entries) entries, each linked to the one before." : "The audit log is BROKEN: \(result.problem ?? "")")
                }
                if !result.intact { throw ExitCode.failure }
            }
        }
    }
}

/// What every status command takes: the credential, a reason code, and who acts.
struct StatusChange: ParsableArguments {
    @Argument(help: "The credential id.") var credential: String
    @Option(help: "Reason code (listed above).") var reason: String?
    @Option(help: ArgumentHelp("Your own words on why, kept in the audit log (not in the credential or the status list).", valueName: "text")) var note: String?
    @Flag(help: "Do not ask for confirmation (revoke and relinquish are final, so they ask).") var yes = false
    @OptionGroup var acting: ActorOptions

    func apply(_ status: CertificationService.Status, defaultReason: String? = nil) throws {
        guard let reason = reason ?? defaultReason else { throw ValidationError("give a reason code with --reason (see --help)") }
        let home = LearningStore.defaultHome()
        let service = CertificationService(store: try LearningStore(home: home), keys: KeyStore(home: home))
        if !yes, status == .revoked || status == .relinquished {
            guard let record = try service.credential(credential) else { throw CommandFailure("no credential \(credential) was issued here") }
            let verb = status == .revoked ? "Revoke" : "Record as relinquished"
            try confirmOrStop("\(verb) \(record.id) (\(record.program), trainee \(record.trainee), \(record.status)) with reason \(reason)? This is final.")
        }
        try change(credential, to: status, reason: reason, note: note, actor: acting.id, service: service)
    }
}

private func change(_ id: String, to status: CertificationService.Status, reason: String, note: String?, actor: String, service: CertificationService) throws {
    do {
        let record = try refusing { try service.setStatus(id, to: status, reason: reason, note: note, actor: actor) }
        print("\(record.id) is now \(record.status) (\(reason)). Export the status lists (beacon status-list export) or let beacon serve publish them.")
    } catch let error as CredentialError {
        throw CommandFailure(error.message)
    }
}

private func emit(_ record: CertificationService.Record, to output: String?) throws {
    guard let output else {
        print(record.json)
        return
    }
    // The certificate names a person with lived experience: create the file private.
    let descriptor = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { throw CommandFailure("cannot write \(output)") }
    let bytes = Array((record.json + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    FileHandle.standardError.write(Data("Issued \(record.id) (valid until \(record.validUntil.map(CredentialVerifier.timestamp) ?? "no end")) to \(output)\n".utf8))
}
