import BeaconCredentials
import Testing

@Suite("JSON serialization")
struct JSONSerializationTests {
    @Test func compactKeepsKeyOrderAndNumberText() throws {
        let text = #"{"z":1.50,"a":[1E2,-0,"x"],"m":{"q":null,"b":false}}"#
        #expect(try JSONValue(parsing: text).serialized() == text)
    }

    @Test func prettyUsesTwoSpaceIndent() throws {
        let value = try JSONValue(parsing: #"{"b":[1,{"c":true}],"a":{},"e":[],"s":"x"}"#)
        let expected = """
        {
          "b": [
            1,
            {
              "c": true
            }
          ],
          "a": {},
          "e": [],
          "s": "x"
        }
        """
        #expect(value.serialized(pretty: true) == expected)
    }

    @Test func scalarsSerialize() {
        #expect(JSONValue.null.serialized() == "null")
        #expect(JSONValue.bool(false).serialized(pretty: true) == "false")
        #expect(JSONValue.string("a\"b\\c\u{1}\u{2028}😂").serialized() == "\"a\\\"b\\\\c\\u0001\u{2028}😂\"")
    }

    @Test func nonFiniteNumbersSerializeAsNull() {
        let value: JSONValue = [.number(JSONNumber(.nan)), .number(JSONNumber(.infinity))]
        #expect(value.serialized() == "[null,null]")
    }

    @Test(arguments: Fixtures.jcsVectorNames)
    func roundTripsJCSVectors(name: String) throws {
        let value = try Fixtures.json("jcs/input/\(name).json")
        for pretty in [false, true] {
            let text = value.serialized(pretty: pretty)
            let reparsed = try JSONValue(parsing: text)
            #expect(reparsed == value)
            // Order and number text survive too, so the text is a fixed point.
            #expect(reparsed.serialized(pretty: pretty) == text)
            #expect(reparsed.objectValue?.keys == value.objectValue?.keys)
        }
    }

    @Test(arguments: ["eddsa-jcs-2022/unsigned.json", "did-key/ed25519-x25519.json"])
    func roundTripsCredentialDocuments(path: String) throws {
        let value = try Fixtures.json(path)
        #expect(try JSONValue(parsing: value.serialized()) == value)
        #expect(try JSONValue(parsing: value.serialized(pretty: true)) == value)
    }

    @Test func sourceKeyOrderPreserved() throws {
        let value = try Fixtures.json("jcs/input/weird.json")
        #expect(value.objectValue?.keys == ["\u{20AC}", "\r", "\n", "1", "\u{80}", "😂", "ö", "\u{FB33}", "</script>"])
    }
}
