import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

extension BeaconCommand.Certificate {
    struct ListCertificates: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List issued certificates, with stage, status and dates.")
        @Option(help: ArgumentHelp("Only this trainee's.", valueName: "id")) var trainee: String?
        @Flag(help: "Print JSON.") var json = false

        struct Row: Encodable {
            var id: String, trainee: String, program: String, stage: String, status: String, issuedAt: Date, validUntil: Date?, replaces: String?, replacedBy: String?
            /// For an endorsement: its id, and the certificate it belongs to.
            var endorsement: String?, endorsementOf: String?
        }

        func run() throws {
            let home = LearningStore.defaultHome()
            let store = try LearningStore(home: home)
            let records = try CertificationService(store: store, keys: KeyStore(home: home)).credentials(trainee: trainee)
            let rows = records.map {
                Row(id: $0.id, trainee: $0.trainee, program: $0.program, stage: $0.stage, status: $0.status, issuedAt: $0.issuedAt, validUntil: $0.validUntil,
                    replaces: $0.replaces, replacedBy: $0.replacedBy, endorsement: $0.endorsement, endorsementOf: $0.endorsementOf)
            }
            if json { return try printJSON(rows) }
            if rows.isEmpty { print("No certificates issued\(trainee.map { " to \($0)" } ?? "").") }
            for row in rows {
                let until = row.validUntil.map { " until \(DayDate($0))" } ?? ""
                print("\(row.id)  \(row.trainee)  \(row.program)\(row.endorsement.map { " endorsement \($0)" } ?? "") \(row.stage)  \(row.status)  from \(DayDate(row.issuedAt))\(until)" + (row.replacedBy.map { "  replaced by \($0)" } ?? ""))
            }
        }
    }

    struct Expiring: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "expiring",
            abstract: "Certificates that expire within a window (or are in their grace period), with what each holder still needs to renew.",
            discussion: "Example:\n  beacon certificate expiring --within P90D --json"
        )
        @Option(help: ArgumentHelp("How far ahead to look, as an ISO 8601 duration.", valueName: "duration")) var within = "P90D"
        @Option(help: courseHelp) var course: String?
        @Flag(help: "Print JSON.") var json = false

        struct Row: Encodable {
            var id: String, trainee: String, program: String, validUntil: Date, state: String, ready: Bool, missing: [String]
        }

        func run() throws {
            guard let window = ISODuration(within) else { throw ValidationError("--within \(within) is not an ISO 8601 duration (P90D, P6M)") }
            let context = try CertificationContext(course: course)
            let now = Date()
            let calendar = Calendar(identifier: .gregorian)
            guard let horizon = calendar.date(byAdding: window.dateComponents, to: now) else { throw ValidationError("--within \(within) is out of range") }
            var rows: [Row] = []
            for record in try context.service.credentials() where record.replacedBy == nil && record.endorsement == nil && record.stage == "full"
                && ["active", "inactive"].contains(record.status)
            {
                guard let until = record.validUntil, until <= horizon,
                    let requested = context.course.course.certifications.first(where: { $0.id == record.program })
                else { continue }
                let program = try context.store.programVersion(trainee: record.trainee, course: context.course.course, program: requested.id) ?? requested
                let graceEnd = program.grace.flatMap { calendar.date(byAdding: $0.dateComponents, to: until) } ?? until
                guard graceEnd >= now else { continue }
                let state = until >= now ? "expires \(DayDate(until))" : "expired \(DayDate(until)); grace until \(DayDate(graceEnd))"
                let ledger = try context.store.renewalEvaluation(credential: record, course: context.course.course, program: program)
                let missing = ledger?.checks.filter { !$0.met }.map { "\($0.requirement) (\($0.detail))" } ?? []
                rows.append(Row(id: record.id, trainee: record.trainee, program: program.label, validUntil: until, state: state, ready: ledger?.met ?? true, missing: missing))
            }
            rows.sort { $0.validUntil < $1.validUntil }
            if json { return try printJSON(rows) }
            if rows.isEmpty { print("No certificate expires within \(within).") }
            for row in rows {
                print("\(row.trainee)  \(row.program)  \(row.state)  \(row.ready ? "ready to renew" : "needs: " + row.missing.joined(separator: "; "))  \(row.id)")
            }
        }
    }
}
