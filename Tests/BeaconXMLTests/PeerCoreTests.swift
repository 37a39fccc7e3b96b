import BeaconCore
import BeaconXML
import Foundation
import Testing

/// The core curriculum as issue 6 specifies it: counts, the final exam, the certificate, and
/// every role-play's best path played to a passing ending.
@Suite struct PeerCoreTests {
    static let path = repositoryRoot.appendingPathComponent("curricula/peer-core/course.xml").path

    static let course: Course? = {
        let loaded = CurriculumLoader(schemaPath: schemaPath).load(path: path)
        guard case .course(let course) = loaded.content else { return nil }
        return course
    }()

    @Test func lintsStrictlyCleanWithTheCountsTheIssueAsksFor() throws {
        let result = lint(Self.path, playthroughs: 200)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let summary = try #require(result.summary)
        #expect(summary.modules >= 12)
        #expect(summary.samhsaCategories.count == 12)
        #expect(summary.questions >= 200)
        #expect(summary.questionsWithRationale == summary.questions)
        #expect(summary.questionsByLevel["none"] == nil)
        #expect((summary.questionsByLevel["application"] ?? 0) * 2 > summary.questions, "most questions apply knowledge to a situation")
        #expect(Set(summary.questionsByKind.keys) == ["singleChoice", "multipleResponse", "trueFalse", "shortAnswer", "ordering", "matching"])
        #expect(summary.roleplays >= 15)
        for roleplay in summary.roleplayDetails {
            #expect(roleplay.scenes >= 8 && roleplay.endings >= 3, "\(roleplay.id)")
            #expect(roleplay.explorationComplete, "\(roleplay.id)")
            #expect(roleplay.playthroughsFinished == roleplay.playthroughs, "\(roleplay.id)")
        }
        #expect(summary.roleplayDetails.filter { $0.replies > 0 }.count >= 4)
    }

    @Test func everyModuleDeclaresWhatItTeachesAndTogetherTheyCoverAllTwelveCategories() throws {
        let course = try #require(Self.course)
        let teaching = course.modules.filter { $0.id != "final-assessment" }
        #expect(teaching.allSatisfy { !$0.teaches.isEmpty })
        let categories = Set(teaching.flatMap(\.teaches).compactMap { reference in course.competencies.first { $0.id == reference.id }?.category })
        #expect(categories == Set(SamhsaCategory.allCases))
    }

    @Test func finalExamDrawsFiftyFromAPoolOfAtLeastAHundred() throws {
        let course = try #require(Self.course)
        let exam = try #require(course.quizzes.first { $0.id == "cps-final-exam" })
        #expect(exam.allQuestions.count >= 100)
        #expect(exam.questionsPerAttempt == 50)
        #expect(exam.passMark == 0.8 && exam.attempts == 3)
        #expect(exam.cooldown.map { $0.days > 0 || $0.hours > 0 } == true)
    }

    @Test func certificationProgramNeedsEverythingForTwoYears() throws {
        let course = try #require(Self.course)
        let program = try #require(course.certifications.first { $0.id == "cps" })
        #expect(program.title == "Certified Peer Support Specialist — Core")
        #expect(program.validity == ISODuration("P2Y"))
        var modules = Set<String>(), quizzes = Set<String>(), competencies = Set<String>()
        for requirement in program.requirements {
            switch requirement {
            case .module(let reference): modules.insert(reference.id)
            case .quiz(let reference, _): quizzes.insert(reference.id)
            case .competency(let reference, let score):
                competencies.insert(reference.id)
                #expect(score > 0)
            }
        }
        #expect(modules == Set(course.modules.map(\.id)))
        #expect(quizzes == ["cps-final-exam"])
        let assessed = Set(course.roleplays.flatMap(\.assesses).map(\.competency.id))
        #expect(competencies == assessed)
    }

    @Test func sensitiveRoleplaysCarryContentNotes() throws {
        let course = try #require(Self.course)
        let crisis = course.roleplays.filter { $0.id.hasPrefix("cri-") || $0.id.hasPrefix("hrm-") }
        #expect(!crisis.isEmpty)
        #expect(crisis.allSatisfy { $0.contentNote != nil })
    }

    @Test(arguments: Self.course?.roleplays.map(\.id) ?? [])
    func bestPathReachesAGoodEndingWithFullMarks(roleplayID: String) throws {
        let course = try #require(Self.course)
        let roleplay = try #require(course.roleplays.first { $0.id == roleplayID })
        let path = try #require(BestPath.find(in: roleplay), "no path to a good ending with full marks in \(roleplayID)")
        // Play it as a trainee would: each choice by its number, each reply with the model answer.
        var session = RoleplaySession(roleplay: roleplay)
        for move in path {
            switch move {
            case .choice(let index): try session.choose(index, in: roleplay)
            case .reply(let text): try session.reply(text, in: roleplay)
            }
        }
        let ending = try #require(session.ending(in: roleplay))
        #expect(ending.outcome == .good)
        for share in session.competencyShares(in: roleplay) {
            #expect(share.points == share.outOf, "\(roleplayID): \(share.competency) \(share.points)/\(share.outOf)")
        }
    }
}

/// Depth-first search for a run that ends well with every competency at full marks, answering
/// replies with the role-play's own example answer.
enum BestPath {
    enum Move { case choice(Int), reply(String) }

    static func find(in roleplay: Roleplay) -> [Move]? {
        var seen = Set<RoleplayPosition>()
        func search(_ session: RoleplaySession, _ path: [Move]) -> [Move]? {
            if let ending = session.ending(in: roleplay) {
                let full = session.competencyShares(in: roleplay).allSatisfy { $0.points == $0.outOf }
                return ending.outcome == .good && full ? path : nil
            }
            guard seen.insert(session.position).inserted, let scene = session.scene(in: roleplay) else { return nil }
            switch scene.step {
            case .choices:
                for offered in session.offeredChoices(in: roleplay) {
                    var next = session
                    guard (try? next.choose(offered.index, in: roleplay)) != nil else { continue }
                    if let found = search(next, path + [.choice(offered.index)]) { return found }
                }
                return nil
            case .reply(let reply):
                guard let example = reply.example else { return nil }
                var next = session
                guard (try? next.reply(example, in: roleplay)) != nil else { return nil }
                return search(next, path + [.reply(example)])
            case .routes:
                return nil
            }
        }
        return search(RoleplaySession(roleplay: roleplay), [])
    }
}
