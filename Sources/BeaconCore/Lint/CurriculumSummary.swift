/// Counts of what a curriculum holds, for `beacon lint --json` and for a trainer's sanity check.
public struct CurriculumSummary: Sendable, Equatable, Encodable {
    public struct RoleplaySummary: Sendable, Equatable, Encodable {
        public var id: String
        public var scenes: Int
        public var endings: Int
        /// Scenes where the trainee writes a free-text reply scored by rubric.
        public var replies: Int
        public var assesses: [String]
        /// Distinct (scene, scores) positions the exhaustive walk visited.
        public var positionsExplored: Int
        public var explorationComplete: Bool
        public var playthroughs: Int
        public var playthroughsFinished: Int
        public var playthroughSeed: UInt64
    }

    public struct QuizSummary: Sendable, Equatable, Encodable {
        public var id: String
        /// Every question the quiz could show, pools included.
        public var questions: Int
        public var perAttempt: Int
        public var passMark: Double
        public var attempts: Int?
        public var cooldown: String?
    }

    public var course: String
    public var version: String
    public var competencies = 0
    /// SAMHSA categories (tokens) that at least one competency is filed under.
    public var samhsaCategories: [String] = []
    public var modules = 0
    public var lessons = 0
    public var pages = 0
    public var quizzes = 0
    public var pools = 0
    public var questions = 0
    /// Keyed by element name: singleChoice, multipleResponse, trueFalse, shortAnswer, ordering, matching.
    public var questionsByKind: [String: Int] = [:]
    /// Keyed by `level`: recall, comprehension, application, or "none".
    public var questionsByLevel: [String: Int] = [:]
    public var questionsWithRationale = 0
    public var quizDetails: [QuizSummary] = []
    public var roleplays = 0
    public var scenes = 0
    public var endings = 0
    /// Programs by id; `programVersions` counts each version.
    public var programs = 0
    public var programVersions = 0
    public var roleplayDetails: [RoleplaySummary] = []

    init(_ course: Course, roleplays facts: [String: RoleplayFacts]) {
        self.course = course.id
        version = course.version
        competencies = course.competencies.count
        samhsaCategories = Array(Set(course.competencies.map(\.category.rawValue))).sorted()
        modules = course.modules.count
        programs = Set(course.certifications.map(\.id)).count
        programVersions = course.certifications.count
        for module in course.modules {
            for lesson in module.lessons {
                lessons += 1
                pages += lesson.pages.count
            }
            for quiz in module.quizzes {
                quizzes += 1
                pools += quiz.pools.count
                for question in quiz.allQuestions {
                    questions += 1
                    questionsByKind[question.kind.name, default: 0] += 1
                    questionsByLevel[question.level?.rawValue ?? "none", default: 0] += 1
                    if question.rationale != nil { questionsWithRationale += 1 }
                }
                quizDetails.append(
                    QuizSummary(
                        id: quiz.id, questions: quiz.allQuestions.count, perAttempt: quiz.questionsPerAttempt,
                        passMark: quiz.passMark, attempts: quiz.attempts, cooldown: quiz.cooldown?.description
                    )
                )
            }
            for roleplay in module.roleplays {
                self.roleplays += 1
                scenes += roleplay.scenes.count
                endings += roleplay.endings.count
                let fact = facts[roleplay.id]
                roleplayDetails.append(
                    RoleplaySummary(
                        id: roleplay.id,
                        scenes: roleplay.scenes.count,
                        endings: roleplay.endings.count,
                        replies: roleplay.scenes.filter { if case .reply = $0.step { true } else { false } }.count,
                        assesses: roleplay.assesses.map(\.competency.id),
                        positionsExplored: fact?.positions ?? 0,
                        explorationComplete: fact.map { !$0.truncated && $0.positions > 0 } ?? false,
                        playthroughs: fact?.playthroughs.runs ?? 0,
                        playthroughsFinished: fact?.playthroughs.finished ?? 0,
                        playthroughSeed: fact?.playthroughs.seed ?? 0
                    )
                )
            }
        }
    }
}
