import BeaconCore
@testable import BeaconStore
import BeaconTerminal
import Foundation
import GRDB
import Testing

@Suite struct PlayerTranscriptTests {
    @Test func playingTheWholeSampleMatchesTheGoldenTranscript() throws {
        let terminal = MemoryTerminal(lines: wholeCourseAnswers, width: 80)
        let (player, store, trainee) = try makePlayer(terminal)
        #expect(player.run() == .quit)
        try expectGolden(terminal.output, "whole-course-linear")
        let progress = CourseProgress(course: try sampleCourse().0, record: try store.record(trainee: trainee.id, course: "sample"), trainee: trainee.id)
        #expect(progress.modules.allSatisfy { $0.isDone })
        #expect(progress.competencies.map(\.share) == [1, 1])
        #expect(progress.resume == nil)
        // Every step takes a minute on the test clock, so all of it counts as active time.
        #expect(progress.activeMinutes > 10)
    }

    @Test func theFreeTextReplyIsScoredButNeverStored() throws {
        let terminal = MemoryTerminal(lines: wholeCourseAnswers, width: 80)
        let (player, store, trainee) = try makePlayer(terminal)
        _ = player.run()
        let run = try #require(store.record(trainee: trainee.id, course: "sample").runs["hard-week"]?.first)
        #expect(run.steps.contains { $0.move == .reply(met: [0, 1]) })
        let dump = try store.sqlite!.read { db in try String.fetchAll(db, sql: "SELECT move FROM roleplayStep") }.joined()
        #expect(!dump.contains("thinking about suicide"))
    }

    @Test func endOfInputMidQuizKeepsEveryAnswerAndResumesAtTheSameQuestion() throws {
        let store = try LearningStore(writer: DatabaseQueue())
        let first = MemoryTerminal(lines: Array(wholeCourseAnswers.prefix(14)), width: 80)
        let (player, _, trainee) = try makePlayer(first, store: store)
        #expect(player.run() == .endOfInput)
        let attempt = try #require(store.record(trainee: trainee.id, course: "sample").attempts["listening-check"]?.first)
        #expect(attempt.answers.count == 2 && attempt.finishedAt == nil)
        // Come back: the menu offers the quiz, and Enter goes straight to question 3.
        let second = MemoryTerminal(lines: [""], width: 80)
        let (again, _, _) = try makePlayer(second, store: store)
        #expect(again.run() == .endOfInput)
        #expect(second.output.contains("Continue where you left off: Quiz: Listening check (in progress)"))
        #expect(second.output.contains("Question 3 of 6"))
        #expect(!second.output.contains("Question 1 of 6"))
    }

    @Test func crisisSupportAndHelpAnswerOnEveryScreen() throws {
        // No line is read while an aside is shown: the next line still answers the menu underneath.
        let terminal = MemoryTerminal(lines: ["!", "?", "q"], width: 60)
        let (player, _, _) = try makePlayer(terminal)
        #expect(player.run() == .quit)
        try expectGolden(terminal.output, "crisis-and-help")
    }

    @Test func aLineTypedAfterTheCrisisScreenAnswersTheScreenUnderneath() throws {
        // A screen-reader user reads the crisis screen, then answers the menu: "1" opens module 1.
        let terminal = MemoryTerminal(lines: ["!", "1"], width: 80)
        let (player, _, _) = try makePlayer(terminal)
        #expect(player.run() == .endOfInput)
        let afterCrisis = try #require(terminal.output.components(separatedBy: "Crisis support").last)
        #expect(afterCrisis.contains("Module 1 of 2 · Welcome"), "\(afterCrisis)")
    }

    @Test func halfTypedAnswersSurviveTheCrisisAndHelpScreens() throws {
        // Into the quiz's first question, choose 2 but do not confirm, open ! and ? and come back.
        let keys: [Key] = [.enter, .enter, .enter, .enter, .character("1"), .enter, .enter, .enter, .enter, .enter,
                           .character("2"), .character("!"), .enter, .character("?"), .enter]
        let terminal = MemoryTerminal(keys: keys, width: 80)
        let (player, store, trainee) = try makePlayer(terminal)
        #expect(player.run() == .endOfInput)
        let screens = terminal.output.components(separatedBy: "\u{0C}\n")
        #expect(screens.contains { $0.hasPrefix("Crisis support") } && screens.contains { $0.hasPrefix("Help") })
        #expect(terminal.lastScreen.contains("Question 1 of 6") && terminal.lastScreen.contains("2. (chosen)"), "\(terminal.lastScreen)")
        let attempt = try #require(try store.record(trainee: trainee.id, course: "sample").attempts["listening-check"]?.last)
        #expect(attempt.answers.isEmpty, "nothing was submitted by opening the screens")
    }

    @Test func invalidAnswersAreExplainedAndAskedAgain() throws {
        let lines = Array(wholeCourseAnswers.prefix(10)) + ["7", "x", "1", ""]
        let terminal = MemoryTerminal(lines: lines, width: 80)
        let (player, _, _) = try makePlayer(terminal)
        _ = player.run()
        #expect(terminal.output.components(separatedBy: "Type one number from 1 to 3.").count == 3)
        #expect(terminal.output.contains("Correct."))
    }

    @Test func aPausedContentNoteLeavesWithoutStarting() throws {
        let terminal = MemoryTerminal(lines: ["", "", "", "", "3"], width: 80)
        let (player, store, trainee) = try makePlayer(terminal)
        #expect(player.run() == .paused)
        #expect(try store.record(trainee: trainee.id, course: "sample").lessons["oars"] == nil)
    }

    @Test func interactiveKeysToggleAndRedraw() throws {
        let keys: [Key] = [.enter, .enter, .enter, .enter, .character("1"), .enter, .enter, .enter, .enter, .enter, .character("2"), .character("1")]
        let terminal = MemoryTerminal(keys: keys, width: 80)
        let (player, _, _) = try makePlayer(terminal)
        #expect(player.run() == .endOfInput)
        // The single-choice question after two presses shows the last choice as chosen.
        #expect(terminal.lastScreen.contains("1. (chosen) What has been the most \"a lot\" about it?"))
        #expect(terminal.lastScreen.contains("> 1"))
        #expect(terminal.output.contains("\u{0C}"), "interactive mode redraws whole screens")
    }

    @Test func wrappingCountsDisplayColumns() {
        #expect(TextLayout.displayWidth("abc") == 3)
        #expect(TextLayout.displayWidth("日本語") == 6)
        #expect(TextLayout.displayWidth("e\u{301}") == 1)
        let lines = TextLayout.wrap("日本語 日本語 日本語", width: 14)
        #expect(lines == ["日本語 日本語", "日本語"])
        #expect(TextLayout.wrap("one two three", width: 8, first: "  1. ") == ["  1. one", "     two", "     three"])
    }
}

@Suite struct QuizRulesInThePlayerTests {
    @Test func aFailedAttemptWaitsForTheCooldownBeforeTheNext() throws {
        let wrong = ["2", "", "1 2 3 4", "", "t", "", "b b b", "", "nothing", "", "2", "", ""]
        let lines = Array(wholeCourseAnswers.prefix(10)) + wrong + ["", "", "q"]
        let terminal = MemoryTerminal(lines: lines, width: 80)
        let (player, store, trainee) = try makePlayer(terminal)
        #expect(player.run() == .quit)
        #expect(terminal.output.contains("Not passed this time."))
        #expect(terminal.output.contains("Attempts left: 2."))
        #expect(terminal.output.contains("You can try again after 1 hour."))
        #expect(terminal.output.contains("You can start your next attempt after"))
        let attempts = try store.record(trainee: trainee.id, course: "sample").attempts["listening-check", default: []]
        #expect(attempts.count == 1, "the cooldown must not start a second attempt")
        #expect(attempts.first?.passed == false)
    }
}
