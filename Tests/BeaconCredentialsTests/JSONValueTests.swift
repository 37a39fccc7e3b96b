import BeaconCredentials
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    @Test func accessorsReturnNilForOtherKinds() {
        let value: JSONValue = "text"
        #expect(value.stringValue == "text")
        #expect(value.numberValue == nil)
        #expect(value.boolValue == nil)
        #expect(value.arrayValue == nil)
        #expect(value.objectValue == nil)
        #expect(value["key"] == nil)
    }

    @Test func stringEqualityIsByteExact() {
        #expect(JSONValue.string("\u{C5}") != .string("A\u{30A}"))
        #expect(JSONValue.string("é") == .string("é"))
    }

    @Test func numbersCompareByValue() throws {
        #expect(try JSONValue(parsing: "1.0") == JSONValue(parsing: "1"))
        #expect(try JSONValue(parsing: "1e0") == 1)
        #expect(try JSONValue(parsing: "-0") == JSONValue(parsing: "0"))
        #expect(JSONNumber(.nan) == JSONNumber(.nan))
        #expect(try JSONValue(parsing: "1.0").hashValue == JSONValue(parsing: "1").hashValue)
    }

    @Test func jsonNumberFromText() throws {
        let number = try #require(JSONNumber(text: "1.50"))
        #expect(number.text == "1.50")
        #expect(number.value == 1.5)
        #expect(JSONNumber(text: "01") == nil)
        #expect(JSONNumber(text: " 1") == nil)
        #expect(JSONNumber(text: "1 ") == nil)
        #expect(JSONNumber(text: "0x10") == nil)
        #expect(JSONNumber(text: "inf") == nil)
        #expect(JSONNumber(text: "1e400") == nil)
        #expect(JSONNumber(text: "") == nil)
        #expect(JSONNumber(text: "-0")?.value.sign == .minus)
    }

    @Test func jsonNumberFromDoubleUsesECMAScriptText() {
        #expect(JSONNumber(1).text == "1")
        #expect(JSONNumber(1e21).text == "1e+21")
        #expect(JSONNumber(0.5).text == "0.5")
        #expect(JSONNumber(-0.0).text == "0")
        #expect(JSONNumber(.infinity).text == "Infinity")
        #expect(JSONNumber(-.infinity).text == "-Infinity")
        #expect(JSONNumber(.nan).text == "NaN")
    }

    @Test func literalsBuildTheExpectedTree() {
        let value: JSONValue = ["a": [1, 2.5, "s", true, nil], "b": [:]]
        #expect(value.serialized() == #"{"a":[1,2.5,"s",true,null],"b":{}}"#)
    }
}
