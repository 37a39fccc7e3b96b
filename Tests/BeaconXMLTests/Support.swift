import BeaconCore
import BeaconXML
import Foundation
import Testing

/// The repository's root, found from this file's path so tests run from any directory.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let schemaPath = repositoryRoot.appendingPathComponent("curricula/schema/curriculum.xsd").path
let samplePath = repositoryRoot.appendingPathComponent("curricula/sample").path

/// A fresh folder under the system's temporary directory, removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Data(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> String {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true
        )
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Copies the bundled sample course here, so a test can break a copy of it.
    func copySample() throws -> String {
        let target = path + "/sample"
        try FileManager.default.copyItem(atPath: samplePath, toPath: target)
        return target
    }
}

func lint(_ path: String, playthroughs: Int = 50) -> LintRun.FileResult {
    var options = CurriculumLinter.Options()
    options.playthroughs = playthroughs
    return LintRun(options: options, environment: ["BEACON_SCHEMA": schemaPath], executablePath: nil).lint(file: path)
}

/// A course around the given module body, so each test writes only what it is about.
func course(module body: String, extra: String = "", competencies: String? = nil) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <course xmlns="urn:beacon:curriculum:1" id="test" version="1.0.0" xml:lang="en">
      <title>Test</title>
      \(competencies ?? #"<competency id="listening" samhsa="engagement"><title>Listening</title></competency>"#)
      <module id="m1" minutes="5">
        <title>Module</title>
    \(body)
      </module>
    \(extra)
    </course>
    """
}

extension Array where Element == Diagnostic {
    var codes: [String] { map(\.code) }
    func with(code: String) -> [Diagnostic] { filter { $0.code == code } }
}

/// The 1-based line of the first line in `text` containing `needle`.
func lineNumber(of needle: String, in text: String) -> Int? {
    text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }.map { $0 + 1 }
}

/// Runs `body` on another thread and reports whether it finished within `seconds`,
/// so that a hang (for example a parser blocked reading a pipe) fails the test instead of the run.
func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        body()
        done.signal()
    }
    return done.wait(timeout: .now() + seconds) == .success
}

/// A course loaded without linting, or nil when it does not map.
func loadCourse(_ path: String) -> Course? {
    let loaded = CurriculumLoader(schemaPath: schemaPath).load(path: path)
    guard case .course(let course) = loaded.content else { return nil }
    return course
}

/// Plays `roleplay` along BestPath's route, each reply with the model answer, and returns the
/// finished session.
func playBestPath(_ roleplay: Roleplay) throws -> RoleplaySession {
    let path = try #require(BestPath.find(in: roleplay), "no path to a good ending with full marks in \(roleplay.id)")
    var session = RoleplaySession(roleplay: roleplay)
    for move in path {
        switch move {
        case .choice(let index): try session.choose(index, in: roleplay)
        case .reply(let text): try session.reply(text, in: roleplay)
        }
    }
    return session
}
