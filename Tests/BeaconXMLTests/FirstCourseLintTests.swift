import BeaconCore
import BeaconXML
import Foundation
import Testing

/// What a trainer meets linting a first course (issue 13, item 7): each message says what is
/// wrong in their terms, points at the spot, and guesses the name they meant.
@Suite struct FirstCourseLintTests {
    /// A copy of the sample with one line of its module changed.
    func lintSample(replacing target: String, with replacement: String) throws -> (diagnostics: [Diagnostic], text: String) {
        let folder = try TemporaryFolder()
        let course = try folder.copySample()
        let modulePath = course + "/modules/listening.xml"
        let original = try String(contentsOfFile: modulePath, encoding: .utf8)
        #expect(original.contains(target), "the sample no longer has \(target)")
        let text = original.replacingFirst(target, with: replacement)
        try text.write(toFile: modulePath, atomically: true, encoding: .utf8)
        return (lint(course + "/course.xml").diagnostics, text)
    }

    @Test func aMisspeltElementGetsADidYouMeanAndAReadableList() throws {
        let (diagnostics, _) = try lintSample(replacing: "<feedbackTrue>This is a common myth.</feedbackTrue>", with: "<feedbackTru>This is a common myth.</feedbackTru>")
        let problem = try #require(diagnostics.with(code: "B010").first, "\(diagnostics)")
        let help = try #require(problem.help)
        #expect(help.hasPrefix("did you mean <feedbackTrue>?"), "\(help)")
        #expect(help.contains("one of <feedbackTrue>, <feedbackFalse>, <feedbackCorrect>"), "\(help)")
        #expect(!help.contains("("), "libxml2's grouping must not leak into the list: \(help)")
    }

    @Test func aMisspeltCompetencyInAScoreIsCalledATypo() throws {
        let (diagnostics, _) = try lintSample(replacing: #"<score competency="listening" points="-1"/>"#, with: #"<score competency="listenin" points="-1"/>"#)
        let problem = try #require(diagnostics.with(code: "B046").first, "\(diagnostics)")
        #expect(problem.help?.hasPrefix("did you mean 'listening'?") == true, "\(problem)")
        #expect(problem.help?.contains("<assesses") == false, "a typo must not be fixed by assessing the typo")
    }

    @Test(arguments: [("An open question", "An open & warm question"), ("An open question", "AT&T question")])
    func aStrayAmpersandIsB004AtTheAmpersand(target: String, replacement: String) throws {
        let (diagnostics, text) = try lintSample(replacing: target, with: replacement)
        let problem = try #require(diagnostics.first, "\(diagnostics)")
        #expect(problem.code == "B004")
        #expect(problem.help?.contains("&amp;") == true)
        #expect(!problem.message.contains("xmlParse"), "libxml2's wording stays out: \(problem.message)")
        let line = try #require(text.components(separatedBy: "\n").first { $0.contains(replacement) })
        let column = Array(line).firstIndex(of: "&")! + 1
        #expect(problem.location?.column == column)
    }

    @Test func anEndingNoChoiceLeadsToIsReportedOnce() throws {
        let (diagnostics, _) = try lintSample(replacing: #"<choice next="mixed-end">"#, with: #"<choice next="good-end">"#)
        let unreachable = diagnostics.with(code: "B043")
        #expect(unreachable.count == 1, "\(unreachable)")
        #expect(unreachable.first?.message.contains("mixed-end") == true)
    }
}

/// Reply samples pin a rubric down: the linter scores every one and fails the course when one
/// scores otherwise than it says (issue 14).
@Suite struct ReplySampleLintTests {
    func lintSample(adding samples: String) throws -> [Diagnostic] {
        let folder = try TemporaryFolder()
        let course = try folder.copySample()
        let modulePath = course + "/modules/listening.xml"
        let original = try String(contentsOfFile: modulePath, encoding: .utf8)
        let anchor = #"<sample scored="false">q</sample>"#
        #expect(original.contains(anchor))
        try original.replacingFirst(anchor, with: anchor + samples).write(toFile: modulePath, atomically: true, encoding: .utf8)
        return lint(course + "/course.xml").diagnostics
    }

    @Test func theBundledSamplesAllScoreAsStated() throws {
        #expect(try lintSample(adding: "").filter { $0.severity == .error }.isEmpty)
    }

    @Test func aSampleThatScoresOtherwiseFailsTheCourse() throws {
        let diagnostics = try lintSample(adding: #"<sample meets="asks-directly">Do you ever think about ending it all?</sample>"#)
        let problem = try #require(diagnostics.with(code: "B054").first, "\(diagnostics)")
        #expect(problem.severity == .error)
        #expect(problem.message.contains("misses asks-directly, which it should meet"), "\(problem.message)")
        let leading = try lintSample(adding: #"<sample misses="asks-directly">You're thinking about suicide, aren't you?</sample>"#)
        #expect(leading.with(code: "B054").first?.message.contains("meets asks-directly, which it should miss") == true, "\(leading)")
    }

    @Test func unscoredSamplesAndUnknownCriteriaAreChecked() throws {
        let long = try lintSample(adding: #"<sample scored="false">This is a full sentence of a reply.</sample>"#)
        #expect(long.with(code: "B054").first?.message.contains("long enough to be scored") == true, "\(long)")
        let unknown = try lintSample(adding: #"<sample meets="asks-direct">Are you thinking about suicide?</sample>"#)
        #expect(unknown.with(code: "B055").first?.help?.hasPrefix("did you mean 'asks-directly'?") == true, "\(unknown)")
    }
}
