/// Who is acting on a trainee's record, and what they may do. Pure: the store says who the actor
/// is and whom they supervise or facilitate; this decides.
public struct ProgramActor: Sendable, Equatable {
    public enum Role: String, Sendable, Equatable, CaseIterable, Codable { case facilitator, supervisor, admin }

    public enum Action: String, Sendable, Equatable, CaseIterable {
        case logHours = "log hours"
        case logCE = "log continuing education"
        case attestHours = "attest hours"
        case attestDocument = "attest a document"
        case logSession = "log a live session"
        case observe = "score an observed assessment"
        case recordReference = "record a reference"
        case confirmLegalName = "confirm a legal name"
        case issue = "issue or renew a certificate"
        case changeStatus = "change a certificate's status (revoke, suspend, inactivate, relinquish, reinstate)"
        case override = "override a requirement"
        case moveProgram = "move a trainee to another program version"
        case managePeople = "add people and assignments"
        case grantAttempt = "grant an extra quiz attempt"
        case resetProgress = "reset a trainee's work"
        /// Rescores every trainee's attempts, so it is the admin's.
        case regrade = "regrade a quiz"
    }

    public var id: String
    /// A trainee acting for themselves (logging hours, attesting), or nil for staff.
    public var traineeId: String?
    public var roles: Set<Role>
    public var supervises: Set<String>
    public var facilitatesCohorts: Set<String>

    public init(id: String, traineeId: String? = nil, roles: Set<Role> = [], supervises: Set<String> = [], facilitatesCohorts: Set<String> = []) {
        self.id = id
        self.traineeId = traineeId
        self.roles = roles
        self.supervises = supervises
        self.facilitatesCohorts = facilitatesCohorts
    }

    /// Why the actor may not take the action on this trainee; nil when they may.
    public func refusal(_ action: Action, trainee: String?, cohort: String?) -> String? {
        if let own = traineeId {
            // A trainee logs and attests only their own record, and nothing else.
            guard action == .logHours || action == .logCE || action == .attestDocument else { return "a trainee cannot \(action.rawValue)" }
            guard trainee == own else { return "\(own) cannot \(action.rawValue) for another person" }
            return nil
        }
        switch action {
        case .logHours, .logCE, .attestDocument:
            return "only the trainee may \(action.rawValue) for themselves; \(id) is staff"
        case .attestHours:
            guard roles.contains(.supervisor) else { return "\(id) is not a supervisor" }
            guard let trainee, supervises.contains(trainee) else { return "\(id) does not supervise \(trainee ?? "this trainee"); an admin assigns supervisors (beacon people assign)" }
            return nil
        case .logSession, .observe:
            guard roles.contains(.facilitator) else { return "\(id) is not a facilitator" }
            if trainee != nil {
                guard let cohort, facilitatesCohorts.contains(cohort) else {
                    return "\(id) does not facilitate \(trainee ?? "")'s cohort\(cohort.map { " (\($0))" } ?? ""); an admin assigns facilitators (beacon people assign)"
                }
            }
            return nil
        case .grantAttempt, .resetProgress:
            // A trainer's actions: an admin, or a facilitator of the trainee's cohort.
            if roles.contains(.admin) { return nil }
            guard roles.contains(.facilitator) else { return "only an admin or the trainee's facilitator may \(action.rawValue); \(id) is \(roleList)" }
            guard let cohort, facilitatesCohorts.contains(cohort) else { return "\(id) does not facilitate \(trainee ?? "this trainee")'s cohort" }
            return nil
        case .recordReference, .confirmLegalName, .issue, .changeStatus, .override, .moveProgram, .managePeople, .regrade:
            return roles.contains(.admin) ? nil : "only an admin may \(action.rawValue); \(id) is \(roleList)"
        }
    }

    var roleList: String {
        let names = Role.allCases.filter(roles.contains).map(\.rawValue)
        return names.isEmpty ? "no staff role" : "a " + names.joined(separator: " and ")
    }
}
