import BeaconCore
import Foundation

/// Where a trainee stands in a course, worked out from the course and what was recorded.
/// It is what the menu shows and what `beacon progress --json` prints.
public struct CourseProgress: Sendable, Encodable, Equatable {
    public enum Status: String, Sendable, Encodable {
        case notStarted = "not-started"
        case inProgress = "in-progress"
        /// A quiz tried but not passed, attempts left.
        case notPassed = "not-passed"
        /// A quiz not passed with no attempts left.
        case attemptsUsed = "attempts-used"
        case done
    }

    public struct Item: Sendable, Encodable, Equatable {
        public var id: String
        public var kind: String
        public var title: String
        public var status: Status
        /// Quizzes: best score (0...1) and attempts finished.
        public var bestScore: Double?
        public var attempts: Int?
        /// Role-plays: finished runs and the last ending reached.
        public var runs: Int?
        public var lastEnding: String?
    }

    public struct ModuleProgress: Sendable, Encodable, Equatable {
        public var id: String
        public var title: String
        public var number: Int
        public var done: Int
        public var total: Int
        /// Modules named in `requires` that are not done yet.
        public var waitingFor: [String]
        public var items: [Item]
        public var isDone: Bool { done == total }
    }

    public struct CompetencyScore: Sendable, Encodable, Equatable {
        public var id: String
        public var title: String
        public var points: Int
        public var outOf: Int
        /// points / outOf over every role-play that assesses it (best finished run of each).
        public var share: Double
    }

    public var course: String
    public var version: String
    public var trainee: String
    public var activeMinutes: Int
    public var modules: [ModuleProgress]
    public var competencies: [CompetencyScore]
    /// The item to continue with: one in progress, else the first not done in an open module.
    public var resume: String?

    public init(course: Course, record: CourseRecord, trainee: String) {
        self.course = course.id
        version = course.version
        self.trainee = trainee
        activeMinutes = Int((record.activeSeconds / 60).rounded())
        var modules: [ModuleProgress] = []
        for (index, module) in course.modules.enumerated() {
            let items = module.items.map { Self.item($0, record) }
            modules.append(ModuleProgress(
                id: module.id, title: module.title, number: index + 1,
                done: items.filter { $0.status == .done }.count, total: items.count, waitingFor: [], items: items
            ))
        }
        let doneModules = Set(modules.filter(\.isDone).map(\.id))
        for (index, module) in course.modules.enumerated() {
            modules[index].waitingFor = module.prerequisites.map(\.id).filter { !doneModules.contains($0) }
        }
        self.modules = modules
        competencies = course.competencies.compactMap { competency in
            var points = 0, outOf = 0
            for roleplay in course.roleplays {
                guard let index = roleplay.assesses.firstIndex(where: { $0.competency.id == competency.id }) else { continue }
                outOf += roleplay.assesses[index].outOf
                let best = record.runs[roleplay.id, default: []].compactMap { $0.scores?[competency.id] }.max() ?? 0
                points += best
            }
            guard outOf > 0 else { return nil }
            return CompetencyScore(id: competency.id, title: competency.title, points: points, outOf: outOf, share: Double(points) / Double(outOf))
        }
        let open = modules.filter(\.waitingFor.isEmpty).flatMap(\.items)
        resume = (open.first { $0.status == .inProgress } ?? open.first { $0.status != .done && $0.status != .attemptsUsed })?.id
    }

    private static func item(_ item: Module.Item, _ record: CourseRecord) -> Item {
        switch item {
        case .lesson(let lesson):
            let saved = record.lessons[lesson.id]
            let status: Status = saved?.completedAt != nil ? .done : saved != nil ? .inProgress : .notStarted
            return Item(id: lesson.id, kind: "lesson", title: lesson.title, status: status)
        case .quiz(let quiz):
            // After a retraining, the quiz's limits count again from it.
            let attempts = record.currentAttempts(quiz.id)
            let finished = attempts.filter { $0.finishedAt != nil }
            let status: Status
            if finished.contains(where: { $0.passed == true }) {
                status = .done
            } else if attempts.contains(where: { $0.finishedAt == nil }) {
                status = .inProgress
            } else if finished.isEmpty {
                status = .notStarted
            } else {
                status = quiz.attemptsLeft(afterFinishing: record.attemptsCounted(quiz.id)) == 0 ? .attemptsUsed : .notPassed
            }
            return Item(
                id: quiz.id, kind: "quiz", title: quiz.title, status: status,
                bestScore: finished.compactMap(\.score).max(), attempts: finished.count
            )
        case .roleplay(let roleplay):
            let runs = record.runs[roleplay.id, default: []]
            let finished = runs.filter { $0.finishedAt != nil }
            let status: Status = !finished.isEmpty ? .done : runs.isEmpty ? .notStarted : .inProgress
            return Item(
                id: roleplay.id, kind: "roleplay", title: roleplay.title, status: status,
                runs: finished.count, lastEnding: finished.last?.endingId
            )
        }
    }
}

extension CourseProgress.Status {
    /// How the player and `beacon progress` say it ("not passed yet").
    public var words: String {
        switch self {
        case .notStarted: "not started"
        case .inProgress: "in progress"
        case .notPassed: "not passed yet"
        case .attemptsUsed: "no attempts left"
        case .done: "done"
        }
    }
}

extension CourseProgress.Item {
    /// "Lesson", "Quiz" or "Role-play".
    public var kindInWords: String {
        switch kind {
        case "lesson": "Lesson"
        case "quiz": "Quiz"
        default: "Role-play"
        }
    }
}
