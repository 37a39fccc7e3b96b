import BeaconCore
import BeaconXML
import Foundation
import Testing

@Suite struct SampleCourseTests {
    @Test func sampleLintsCleanAndUsesEveryQuestionKind() throws {
        let result = lint(samplePath + "/course.xml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let summary = try #require(result.summary)
        #expect(Set(summary.questionsByKind.keys) == ["singleChoice", "multipleResponse", "trueFalse", "shortAnswer", "ordering", "matching"])
        #expect(summary.modules == 2 && summary.roleplays == 1 && summary.programs == 1 && summary.pools == 1)
        let roleplay = try #require(summary.roleplayDetails.first)
        #expect(roleplay.explorationComplete)
        #expect(roleplay.playthroughsFinished == roleplay.playthroughs)
    }

    @Test func sampleMapsIntoTheModel() throws {
        let loaded = CurriculumLoader(schemaPath: schemaPath).load(path: samplePath + "/course.xml")
        guard case .course(let course) = loaded.content else {
            Issue.record("no course: \(loaded.diagnostics)")
            return
        }
        #expect(course.language == "en" && course.version == "1.0.0")
        #expect(loaded.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["course.xml", "listening.xml"])
        let module = try #require(course.module("listening-well"))
        #expect(module.prerequisites.map(\.id) == ["welcome"])
        // The included module's locations name its own file.
        #expect(module.location.file.hasSuffix("modules/listening.xml"))
        #expect(module.location.line == 2)
        let quiz = try #require(module.quizzes.first)
        #expect(quiz.cooldown == ISODuration("PT1H") && quiz.attempts == 3 && quiz.passMark == 0.8)
        let open = try #require(quiz.allQuestions.first)
        #expect(open.prompt == [.text("Sam says: "), .quote([.text("I don't know, everything is just a lot lately.")]), .text(" Which reply is an open question?")])
        guard case .singleChoice(let options, _) = open.kind else {
            Issue.record("expected single choice")
            return
        }
        #expect(options.map(\.id) == ["a", "b", "c"])
        #expect(options[2].credit == 0.5)
        let roleplay = try #require(module.roleplays.first)
        #expect(roleplay.persona.name == "Jordan" && roleplay.assesses.map(\.outOf) == [4, 2])
        guard case .reply(let reply)? = roleplay.scene("opens-up")?.step else {
            Issue.record("expected a reply")
            return
        }
        #expect(reply.metCriteria(by: reply.example ?? "") == [0, 1])
        let program = try #require(course.certifications.first)
        #expect(program.validity.years == 2)
        #expect(program.requirements.count == 4)
    }

    /// Proves the schema is standard XML Schema: xmllint, not only Beacon, accepts every file.
    @Test func everyCurriculumFileValidatesWithXmllint() throws {
        let root = repositoryRoot.appendingPathComponent("curricula").path
        let files = try FileManager.default.subpathsOfDirectory(atPath: root)
            .filter { $0.hasSuffix(".xml") }
            .map { root + "/" + $0 }
        #expect(!files.isEmpty)
        for file in files {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
            process.arguments = ["--noout", "--xinclude", "--schema", schemaPath, file]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(file): \(output)")
            #expect(output.contains("validates"), "\(file): \(output)")
        }
    }
}
