import BeaconCredentials
import Testing

@Suite("ECMAScript number formatting")
struct ECMAScriptNumberTests {
    /// JCS form of a lone number.
    func canonical(_ value: Double) throws -> String {
        try JCS.canonicalString(.number(JSONNumber(value)))
    }

    static let pairs: [(Double, String)] = [
        (0, "0"),
        (-0.0, "0"),
        (1, "1"),
        (-1.5, "-1.5"),
        (1e21, "1e+21"),
        (1e20, "100000000000000000000"),
        (1e-7, "1e-7"),
        (0.000001, "0.000001"),
        (1.2345678901234568e20, "123456789012345680000"),  // integer-form literal would warn as inexact
        (.leastNonzeroMagnitude, "5e-324"),  // 5e-324 as a literal draws an underflow warning
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (0.1 + 0.2, "0.30000000000000004"),
        (333333333.33333329, "333333333.3333333"),
        (1e30, "1e+30"),
        (4.5, "4.5"),
        (0.002, "0.002"),
        (1e-27, "1e-27"),
        (-1e-7, "-1e-7"),
        (1.5e-7, "1.5e-7"),
        (123e-20, "1.23e-18"),
        (9.999999999999997e-7, "9.999999999999997e-7"),
        (9.999999999999999e20, "999999999999999900000"),
        (9007199254740994, "9007199254740994"),
        (2.9514790517935283e20, "295147905179352830000"),
        (1.2345, "1.2345"),
        (100, "100"),
        (-123456.789, "-123456.789"),
    ]

    @Test func briefPairs() throws {
        for (value, expected) in Self.pairs {
            #expect(try canonical(value) == expected, "formatting \(value)")
            #expect(JSONNumber(value).text == expected)
        }
    }

    @Test func parsedBeyondDoublePrecision() throws {
        let value = try JSONValue(parsing: "9007199254740993")
        #expect(try JCS.canonicalString(value) == "9007199254740992")
    }

    /// First 1000 lines of the upstream ES6 test file (IEEE-754 hex, expected string).
    @Test func es6TestFileFirstThousand() throws {
        let lines = try Fixtures.text("es6-numbers/es6testfile1k.txt").split(separator: "\n")
        #expect(lines.count == 1000)
        for line in lines {
            let parts = line.split(separator: ",")
            let bits = try #require(UInt64(parts[0], radix: 16))
            let expected = String(parts[1])
            #expect(try canonical(Double(bitPattern: bits)) == expected, "bits \(parts[0])")
        }
    }

    @Test func roundTripsThroughTheParser() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            let text = try canonical(value)
            let reparsed = try JSONValue(parsing: text).numberValue
            #expect(reparsed == value || (value == 0 && reparsed == 0), "value \(value) -> \(text)")
        }
    }
}
