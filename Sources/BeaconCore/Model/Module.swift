/// A unit of the course: lessons, quizzes and role-plays taken in order.
public struct Module: Hashable, Sendable {
    public enum Item: Hashable, Sendable {
        case lesson(Lesson)
        case quiz(Quiz)
        case roleplay(Roleplay)

        public var id: String {
            switch self {
            case .lesson(let lesson): lesson.id
            case .quiz(let quiz): quiz.id
            case .roleplay(let roleplay): roleplay.id
            }
        }

        public var title: String {
            switch self {
            case .lesson(let lesson): lesson.title
            case .quiz(let quiz): quiz.title
            case .roleplay(let roleplay): roleplay.title
            }
        }
    }

    public var id: String
    public var title: String = ""
    public var summary: [Inline] = []
    public var minutes: Int = 0
    /// Modules to finish first (`requires="a b"`).
    public var prerequisites: [Reference] = []
    /// Competencies this module declares it teaches.
    public var teaches: [Reference] = []
    public var items: [Item] = []
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }

    public var lessons: [Lesson] { items.compactMap { if case .lesson(let l) = $0 { l } else { nil } } }
    public var quizzes: [Quiz] { items.compactMap { if case .quiz(let q) = $0 { q } else { nil } } }
    public var roleplays: [Roleplay] { items.compactMap { if case .roleplay(let r) = $0 { r } else { nil } } }
}

/// Reading material: pages of paragraphs, lists and callouts.
public struct Lesson: Hashable, Sendable {
    public struct Page: Hashable, Sendable {
        public var heading: String?
        public var blocks: [Block]

        public init(heading: String?, blocks: [Block]) {
            self.heading = heading
            self.blocks = blocks
        }
    }

    public var id: String
    public var title: String = ""
    public var minutes: Int?
    public var contentNote: ContentNote?
    public var pages: [Page] = []
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
