import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

extension BeaconCommand {
    struct People: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "people",
            abstract: "Facilitators, supervisors and admins, and whom each works with.",
            discussion: """
                A supervisor attests the hours only of trainees assigned to them; a facilitator logs sessions and scores observations for the cohorts assigned to them; only an admin issues, revokes, overrides, confirms legal names and adds people. Until the first admin is added, the operator on this computer acts as admin.

                Examples:
                  beacon people add "Dana Cruz" --role admin
                  beacon people add "Lee Park" --role supervisor --as dana-cruz
                  beacon people assign --supervisor lee-park --trainee sam-lee --as dana-cruz
                  beacon people assign --facilitator ana-ruiz --cohort spring-2027 --as dana-cruz
                """,
            subcommands: [Add.self, ListPeople.self, Assign.self, EnrolStaff.self, StaffKeys.self, RemoveStaffKey.self]
        )

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a staff member with one or more roles (audited).")
            @Argument(help: "Their name.") var name: String
            @Option(help: ArgumentHelp("facilitator, supervisor or admin; repeat for several.", valueName: "role")) var role: [ProgramActor.Role] = []
            @OptionGroup var acting: ActorOptions
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                let store = try LearningStore(home: LearningStore.defaultHome())
                let person = try refusing { try store.addStaff(name: name, roles: Set(role), actor: acting.id) }
                if json { return try printJSON(person) }
                print("Added \(person.name) as \(person.roles.map(\.rawValue).joined(separator: " and ")): id \(person.id). They act with --as \(person.id).")
            }
        }

        struct ListPeople: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List staff, their roles and assignments.")
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                let store = try LearningStore(home: LearningStore.defaultHome())
                let people = try store.staff()
                if json { return try printJSON(people) }
                if people.isEmpty { print("No staff yet; the operator on this computer acts as admin. Add the first: beacon people add \"Your Name\" --role admin") }
                for person in people {
                    var line = "\(person.id)\t\(person.name)\t\(person.roles.map(\.rawValue).joined(separator: ","))"
                    if !person.supervises.isEmpty { line += "\tsupervises \(person.supervises.joined(separator: " "))" }
                    if !person.facilitates.isEmpty { line += "\tfacilitates \(person.facilitates.joined(separator: " "))" }
                    print(line)
                }
            }
        }

        struct EnrolStaff: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "enrol",
                abstract: "A one-time code with which a staff member links their SSH key (admin; audited without the code).",
                discussion: "They connect with ssh (beacon serve --ssh-port) and type the code once; from then on their key opens their desk: a supervisor attests hours there, a facilitator scores observed assessments. Only the code's hash is kept.\n\nExample:\n  beacon people enrol lee-park --as dana-cruz"
            )
            @Argument(help: "The staff member's id.") var id: String
            @Option(help: ArgumentHelp("How long the code works, as an ISO 8601 duration in days or hours.", valueName: "duration")) var valid = "P7D"
            @OptionGroup var acting: ActorOptions
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                guard let duration = ISODuration(valid), duration.years == 0, duration.months == 0, duration.fixedSeconds > 0 else {
                    throw ValidationError("--valid \(valid) is not a duration in days or hours, such as P7D or PT12H")
                }
                let store = try LearningStore(home: LearningStore.defaultHome())
                let issued = try refusing { try store.issueStaffCode(person: id, validFor: duration.fixedSeconds, actor: acting.id) }
                if json { return try printJSON(["person": id, "code": issued.code, "expires": ISO8601DateFormatter().string(from: issued.expires)]) }
                print("Code for \(id): \(issued.code) (works once, until \(ISO8601DateFormatter().string(from: issued.expires))).")
            }
        }

        struct StaffKeys: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "keys", abstract: "List the SSH keys that open a staff member's desk.")
            @Argument(help: "The staff member's id.") var id: String
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                let store = try LearningStore(home: LearningStore.defaultHome())
                guard try store.staff().contains(where: { $0.id == id }) else { throw CommandFailure("no staff member '\(id)'; see beacon people list") }
                let keys = try store.staffKeys(person: id)
                if json { return try printJSON(keys.map { ["fingerprint": $0.fingerprint, "publicKey": $0.publicKey, "addedAt": ISO8601DateFormatter().string(from: $0.addedAt)] }) }
                if keys.isEmpty { print("\(id) has no SSH key yet; give them a code with beacon people enrol \(id).") }
                for key in keys { print("\(key.fingerprint)  added \(ISO8601DateFormatter().string(from: key.addedAt))  \(key.publicKey.prefix(24))…") }
            }
        }

        struct RemoveStaffKey: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "remove-key", abstract: "Stop a staff member's SSH key from opening their desk (admin; audited).")
            @Argument(help: "The staff member's id.") var id: String
            @Argument(help: "The key's fingerprint (SHA256:…), as beacon people keys lists it.") var fingerprint: String
            @OptionGroup var acting: ActorOptions

            func run() throws {
                let store = try LearningStore(home: LearningStore.defaultHome())
                guard try refusing({ try store.removeStaffKey(person: id, fingerprint: fingerprint, actor: acting.id) }) else {
                    throw CommandFailure("\(id) has no key \(fingerprint); see beacon people keys \(id)")
                }
                print("Removed \(fingerprint): it no longer opens \(id)'s desk. A new code: beacon people enrol \(id)")
            }
        }

        struct Assign: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "assign", abstract: "Assign a supervisor to a trainee, or a facilitator to a cohort (admin, audited)."
            )
            @Option(help: ArgumentHelp("The supervisor's id.", valueName: "id")) var supervisor: String?
            @Option(help: ArgumentHelp("The trainee they supervise.", valueName: "id")) var trainee: String?
            @Option(help: ArgumentHelp("The facilitator's id.", valueName: "id")) var facilitator: String?
            @Option(help: ArgumentHelp("The cohort they facilitate.", valueName: "id")) var cohort: String?
            @OptionGroup var acting: ActorOptions

            func validate() throws {
                let pairs = (supervisor != nil && trainee != nil ? 1 : 0) + (facilitator != nil && cohort != nil ? 1 : 0)
                guard pairs == 1, (supervisor == nil) == (trainee == nil), (facilitator == nil) == (cohort == nil) else {
                    throw ValidationError("give --supervisor with --trainee, or --facilitator with --cohort")
                }
            }

            func run() throws {
                let store = try LearningStore(home: LearningStore.defaultHome())
                if let supervisor, let trainee {
                    try refusing { try store.assignSupervisor(supervisor, trainee: trainee, actor: acting.id) }
                    print("\(supervisor) now supervises \(trainee).")
                } else if let facilitator, let cohort {
                    try refusing { try store.assignFacilitator(facilitator, cohort: cohort, actor: acting.id) }
                    print("\(facilitator) now facilitates cohort \(cohort).")
                }
            }
        }
    }
}

extension ProgramActor.Role: ExpressibleByArgument {}
extension SupervisionKind: ExpressibleByArgument {}
extension DeliveryMode: ExpressibleByArgument {}
extension RefereeKind: ExpressibleByArgument {}
