import Testing
@testable import BeaconCore

@Suite struct RegexRiskTests {
    @Test(arguments: [#"^(a+)+$"#, #"(\w*\s?)*"#, #"((ab)*c)+"#, #"(x+){2,}"#, #"(a|b+)*"#])
    func nestedRepetitionIsRefused(pattern: String) {
        #expect(regexRisk(pattern) != nil)
        #expect(rubricPatternProblem(pattern) != nil)
    }

    @Test(arguments: [#"\b(sounds like|you feel)\b"#, #"(ab)+"#, #"a+b+"#, #"[(+]*x"#, #"\(a+\)+"#, #"(a+){2}"#, #"9-?8-?8.*"#])
    func ordinaryPatternsPass(pattern: String) {
        #expect(regexRisk(pattern) == nil)
    }

    @Test func aRiskyPatternNeverRunsOnAReply() {
        var criterion = Criterion(id: "c", label: "c", location: SourceLocation(file: "t", line: 1))
        criterion.patterns = [#"^(a+)+$"#]
        #expect(!criterion.isMet(by: String(repeating: "a", count: 40) + "!"))
    }
}
