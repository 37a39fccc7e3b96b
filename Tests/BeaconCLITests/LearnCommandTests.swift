import Foundation
import Testing

/// `beacon learn`, `progress`, `preview` and `reset` run as a trainee or script would.
@Suite struct LearnCommandTests {
    /// Answers that play the whole sample course with seed 1 in the linear mode, one per line
    /// (shared with Scripts/e2e-browser).
    static let answers: [String] = {
        let file = LintCommandTests.root.appendingPathComponent("Tests/Fixtures/sample-course-answers.txt")
        // Safe: the fixture is part of the repository.
        let text = try! String(contentsOf: file, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }()

    func home() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("beacon-learn-\(UUID().uuidString)")
    }

    /// Runs `beacon` (or `executable`) in `directory`; `environment` adds variables, and a nil
    /// value removes one the test process has.
    func beacon(
        _ arguments: [String], home: URL, input: String = "", environment extra: [String: String?] = [:],
        executable: URL = LintCommandTests.executable, directory: URL = LintCommandTests.root
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["BEACON_HOME"] = home.path
        environment["NO_COLOR"] = "1"
        for (name, value) in extra { environment[name] = value }
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aWholeModulePlayedWithPipedAnswersIsRecorded() throws {
        let home = home()
        defer { try? FileManager.default.removeItem(at: home) }
        let input = Self.answers.joined(separator: "\n") + "\n"
        let run = try beacon(["learn", "curricula/sample", "--plain", "--trainee", "Sam Lee", "--seed", "1"], home: home, input: input)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("Passed. Well done."))
        #expect(run.output.contains("This conversation went well."))
        #expect(run.output.hasSuffix("Your progress is saved. Come back with: beacon learn --course curricula/sample --trainee sam-lee\n"))
        #expect(!run.output.contains("\u{1B}["), "the linear mode never moves the cursor or colours")

        let progress = try beacon(["progress", "curricula/sample", "--trainee", "sam-lee", "--json"], home: home)
        #expect(progress.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(progress.output.utf8)) as? [String: Any])
        let modules = try #require(object["modules"] as? [[String: Any]])
        #expect(modules.map { $0["done"] as? Int } == [1, 3])
        let items = modules.flatMap { $0["items"] as? [[String: Any]] ?? [] }
        #expect(items.allSatisfy { $0["status"] as? String == "done" })
        #expect((object["competencies"] as? [[String: Any]])?.map { $0["share"] as? Double } == [1, 1])

        // The free-text reply was scored but is nowhere in the database files.
        for name in try FileManager.default.contentsOfDirectory(atPath: home.path) {
            let bytes = try Data(contentsOf: home.appendingPathComponent(name))
            #expect(bytes.range(of: Data("thinking about suicide".utf8)) == nil, "\(name) holds the reply text")
        }
        let mode = try FileManager.default.attributesOfItem(atPath: home.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test func resetForgetsAModuleOnlyWhenConfirmed() throws {
        let home = home()
        defer { try? FileManager.default.removeItem(at: home) }
        let input = Self.answers.joined(separator: "\n") + "\n"
        _ = try beacon(["learn", "curricula/sample", "--plain", "--trainee", "sam", "--seed", "1"], home: home, input: input)
        let refused = try beacon(["reset", "curricula/sample", "--trainee", "sam", "--module", "listening-well"], home: home, input: "no\n")
        #expect(refused.status == 1 && refused.output.contains("Nothing was changed."))
        let done = try beacon(["reset", "curricula/sample", "--trainee", "sam", "--module", "listening-well", "--yes"], home: home)
        #expect(done.status == 0 && done.output.contains("3 records removed"))
        let progress = try beacon(["progress", "curricula/sample", "--trainee", "sam", "--all"], home: home)
        #expect(progress.output.contains("Module 2: Listening Well · 0 of 3 items done"), "\(progress.output)")
        #expect(progress.output.contains("Module 1: Welcome · 1 of 1 items done"))
        // The summary comes first, in titles, never the author's ids.
        #expect(progress.output.contains("1 of 2 modules done"))
        #expect(progress.output.contains("Next: Lesson: OARS in practice · not started"))
        #expect(!progress.output.contains("not-started") && !progress.output.contains("oars"))
    }

    @Test func previewRecordsNothing() throws {
        let home = home()
        defer { try? FileManager.default.removeItem(at: home) }
        // Choices come in a random order each run, so every prompt is offered a choice, a
        // continue and a full reply in turn until one fits.
        let input = String(repeating: "1\n\nIt sounds like a hard week for you.\n\n", count: 10)
        let run = try beacon(["preview", "curricula/sample", "--roleplay", "hard-week", "--plain"], home: home, input: input)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("Jordan: I don't really know why I came in."))
        #expect(run.output.contains("Role-play debrief: A hard week"))
        #expect(!FileManager.default.fileExists(atPath: home.path), "preview must not create a database")
    }

    @Test func endOfInputSavesAndExitsZero() throws {
        let home = home()
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try beacon(["learn", "curricula/sample", "--plain", "--trainee", "sam"], home: home, input: "\n")
        #expect(run.status == 0)
        #expect(run.output.contains("End of input; your progress is saved. Resume with: beacon learn --course curricula/sample --trainee sam"))
    }
}
