import Foundation
import Testing

/// Runs the built `beacon` executable as a user would, checking output and exit status.
@Suite struct LintCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable sits beside the test bundle in the build products folder.
    static var executable: URL {
        let products = Bundle.allBundles.map(\.bundleURL).first { $0.pathExtension == "xctest" }?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return products.appendingPathComponent("beacon")
    }

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    func beacon(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.merge(environment) { $1 }
        process.environment = env
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    @Test func cleanCourseExitsZeroWithASummary() throws {
        let run = try beacon(["lint", "curricula/sample"])
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(run.output.contains("curricula/sample/course.xml: 2 modules"))
        #expect(run.output.hasSuffix("0 errors, 0 warnings in 1 file\n"))
        #expect(!run.output.contains("\u{1B}["), "no colour codes when NO_COLOR is set or output is a pipe")
    }

    @Test func jsonReportsDiagnosticsAndCounts() throws {
        let run = try beacon(["lint", "--json", "curricula/sample/course.xml", "/nonexistent.xml"])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["code"] as? String == "B001")
        #expect(diagnostics.first?["file"] as? String == "/nonexistent.xml")
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["questions"] as? Int == 7)
        #expect(summary["roleplays"] as? Int == 1)
        #expect((summary["questionsByKind"] as? [String: Int])?["matching"] == 1)
        #expect(object["errors"] as? Int == 1)
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("curricula/sample"), to: folder)
        let module = folder.appendingPathComponent("modules/listening.xml")
        let text = try String(contentsOf: module, encoding: .utf8)
            .replacingOccurrences(of: "<rationale>OARS stands for open questions, affirmations, reflections and summaries.</rationale>", with: "")
        try text.write(to: module, atomically: true, encoding: .utf8)
        let schema = ["BEACON_SCHEMA": Self.root.appendingPathComponent("curricula/schema/curriculum.xsd").path]
        let relaxed = try beacon(["lint", folder.path], environment: schema)
        #expect(relaxed.status == 0)
        #expect(relaxed.output.contains("warning[B036]"))
        #expect(relaxed.output.contains("  help: add <rationale>"))
        let strict = try beacon(["lint", "--strict", folder.path], environment: schema)
        #expect(strict.status == 1)
    }

    @Test func usageErrorsExitTwo() throws {
        let none = try beacon(["lint"])
        #expect(none.status == 2)
        #expect(none.errors.contains("Usage") || none.errors.contains("USAGE") || none.errors.contains("Missing"))
        let unknown = try beacon(["lint", "--frobnicate", "curricula/sample"])
        #expect(unknown.status == 2)
    }

    @Test func helpTeaches() throws {
        let run = try beacon(["lint", "--help"])
        #expect(run.status == 0)
        #expect(run.output.contains("Exit status: 0 no errors"))
        #expect(run.output.contains("beacon lint curricula/sample"))
        #expect(run.output.contains("--strict"))
    }
}
