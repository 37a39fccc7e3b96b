import BeaconCore
import BeaconXML
import Foundation
import Testing

/// Each fixture's expected grading (Tests/Fixtures/import/SOURCES.md), checked on the question
/// as Beacon loads it back from the written module: import, write, lint, load, score.
@Suite struct ImportTests {
    let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures/import")

    func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(relative)))
    }

    /// Writes the module into a course, lints it strictly for errors, and loads it back.
    func roundTrip(_ result: ImportResult) throws -> Course {
        let folder = try TemporaryFolder()
        try folder.write("modules/imported.xml", ModuleWriter.xml(result.module))
        let coursePath = try folder.write("course.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <course xmlns="urn:beacon:curriculum:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="imports" version="1.0.0" xml:lang="en">
              <title>Imports</title>
              <competency id="c" samhsa="engagement"><title>C</title></competency>
              <xi:include href="modules/imported.xml"/>
            </course>
            """)
        let linted = lint(coursePath, playthroughs: 0)
        let errors = linted.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        let loaded = CurriculumLoader(schemaPath: schemaPath).load(path: coursePath)
        guard case .course(let course) = loaded.content else { throw LoadFailure(diagnostics: "\(loaded.diagnostics)") }
        return course
    }

    struct LoadFailure: Error { var diagnostics: String }

    func question(_ course: Course, _ id: String) throws -> Question {
        try #require(course.modules.flatMap(\.quizzes).flatMap(\.allQuestions).first { $0.id == id })
    }

    func moodle(_ files: [String]) throws -> ImportResult {
        try MoodleImporter.convert(
            files.map { ImportInput(path: $0, bytes: try bytes("moodle/" + $0)) },
            options: ImportOptions(moduleID: "bank", title: "Bank")
        )
    }

    func qti(_ files: [String]) throws -> ImportResult {
        try QTIImporter.convert(
            files.map { ImportInput(path: $0, bytes: try bytes("qti/" + $0)) },
            options: ImportOptions(moduleID: "items", title: "Items")
        )
    }

    // MARK: Moodle

    @Test func moodleMultipleAnswerGradesAsMoodleDoes() throws {
        let result = try moodle(["qtype_multichoice_multi_testquestion.moodle.xml"])
        let course = try roundTrip(result)
        #expect(course.modules[0].quizzes.map(\.title) == ["Default for C1"])
        let question = try question(course, "multi-choice-001")
        guard case .multipleResponse(let options, let shuffle, _) = question.kind else {
            Issue.record("expected multiple response, got \(question.kind)")
            return
        }
        #expect(shuffle)
        let id = { (text: String) in options.first { $0.text == text }!.id }
        #expect(question.score(.choices([id("London"), id("Paris")]))?.credit == 1)
        #expect(question.score(.choices([id("London")]))?.credit == 0.5)
        #expect(question.score(.choices([id("London"), id("Tokyo")]))?.credit == 0.5)
        #expect(question.outcomeFeedback.partial?.plainText == "Your answer is partially correct.")
        #expect(result.report.notes.contains { $0.message.contains("2 hints") })
    }

    @Test func moodleTrueFalse() throws {
        let course = try roundTrip(try moodle(["qtype_truefalse_testquestion.moodle.xml"]))
        let question = try question(course, "true-false-001")
        #expect(question.score(.truth(true))?.credit == 1)
        #expect(question.score(.truth(false))?.credit == 0)
        guard case .trueFalse(_, let whenTrue, let whenFalse) = question.kind else {
            Issue.record("not true/false")
            return
        }
        #expect(whenTrue.plainText == "This is the right answer." && whenFalse.plainText == "This is the wrong answer.")
        #expect(question.rationale?.plainText == "You should have selected true.")
    }

    @Test func moodleShortAnswerWildcardAndCase() throws {
        let course = try roundTrip(try moodle(["qtype_shortanswer_testquestion.moodle.xml"]))
        let question = try question(course, "shortanswer-001")
        #expect(question.score(.text("FROG"))?.credit == 1)
        #expect(question.score(.text("toad"))?.credit == 0.8)
        let newt = try #require(question.score(.text("newt")))
        #expect(newt.credit == 0 && newt.feedback == ["That is a bad answer."])
    }

    @Test func moodleMatchingSharesAnAnswerAndKeepsTheDistractor() throws {
        let course = try roundTrip(try moodle(["qtype_match_testquestion.moodle.xml"]))
        let question = try question(course, "matching-001")
        guard case .matching(let pairs, let distractors, _) = question.kind else {
            Issue.record("not matching")
            return
        }
        #expect(pairs.map(\.left) == ["frog", "cat", "newt"])
        #expect(Question.Kind.matchingChoices(pairs, distractors) == ["amphibian", "mammal", "insect"])
        #expect(question.score(.matches(["amphibian", "mammal", "amphibian"]))?.credit == 1)
        let twoOfThree = try #require(question.score(.matches(["amphibian", "amphibian", "amphibian"]))?.credit)
        #expect(abs(twoOfThree - 2.0 / 3) < 1e-12)
    }

    @Test func moodleEssayIsReportedNotDropped() throws {
        let result = try moodle(["qtype_essay_testquestion.moodle.xml"])
        #expect(result.report.questions == 0)
        #expect(result.report.skipped.map(\.type) == ["essay"])
        #expect(result.report.skipped[0].source.line > 1)
    }

    @Test func moodleRejectsGradesMoodleDoesNotAllow() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz><question type="multichoice"><name><text>bad</text></name>
              <questiontext format="html"><text>Pick</text></questiontext>
              <single>true</single>
              <answer fraction="100"><text>A</text></answer>
              <answer fraction="33"><text>B</text></answer>
            </question>
            <question type="cloze"><name><text>gap</text></name><questiontext><text>{1:SA:=x}</text></questiontext></question>
            </quiz>
            """
        let result = try MoodleImporter.convert([.init(path: "bad.xml", bytes: Array(xml.utf8))], options: ImportOptions(moduleID: "m", title: "T"))
        #expect(result.report.questions == 0)
        #expect(result.report.skipped.count == 2)
        #expect(result.report.skipped[0].reason.contains("33"))
        #expect(result.report.skipped[1].type == "cloze")
    }

    @Test func moodleHTMLBecomesMarkupAndScriptsAreRemoved() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz><question type="truefalse"><name><text>html</text></name>
              <questiontext format="html"><text><![CDATA[<p>Peers <strong>do not</strong> <em>diagnose</em>.<script>alert(1)</script></p><p><img src="@@PLUGINFILE@@/chart.png" alt="a chart"></p>]]></text>
              <file name="chart.png" path="/" encoding="base64">aGVsbG8=</file></questiontext>
              <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
            </question></quiz>
            """
        let result = try MoodleImporter.convert([.init(path: "h.xml", bytes: Array(xml.utf8))], options: ImportOptions(moduleID: "m", title: "T"))
        let course = try roundTrip(result)
        let question = try question(course, "html")
        #expect(question.prompt == [.text("Peers "), .strong([.text("do not")]), .text(" "), .emphasis([.text("diagnose")]), .text(". [image: a chart]")])
        #expect(result.report.notes.contains { $0.message.contains("<script>") })
        #expect(result.report.files.contains { $0.message.contains("chart.png") })
        #expect(!ModuleWriter.xml(result.module).contains("alert"))
    }

    @Test func notMoodleIsAClearError() throws {
        #expect(throws: ImportError.self) {
            _ = try MoodleImporter.convert([.init(path: "x.xml", bytes: Array("<html/>".utf8))], options: ImportOptions(moduleID: "m", title: "T"))
        }
        #expect(throws: ImportError.self) {
            let doctype = "<?xml version=\"1.0\"?><!DOCTYPE quiz [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><quiz>&x;</quiz>"
            _ = try MoodleImporter.convert([.init(path: "x.xml", bytes: Array(doctype.utf8))], options: ImportOptions(moduleID: "m", title: "T"))
        }
    }

    // MARK: QTI

    @Test func qtiSingleChoiceMatchCorrectInBothVersions() throws {
        let course = try roundTrip(try qti(["qti21_choice.xml", "qti3_choice_match_correct.xml"]))
        for id in ["choice", "itm-choice"] {
            let question = try question(course, id)
            #expect(question.score(.choice("choicea"))?.credit == 1)
            #expect(question.score(.choice("choiceb"))?.credit == 0)
            #expect(question.prompt.plainText.contains("[image: NEVER LEAVE LUGGAGE UNATTENDED]"))
        }
    }

    /// SCORE = credit × weight, where the weight is the item's best score.
    func qtiScore(_ question: Question, _ response: Response) throws -> Double {
        try #require(question.score(response)).credit * question.weight
    }

    @Test func qtiMultipleResponseMapResponseWithBounds() throws {
        let course = try roundTrip(try qti(["qti21_choice_multiple.xml"]))
        let question = try question(course, "choicemultiple")
        #expect(try qtiScore(question, .choices(["h", "o"])) == 2)
        #expect(try qtiScore(question, .choices(["h", "o", "cl"])) == 1)
        #expect(try qtiScore(question, .choices(["h", "he"])) == 0)
        #expect(try qtiScore(question, .choices(["he"])) == 0)
    }

    @Test func qtiMatchMapResponseWeightsPairs() throws {
        let course = try roundTrip(try qti(["qti21_match.xml"]))
        let question = try question(course, "match")
        #expect(question.weight == 3)
        let all = ["Romeo and Juliet", "A Midsummer-Night's Dream", "A Midsummer-Night's Dream", "The Tempest"]
        #expect(try qtiScore(question, .matches(all)) == 3)
        let onlyDream = ["The Tempest", "A Midsummer-Night's Dream", "A Midsummer-Night's Dream", "Romeo and Juliet"]
        #expect(abs(try qtiScore(question, .matches(onlyDream)) - 1) < 1e-12)
    }

    @Test func qtiTextEntryMapResponseIsCaseSensitive() throws {
        let course = try roundTrip(try qti(["qti21_text_entry.xml"]))
        let question = try question(course, "textentry")
        #expect(try qtiScore(question, .text("York")) == 1)
        #expect(try qtiScore(question, .text("york")) == 0.5)
        #expect(try qtiScore(question, .text("YORK")) == 0)
    }

    @Test func qtiTemplateIsRecognisedByItsLastPathPart() {
        #expect(QTIImporterNames.camel("qti-choice-interaction") == "choiceInteraction")
        #expect(QTIImporterNames.camel("max-choices") == "maxChoices")
        #expect(QTIImporterNames.camel("data-x") == "data-x")
    }
}
