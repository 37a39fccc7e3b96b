import Foundation
import Testing

/// The trainer's three Monday questions (who needs help, what happened in the role-plays,
/// which questions are broken), each answered by one command, on a cohort with known answers
/// (TrainerDeskCohort), in text, JSON, CSV and as pages in Chromium; and regrading after a key fix.
@Suite struct TrainerDeskTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-desk-\(UUID().uuidString)")

    func beacon(_ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
        try LearnCommandTests().beacon(arguments, home: home, input: input)
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try beacon(arguments + ["--json"])
        #expect(run.status == 0, "\(run.output)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.output)")
    }

    func csvRows(_ text: String) -> [[String: String]] {
        // The fixture's cells hold no quotes or commas except prompts, which are quoted.
        var rows: [[String]] = []
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: true) {
            var cells: [String] = [], cell = "", quoted = false
            for character in line {
                if character == "\"" { quoted.toggle() } else if character == ",", !quoted { cells.append(cell); cell = "" } else { cell.append(character) }
            }
            rows.append(cells + [cell])
        }
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func whoNeedsHelpComesFirst() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        try TrainerDeskCohort.seed(home: home)
        let report = try json(["report", "cohort", "--course", "curricula/sample"])
        let rows = try #require(report["trainees"] as? [[String: Any]])
        // Out of attempts and a poor ending first (Gus idle longer than Hal), then not started and
        // stalled, then a competency below the minimum, then those on track, the longest idle first.
        #expect(rows.compactMap { $0["name"] as? String } == ["Gus", "Hal", "Ivy", "Fay", "Eli", "Dee", "Ana", "Ben", "Cy"])
        let totals = try #require(report["totals"] as? [String: Any])
        #expect(totals["trainees"] as? Int == 9 && totals["needingHelp"] as? Int == 4)
        #expect(totals["outOfAttempts"] as? Int == 1 && totals["poorEndings"] as? Int == 1 && totals["stalled"] as? Int == 1)
        #expect(totals["notStarted"] as? Int == 1 && totals["competencyBelow"] as? Int == 2 && totals["finished"] as? Int == 5)
        let program = try #require((totals["programs"] as? [[String: Any]])?.first)
        #expect(program["eligible"] as? Int == 4 && program["notYet"] as? Int == 5)
        let gus = try #require(rows.first?["needs"] as? [[String: Any]])
        #expect(gus.first?["kind"] as? String == "out-of-attempts")
        #expect((gus.first?["action"] as? String)?.hasPrefix("beacon grant-attempt --trainee gus --quiz listening-check") == true)
        let kinds = rows.map { ($0["needs"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String } }
        #expect(kinds[1] == ["poor-ending", "competency-below"], "Hal")
        #expect(kinds[3].first == "stalled" && kinds[4] == ["competency-below", "missing"], "Fay, Eli")

        let text = try beacon(["report", "cohort", "--course", "curricula/sample"]).output
        #expect(text.contains("Need help: 4") && text.contains("sample-cert: 4 eligible, 5 not yet"), "\(text)")
        #expect(text.contains("1. Gus (gus) · NEEDS HELP NOW") && text.contains("nothing done for 20 days"))

        let csv = csvRows(try beacon(["report", "cohort", "--course", "curricula/sample", "--csv"]).output)
        let fay = try #require(csv.first { $0["name"] == "Fay" })
        #expect(fay["days_idle"] == "20" && fay["need_level"] == "2")
        // 6 of 7 marks, as a whole percentage.
        #expect(csv.first { $0["name"] == "Hal" }?["quiz:listening-check:best_percent"] == "86")
    }

    @Test func itemReportReadsAsATrainerWouldAndCountsFirstAttempts() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        try TrainerDeskCohort.seed(home: home)
        let first = try json(["report", "items", "listening-check", "--course", "curricula/sample"])
        #expect(first["basis"] as? String == "first")
        let group = try #require((first["groups"] as? [[String: Any]])?.first)
        #expect(group["attempts"] as? Int == 8 && group["trainees"] as? Int == 8)
        let entries = try #require(group["entries"] as? [[String: Any]])
        func entry(_ id: String) -> [String: Any]? { entries.first { $0["id"] as? String == id } }
        let open = try #require(entry("open-question"))
        let verdict = try #require(open["verdict"] as? [String: Any])
        // Both of the top 27% (2 of 8: Ana and Ben) chose c, and nobody in it chose the key.
        #expect(verdict["kind"] as? String == "check-key")
        #expect((verdict["text"] as? String)?.contains("high scorers pick c (It sounds like things are piling up.)") == true, "\(verdict)")
        #expect((open["prompt"] as? String)?.contains("Which reply is an open question?") == true)
        // asking-plants-idea: right in 5 of 8 first attempts, 7 of 12 in all.
        let myth = try #require(entry("asking-plants-idea")?["statistics"] as? [String: Any])
        #expect(abs((myth["facility"] as? Double ?? 0) - 5.0 / 8) < 1e-9)
        let all = try json(["report", "items", "listening-check", "--course", "curricula/sample", "--attempts", "all"])
        let allGroup = try #require((all["groups"] as? [[String: Any]])?.first)
        #expect(allGroup["attempts"] as? Int == 12)
        let allMyth = (allGroup["entries"] as? [[String: Any]])?.first { $0["id"] as? String == "asking-plants-idea" }?["statistics"] as? [String: Any]
        #expect(abs((allMyth?["facility"] as? Double ?? 0) - 7.0 / 12) < 1e-9)

        let text = try beacon(["report", "items", "listening-check", "--course", "curricula/sample"]).output
        #expect(text.contains("first attempts only (one per trainee): 8 attempts by 8 trainees"), "\(text)")
        #expect(text.contains("Asking someone directly about suicide") && text.contains("Are you sleeping okay?"))

        let csv = csvRows(try beacon(["report", "items", "listening-check", "--course", "curricula/sample", "--csv"]).output)
        #expect(csv.first { $0["level"] == "question" && $0["question"] == "asking-plants-idea" }?["facility_percent"] == "62.5")
        // Numbers rounded to what they mean: never a 17-digit float.
        let numeric = ["facility_percent", "sd_marks", "discrimination_index_percent", "corrected_point_biserial", "chosen_percent", "option_point_biserial"]
        for row in csv { for column in numeric { #expect((row[column] ?? "").count <= 6, "\(column): \(row[column] ?? "")") } }
        let option = try #require(csv.first { $0["level"] == "option" && $0["question"] == "open-question" && $0["option"] == "c" })
        #expect(option["chosen_n"] == "3" && option["chosen_percent"] == "37.5" && option["key"] == "no")

        // A quiz that is not in the course says which course was looked in and how to name another.
        let missing = try beacon(["report", "items", "checkin-quiz"])
        #expect(missing.status != 0 && missing.output.contains("the bundled course") && missing.output.contains("beacon course use"), "\(missing.output)")
    }

    @Test func roleplayReviewShowsPathsChoicesAndEndings() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        try TrainerDeskCohort.seed(home: home)
        let eli = try json(["report", "roleplay", "hard-week", "--course", "curricula/sample", "--trainee", "eli"])
        #expect(eli["ending"] as? String == "mixed-end" && eli["outcome"] as? String == "mixed")
        let steps = try #require(eli["steps"] as? [[String: Any]])
        #expect(steps.compactMap { $0["kind"] as? String } == ["choice", "reply", "route", "choice", "choice"])
        let criteria = try #require(steps[1]["criteria"] as? [[String: Any]])
        let advice = try #require(criteria.first { $0["id"] as? String == "advice" })
        #expect(advice["met"] as? Bool == true && advice["harmful"] as? Bool == true)
        let path = try beacon(["report", "roleplay", "hard-week", "--course", "curricula/sample", "--trainee", "eli"]).output
        #expect(path.contains("[HARM   ] Gives unsolicited advice") && path.contains("[missed ] Asks directly about suicide"), "\(path)")
        #expect(!path.contains("get some sleep"), "the reply's words are never stored, so never shown")

        let cohort = try json(["report", "roleplay", "hard-week", "--course", "curricula/sample"])
        #expect(cohort["runs"] as? Int == 7)
        let endings = try #require(cohort["endings"] as? [[String: Any]])
        #expect(endings.compactMap { $0["count"] as? Int } == [5, 1, 1])
        let opening = try #require((cohort["scenes"] as? [[String: Any]])?.first { $0["scene"] as? String == "opening" })
        #expect((opening["choices"] as? [[String: Any]])?.compactMap { $0["count"] as? Int } == [6, 1])
        let missed = try #require((cohort["mostMissed"] as? [[String: Any]])?.first)
        #expect(missed["of"] as? Int == 6 && missed["failed"] as? Int == nil, "failed is worked out, not stored")
        let text = try beacon(["report", "roleplay", "hard-week", "--course", "curricula/sample"]).output
        #expect(text.contains("Endings: good-end (good) 5 · mixed-end (mixed) 1 · leaves (poor) 1"), "\(text)")
        #expect(text.contains("Reflects the feeling (opens-up): missed in 1 of 6 replies"))
    }

    /// The key of open-question moves from a to c: Ana's 6.5 of 7 becomes 7, Hal's 6 becomes
    /// 5.5 and he no longer passes (80%); Gus's b answers are untouched.
    @Test func regradeAfterAKeyFixShowsBeforeAndAfterAndAsksFirst() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        try TrainerDeskCohort.seed(home: home)
        let fixed = home.appendingPathComponent("fixed-course")
        try FileManager.default.copyItem(at: LintCommandTests.root.appendingPathComponent("curricula/sample"), to: fixed)
        let module = fixed.appendingPathComponent("modules/listening.xml")
        var xml = try String(contentsOf: module, encoding: .utf8)
        xml = xml.replacingOccurrences(of: "<option id=\"a\" correct=\"true\"", with: "<option id=\"a\" credit=\"0.5\"")
            .replacingOccurrences(of: "<option id=\"c\" credit=\"0.5\"", with: "<option id=\"c\" correct=\"true\"")
        try xml.write(to: module, atomically: true, encoding: .utf8)
        setenv("BEACON_SCHEMA", LintCommandTests.root.appendingPathComponent("curricula/schema/curriculum.xsd").path, 1)

        let plan = try json(["regrade", "listening-check", "--course", fixed.path, "--dry-run"])
        #expect(plan["applied"] as? Bool == false)
        let body = try #require(plan["plan"] as? [String: Any])
        #expect(body["examined"] as? Int == 12)
        let changes = try #require(body["changes"] as? [[String: Any]])
        #expect(changes.count == 10, "every attempt that chose a or c")
        func change(_ trainee: String, _ attempt: Int) -> [String: Any]? {
            changes.first { $0["trainee"] as? String == trainee && $0["attempt"] as? Int == attempt }
        }
        #expect(abs((change("ana", 1)?["before"] as? Double ?? 0) - 6.5 / 7) < 1e-9 && change("ana", 1)?["after"] as? Double == 1)
        #expect(abs((change("hal", 1)?["after"] as? Double ?? 0) - 5.5 / 7) < 1e-9)
        #expect(change("hal", 1)?["passedBefore"] as? Bool == true && change("hal", 1)?["passedAfter"] as? Bool == false)
        #expect(change("gus", 1) == nil && change("gus", 3) != nil)

        let declined = try beacon(["regrade", "listening-check", "--course", fixed.path], input: "n\n")
        #expect(declined.status == 1 && declined.output.contains("PASS → FAIL") && declined.output.contains("Nothing was changed"), "\(declined.output)")
        let applied = try beacon(["regrade", "listening-check", "--course", fixed.path], input: "yes\n")
        #expect(applied.status == 0 && applied.output.contains("Regraded 10 attempts"), "\(applied.output)")
        let again = try json(["regrade", "listening-check", "--course", fixed.path, "--dry-run"])
        #expect(((again["plan"] as? [String: Any])?["changes"] as? [Any])?.isEmpty == true, "a second regrade has nothing to do")
        // The answers given stay as recorded; the audit names each change.
        let export = csvRows(try beacon(["export", "results", "--course", fixed.path, "--csv"]).output)
        let ana = try #require(export.first { $0["trainee"] == "ana" && $0["question"] == "open-question" })
        #expect(ana["response"] == "c" && ana["credit"] == "1.000" && ana["score_percent"] == "100.0" && ana["attempt"] == "1", "\(ana)")
        let audit = try beacon(["audit", "list"]).output
        #expect(audit.components(separatedBy: "quiz.regrade").count - 1 == 10)
        let cohort = try json(["report", "cohort", "--course", fixed.path])
        let hal = (cohort["trainees"] as? [[String: Any]])?.first { $0["name"] as? String == "Hal" }
        #expect((hal?["quizzes"] as? [[String: Any]])?.first?["passed"] as? Bool == false)
    }

    /// Each page in headless Chromium at a desktop and a phone width: the parts are there and
    /// nothing runs off the side (Scripts/page_check.py). Screenshots go to $BEACON_SCREENSHOTS.
    @Test func reportPagesHoldTogetherInChromium() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        try TrainerDeskCohort.seed(home: home)
        let shots = ProcessInfo.processInfo.environment["BEACON_SCREENSHOTS"].map { URL(fileURLWithPath: $0) } ?? home.appendingPathComponent("shots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let pages: [(String, [String], [String])] = [
            ("cohort", ["report", "cohort"], ["svg.chart=1", "rect.segment=6", "table.needs tr.level-3=2", "table.needs tr.level-0=4"]),
            ("items", ["report", "items", "listening-check"], ["svg.chart=2", "rect.bar=10", "circle.point=3", "table.items tbody tr=5"]),
            ("roleplay", ["report", "roleplay", "hard-week"], ["svg.chart=1", "rect.node=6", "path.link=6"]),
            ("path", ["report", "roleplay", "hard-week", "--trainee", "eli"], ["ol.path > li=5"]),
        ]
        for (name, command, expected) in pages {
            let file = home.appendingPathComponent("\(name).html")
            let written = try beacon(command + ["--course", "curricula/sample", "--html", "-o", file.path])
            #expect(written.status == 0, "\(written.output)")
            let html = try String(contentsOf: file, encoding: .utf8)
            #expect(!html.contains("<script") && html.contains("default-src 'none'"))
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            check.arguments = ["python3", LintCommandTests.root.appendingPathComponent("Scripts/page_check.py").path, file.path, "--width", "1280", "--width", "390",
                               "--screenshot-dir", shots.path, "--json"] + expected.flatMap { ["--expect", $0] }
            let pipe = Pipe()
            check.standardOutput = pipe
            check.standardError = pipe
            try check.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            check.waitUntilExit()
            #expect(check.terminationStatus == 0, "\(name): \(output)")
        }
    }
}
