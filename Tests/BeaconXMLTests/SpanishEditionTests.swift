import BeaconCore
import BeaconXML
import Foundation
import Testing

/// The Spanish edition of the core curriculum: strict-clean, matching the English edition id for
/// id and score for score, with rubrics written for what Spanish-speaking trainees type.
@Suite struct SpanishEditionTests {
    static let path = repositoryRoot.appendingPathComponent("curricula/peer-core-es/course.xml").path

    static let course: Course? = loadCourse(path)

    @Test func lintsStrictlyCleanAndMatchesTheEnglishEdition() throws {
        var options = CurriculumLinter.Options()
        options.playthroughs = 200
        let run = LintRun(options: options, environment: ["BEACON_SCHEMA": schemaPath], executablePath: nil)
        let results = run.lint(paths: [Self.path], original: PeerCoreTests.path)
        #expect(results.diagnostics.isEmpty, "\(results.diagnostics.map(\.description))")
        let spanish = try #require(results.files.first?.summary)
        let english = try #require(lint(PeerCoreTests.path, playthroughs: 200).summary)
        #expect(spanish.modules == english.modules && spanish.questions == english.questions && spanish.roleplays == english.roleplays)
        #expect(spanish.questionsByKind == english.questionsByKind && spanish.questionsByLevel == english.questionsByLevel)
        let course = try #require(Self.course)
        #expect(course.language == "es" && course.id == "peer-core" && course.version == PeerCoreTests.course?.version)
        #expect(course.certifications.first { $0.id == "cps" }?.title == "Especialista en Apoyo entre Pares, Certificación Básica")
    }

    @Test func everyReplyHasSpanishSamplesThatMeetAndMiss() throws {
        let spanish = try #require(Self.course), english = try #require(PeerCoreTests.course)
        var replies = 0
        for roleplay in spanish.roleplays {
            let original = try #require(english.roleplays.first { $0.id == roleplay.id })
            for scene in roleplay.scenes {
                guard case .reply(let reply) = scene.step else { continue }
                guard let counterpart = original.scenes.first(where: { $0.id == scene.id }), case .reply(let englishReply) = counterpart.step else {
                    Issue.record("\(roleplay.id)/\(scene.id) is not a reply in English")
                    continue
                }
                replies += 1
                #expect(reply.samples.count >= englishReply.samples.count, "\(roleplay.id)/\(scene.id)")
                // Positive and negative samples, each scored as declared by the player's own matcher.
                #expect(reply.samples.contains { !$0.meets.isEmpty } && reply.samples.contains { !$0.misses.isEmpty })
                for sample in reply.samples where sample.scored {
                    let met = Set(reply.metCriteria(by: sample.text).map { reply.criteria[$0].id })
                    #expect(Set(sample.meets).isSubset(of: met), "\(roleplay.id): \(sample.text)")
                    #expect(Set(sample.misses).isDisjoint(with: met), "\(roleplay.id): \(sample.text)")
                }
                // Written as trainees type: some with accents or ¿, some as plain as on a phone.
                #expect(reply.samples.contains { $0.text.contains("¿") || $0.text.unicodeScalars.contains { $0.value > 0x7F } })
                #expect(reply.samples.contains { $0.text.unicodeScalars.allSatisfy(\.isASCII) })
            }
        }
        #expect(replies >= 4)
    }

    @Test func askingAboutSuicideIsRecognisedHoweverItIsTyped() throws {
        let spanish = try #require(Self.course)
        let criterion = try #require(spanish.roleplays.lazy.flatMap(\.scenes).compactMap { scene -> Criterion? in
            guard case .reply(let reply) = scene.step else { return nil }
            return reply.criteria.first { $0.id == "asks-directly" }
        }.first)
        for asked in ["¿Estás pensando en suicidarte?", "estas pensando en suicidarte", "¿Ha pensado usted en quitarse la vida?", "A veces cuando alguien se siente así piensa en el suicidio. ¿Es tu caso?"] {
            #expect(criterion.isMet(by: asked), "\(asked)")
        }
        for leading in ["No estarás pensando en suicidarte, ¿verdad?", "No vas a hacer ninguna tontería, ¿no?", "¿Cómo te fue hoy en el trabajo?"] {
            #expect(!criterion.isMet(by: leading), "\(leading)")
        }
    }

    @Test(arguments: Self.course?.roleplays.map(\.id) ?? [])
    func bestPathReachesAGoodEndingWithFullMarks(roleplayID: String) throws {
        let course = try #require(Self.course)
        let roleplay = try #require(course.roleplays.first { $0.id == roleplayID })
        let session = try playBestPath(roleplay)
        #expect(session.ending(in: roleplay)?.outcome == .good)
        for share in session.competencyShares(in: roleplay) {
            #expect(share.points == share.outOf, "\(roleplayID): \(share.competency) \(share.points)/\(share.outOf)")
        }
    }
}
