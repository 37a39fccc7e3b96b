import Foundation
import Testing

/// The trainer's tools from the command line: importing question banks, reading where a cohort
/// stands and exporting results, against a course a trainee really played.
@Suite struct TrainerToolsTests {
    let learn = LearnCommandTests()

    func run(_ arguments: [String], home: URL, input: String = "") throws -> (status: Int32, output: String) {
        try learn.beacon(arguments, home: home, input: input)
    }

    @Test func aNewcomerMeetsTheCoreCurriculumByDefault() throws {
        let home = learn.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try run(["learn", "--plain", "--trainee", "newcomer"], home: home, input: "q\n")
        #expect(run.output.contains("Peer Support Specialist Core Training"), "\(run.output)")
    }

    /// Laid out as Scripts/install lays it out (PREFIX/bin/beacon, PREFIX/share/beacon/curricula)
    /// and started from a folder with no curricula above it.
    @Test func anInstalledBeaconFindsItsCurricula() throws {
        let prefix = learn.home()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let bin = prefix.appendingPathComponent("bin"), share = prefix.appendingPathComponent("share/beacon")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        let installed = bin.appendingPathComponent("beacon")
        // A symbolic link would lead back to the build folder, so link the file itself (or copy it).
        do { try FileManager.default.linkItem(at: LintCommandTests.executable, to: installed) } catch {
            try FileManager.default.copyItem(at: LintCommandTests.executable, to: installed)
        }
        try FileManager.default.createSymbolicLink(at: share.appendingPathComponent("curricula"), withDestinationURL: LintCommandTests.root.appendingPathComponent("curricula"))
        let elsewhere = prefix.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let run = try learn.beacon(["learn", "--plain", "--trainee", "newcomer"], home: prefix.appendingPathComponent("data"), input: "q\n",
                                   environment: ["BEACON_SCHEMA": nil], executable: installed, directory: elsewhere)
        #expect(run.status == 0 && run.output.contains("Peer Support Specialist Core Training"), "\(run.output)")
    }

    @Test func importWritesALintCleanModuleAndListsWhatItCouldNotConvert() throws {
        let home = learn.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let out = home.appendingPathComponent("bank.xml")
        let moodle = try run(["import", "moodle"] + ["multichoice_multi", "truefalse", "shortanswer", "match", "essay"].map {
            "Tests/Fixtures/import/moodle/qtype_\($0 == "multichoice_multi" ? "multichoice_multi" : $0)_testquestion.moodle.xml"
        } + ["-o", out.path, "--json"], home: home)
        #expect(moodle.status == 0, "\(moodle.output)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(moodle.output.utf8)) as? [String: Any])
        let inner = try #require(report["report"] as? [String: Any])
        #expect(inner["questions"] as? Int == 4)
        #expect((inner["skipped"] as? [[String: Any]])?.first?["type"] as? String == "essay")
        #expect(FileManager.default.fileExists(atPath: out.path))
        // Refuses to overwrite without --force; nothing converted exits 1 and writes nothing.
        let again = try run(["import", "moodle", "Tests/Fixtures/import/moodle/qtype_essay_testquestion.moodle.xml", "-o", out.path], home: home)
        #expect(again.status == 1 && again.output.contains("--force") && !again.output.contains("USAGE"), "a refusal, not misuse: exit 1 without the usage text")
        let nothing = home.appendingPathComponent("nothing.xml")
        let empty = try run(["import", "moodle", "Tests/Fixtures/import/moodle/qtype_essay_testquestion.moodle.xml", "-o", nothing.path], home: home)
        #expect(empty.status == 1 && empty.output.contains("Nothing could be converted"))
        #expect(!FileManager.default.fileExists(atPath: nothing.path))

        let qti = try run(["import", "qti", "Tests/Fixtures/import/qti", "-o", home.appendingPathComponent("qti.xml").path], home: home)
        #expect(qti.status == 0, "\(qti.output)")
        #expect(qti.output.contains("5 questions"))
    }

    @Test func cohortReportAndResultsExportAfterAPlayedCourse() throws {
        let home = learn.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let input = LearnCommandTests.answers.joined(separator: "\n") + "\n"
        #expect(try run(["learn", "curricula/sample", "--plain", "--trainee", "=cmd|' /C calc'!A0", "--seed", "1"], home: home, input: input).status == 0)

        let cohort = try run(["report", "cohort", "--course", "curricula/sample", "--json"], home: home)
        #expect(cohort.status == 0, "\(cohort.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(cohort.output.utf8)) as? [String: Any])
        let row = try #require((object["trainees"] as? [[String: Any]])?.first)
        #expect(row["modulesDone"] as? Int == 2)
        #expect((row["programs"] as? [[String: Any]])?.first?["eligible"] as? Bool == true)

        let csv = try run(["report", "cohort", "--course", "curricula/sample", "--csv"], home: home)
        let lines = csv.output.split(separator: "\r\n")
        #expect(lines.count == 2)
        // The trainee's name began with "=": a spreadsheet must see text, not a formula.
        #expect(lines[1].contains(",'=cmd|' /C calc'!A0,") || lines[1].contains(",\"'=cmd|' /C calc'!A0\","), "\(lines[1])")

        let file = home.appendingPathComponent("results.csv")
        let export = try run(["export", "results", "--course", "curricula/sample", "--csv", "-o", file.path], home: home)
        #expect(export.status == 0, "\(export.output)")
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("(free text withheld)"))
        #expect(text.contains(",roleplay,hard-week,"))
        let withText = try run(["export", "results", "--course", "curricula/sample", "--json", "--include-free-text"], home: home)
        #expect(!withText.output.contains("free text withheld") && withText.output.contains("\"freeTextIncluded\" : true"))
    }

    @Test func itemReportFromCSVMatchesTheWorkedExample() throws {
        let home = learn.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try run(["report", "items", "--from-csv", "Tests/Fixtures/item-analysis-worked-example.csv", "--json"], home: home)
        #expect(run.status == 0, "\(run.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let quiz = try #require(object["quiz"] as? [String: Any])
        #expect(abs((quiz["alpha"] as? Double ?? 0) - 16.0 / 39) < 1e-9)
        #expect(quiz["n"] as? Int == 5)
        let questions = try #require(object["questions"] as? [[String: Any]])
        let expected: [(facility: Double, discrimination: Double, efficiency: Double)] = [
            (0.8, 37.5, 100), (0.6, 100 * 0.15 / 0.21.squareRoot(), 37.5), (0.2, 100 * 0.2 / 0.14.squareRoot(), 100), (0.8, -100 * 0.1 / 0.26.squareRoot(), -25),
        ]
        for (question, want) in zip(questions, expected) {
            #expect(abs((question["facility"] as? Double ?? -1) - want.facility) < 1e-9)
            #expect(abs((question["discriminationIndex"] as? Double ?? -1) - want.discrimination) < 1e-9)
            #expect(abs((question["discriminativeEfficiency"] as? Double ?? -1) - want.efficiency) < 1e-9)
        }
        #expect((object["warnings"] as? [String])?.contains { $0.contains("indicative") } == true, "N = 5 is flagged")
    }

    @Test func itemReportFromRecordedAttempts() throws {
        let home = learn.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let input = LearnCommandTests.answers.joined(separator: "\n") + "\n"
        for name in ["Ana", "Ben", "Cy"] {
            #expect(try run(["learn", "curricula/sample", "--plain", "--trainee", name, "--seed", "1"], home: home, input: input).status == 0)
        }
        let report = try run(["report", "items", "listening-check", "--course", "curricula/sample", "--json"], home: home)
        #expect(report.status == 0, "\(report.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any])
        let group = try #require((object["groups"] as? [[String: Any]])?.first)
        #expect((group["summary"] as? [String: Any])?["n"] as? Int == 3)
        let entries = try #require(group["entries"] as? [[String: Any]])
        let open = try #require(entries.first { $0["id"] as? String == "open-question" })
        #expect((open["options"] as? [[String: Any]])?.count == 3, "distractor analysis for choice questions")
        // Pool questions not shown to every attempt are named in a warning, not silently dropped.
        #expect((group["warnings"] as? [String])?.contains { $0.contains("pool") } == true)
        let human = try run(["report", "items", "listening-check", "--course", "curricula/sample"], home: home)
        #expect(human.output.contains("Scores (N = 3)"))
    }
}
