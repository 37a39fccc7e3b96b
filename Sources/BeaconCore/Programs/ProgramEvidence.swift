import Foundation

/// Everything recorded about one trainee that a program's rules look at, gathered by the store
/// and judged by `ProgramEvaluation` without any I/O.
public struct ProgramEvidence: Sendable, Equatable {
    public struct ModuleFact: Sendable, Equatable {
        public var done: Int, total: Int
        public init(done: Int, total: Int) {
            self.done = done
            self.total = total
        }
    }

    public struct CompetencyFact: Sendable, Equatable {
        public var points: Int, outOf: Int
        public init(points: Int, outOf: Int) {
            self.points = points
            self.outOf = outOf
        }
        public var share: Double { outOf == 0 ? 0 : Double(points) / Double(outOf) }
    }

    public struct Attempt: Sendable, Equatable {
        public var finishedAt: Date
        public var score: Double
        public var passed: Bool
        public init(finishedAt: Date, score: Double, passed: Bool) {
            self.finishedAt = finishedAt
            self.score = score
            self.passed = passed
        }
    }

    /// A live session the trainee attended.
    public struct LiveSession: Sendable, Equatable {
        public var day: DayDate, hours: Double, domain: String?, mode: DeliveryMode
        public init(day: DayDate, hours: Double, domain: String?, mode: DeliveryMode) {
            self.day = day
            self.hours = hours
            self.domain = domain
            self.mode = mode
        }
    }

    /// One supervised-hours entry; only attested entries count.
    public struct WorkHours: Sendable, Equatable {
        public enum State: String, Sendable, Equatable, Codable, CaseIterable {
            case pending, attested, rejected
            /// Replaced by a corrected entry, kept for its history.
            case changed
        }
        public var day: DayDate, hours: Double, domain: String?, supervision: SupervisionKind, state: State
        public init(day: DayDate, hours: Double, domain: String?, supervision: SupervisionKind, state: State) {
            self.day = day
            self.hours = hours
            self.domain = domain
            self.supervision = supervision
            self.state = state
        }
    }

    public struct Attestation: Sendable, Equatable {
        public var document: String, version: String, sha256: String, at: Date
        public init(document: String, version: String, sha256: String, at: Date) {
            self.document = document
            self.version = version
            self.sha256 = sha256
            self.at = at
        }
    }

    public struct Observation: Sendable, Equatable {
        public var rubric: String, rubricVersion: String, points: Int, outOf: Int, passed: Bool, day: DayDate
        public init(rubric: String, rubricVersion: String, points: Int, outOf: Int, passed: Bool, day: DayDate) {
            self.rubric = rubric
            self.rubricVersion = rubricVersion
            self.points = points
            self.outOf = outOf
            self.passed = passed
            self.day = day
        }
    }

    public struct ReferenceReceived: Sendable, Equatable {
        public var kind: RefereeKind, day: DayDate
        public init(kind: RefereeKind, day: DayDate) {
            self.kind = kind
            self.day = day
        }
    }

    public var modules: [String: ModuleFact] = [:]
    public var competencies: [String: CompetencyFact] = [:]
    /// Finished attempts by quiz id, oldest first.
    public var attempts: [String: [Attempt]] = [:]
    /// When the exam's retraining module was last started over; attempts before it no longer count
    /// toward the exam rule.
    public var retrainedAt: Date?
    /// Whether the retraining module has been finished again since `retrainedAt`.
    public var retrainingDone = true
    public var selfPacedSeconds: Double = 0
    public var sessions: [LiveSession] = []
    public var workHours: [WorkHours] = []
    public var attestations: [Attestation] = []
    public var observations: [Observation] = []
    public var references: [ReferenceReceived] = []

    public init() {}
}
