import BeaconCore
import BeaconStore
import BeaconTerminal
import BeaconXML
import Foundation
import GRDB
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The sample course, loaded the way `beacon learn` loads it.
func sampleCourse() throws -> (Course, CourseStamp) {
    let loaded = CurriculumLoader(schemaPath: repositoryRoot.appendingPathComponent("curricula/schema/curriculum.xsd").path)
        .load(path: repositoryRoot.appendingPathComponent("curricula/sample/course.xml").path)
    guard case .course(let course)? = loaded.content, let hash = loaded.contentHash else {
        throw TestFailure(message: "sample did not load: \(loaded.diagnostics)")
    }
    return (course, CourseStamp(id: course.id, version: course.version, contentHash: hash))
}

struct TestFailure: Error {
    var message: String
}

/// A player on an in-memory store with a fixed seed and a clock that moves a minute per call.
func makePlayer(
    _ terminal: MemoryTerminal, store: LearningStore? = nil, language: Language = .english, resources given: CrisisResources? = nil
) throws -> (CoursePlayer, LearningStore, Trainee) {
    let (course, stamp) = try sampleCourse()
    let store = try store ?? LearningStore(writer: DatabaseQueue())
    let trainee = try store.trainees().first ?? store.addTrainee(name: "Tester")
    var options = CoursePlayer.Options(seed: 1)
    let clock = Clock()
    options.now = { clock.tick() }
    // A transcript must not depend on how fast this machine writes: no "Saving…" notice.
    options.savingNotice = 600
    options.language = language
    let resources = given ?? CrisisResources(
        reviewed: "2026-11-27", region: "US", heading: "Help now.",
        resources: [.init(name: "988 Suicide & Crisis Lifeline", how: "Call or text 988.")],
        elsewhere: "Elsewhere, call your local emergency number.", reviewerNote: "Checked against the source."
    )
    return (CoursePlayer(course: course, stamp: stamp, store: store, trainee: trainee, terminal: terminal, resources: resources, options: options), store, trainee)
}

/// A clock for tests: starts at a fixed instant and moves one minute each time it is read.
final class Clock: @unchecked Sendable {
    // Safe: guarded by the lock.
    private var now = Date(timeIntervalSince1970: 1_800_000_000)
    private let lock = NSLock()
    func tick() -> Date {
        lock.withLock {
            now += 60
            return now
        }
    }
}

/// Compares text with a golden file in Tests/BeaconTerminalTests/Golden; set
/// BEACON_RECORD_GOLDEN=1 to write the files afresh (then review the diff).
func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let file = repositoryRoot.appendingPathComponent("Tests/BeaconTerminalTests/Golden/\(name).txt")
    if ProcessInfo.processInfo.environment["BEACON_RECORD_GOLDEN"] == "1" {
        try text.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(text == expected, "differs from Golden/\(name).txt; rerun with BEACON_RECORD_GOLDEN=1 and review the diff", sourceLocation: sourceLocation)
}

/// The answers that play the whole sample course with seed 1, in linear mode.
let wholeCourseAnswers: [String] = [
    "", "", "",                          // continue: lesson 1, finish it, acknowledge
    "", "1", "", "", "",                 // continue: content note, two pages, acknowledge
    "", "",                              // continue: quiz intro
    "1", "", "1 4 2 3", "", "f", "", "a c d", "", "open questions", "", "1 3 4 5", "", "",
    "", "1", "",                         // continue: role-play content note, intro
    "2", "",                             // opening: the open question (second in this run's order)
    "It sounds like a lot. Are you thinking about suicide?", "",
    "2", "", "",                         // safe-plan (second in this run's order), then the debrief
    "q",
]
