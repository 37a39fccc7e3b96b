/// A certification program: what a trainee must have done to be issued its certificate.
public struct CertificationProgram: Hashable, Sendable {
    public enum Requirement: Hashable, Sendable {
        /// Every item of the module finished, its quizzes passed.
        case module(Reference)
        /// The best attempt at the quiz reaches `score` (nil: the quiz's own pass mark).
        case quiz(Reference, score: Double?)
        /// The competency score across the role-plays that assess it reaches `score`.
        case competency(Reference, score: Double)
    }

    public var id: String
    public var title: String = ""
    public var description: [Inline] = []
    /// How long a certificate stays valid (`P2Y`).
    public var validity: ISODuration = .init()
    public var requirements: [Requirement] = []
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
