import BeaconCore
import BeaconXML
import Foundation
import Testing

/// `beacon lint --original`: a translation matches its original in everything but the words
/// (issue 21).
@Suite struct TranslationCheckTests {
    /// A copy of the sample course with `edit` applied to its module, in another language.
    func translatedSample(_ folder: TemporaryFolder, course courseEdit: (String) -> String = { $0 }, module edit: (String) -> String) throws -> String {
        let copy = try folder.copySample()
        let coursePath = copy + "/course.xml"
        let modulePath = copy + "/modules/listening.xml"
        let courseText = try String(contentsOfFile: coursePath, encoding: .utf8)
        try courseEdit(courseText.replacingOccurrences(of: #"xml:lang="en""#, with: #"xml:lang="es""#))
            .write(toFile: coursePath, atomically: true, encoding: .utf8)
        try edit(String(contentsOfFile: modulePath, encoding: .utf8)).write(toFile: modulePath, atomically: true, encoding: .utf8)
        return copy
    }

    func translationDiagnostics(_ path: String) -> [Diagnostic] {
        var options = CurriculumLinter.Options()
        options.playthroughs = 20
        let results = LintRun(options: options, environment: ["BEACON_SCHEMA": schemaPath], executablePath: nil)
            .lint(paths: [path], original: samplePath)
        return results.diagnostics.filter { ["B067", "B068", "B069"].contains($0.code) }
    }

    @Test func onlyTheWordsChangedIsClean() throws {
        let folder = try TemporaryFolder()
        let path = try translatedSample(folder) {
            $0.replacingOccurrences(of: "<title>Listening check</title>", with: "<title>Repaso de escucha</title>")
                .replacingOccurrences(of: "Are you sleeping okay?", with: "¿Duermes bien?")
                .replacingOccurrences(of: "I'm glad you did. What's been going on?", with: "Me alegra que hayas venido. ¿Qué ha pasado?")
        }
        #expect(translationDiagnostics(path).isEmpty)
    }

    @Test func theSameLanguageIsAWarning() throws {
        let folder = try TemporaryFolder()
        let copy = try folder.copySample()
        let found = translationDiagnostics(copy)
        #expect(found.codes == ["B069"])
        #expect(found.first?.message.contains("both in 'en'") == true)
    }

    @Test func aMissingQuestionIsNamedWithTheOriginalsLine() throws {
        let folder = try TemporaryFolder()
        let path = try translatedSample(folder) { text in
            let start = text.range(of: #"<multipleResponse id="oars-parts""#)!.lowerBound
            let end = text.range(of: "</multipleResponse>")!.upperBound
            return text.replacingCharacters(in: start..<end, with: "")
        }
        let found = translationDiagnostics(path)
        let missing = found.filter { $0.message.contains("no question or pool 'oars-parts'") }
        #expect(missing.count == 1)
        let originalLine = lineNumber(of: #"<multipleResponse id="oars-parts""#, in: try String(contentsOfFile: samplePath + "/modules/listening.xml", encoding: .utf8))!
        #expect(missing.first?.message.contains("listening.xml:\(originalLine)") == true, "\(missing)")
        #expect(missing.first?.severity == .error)
    }

    @Test func aChangedScoreAndAChangedRightAnswerAreReported() throws {
        let folder = try TemporaryFolder()
        let path = try translatedSample(folder) { text in
            var text = text
            // The first choice's score in the opening scene: +1 becomes +2.
            let opening = text.range(of: #"<scene id="opening">"#)!.upperBound
            let score = text.range(of: #"<score competency="listening" points="1"/>"#, range: opening..<text.endIndex)!
            text.replaceSubrange(score, with: #"<score competency="listening" points="2"/>"#)
            return text.replacingOccurrences(of: #"<option id="b" feedback"#, with: #"<option id="b" correct="true" feedback"#)
        }
        let found = translationDiagnostics(path)
        let scores = found.filter { $0.message.contains("a choice in scene 'opening': scores is 'listening +1'") }
        #expect(scores.count == 1, "\(found.map(\.message))")
        #expect(scores.first?.message.contains("'listening +2' here") == true)
        #expect(found.contains { $0.code == "B068" && $0.message.contains("question 'open-question': right options is 'a'") })
        #expect(found.allSatisfy { $0.location?.file.hasPrefix(path) == true }, "every finding points into the translation")
    }

    @Test func anExtraSceneAndAReorderedPairAreReported() throws {
        let folder = try TemporaryFolder()
        let path = try translatedSample(folder) { text in
            let extra = """
                <scene id="aparte">
                  <line>Bueno.</line>
                  <choice next="opens-up"><say>Sigue.</say><feedback>Bien.</feedback></choice>
                </scene>
                <scene id="opening">
                """
            return text.replacingOccurrences(of: #"<scene id="opening">"#, with: extra)
        }
        let found = translationDiagnostics(path)
        #expect(found.contains { $0.code == "B067" && $0.message == "scene 'aparte' is not in the original" })
        #expect(!found.contains { $0.message.contains("another order") }, "an extra scene alone is not a reordering")
    }

    @Test func aChangedProgramRuleAndCourseVersionAreReported() throws {
        let folder = try TemporaryFolder()
        let path = try translatedSample(folder, course: {
            $0.replacingOccurrences(of: #"version="1.0.0""#, with: #"version="1.0.1""#)
                .replacingOccurrences(of: #"<requires quiz="listening-check" score="0.8"/>"#, with: #"<requires quiz="listening-check" score="0.7"/>"#)
        }) { $0 }
        let found = translationDiagnostics(path)
        #expect(found.contains { $0.code == "B068" && $0.message.contains("course 'sample': version is '1.0.0' in the original") })
        #expect(found.contains { $0.code == "B068" && $0.message.contains("certification program 'sample-cert': requirements is") && $0.message.contains("quiz listening-check 0.7") })
    }

    @Test func anOriginalThatDoesNotLoadStopsTheComparison() throws {
        let folder = try TemporaryFolder()
        let broken = try folder.write("broken/course.xml", #"<course xmlns="urn:beacon:curriculum:1" id="x" version="1"><title>"#)
        let results = LintRun(environment: ["BEACON_SCHEMA": schemaPath], executablePath: nil)
            .lint(paths: [samplePath], original: (broken as NSString).deletingLastPathComponent)
        #expect(results.diagnostics.codes == ["B067"])
        #expect(results.errorCount == 1)
    }
}
