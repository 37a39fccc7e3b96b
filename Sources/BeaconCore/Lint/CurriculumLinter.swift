/// The semantic checks a schema cannot express: ids that must exist and be unique, answers that
/// must be attainable, role-play graphs that must lead somewhere. Pure: a course in, diagnostics out.
public struct CurriculumLinter: Sendable {
    public struct Options: Sendable {
        /// Most (scene, scores) positions to visit per role-play before giving up on completeness.
        public var explorationLimit = 200_000
        /// Seeded random playthroughs per role-play.
        public var playthroughs = 200
        public var seed: UInt64 = 0xBEAC0
        public init() {}
    }

    public var options: Options

    public init(options: Options = .init()) {
        self.options = options
    }

    /// What linting found, with the facts gathered on the way.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var summary: CurriculumSummary
    }

    public func lint(_ course: Course) -> Report {
        var context = LintContext(course: course)
        checkIds(&context)
        checkModules(&context)
        checkQuestions(&context)
        checkRoleplays(&context)
        checkCertifications(&context)
        return Report(diagnostics: context.diagnostics, summary: CurriculumSummary(course, roleplays: context.roleplayFacts))
    }
}

/// What the checks share while they run.
struct LintContext {
    let course: Course
    var diagnostics: [Diagnostic] = []
    /// Per role-play id, what exploring it established.
    var roleplayFacts: [String: RoleplayFacts] = [:]
    /// Compiling a regular expression is costly and curricula repeat patterns; check each once.
    private var patternProblems: [String: String?] = [:]

    mutating func patternProblem(_ pattern: String) -> String? {
        if let known = patternProblems[pattern] { return known }
        let problem = rubricPatternProblem(pattern)
        patternProblems[pattern] = problem
        return problem
    }

    init(course: Course) { self.course = course }

    mutating func error(_ code: String, _ message: String, help: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, code, message, help: help, at: location))
    }

    mutating func warning(_ code: String, _ message: String, help: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.warning, code, message, help: help, at: location))
    }
}

/// What the linter learnt about one role-play, for later checks and the summary.
public struct RoleplayFacts: Sendable, Equatable {
    /// Best end score per competency id; nil when exploration was cut short (unknown).
    public var bestScores: [String: Int]?
    public var positions: Int
    public var truncated: Bool
    public var playthroughs: PlaythroughReport
}

extension CurriculumLinter {
    /// Ids are unique course-wide, so that a result, a report or a requirement names one thing.
    func checkIds(_ context: inout LintContext) {
        let course = context.course
        var seen: [String: (kind: String, location: SourceLocation)] = [:]
        func claim(_ id: String, _ kind: String, _ location: SourceLocation) {
            if let first = seen[id] {
                context.error(
                    "B020",
                    "duplicate id '\(id)': this \(kind) has the same id as the \(first.kind) at \(first.location)",
                    help: "ids must be unique across the course; rename one of them",
                    at: location
                )
            } else {
                seen[id] = (kind, location)
            }
        }
        claim(course.id, "course", course.location)
        for competency in course.competencies { claim(competency.id, "competency", competency.location) }
        for module in course.modules {
            claim(module.id, "module", module.location)
            for item in module.items {
                switch item {
                case .lesson(let lesson): claim(lesson.id, "lesson", lesson.location)
                case .quiz(let quiz):
                    claim(quiz.id, "quiz", quiz.location)
                    for section in quiz.sections {
                        switch section {
                        case .question(let question): claim(question.id, "question", question.location)
                        case .pool(let pool):
                            claim(pool.id, "pool", pool.location)
                            for question in pool.questions { claim(question.id, "question", question.location) }
                        }
                    }
                case .roleplay(let roleplay): claim(roleplay.id, "role-play", roleplay.location)
                }
            }
        }
        // Versions of one program share its id; they are told apart by version (checked with the programs).
        var claimedPrograms: Set<String> = []
        for program in course.certifications where claimedPrograms.insert(program.id).inserted {
            claim(program.id, "certification", program.location)
        }
    }

    /// Ids local to one container (scenes in a role-play, options in a question).
    static func duplicates<T>(_ items: [T], id: (T) -> String) -> [(item: T, first: T)] {
        // Options and criteria come in handfuls: comparing pairs beats building a dictionary.
        if items.count <= 12 {
            let ids = items.map(id)
            return ids.indices.compactMap { i in
                ids[..<i].firstIndex(of: ids[i]).map { (items[i], items[$0]) }
            }
        }
        var seen: [String: T] = [:]
        var found: [(T, T)] = []
        for item in items {
            if let first = seen[id(item)] { found.append((item, first)) } else { seen[id(item)] = item }
        }
        return found
    }

    func checkCompetencyReference(_ reference: Reference, _ context: inout LintContext, what: String) {
        guard context.course.competency(reference.id) == nil else { return }
        context.error(
            "B022",
            "\(what) names competency '\(reference.id)', which the course does not define",
            help: (nearest(reference.id, in: Set(context.course.competencies.map(\.id))).map { "did you mean '\($0)'? " } ?? "")
                + "add <competency id=\"\(reference.id)\"> to the course, or use one of: "
                + context.course.competencies.map(\.id).joined(separator: ", "),
            at: reference.location
        )
    }

    func checkModules(_ context: inout LintContext) {
        let course = context.course
        let moduleIds = Set(course.modules.map(\.id))
        for module in course.modules {
            for prerequisite in module.prerequisites where !moduleIds.contains(prerequisite.id) {
                context.error(
                    "B021",
                    "module '\(module.id)' requires module '\(prerequisite.id)', which does not exist",
                    help: "fix the id in requires=\"…\"; modules are: \(course.modules.map(\.id).joined(separator: ", "))",
                    at: prerequisite.location
                )
            }
            for competency in module.teaches {
                checkCompetencyReference(competency, &context, what: "module '\(module.id)'")
            }
        }
        // Prerequisite cycles: a module that (indirectly) requires itself can never be started.
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var reported = Set<String>()
        func visit(_ module: Module, _ trail: [String]) {
            state[module.id] = 1
            for prerequisite in module.prerequisites {
                guard let next = course.module(prerequisite.id) else { continue }
                if state[next.id] == 1 {
                    let cycle = (trail.drop { $0 != next.id } + [module.id, next.id])
                    if reported.insert(next.id).inserted {
                        context.error(
                            "B025",
                            "module prerequisites form a cycle: \(cycle.joined(separator: " → "))",
                            help: "remove one of these requires so that some module can be taken first",
                            at: prerequisite.location
                        )
                    }
                } else if state[next.id] == nil {
                    visit(next, trail + [module.id])
                }
            }
            state[module.id] = 2
        }
        for module in course.modules where state[module.id] == nil { visit(module, []) }
    }
}
