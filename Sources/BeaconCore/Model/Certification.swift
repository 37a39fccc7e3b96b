/// A certification program: what a trainee must have done to be issued its certificate.
///
/// A program is versioned data: the same id may appear in several versions, each with the day it
/// takes effect, and a trainee is held to the version in force when they started.
public struct CertificationProgram: Hashable, Sendable {
    public enum Requirement: Hashable, Sendable {
        /// Every item of the module finished, its quizzes passed.
        case module(Reference)
        /// The best attempt at the quiz reaches `score` (nil: the quiz's own pass mark).
        case quiz(Reference, score: Double?)
        /// The competency score across the role-plays that assess it reaches `score`.
        case competency(Reference, score: Double)
        /// Training hours in the given delivery modes, optionally in one domain.
        case trainingHours(TrainingHours)
        /// Supervised work hours that a supervisor attested.
        case supervisedHours(SupervisedHours)
        /// The current version of one of the program's documents, attested by the trainee.
        case attestation(Reference)
        /// A facilitator's observed assessment against one of the program's rubrics, passed.
        case observation(Reference)
        /// References received from referees.
        case references(count: Int, kind: RefereeKind?)
    }

    public struct TrainingHours: Hashable, Sendable {
        public var hours: Double
        /// nil: any domain. Self-paced time is not split by domain, so it counts only here.
        public var domain: String?
        public var modes: Set<DeliveryMode>
        public init(hours: Double, domain: String? = nil, modes: Set<DeliveryMode> = Set(DeliveryMode.allCases)) {
            self.hours = hours
            self.domain = domain
            self.modes = modes
        }
    }

    public struct SupervisedHours: Hashable, Sendable {
        public var hours: Double
        public var domain: String?
        /// nil: individual and group supervision both count.
        public var supervision: SupervisionKind?
        public init(hours: Double, domain: String? = nil, supervision: SupervisionKind? = nil) {
            self.hours = hours
            self.domain = domain
            self.supervision = supervision
        }
    }

    /// A text a trainee attests: a code of ethics, a release, or the lived-experience statement.
    public struct Document: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable, CaseIterable { case ethics, release, livedExperience = "lived-experience" }
        public var id: String
        public var version: String
        public var kind: Kind
        public var title: String
        public var text: String
        /// SHA-256 of the text, so an attestation names exactly what was read.
        public var sha256: String
        public var location: SourceLocation
        public init(id: String, version: String, kind: Kind, title: String, text: String, sha256: String, location: SourceLocation) {
            self.id = id
            self.version = version
            self.kind = kind
            self.title = title
            self.text = text
            self.sha256 = sha256
            self.location = location
        }
    }

    /// What a facilitator scores while watching a live role-play or skills demonstration.
    public struct Rubric: Hashable, Sendable {
        public struct Item: Hashable, Sendable {
            public var id: String
            public var competency: Reference?
            public var max: Int
            public var text: String
            public init(id: String, competency: Reference? = nil, max: Int, text: String) {
                self.id = id
                self.competency = competency
                self.max = max
                self.text = text
            }
        }
        public var id: String
        public var version: String
        public var title: String
        /// Share of the points needed to pass (0...1).
        public var pass: Double
        public var items: [Item]
        public var location: SourceLocation
        public var outOf: Int { items.reduce(0) { $0 + $1.max } }
        public init(id: String, version: String = "1", title: String, pass: Double, items: [Item], location: SourceLocation) {
            self.id = id
            self.version = version
            self.title = title
            self.pass = pass
            self.items = items
            self.location = location
        }
    }

    /// How often the exam may be taken: attempts per window, a wait between attempts, and
    /// retraining (the module started over) after a number of failures.
    public struct ExamRule: Hashable, Sendable {
        public var quiz: Reference
        public var attempts: Int?
        public var window: ISODuration?
        public var wait: ISODuration?
        public var retrainAfter: Int?
        public var retrainModule: Reference?
        public init(quiz: Reference) { self.quiz = quiz }
    }

    /// A scope the certificate may carry (mental health, substance use, youth…), issued as its
    /// own achievement when its requirements are met, beside the program's own.
    public struct Endorsement: Hashable, Sendable {
        public var id: String
        public var title: String
        public var requirements: [Requirement]
        public init(id: String, title: String, requirements: [Requirement]) {
            self.id = id
            self.title = title
            self.requirements = requirements
        }
    }

    /// Where a rule comes from, cited so a board can check it.
    public struct Source: Hashable, Sendable {
        public var href: String
        public var title: String
        public init(href: String, title: String) {
            self.href = href
            self.title = title
        }
    }

    public var id: String
    /// Which edition of the rules this is; nil in programs written before versions (one edition).
    public var version: String?
    /// The day this version takes effect (YYYY-MM-DD).
    public var effective: DayDate?
    public var title: String = ""
    public var description: [Inline] = []
    /// How long a certificate stays valid (`P2Y`).
    public var validity: ISODuration = .init()
    /// Needed for any certificate (the provisional one, when there is one).
    public var requirements: [Requirement] = []
    /// Needed only for the full certificate, when the program has a provisional stage.
    public var fullOnly: [Requirement] = []
    /// How long a provisional certificate stays valid; nil when the program has none.
    public var provisionalValidity: ISODuration?
    public var documents: [Document] = []
    public var rubrics: [Rubric] = []
    public var exam: ExamRule?
    /// Continuing education that renews the certificate; nil: renewal checks the requirements again.
    public var renewal: RenewalRule?
    public var endorsements: [Endorsement] = []
    /// How long after expiry a certificate may still be renewed (late renewal).
    public var grace: ISODuration?
    /// The body whose rules this program imitates; shown as "modelled on, not endorsed by".
    public var modelledOn: Source?
    public var sources: [Source] = []
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }

    public var allRequirements: [Requirement] { requirements + fullOnly }
    public func document(_ id: String) -> Document? { documents.first { $0.id == id } }
    public func rubric(_ id: String) -> Rubric? { rubrics.first { $0.id == id } }
    /// "tx-peer 2025-1", or the bare id for an unversioned program.
    public var label: String { version.map { "\(id) \($0)" } ?? id }
}

public enum DeliveryMode: String, Hashable, Sendable, CaseIterable, Codable {
    case selfPaced = "self-paced", liveRemote = "live-remote", inPerson = "in-person"
}

public enum SupervisionKind: String, Hashable, Sendable, CaseIterable, Codable { case individual, group }

public enum RefereeKind: String, Hashable, Sendable, CaseIterable, Codable { case supervisory, professional, character }
