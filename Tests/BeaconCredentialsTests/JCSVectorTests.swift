import BeaconCredentials
import Testing

@Suite("JCS (RFC 8785)")
struct JCSVectorTests {
    @Test(arguments: Fixtures.jcsVectorNames)
    func matchesVectorByteForByte(name: String) throws {
        let input = try Fixtures.json("jcs/input/\(name).json")
        let expected = try Fixtures.bytes("jcs/output/\(name).json")
        let canonical = try JCS.canonicalize(input)
        #expect(canonical == expected)
        #expect(try JCS.canonicalString(input) == String(decoding: expected, as: UTF8.self))
        // outhex holds the same bytes as space-separated hex.
        let outhex = try Fixtures.text("jcs/outhex/\(name).txt")
        let hexBytes = outhex.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }).map { UInt8($0, radix: 16)! }
        #expect(canonical == hexBytes)
    }

    @Test func canonicalizationIsIdempotent() throws {
        for name in Fixtures.jcsVectorNames {
            let once = try JCS.canonicalize(try Fixtures.json("jcs/input/\(name).json"))
            #expect(try JCS.canonicalize(JSONValue(parsing: once)) == once)
        }
    }

    @Test func eddsaJcs2022CredentialAndProofConfig() throws {
        let document = try Fixtures.json("eddsa-jcs-2022/unsigned.json")
        #expect(try JCS.canonicalString(document) == Fixtures.text("eddsa-jcs-2022/canonDocJCS.txt"))
        let proof = try Fixtures.json("eddsa-jcs-2022/proofConfigJCS.json")
        #expect(try JCS.canonicalString(proof) == Fixtures.text("eddsa-jcs-2022/proofCanonJCS.txt"))
    }

    @Test func sortsByUTF16CodeUnitsNotCodePoints() throws {
        // U+FB33 (one unit, 0xFB33) sorts after U+1F602 (units 0xD83D 0xDE02), unlike in UTF-8.
        let value: JSONValue = ["\u{FB33}": 1, "😂": 2, "\u{E000}": 3, "z": 4, "": 5]
        #expect(try JCS.canonicalString(value) == "{\"\":5,\"z\":4,\"😂\":2,\"\u{E000}\":3,\"\u{FB33}\":1}")
    }

    @Test func sortingIsCaseAndByteSensitive() throws {
        let value: JSONValue = ["b": 1, "B": 2, "a": 3, "aa": 4, "A\u{30A}": 5, "\u{C5}": 6]
        #expect(try JCS.canonicalString(value) == "{\"A\u{30A}\":5,\"B\":2,\"a\":3,\"aa\":4,\"b\":1,\"\u{C5}\":6}")
    }

    @Test func escapesOnlyWhatJSONStringifyEscapes() throws {
        let value = JSONValue.string("\"\\/\u{8}\u{C}\n\r\t\u{0}\u{1F}\u{7F}\u{2028}\u{2029}😂é")
        let expected = #""\"\\/\b\f\n\r\t\u0000\u001f"# + "\u{7F}\u{2028}\u{2029}😂é\""
        #expect(try JCS.canonicalString(value) == expected)
    }

    @Test func numbersUseTheDoubleNotTheSourceText() throws {
        let value = try JSONValue(parsing: "[1.50, 1E2, -0, 2e-3, 9007199254740993, 1e-400, 0.1e1]")
        #expect(try JCS.canonicalString(value) == "[1.5,100,0,0.002,9007199254740992,0,1]")
    }

    @Test func nonFiniteNumbersThrow() {
        for number in [Double.nan, .infinity, -.infinity] {
            #expect(throws: JCSError.self) {
                try JCS.canonicalize(.array([.number(JSONNumber(number))]))
            }
        }
    }

    @Test func emptyContainersAndNesting() throws {
        let value = try JSONValue(parsing: #" { "b" : [ { } , [ ] ] , "a" : { "d" : null , "c" : [ true , false ] } } "#)
        #expect(try JCS.canonicalString(value) == #"{"a":{"c":[true,false],"d":null},"b":[{},[]]}"#)
    }
}
