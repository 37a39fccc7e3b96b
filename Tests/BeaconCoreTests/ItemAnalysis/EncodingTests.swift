import Foundation
import Testing

@testable import BeaconCore

@Suite struct EncodingTests {
    func json(_ report: ItemAnalysisReport) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(report)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyKeyIsPresentAndNilEncodesAsNull() throws {
        let object = try json(ItemAnalysis.analyse(binaryMatrix(["10"])))
        #expect(Set(object.keys) == ["quiz", "questions", "warnings"])
        let quiz = try #require(object["quiz"] as? [String: Any])
        #expect(
            Set(quiz.keys) == [
                "n", "mean", "median", "sd", "skewness", "kurtosis", "alpha", "sem", "errorRatio", "kr20", "kr21",
            ]
        )
        #expect(quiz["sd"] is NSNull)
        let question = try #require((object["questions"] as? [[String: Any]])?.first)
        #expect(
            Set(question.keys) == [
                "id", "n", "facility", "sd", "randomGuessScore", "intendedWeight", "effectiveWeight",
                "negativeCovariance",
                "discriminationIndex", "discriminativeEfficiency", "pointBiserial", "pointBiserialUncorrected",
                "upperLower27", "options",
            ]
        )
        #expect(question["options"] is NSNull)
        #expect(question["discriminationIndex"] is NSNull)
        #expect(question["negativeCovariance"] as? Bool == false)
    }

    @Test func optionsEncodeWithEveryKey() throws {
        let object = try json(ItemAnalysis.analyse(WorkedExampleTests.matrix()))
        let question = try #require((object["questions"] as? [[String: Any]])?.first)
        let option = try #require((question["options"] as? [[String: Any]])?.first)
        #expect(
            Set(option.keys) == ["id", "key", "count", "proportion", "upper", "lower", "meanTotal", "pointBiserial"]
        )
        #expect(option["meanTotal"] is NSNull)
        #expect(option["id"] as? String == "A")
    }
}
