import BeaconCore
import BeaconStore
import Foundation

/// Plays a course for one trainee through a `Terminal`: menus, lessons, quizzes and role-plays,
/// recording every answer in the store the moment it is given.
public final class CoursePlayer {
    /// How the player ended.
    public enum Exit: Equatable, Sendable {
        /// The trainee chose to leave (q at the course menu).
        case quit
        /// Paused from a content note: leave now, come back later.
        case paused
        /// Ctrl-C.
        case interrupted
        /// Ctrl-D or the end of piped answers.
        case endOfInput
        /// A preview of one item finished.
        case finished
        /// The last answer could not be saved (the database is unreachable); everything
        /// acknowledged before it is kept.
        case notSaved(String)
    }

    /// Unwinds from deep inside an item.
    enum Leave: Error {
        case toMenu
        case exit(Exit)
    }

    public struct Options: Sendable {
        /// Seed for quiz draws and shuffles; nil takes a random one per attempt (which is stored).
        public var seed: UInt64?
        public var now: @Sendable () -> Date = { Date() }
        /// Modules can be opened before their prerequisites are done (previews).
        public var ignorePrerequisites = false
        /// False for previews: answers live in memory only, and no screen says they are saved.
        public var recordsProgress = true
        /// How long a save may take before the trainee is told it is still saving.
        public var savingNotice: TimeInterval = 0.4
        /// The language of the player's own words (the course's text is in its own language).
        public var language: Language = .english

        public init(seed: UInt64? = nil) { self.seed = seed }
    }

    let course: Course
    let stamp: CourseStamp
    let store: LearningStore
    let trainee: Trainee
    let terminal: any Terminal
    let prompter: Prompter
    var theme: Theme { prompter.theme }
    let options: Options
    var random: SeededRandom

    public init(
        course: Course,
        stamp: CourseStamp,
        store: LearningStore,
        trainee: Trainee,
        terminal: any Terminal,
        resources: CrisisResources,
        options: Options = .init()
    ) {
        self.course = course
        self.stamp = stamp
        self.store = store
        self.trainee = trainee
        self.terminal = terminal
        prompter = Prompter(terminal: terminal, resources: resources, words: .in(options.language), recordsProgress: options.recordsProgress)
        self.options = options
        random = SeededRandom(seed: options.seed ?? UInt64.random(in: .min ... .max))
    }

    /// Runs the course menu until the trainee leaves.
    public func run() -> Exit {
        do {
            while true {
                do {
                    try courseMenu()
                } catch Leave.toMenu {
                    continue
                }
            }
        } catch Leave.exit(let exit) {
            return exit
        } catch let error as NotSaved {
            return .notSaved(error.reason)
        } catch {
            return .notSaved(Self.reason(error, words: words))
        }
    }

    /// Runs one module, lesson, quiz or role-play on its own (previews), then ends.
    public func run(item id: String) -> Exit {
        do {
            if let module = course.module(id) {
                try moduleMenu(module)
            } else if let (_, item) = course.modules.lazy.flatMap({ module in module.items.map { (module, $0) } }).first(where: { $0.1.id == id }) {
                try play(item)
            }
            return .finished
        } catch Leave.exit(let exit) {
            return exit
        } catch {
            return .finished
        }
    }

    func progress() throws -> CourseProgress {
        CourseProgress(course: course, record: try store.record(trainee: trainee.id, course: course.id), trainee: trainee.id)
    }

    func play(_ item: Module.Item) throws {
        switch item {
        case .lesson(let lesson): try playLesson(lesson)
        case .quiz(let quiz): try playQuiz(quiz)
        case .roleplay(let roleplay): try playRoleplay(roleplay)
        }
    }

    /// Notes that the trainee is active now (for time on task).
    func active() throws {
        let (store, trainee, course, now) = (store, trainee.id, course.id, options.now())
        try saving { try store.recordActivity(trainee: trainee, course: course, at: now) }
    }
}
