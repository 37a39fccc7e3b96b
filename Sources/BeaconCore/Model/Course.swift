/// A curriculum as trainers wrote it: everything the player, the linter and the certification
/// service need, already checked against the schema and free of XML.
public struct Course: Hashable, Sendable {
    public var id: String
    public var version: String
    /// BCP 47 language tag from `xml:lang`.
    public var language: String = "en"
    public var title: String = ""
    public var description: [Block] = []
    public var competencies: [Competency] = []
    /// Documents to attest, and observed-skills rubrics, that any program of the course may require.
    public var documents: [CertificationProgram.Document] = []
    public var rubrics: [CertificationProgram.Rubric] = []
    public var modules: [Module] = []
    public var certifications: [CertificationProgram] = []
    public var location: SourceLocation

    public init(id: String, version: String, location: SourceLocation) {
        self.id = id
        self.version = version
        self.location = location
    }

    public func competency(_ id: String) -> Competency? { competencies.first { $0.id == id } }
    public func module(_ id: String) -> Module? { modules.first { $0.id == id } }

    /// Every quiz in the course, in reading order.
    public var quizzes: [Quiz] { modules.flatMap(\.quizzes) }
    /// Every role-play in the course, in reading order.
    public var roleplays: [Roleplay] { modules.flatMap(\.roleplays) }
}

/// One of the 12 categories of SAMHSA's Core Competencies for Peer Workers (2015), in their order.
public enum SamhsaCategory: String, Sendable, CaseIterable {
    case engagement
    case support
    case livedExperience = "lived-experience"
    case personalization
    case recoveryPlanning = "recovery-planning"
    case resources
    case wellness
    case crisis
    case communication
    case collaboration
    case advocacy
    case growth

    /// SAMHSA's own name for the category.
    public var title: String {
        switch self {
        case .engagement: "Engages peers in collaborative and caring relationships"
        case .support: "Provides support"
        case .livedExperience: "Shares lived experiences of recovery"
        case .personalization: "Personalizes peer support"
        case .recoveryPlanning: "Supports recovery planning"
        case .resources: "Links to resources, services, and supports"
        case .wellness: "Provides information about skills related to health, wellness, and recovery"
        case .crisis: "Helps peers to manage crises"
        case .communication: "Values communication"
        case .collaboration: "Supports collaboration and teamwork"
        case .advocacy: "Promotes leadership and advocacy"
        case .growth: "Promotes growth and development"
        }
    }
}

/// A skill the course teaches and role-plays score, filed under a SAMHSA category.
public struct Competency: Hashable, Sendable {
    public var id: String
    public var title: String = ""
    public var category: SamhsaCategory = .engagement
    public var description: [Inline] = []
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

/// An id written in one place that must name something defined elsewhere, with where it was written.
public struct Reference: Hashable, Sendable {
    public var id: String
    public var location: SourceLocation

    public init(_ id: String, at location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
