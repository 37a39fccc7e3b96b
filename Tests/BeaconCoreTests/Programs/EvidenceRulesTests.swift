import Testing
@testable import BeaconCore

@Suite struct EvidenceRulesTests {
    let today = day("2027-03-10")
    let enrolled = day("2027-01-05")

    @Test(arguments: [0.0, -1, .nan, .infinity, 24.5])
    func refusesImpossibleHours(hours: Double) {
        #expect(EvidenceRules.hoursProblem(hours, on: day("2027-03-01"), today: today, enrolled: enrolled) != nil)
    }

    @Test func acceptsADayOfWork() {
        #expect(EvidenceRules.hoursProblem(8, on: day("2027-03-01"), today: today, enrolled: enrolled) == nil)
        #expect(EvidenceRules.hoursProblem(24, on: today, today: today, enrolled: enrolled) == nil)
    }

    @Test func aDayHoldsAtMost24HoursAcrossEntries() {
        let problem = EvidenceRules.hoursProblem(6, on: day("2027-03-01"), alreadyThatDay: 20, today: today, enrolled: enrolled)
        #expect(problem == "2027-03-01 already holds 20 h; 6 more would pass 24")
    }

    @Test func refusesTheFutureAndBeforeEnrolment() {
        #expect(EvidenceRules.hoursProblem(2, on: day("2027-03-11"), today: today, enrolled: enrolled) == "2027-03-11 is in the future (today is 2027-03-10)")
        #expect(EvidenceRules.hoursProblem(2, on: day("2027-01-04"), today: today, enrolled: enrolled) == "2027-01-04 is before the trainee enrolled (2027-01-05)")
    }

    @Test func observationScoresMustFitTheRubric() {
        #expect(EvidenceRules.observationProblem(["asks": 2, "help": 1], rubric: crisisRubric) == nil)
        #expect(EvidenceRules.observationProblem(["asks": 2], rubric: crisisRubric)?.contains("'help' has no score") == true)
        #expect(EvidenceRules.observationProblem(["asks": 3, "help": 1], rubric: crisisRubric) == "item 'asks' scores 0 to 2, not 3")
        #expect(EvidenceRules.observationProblem(["asks": 2, "help": 1, "hug": 1], rubric: crisisRubric)?.contains("no item 'hug'") == true)
        #expect(EvidenceRules.observationProblem(["asks": -1, "help": 1], rubric: crisisRubric) != nil)
    }

    @Test func observationPassesAtTheRubricsShare() {
        #expect(EvidenceRules.observationResult(["asks": 2, "help": 1], rubric: crisisRubric) == (3, true))
        #expect(EvidenceRules.observationResult(["asks": 1, "help": 1], rubric: crisisRubric) == (2, false))
    }

    @Test func aTraineeIsHeldToTheVersionInForceWhenTheyStarted() throws {
        func version(_ v: String, _ effective: String) -> CertificationProgram {
            var program = CertificationProgram(id: "tx", location: here)
            program.version = v
            program.effective = day(effective)
            return program
        }
        let versions = [version("2026.1", "2026-09-01"), version("2024.1", "2024-01-01")]
        #expect(EvidenceRules.versionInForce(versions, started: day("2026-08-31"))?.version == "2024.1")
        #expect(EvidenceRules.versionInForce(versions, started: day("2026-09-01"))?.version == "2026.1")
        #expect(EvidenceRules.versionInForce(versions, started: day("2020-01-01"))?.version == "2024.1")
    }

    @Test func daysParseOnlyRealDates() {
        #expect(DayDate("2028-02-29") != nil)
        for text in ["2027-02-29", "2027-13-01", "2027-1-01", "27-01-01", "2027-01-00", "today", ""] { #expect(DayDate(text) == nil, "\(text)") }
        #expect(DayDate(day("2027-03-10").start) == day("2027-03-10"))
    }
}
