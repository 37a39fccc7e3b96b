import Testing
@testable import BeaconCore

/// Pennsylvania's renewal as PROGRAMS.md gives it: 36 h per 2 years, 24 peer-specific, 3 ethics,
/// 9 elective; staff meetings and supervision do not count.
@Suite struct RenewalEvaluationTests {
    let rule = RenewalRule(
        hours: 36,
        categories: [.init(id: "peer-specific", minimum: 24), .init(id: "ethics", minimum: 3), .init(id: "elective", maximum: 9)],
        excludedKinds: ["staff-meeting", "supervision"]
    )
    let cycle = day("2027-01-01")...day("2028-12-31")

    func claim(_ key: String, _ category: String, _ hours: Double, on text: String = "2027-06-01", kind: String = "workshop") -> CEClaim {
        CEClaim(key: key, category: category, kind: kind, hours: hours, day: day(text), source: .outside, title: key)
    }

    @Test func metWithEachCategoryAndTheTotal() {
        let result = RenewalEvaluation(rule: rule, claims: [claim("a", "peer-specific", 24), claim("b", "ethics", 3), claim("c", "elective", 9)], cycle: cycle)
        #expect(result.met && result.total == 36)
        #expect(result.checks.map(\.kind) == ["ce-total", "ce-category", "ce-category"])
    }

    @Test func electiveHoursPastTheCapDoNotCount() throws {
        let result = RenewalEvaluation(rule: rule, claims: [claim("a", "peer-specific", 24), claim("b", "ethics", 3), claim("c", "elective", 15)], cycle: cycle)
        #expect(result.total == 36 && result.met)
        let cap = try #require(result.checks.first { $0.kind == "ce-cap" })
        #expect(cap.detail == "15 h claimed, 9 counted")
        let short = RenewalEvaluation(rule: rule, claims: [claim("a", "peer-specific", 20), claim("b", "ethics", 3), claim("c", "elective", 20)], cycle: cycle)
        #expect(!short.met && short.total == 32)
        #expect(short.checks.filter { !$0.met }.map(\.kind) == ["ce-total", "ce-category"])
    }

    @Test func noCarryOverNoExcludedKindsNoDoubleClaimsNoUnknownCategories() {
        let result = RenewalEvaluation(rule: rule, claims: [
            claim("old", "peer-specific", 10, on: "2026-12-31"),
            claim("meeting", "peer-specific", 5, kind: "staff-meeting"),
            claim("a", "peer-specific", 4), claim("a", "peer-specific", 4),
            claim("yoga", "wellness", 2),
            claim("late", "ethics", 2, on: "2029-01-01"),
        ], cycle: cycle)
        #expect(result.total == 4)
        let notes = result.lines.compactMap(\.note)
        #expect(notes.count == 5)
        #expect(notes.contains { $0.hasPrefix("before this cycle") && $0.contains("do not carry over") })
        #expect(notes.contains("staff-meeting does not count toward renewal"))
        #expect(notes.contains("the same activity is already counted"))
        #expect(notes.contains { $0.hasPrefix("wellness is not one of") })
        #expect(notes.contains { $0.hasPrefix("after this cycle ends") })
    }

    @Test func theCycleIncludesItsFirstAndLastDays() {
        let result = RenewalEvaluation(rule: rule, claims: [claim("a", "ethics", 1, on: "2027-01-01"), claim("b", "ethics", 2, on: "2028-12-31")], cycle: cycle)
        #expect(result.lines.allSatisfy { $0.counted })
        #expect(result.checks.first { $0.requirement.contains("ethics") }?.met == true)
    }
}
