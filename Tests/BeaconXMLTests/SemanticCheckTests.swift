import BeaconCore
import BeaconXML
import Foundation
import Testing

/// Each semantic check, shown with the smallest course that trips it.
@Suite struct SemanticCheckTests {
    private func diagnostics(_ text: String) throws -> [Diagnostic] {
        let folder = try TemporaryFolder()
        return lint(try folder.write("course.xml", text)).diagnostics
    }

    private let tf = #"<trueFalse id="tf" answer="true"><prompt>?</prompt><rationale>r</rationale></trueFalse>"#

    @Test func duplicateIdsAcrossKinds() throws {
        let found = try diagnostics(course(module: #"<lesson id="listening"><title>L</title><page><p>x</p></page></lesson>"#))
        #expect(found.codes == ["B020"])
        #expect(found[0].message.contains("same id as the competency"))
    }

    @Test func poolSmallerThanItsDraw() throws {
        let found = try diagnostics(course(module: #"<quiz id="q" passMark="0.5"><title>Q</title><pool id="p" draw="3">\#(tf)</pool></quiz>"#))
        #expect(found.codes == ["B032"])
        #expect(found[0].help?.contains("add 2 more") == true)
    }

    @Test func questionsThatCannotEarnFullMarksAndUnreachablePassMarks() throws {
        let found = try diagnostics(course(module: """
            <quiz id="q" passMark="0.9"><title>Q</title>
              <singleChoice id="none-right"><prompt>?</prompt><option>a</option><option credit="0.5">b</option><rationale>r</rationale></singleChoice>
              <multipleResponse id="short"><prompt>?</prompt><option credit="0.4">a</option><option credit="0.4">b</option><option>c</option><rationale>r</rationale></multipleResponse>
            </quiz>
            """))
        #expect(found.codes.sorted() == ["B030", "B030", "B033"])
        let passMark = try #require(found.with(code: "B033").first)
        #expect(passMark.message.contains("at most 65%"))
    }

    @Test func partialCreditsOverOneAreAWarning() throws {
        let found = try diagnostics(course(module: """
            <quiz id="q" passMark="0.5"><title>Q</title>
              <multipleResponse id="over"><prompt>?</prompt><option credit="0.8">a</option><option credit="0.8">b</option><option>c</option><rationale>r</rationale></multipleResponse>
            </quiz>
            """))
        #expect(found.map(\.severity) == [.warning])
        #expect(found.codes == ["B031"])
    }

    @Test func badPatternsMissingRationaleAndAmbiguousMatching() throws {
        // Two pairs may share a right-hand text (one choice fits both); a distractor that is
        // also a right answer, or written twice, is ambiguous.
        let found = try diagnostics(course(module: """
            <quiz id="q" passMark="0.5"><title>Q</title>
              <shortAnswer id="sa"><prompt>?</prompt><accept>ok</accept><accept match="regex">(unclosed</accept></shortAnswer>
              <matching id="m"><prompt>?</prompt><pair><left>a</left><right>x</right></pair><pair><left>b</left><right>x</right></pair><distractor>x</distractor><distractor>y</distractor><distractor>y</distractor><rationale>r</rationale></matching>
            </quiz>
            """))
        #expect(found.codes.sorted() == ["B034", "B035", "B035", "B036"])
    }

    @Test func referencesToMissingThings() throws {
        let found = try diagnostics(course(
            module: #"<teaches competency="nope"/><lesson id="l"><title>L</title><page><p>x</p></page></lesson>"#,
            extra: """
                <certification id="c" validity="P1Y"><title>C</title>
                  <requires module="m2"/><requires quiz="qq"/><requires competency="listening" score="0.5"/>
                  <requires module="m1" quiz="qq"/>
                </certification>
                """
        ))
        #expect(found.codes.sorted() == ["B021", "B022", "B023", "B026", "B044"])
    }

    @Test func prerequisiteCycles() throws {
        let text = course(module: #"<lesson id="l"><title>L</title><page><p>x</p></page></lesson>"#)
            .replacingOccurrences(of: #"<module id="m1" minutes="5">"#, with: #"<module id="m1" minutes="5" requires="m1">"#)
        let found = try diagnostics(text)
        #expect(found.codes == ["B025"])
    }

    private func roleplay(_ body: String, assesses: String = #"<assesses competency="listening" outOf="2"/>"#) -> String {
        course(module: """
            <roleplay id="rp" start="s1"><title>R</title><persona name="Ana">Ana.</persona>\(assesses)
            \(body)
            <ending id="end" outcome="good"><debrief><p>Done.</p></debrief></ending>
            </roleplay>
            """)
    }

    @Test func conditionsThatStrandATrainee() throws {
        let found = try diagnostics(roleplay("""
            <scene id="s1"><line>Hi.</line>
              <choice next="s2"><say>A</say><score competency="listening" points="2"/><feedback>f</feedback></choice>
              <choice next="s2"><say>B</say><feedback>f</feedback></choice>
            </scene>
            <scene id="s2"><line>So?</line>
              <choice next="end"><when competency="listening" atLeast="2"/><say>C</say><feedback>f</feedback></choice>
            </scene>
            """))
        #expect(found.codes == ["B041"])
        #expect(found[0].message.contains("listening=0"))
        #expect(found[0].message.contains("s1 → s2"))
    }

    @Test func competencyScoredButNotAssessed() throws {
        let found = try diagnostics(roleplay("""
            <scene id="s1"><line>Hi.</line>
              <choice next="end"><say>A</say><score competency="listening" points="1"/><feedback>f</feedback></choice>
            </scene>
            """, assesses: ""))
        // The schema requires an <assesses>; without one the file stops at B010.
        #expect(found.codes == ["B010"])
        let other = try diagnostics(roleplay("""
            <scene id="s1"><line>Hi.</line>
              <choice next="end"><say>A</say><score competency="safety" points="1"/><feedback>f</feedback></choice>
            </scene>
            """))
        #expect(other.codes == ["B046"])
    }

    @Test func competencyMinimumAboveWhatAnyPathEarns() throws {
        let text = roleplay("""
            <scene id="s1"><line>Hi.</line>
              <choice next="end"><say>A</say><score competency="listening" points="1"/><feedback>f</feedback></choice>
            </scene>
            """).replacingOccurrences(of: "</course>", with: """
            <certification id="c" validity="P1Y"><title>C</title><requires competency="listening" score="0.8"/></certification>
            </course>
            """)
        let found = try diagnostics(text)
        #expect(found.codes.sorted() == ["B044", "B045"])
        let minimum = try #require(found.with(code: "B044").first)
        #expect(minimum.message.contains("earn 1 of 2 points (50%)"))
    }

    @Test func exampleRepliesAreCheckedAgainstTheirRubric() throws {
        let found = try diagnostics(roleplay("""
            <scene id="s1"><line>Hi.</line>
              <reply next="end"><prompt>Say something.</prompt>
                <criterion id="open" label="Asks an open question"><pattern>\\bwhat\\b</pattern><score competency="listening" points="2"/></criterion>
                <criterion id="advice" label="Gives advice"><pattern>you should</pattern><score competency="listening" points="-1"/></criterion>
                <example>You should rest.</example>
              </reply>
            </scene>
            """))
        #expect(found.codes == ["B051", "B051"])
    }
}
