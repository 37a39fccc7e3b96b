import BeaconCore
import BeaconXML
import Foundation
import Testing

/// A copy of the sample with the mistakes the linter exists for, each reported at its line.
@Suite struct BrokenCourseTests {
    @Test func danglingReferenceUnreachableSceneAndTrapAreEachAtTheirLine() throws {
        let folder = try TemporaryFolder()
        let course = try folder.copySample()
        let modulePath = course + "/modules/listening.xml"
        var text = try String(contentsOfFile: modulePath, encoding: .utf8)
        text = text.replacingFirst(#"<choice next="leaves">"#, with: #"<choice next="leavs">"#)
        text = text.replacingOccurrences(of: #"    <ending id="good-end" outcome="good">"#, with: """
                <scene id="orphan">
                  <line>Nobody gets here.</line>
                  <choice next="good-end"><say>Bye.</say><feedback>.</feedback></choice>
                </scene>
                <scene id="loop-a">
                  <line>Round we go.</line>
                  <choice next="loop-b"><say>Again.</say><feedback>.</feedback></choice>
                </scene>
                <scene id="loop-b">
                  <line>And again.</line>
                  <choice next="loop-a"><say>Again.</say><feedback>.</feedback></choice>
                </scene>
                <ending id="good-end" outcome="good">
            """)
        text = text.replacingOccurrences(of: #"<choice next="mixed-end">"#, with: #"<choice next="loop-a">"#)
        try text.write(toFile: modulePath, atomically: true, encoding: .utf8)

        let diagnostics = lint(course + "/course.xml").diagnostics
        let dangling = try #require(diagnostics.with(code: "B024").first)
        #expect(dangling.severity == .error)
        #expect(dangling.location?.file == modulePath)
        #expect(dangling.location?.line == lineNumber(of: #"<choice next="leavs">"#, in: text))
        #expect(dangling.location?.column == 15)  // the next= attribute itself
        #expect(dangling.help?.contains("did you mean 'leaves'?") == true)

        let unreachable = try #require(diagnostics.with(code: "B040").first)
        #expect(unreachable.severity == .warning)
        #expect(unreachable.location?.line == lineNumber(of: #"<scene id="orphan">"#, in: text))

        let trap = try #require(diagnostics.with(code: "B042").first)
        #expect(trap.severity == .error)
        #expect(trap.location?.line == lineNumber(of: #"<scene id="loop-a">"#, in: text))
        #expect(trap.message.contains("'loop-a', 'loop-b'"))

        // The ending the trap replaced on the path can no longer be reached.
        #expect(diagnostics.with(code: "B043").map { $0.message.contains("mixed-end") } == [true])
        #expect(diagnostics.count == 4, "\(diagnostics)")
    }

    @Test func schemaErrorsAreAllReportedWithTheirColumns() throws {
        let folder = try TemporaryFolder()
        let text = course(module: """
                <quiz id="q" passMark="1.5" attemps="2">
                  <title>Quiz</title>
                  <trueFalse id="tf" answer="yes"><prompt>?</prompt></trueFalse>
                  <singleChoice id="Bad_Id"><prompt>?</prompt><option correct="true">a</option></singleChoice>
                </quiz>
            """)
        let file = try folder.write("course.xml", text)
        let diagnostics = lint(file).diagnostics
        let quizLine = try #require(lineNumber(of: "<quiz id=", in: text))
        #expect(diagnostics.contains { $0.code == "B012" && $0.location?.line == quizLine && $0.message.contains("passMark") })
        let misspelt = try #require(diagnostics.first { $0.code == "B011" })
        #expect(misspelt.message == "<quiz> attribute 'attemps' is not allowed")
        #expect(misspelt.location?.column == 33)
        #expect(diagnostics.contains { $0.code == "B012" && $0.message.contains("'yes'") && $0.help == "write true or false" })
        #expect(diagnostics.contains { $0.code == "B012" && $0.message.contains("Bad_Id") && $0.help?.contains("lower-case") == true })
        // Two options are the least a single-choice question may have.
        #expect(diagnostics.contains { $0.code == "B010" && $0.message.contains("<singleChoice>") })
        #expect(diagnostics.allSatisfy { $0.location?.file == file })
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
