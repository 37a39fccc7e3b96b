import BeaconCore
import Foundation

/// A person taking courses. The id is what scripts pass as `--trainee`.
public struct Trainee: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var createdAt: Date
}

/// Which course, and exactly which content, a result was earned on.
public struct CourseStamp: Hashable, Sendable {
    public var id: String
    public var version: String
    /// SHA-256 of the course's files, so a result names the content it was taken on.
    public var contentHash: String

    public init(id: String, version: String, contentHash: String) {
        self.id = id
        self.version = version
        self.contentHash = contentHash
    }
}

public struct LessonRecord: Hashable, Sendable {
    public var lessonId: String
    /// The page last shown (0-based).
    public var page: Int
    public var completedAt: Date?
}

public struct QuizAttemptRecord: Hashable, Sendable {
    public struct Answer: Hashable, Sendable {
        public var questionId: String
        public var response: Response
        public var credit: Double
        public var answeredAt: Date
    }

    public var id: Int64
    public var quizId: String
    public var seed: UInt64
    public var questionIds: [String]
    public var startedAt: Date
    public var finishedAt: Date?
    public var score: Double?
    public var passed: Bool?
    public var courseVersion: String
    public var contentHash: String
    /// In the order they were given.
    public var answers: [Answer]
}

public struct RoleplayRunRecord: Hashable, Sendable {
    public var id: Int64
    public var roleplayId: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var endingId: String?
    /// Final scores by competency id, once finished.
    public var scores: [String: Int]?
    public var steps: [RoleplaySession.Step]
    public var courseVersion: String
    public var contentHash: String
    /// The seed of the order choices are shown in; nil for runs recorded before it was kept.
    public var seed: UInt64?
}

/// Everything recorded for one trainee in one course.
public struct CourseRecord: Hashable, Sendable {
    public var startedAt: Date?
    public var activeSeconds: Double
    /// When the trainee last did anything in the course (answered, turned a page, chose).
    public var lastActivityAt: Date? = nil
    public var lessons: [String: LessonRecord]
    /// By quiz id, oldest first.
    public var attempts: [String: [QuizAttemptRecord]]
    /// By role-play id, oldest first.
    public var runs: [String: [RoleplayRunRecord]]
    /// By quiz id: when an exam rule last sent the trainee back to retrain. Attempts before it
    /// are kept, but belong to the cycle it closed.
    public var retrainedAt: [String: Date] = [:]
    /// By quiz id: when a trainer granted an extra attempt, oldest first.
    public var grantedAt: [String: [Date]] = [:]

    /// Finished attempts that count against the quiz's own limit: those since the last
    /// retraining, less the extra attempts a trainer granted since then.
    public func attemptsCounted(_ quiz: String) -> Int {
        let finished = currentAttempts(quiz).filter { $0.finishedAt != nil }.count
        let grants = grantedAt[quiz, default: []].filter { date in retrainedAt[quiz].map { date > $0 } ?? true }.count
        return max(0, finished - grants)
    }

    /// The attempts at a quiz since the last retraining (all of them when there was none).
    public func currentAttempts(_ quiz: String) -> [QuizAttemptRecord] {
        let all = attempts[quiz, default: []]
        guard let since = retrainedAt[quiz] else { return all }
        return all.filter { $0.startedAt > since }
    }
}
