import Foundation
import Testing

@testable import BeaconCore

@Suite struct ScoreCSVTests {
    @Test func readsHeaderMaxRowAndMarks() throws {
        let matrix = try ScoreCSV.parse("attempt,Q1,Q2\nmax,1,2\nA1,1,1.5\nA2,0,0.5\n")
        #expect(matrix.attemptIDs == ["A1", "A2"])
        #expect(matrix.questionIDs == ["Q1", "Q2"])
        #expect(matrix.maxMarks == [1, 2])
        #expect(matrix.marks == [1, 1.5, 0, 0.5])
        #expect(matrix[1, 1] == 0.5)
    }

    @Test func maxMarksDefaultToOne() throws {
        let matrix = try ScoreCSV.parse("attempt,Q1,Q2\nA1,1,0")
        #expect(matrix.maxMarks == [1, 1])
    }

    @Test func acceptsBOMCRLFQuotesSpacesAndBlankLines() throws {
        let text =
            "\u{FEFF}\"attempt\",\"Q,1\", Q2 \r\nMAX,1,\"2\"\r\n\r\n\"A \"\"one\"\"\",1, 2 \r\n\"A\ntwo\",\"0.5\",1e0\r\n\r\n"
        let matrix = try ScoreCSV.parse(text)
        #expect(matrix.questionIDs == ["Q,1", "Q2"])
        #expect(matrix.maxMarks == [1, 2])
        #expect(matrix.attemptIDs == ["A \"one\"", "A\ntwo"])
        #expect(matrix.marks == [1, 2, 0.5, 1])
    }

    @Test func bytesStringAndDataGiveTheSameMatrix() throws {
        let text = "a,Q1\nmax,3\nx,2.25\ny,-0.5\n"
        let fromString = try ScoreCSV.parse(text)
        #expect(try ScoreCSV.parse(Array(text.utf8)) == fromString)
        #expect(try ScoreCSV.parse(Data(text.utf8)) == fromString)
        #expect(try ScoreCSV.parse(text.utf8.lazy.map { $0 }) == fromString)  // not contiguous
        #expect(fromString.marks == [2.25, -0.5])
    }

    /// Every mark must be bit-identical to the standard library's correctly rounded parse.
    @Test(arguments: [
        "0", "-0", "+1", "0.1", "0.3333333333333333", "0.33333333333333333333333", ".5", "5.", "1e0", "1E-3",
        "2.2250738585072011e-308", "4.9e-324", "9007199254740993", "9007199254740992.5", "1.7976931348623157e308",
        "123456789012345678901234567890", "0.000000000000000000000000000001", "1.00000000000000011102230246251565",
        "7.2057594037927933e16", "1e22", "1e23", "3e-22", "3e-23", "00012.5000", "-1.5e+2",
    ])
    func marksAreCorrectlyRounded(text: String) throws {
        let matrix = try ScoreCSV.parse("a,Q\nmax,1.7976931348623157e308\nx,\(text)\n")
        let expected = try #require(Double(text))
        #expect(matrix.marks[0].bitPattern == expected.bitPattern, "\(text)")
    }

    @Test func randomDecimalsAreCorrectlyRounded() throws {
        var random = SplitMix(seed: 7)
        var texts: [String] = []
        for _ in 0..<5000 {
            let digits = (0..<Int(random.next() % 24 + 1)).map { _ in String(random.next() % 10) }.joined()
            let point = Int(random.next() % UInt64(digits.count + 1))
            var text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
            if random.next() % 3 == 0 { text += "e\(Int(random.next() % 80) - 40)" }
            if random.next() % 2 == 0 { text = "-" + text }
            if text.hasPrefix(".") && text.count == 1 || text == "-." { continue }
            texts.append(text)
        }
        let csv =
            "a,Q\nmax,1.7976931348623157e308\n"
            + texts.enumerated().map { "r\($0.offset),\($0.element)" }.joined(separator: "\n")
        let matrix = try ScoreCSV.parse(csv)
        for (text, mark) in zip(texts, matrix.marks) {
            #expect(mark.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    struct BadInput: CustomTestStringConvertible, Sendable {
        var csv: String
        var line: Int
        var column: Int?
        var message: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        BadInput(csv: "", line: 1, column: nil, message: "the file is empty"),
        BadInput(csv: "\n\r\n", line: 1, column: nil, message: "the file is empty"),
        BadInput(csv: "attempt\nA1\n", line: 1, column: nil, message: "the header has no question columns"),
        BadInput(csv: "attempt,Q1,Q2\n", line: 2, column: nil, message: "there are no attempt rows after the header"),
        BadInput(
            csv: "attempt,Q1,Q2\nmax,1,1\n\n",
            line: 4,
            column: nil,
            message: "there are no attempt rows after the header"
        ),
        BadInput(
            csv: "attempt,Q1,Q1\nA,1,1",
            line: 1,
            column: 3,
            message: "question id \"Q1\" is already used by column 2"
        ),
        BadInput(csv: "attempt,Q1,\nA,1,1", line: 1, column: 3, message: "this question column has no id"),
        BadInput(
            csv: "a,Q1,Q2\nA,1,1\nB,1\nC,1,1",
            line: 3,
            column: nil,
            message: "this row has 2 cells but the header has 3"
        ),
        BadInput(
            csv: "a,Q1,Q2\r\nA,1,1\r\nB,1,1\r\nC,1,1,0,1\r\n",
            line: 4,
            column: nil,
            message: "this row has 5 cells but the header has 3"
        ),
        BadInput(csv: "a,Q1,Q2\nB\n", line: 2, column: nil, message: "this row has 1 cell but the header has 3"),
        BadInput(csv: "a,Q1,Q2\nA,1,1\nB,1,abc\n", line: 3, column: 3, message: "\"abc\" is not a number"),
        BadInput(csv: "a,Q1,Q2\nA,1,0,5\n", line: 2, column: nil, message: "this row has 4 cells but the header has 3"),
        BadInput(csv: "a,Q1,Q2\nA,1,1.5.2\n", line: 2, column: 3, message: "\"1.5.2\" is not a number"),
        BadInput(csv: "a,Q1,Q2\nA,1,\"x\"\n", line: 2, column: 3, message: "\"x\" is not a number"),
        BadInput(csv: "a,Q1,Q2\nA,,1\n", line: 2, column: 2, message: "the mark is missing"),
        BadInput(csv: "a,Q1,Q2\nA,1,NaN\n", line: 2, column: 3, message: "NaN and infinite values are not marks"),
        BadInput(csv: "a,Q1,Q2\nA,-inf,1\n", line: 2, column: 2, message: "NaN and infinite values are not marks"),
        BadInput(
            csv: "a,Q1,Q2\nmax,1e999,1\nA,1,1\n",
            line: 2,
            column: 2,
            message: "NaN and infinite values are not marks"
        ),
        BadInput(csv: "a,Q1,Q2\nmax,1,-2\nA,1,1\n", line: 2, column: 3, message: "the maximum mark -2 is negative"),
        BadInput(
            csv: "a,Q1,Q2\nmax,1,2\nA,1,2\nB,1,2.5\n",
            line: 4,
            column: 3,
            message: "mark 2.5 is above this question's maximum of 2"
        ),
        BadInput(csv: "a,Q1,Q2\nA,1,2\n", line: 2, column: 3, message: "mark 2 is above this question's maximum of 1"),
        BadInput(csv: "a,Q1,Q2\nA,1,\"1\n", line: 2, column: 3, message: "this quoted cell has no closing quote"),
        BadInput(
            csv: "a,Q1,Q2\n\"A\"x,1,1\n",
            line: 2,
            column: 1,
            message: "there is text after the closing quote of this cell"
        ),
        BadInput(csv: "a,Q1,Q2\nA\"x,1,1\n", line: 2, column: 1, message: "there is a quote inside an unquoted cell"),
        BadInput(csv: "a,Q1,Q2\n,1,1\n", line: 2, column: 1, message: "the attempt id is empty"),
        // A line break inside a quoted id counts: the bad mark is on physical line 3.
        BadInput(csv: "a,Q1,Q2\n\"A\nB\",1,x\n", line: 3, column: 3, message: "\"x\" is not a number"),
        BadInput(csv: "a,Q1,Q2\r\nA,1,1\r\n\r\nB,1,?\r\n", line: 4, column: 3, message: "\"?\" is not a number"),
    ])
    func badInputIsRejectedWithItsLine(input: BadInput) {
        do {
            let matrix = try ScoreCSV.parse(input.csv)
            Issue.record("accepted: \(matrix)")
        } catch {
            #expect(error.line == input.line)
            #expect(error.column == input.column)
            #expect(error.message == input.message)
            #expect(!error.help.isEmpty)
            #expect(error.description.hasPrefix("line \(input.line)"))
        }
    }

    @Test func errorsNameTheQuestionAndSayHowToFixIt() {
        #expect(throws: ScoreCSVError.self) { try ScoreCSV.parse("a,Q1,Q2\nA,1,abc\n") }
        do {
            _ = try ScoreCSV.parse("a,Q1,Q2\nA,1,abc\n")
        } catch {
            #expect(error.questionID == "Q2")
            #expect(
                error.description
                    == "line 2, column 3 (Q2): \"abc\" is not a number\n  help: write the mark as a decimal number such as 1 or 0.5 (a dot, not a comma, before decimals)"
            )
        }
    }
}

/// A tiny seeded generator so random tests replay exactly.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
