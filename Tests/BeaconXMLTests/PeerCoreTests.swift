import BeaconCore
import BeaconXML
import Foundation
import Testing

/// The core curriculum as issue 6 specifies it: counts, the final exam, the certificate, and
/// every role-play's best path played to a passing ending.
@Suite struct PeerCoreTests {
    static let path = repositoryRoot.appendingPathComponent("curricula/peer-core/course.xml").path

    static let course: Course? = loadCourse(path)

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
        var modules = Set<String>(), quizzes = Set<String>(), competencies = Set<String>(), others: [String] = []
        for requirement in program.requirements {
            switch requirement {
            case .module(let reference): modules.insert(reference.id)
            case .quiz(let reference, _): quizzes.insert(reference.id)
            case .competency(let reference, let score):
                competencies.insert(reference.id)
                #expect(score > 0)
            case .trainingHours(let rule): others.append("training \(Int(rule.hours)) live=\(!rule.modes.contains(.selfPaced))")
            case .observation(let reference): others.append("observed \(reference.id)")
            case .attestation(let reference): others.append("attests \(reference.id)")
            case .supervisedHours, .references: others.append("\(requirement)")
            }
        }
        #expect(modules == Set(course.modules.map(\.id)))
        #expect(quizzes == ["cps-final-exam"])
        // Beyond self-paced work: live practice, crisis skills observed live, the code of ethics.
        #expect(others == ["training 6 live=true", "observed crisis-skills", "attests code-of-ethics"])
        #expect(program.rubric("crisis-skills")?.items.count == 5 && program.document("code-of-ethics")?.kind == .ethics)
        let assessed = Set(course.roleplays.flatMap(\.assesses).map(\.competency.id))
        #expect(competencies == assessed)
    }

    @Test func sensitiveRoleplaysCarryContentNotes() throws {
        let course = try #require(Self.course)
        let crisis = course.roleplays.filter { $0.id.hasPrefix("cri-") || $0.id.hasPrefix("hrm-") }
        #expect(!crisis.isEmpty)
        #expect(crisis.allSatisfy { $0.contentNote != nil })
    }

    /// A fact the second edition added from the domain notes (DOMAIN.md §6): phrases the lessons of
    /// its module must say, phrases that module's quiz questions must use, and a phrase at least one
    /// final-exam question must use. See the table in docs/curriculum-review.md.
    struct SourcedFact: Sendable {
        var name: String
        var module: String
        var lessonPhrases: [String]
        var questionPhrases: [String]
        var examPhrase: String
    }

    static let sourcedFacts: [SourcedFact] = [
        SourcedFact(
            name: "988 hours, languages and ASL", module: "crisis-and-suicide-prevention",
            lessonPhrases: ["24 hours a day", "free and confidential", "AYUDA", "press 2", "240 languages", "ASL Now"],
            questionPhrases: ["AYUDA", "24/7", "240 languages", "ASL Now"],
            examPhrase: "AYUDA"),
        SourcedFact(
            name: "suicide warning signs", module: "crisis-and-suicide-prevention",
            lessonPhrases: ["National Institute of Mental Health", "giving away important things", "new or has increased", "relational", "access to care"],
            questionPhrases: ["NIMH", "relational"],
            examPhrase: "NIMH"),
        SourcedFact(
            name: "opioid overdose and naloxone", module: "harm-reduction",
            lessonPhrases: ["pinpoint", "on their side", "29 March 2023", "over the counter", "one nostril", "2 to 3 minutes", "Good Samaritan"],
            questionPhrases: ["pinpoint", "naloxone", "29 March 2023", "2 to 3 minutes", "Good Samaritan"],
            examPhrase: "naloxone"),
        SourcedFact(
            name: "SAMHSA's working definition of recovery", module: "recovery-concepts",
            lessonPhrases: ["self-directed life", "health", "home", "purpose", "community", "emerges from hope", "culturally based and influenced"],
            questionPhrases: ["emerges from hope", "self-directed"],
            examPhrase: "strengths and responsibility"),
        SourcedFact(
            name: "harm reduction principles", module: "harm-reduction",
            lessonPhrases: ["National Harm Reduction Coalition", "six pillars", "quality of life", "primary agents of reducing harm"],
            questionPhrases: ["National Harm Reduction Coalition", "quality of life"],
            examPhrase: "National Harm Reduction Coalition"),
        SourcedFact(
            name: "HIPAA Privacy Rule and 42 CFR Part 2", module: "documentation-and-teamwork",
            lessonPhrases: ["HIPAA Privacy Rule", "covered entities", "42 CFR Part 2", "16 February 2024", "16 April 2024", "16 February 2026", "single consent", "court order", "stricter"],
            questionPhrases: ["Part 2", "single consent", "court order", "HIPAA"],
            examPhrase: "Part 2"),
        SourcedFact(
            name: "caring for the carer", module: "self-care-and-supervision",
            lessonPhrases: ["secondary traumatic stress", "first-hand trauma", "burnout", "compassion fatigue", "5-4-3-2-1"],
            questionPhrases: ["5-4-3-2-1", "secondary traumatic stress", "compassion fatigue"],
            examPhrase: "5-4-3-2-1"),
        SourcedFact(
            name: "helper therapy principle and wounded healer", module: "sharing-your-story",
            lessonPhrases: ["Riessman", "1965", "Jung", "wounded physician"],
            questionPhrases: ["Riessman", "Jung"],
            examPhrase: "Riessman"),
        SourcedFact(
            name: "the 12 National Practice Guidelines values", module: "peer-support-basics",
            lessonPhrases: ["iNAPS", "National Practice Guidelines", "voluntary", "hopeful", "open minded", "empathetic", "respectful", "facilitate change", "honest and direct", "mutual and reciprocal", "equally shared", "strengths-focused", "transparent", "person-driven"],
            questionPhrases: ["National Practice Guidelines", "open minded"],
            examPhrase: "National Practice Guidelines"),
    ]

    @Test func everySourcedFactIsTaughtInItsModuleAndTestedThereAndInTheExam() throws {
        let course = try #require(Self.course)
        let exam = try #require(course.quizzes.first { $0.id == "cps-final-exam" })
        let examTexts = exam.allQuestions.map { Self.questionWords($0) }
        for fact in Self.sourcedFacts {
            let module = try #require(course.module(fact.module), "\(fact.name): no module \(fact.module)")
            let lessonText = module.lessons.map { Self.lessonWords($0) }.joined(separator: "\n")
            for phrase in fact.lessonPhrases {
                #expect(lessonText.localizedCaseInsensitiveContains(phrase), "\(fact.name): no lesson in \(fact.module) says \"\(phrase)\"")
            }
            let questionTexts = module.quizzes.flatMap(\.allQuestions).map { Self.questionWords($0) }
            for phrase in fact.questionPhrases {
                #expect(questionTexts.contains { $0.localizedCaseInsensitiveContains(phrase) }, "\(fact.name): no question in \(fact.module) uses \"\(phrase)\"")
            }
            #expect(examTexts.contains { $0.localizedCaseInsensitiveContains(fact.examPhrase) }, "\(fact.name): no exam question uses \"\(fact.examPhrase)\"")
        }
    }

    /// Everything a trainee reads on a lesson's pages, as plain text.
    static func lessonWords(_ lesson: Lesson) -> String {
        func text(_ block: Block) -> String {
            switch block {
            case .paragraph(let inlines): inlines.plainText
            case .list(_, let items): items.map(\.plainText).joined(separator: "\n")
            case .callout(_, let blocks): blocks.map(text).joined(separator: "\n")
            }
        }
        return lesson.pages.map { page in ([page.heading ?? ""] + page.blocks.map(text)).joined(separator: "\n") }
            .joined(separator: "\n")
    }

    /// A question's prompt, answers, feedback and rationale, as plain text.
    static func questionWords(_ question: Question) -> String {
        var parts = [question.prompt.plainText, question.rationale?.plainText ?? ""]
        let outcome = question.outcomeFeedback
        parts += [outcome.correct, outcome.partial, outcome.incorrect].compactMap { $0?.plainText }
        switch question.kind {
        case .singleChoice(let options, _), .multipleResponse(let options, _, _):
            parts += options.flatMap { [$0.text, $0.feedback ?? ""] }
        case .trueFalse(_, let feedbackTrue, let feedbackFalse):
            parts += [feedbackTrue.plainText, feedbackFalse.plainText]
        case .shortAnswer(let shortAnswer):
            parts += shortAnswer.accepts.compactMap(\.feedback)
        case .ordering(let items, _):
            parts += items
        case .matching(let pairs, let distractors, _):
            parts += pairs.flatMap { [$0.left, $0.right] }
            parts += distractors
        }
        return parts.joined(separator: "\n")
    }

    @Test(arguments: Self.course?.roleplays.map(\.id) ?? [])
    func bestPathReachesAGoodEndingWithFullMarks(roleplayID: String) throws {
        let course = try #require(Self.course)
        let roleplay = try #require(course.roleplays.first { $0.id == roleplayID })
        // Played as a trainee would: each choice by its number, each reply with the model answer.
        let session = try playBestPath(roleplay)
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
        // A position with what was earned to reach it: the running scores stop at 0, so two paths
        // to the same position can have earned different totals.
        struct Visit: Hashable { var position: RoleplayPosition; var earned: [Int] }
        var seen = Set<Visit>()
        func search(_ session: RoleplaySession, _ path: [Move]) -> [Move]? {
            if let ending = session.ending(in: roleplay) {
                let full = session.competencyShares(in: roleplay).allSatisfy { $0.points == $0.outOf }
                return ending.outcome == .good && full ? path : nil
            }
            // Raw totals, before the final 0...outOf: an early loss must keep two paths apart.
            let raw = roleplay.assesses.map { assessment in
                session.steps.flatMap { session.changes(of: $0, in: roleplay) }.filter { $0.competency.id == assessment.competency.id }.map(\.points).reduce(0, +)
            }
            let visit = Visit(position: session.position, earned: raw)
            guard seen.insert(visit).inserted, let scene = session.scene(in: roleplay) else { return nil }
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
