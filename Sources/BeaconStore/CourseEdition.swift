import BeaconCore

/// One language edition of a course: the same ids, scores and rules as the others (checked by
/// `beacon lint --original`), its own words and its own content hash.
public struct CourseEdition: Sendable {
    public var course: Course
    public var contentHash: String

    public init(course: Course, contentHash: String) {
        self.course = course
        self.contentHash = contentHash
    }

    /// The edition the trainee took: the one their latest finished quiz attempt (the exam, for
    /// a certificate) was played from. Nil when none of `editions` matches, or nothing is finished.
    public static func taken(by record: CourseRecord, among editions: [CourseEdition]) -> CourseEdition? {
        let latest = record.attempts.values.joined().filter { $0.finishedAt != nil }.max { $0.finishedAt! < $1.finishedAt! }
        guard let latest else { return nil }
        return editions.first { $0.contentHash == latest.contentHash }
    }
}
