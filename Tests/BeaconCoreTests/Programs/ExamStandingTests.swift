import Foundation
import Testing
@testable import BeaconCore

/// Georgia's rule as PROGRAMS.md gives it: at most 3 attempts within a year, then retraining.
@Suite struct ExamStandingTests {
    var georgia: CertificationProgram.ExamRule {
        var rule = CertificationProgram.ExamRule(quiz: ref("exam"))
        rule.attempts = 3
        rule.window = ISODuration("P1Y")
        rule.wait = ISODuration("P7D")
        rule.retrainAfter = 3
        rule.retrainModule = ref("final")
        return rule
    }

    func failed(_ text: String) -> ProgramEvidence.Attempt { .init(finishedAt: moment(text), score: 0.5, passed: false) }

    @Test func openBeforeAnyAttempt() {
        #expect(ExamStanding(rule: georgia, attempts: [], retrainedAt: nil, now: moment("2027-01-01")) == .open(remaining: 3))
    }

    @Test func waitsAfterAFailure() {
        let standing = ExamStanding(rule: georgia, attempts: [failed("2027-01-01")], retrainedAt: nil, now: moment("2027-01-03"))
        #expect(standing == .waiting(until: moment("2027-01-08")))
        #expect(!standing.allowsAttempt)
        #expect(ExamStanding(rule: georgia, attempts: [failed("2027-01-01")], retrainedAt: nil, now: moment("2027-01-08")) == .open(remaining: 2))
    }

    @Test func retrainsAfterTheThirdFailure() {
        let attempts = [failed("2027-01-01"), failed("2027-02-01"), failed("2027-03-01")]
        #expect(ExamStanding(rule: georgia, attempts: attempts, retrainedAt: nil, now: moment("2027-06-01")) == .retrain(module: "final"))
        // Retraining closes the cycle: earlier attempts no longer count.
        #expect(ExamStanding(rule: georgia, attempts: attempts, retrainedAt: moment("2027-04-01"), now: moment("2027-06-01")) == .open(remaining: 3))
    }

    @Test func aPassEndsTheRule() {
        let attempts = [failed("2027-01-01"), .init(finishedAt: moment("2027-02-01"), score: 0.9, passed: true)]
        #expect(ExamStanding(rule: georgia, attempts: attempts, retrainedAt: nil, now: moment("2027-06-01")) == .passed)
    }

    @Test func theWindowRollsWithoutRetraining() {
        var rule = georgia
        rule.retrainAfter = nil
        rule.retrainModule = nil
        rule.wait = nil
        rule.attempts = 2
        let attempts = [failed("2027-01-01"), failed("2027-03-01")]
        #expect(ExamStanding(rule: rule, attempts: attempts, retrainedAt: nil, now: moment("2027-06-01")) == .windowFull(until: moment("2028-01-01")))
        #expect(ExamStanding(rule: rule, attempts: attempts, retrainedAt: nil, now: moment("2028-01-02")) == .open(remaining: 1))
    }

    @Test func aLimitWithoutAWindowIsForGood() {
        var rule = CertificationProgram.ExamRule(quiz: ref("exam"))
        rule.attempts = 2
        #expect(ExamStanding(rule: rule, attempts: [failed("2027-01-01"), failed("2027-01-02")], retrainedAt: nil, now: moment("2030-01-01")) == .retrain(module: nil))
    }

    @Test func explanationsSayWhatToDo() {
        #expect(ExamStanding.open(remaining: 1).explanation == "1 attempt left")
        #expect(ExamStanding.retrain(module: "final").explanation.contains("module final is started over"))
        #expect(ExamStanding.waiting(until: moment("2027-01-08")).explanation == "next attempt from 2027-01-08T00:00:00Z")
    }
}

extension ExamStandingTests {
    @Test func afterStartingOverTheModuleMustBeFinishedAgain() {
        let attempts = [failed("2027-01-01"), failed("2027-02-01"), failed("2027-03-01")]
        let since = moment("2027-04-01")
        #expect(ExamStanding(rule: georgia, attempts: attempts, retrainedAt: since, retrainingDone: false, now: moment("2027-06-01")) == .retraining(module: "final"))
        #expect(!ExamStanding.retraining(module: "final").allowsAttempt)
        #expect(ExamStanding(rule: georgia, attempts: attempts, retrainedAt: since, retrainingDone: true, now: moment("2027-06-01")) == .open(remaining: 3))
    }
}
