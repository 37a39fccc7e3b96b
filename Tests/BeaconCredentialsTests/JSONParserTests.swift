import BeaconCredentials
import Testing

@Suite("JSON parser")
struct JSONParserTests {
    @Test func parsesAllValueKinds() throws {
        let value = try JSONValue(parsing: #" {"a": [1, -2.5e3, true, false, null, "x"], "b": {}} "#)
        #expect(value["a"]?.arrayValue?.count == 6)
        #expect(value["a"]?.arrayValue?[0].numberValue == 1)
        #expect(value["a"]?.arrayValue?[1].numberValue == -2500)
        #expect(value["a"]?.arrayValue?[2].boolValue == true)
        #expect(value["a"]?.arrayValue?[4] == .null)
        #expect(value["a"]?.arrayValue?[5].stringValue == "x")
        #expect(value["b"]?.objectValue?.count == 0)
        #expect(value["missing"] == nil)
        #expect(JSONValue.string("s")["a"] == nil)
    }

    @Test func bareScalarsAtTopLevel() throws {
        #expect(try JSONValue(parsing: "null") == .null)
        #expect(try JSONValue(parsing: " true\n") == .bool(true))
        #expect(try JSONValue(parsing: "\"hi\"").stringValue == "hi")
        #expect(try JSONValue(parsing: "42").numberValue == 42)
    }

    @Test func duplicateKeyRejected() {
        let error = parseError(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(error?.kind == .duplicateKey("a"))
        #expect(error?.offset == 17)
    }

    @Test func nestedDuplicateKeyRejected() {
        let error = parseError(#"{"outer": [{"id": 1, "id": 2}]}"#)
        #expect(error?.kind == .duplicateKey("id"))
    }

    @Test func duplicateDetectionIsByteExact() throws {
        // "Å" precomposed vs decomposed: Swift calls them equal, JSON does not.
        let value = try JSONValue(parsing: #"{"\u00c5": 1, "A\u030a": 2}"#)
        #expect(value.objectValue?.count == 2)
        #expect(value["\u{C5}"]?.numberValue == 1)
        #expect(value["A\u{30A}"]?.numberValue == 2)
        // Escaped and literal spellings of the same key are the same key.
        #expect(parseError(#"{"é": 1, "\u00e9": 2}"#)?.kind == .duplicateKey("é"))
    }

    @Test func duplicateKeyInLargeObjectRejected() {
        let members = (0..<100).map { "\"k\($0)\": \($0)" }.joined(separator: ",")
        #expect(parseError("{\(members), \"k57\": 0}")?.kind == .duplicateKey("k57"))
    }

    @Test(arguments: ["1 2", "{} x", "[1]]", "null,", "\"a\" \"b\""])
    func trailingGarbageRejected(input: String) {
        #expect(parseError(input)?.kind == .trailingGarbage)
    }

    @Test func trailingWhitespaceAccepted() throws {
        #expect(try JSONValue(parsing: "[1] \t\r\n") == .array([1]))
    }

    @Test func invalidUTF8Rejected() {
        // C3 28: lead byte without a continuation byte.
        #expect(parseError([0x22, 0xC3, 0x28, 0x22])?.kind == .invalidUTF8)
        #expect(parseError([0x22, 0xC3, 0x28, 0x22])?.offset == 1)
        // ED A0 80: UTF-8-encoded surrogate U+D800.
        #expect(parseError([0x22, 0xED, 0xA0, 0x80, 0x22])?.kind == .invalidUTF8)
        // Overlong encodings of "/" and of U+0000, and a code point above U+10FFFF.
        #expect(parseError([0x22, 0xC0, 0xAF, 0x22])?.kind == .invalidUTF8)
        #expect(parseError([0x22, 0xE0, 0x80, 0x80, 0x22])?.kind == .invalidUTF8)
        #expect(parseError([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22])?.kind == .invalidUTF8)
        // Truncated sequence at the end of the input, and a stray continuation byte.
        #expect(parseError([0x22, 0xE2, 0x82])?.kind == .invalidUTF8)
        #expect(parseError([0x22, 0x80, 0x22])?.kind == .invalidUTF8)
        // Outside a string too.
        #expect(parseError([0xC3, 0x28])?.kind == .invalidUTF8)
        #expect(parseError([0x5B, 0x31, 0x5D, 0xFF])?.kind == .invalidUTF8)
    }

    @Test func validMultibyteUTF8Accepted() throws {
        let value = try JSONValue(parsing: Array("\"é€😂\u{10FFFF}\"".utf8))
        #expect(value.stringValue == "é€😂\u{10FFFF}")
    }

    @Test func byteOrderMarkRejected() {
        #expect(parseError([0xEF, 0xBB, 0xBF, 0x31])?.kind == .unexpectedCharacter)
    }

    @Test func surrogatePairEscapeDecoded() throws {
        #expect(try JSONValue(parsing: #""\ud83d\ude02""#).stringValue == "😂")
        #expect(try JSONValue(parsing: #""\uD83D\uDE02""#).stringValue == "😂")
    }

    @Test(arguments: [#""\ud800""#, #""\udc00""#, #""\ud800x""#, #""\ud800\n""#, #""\ud800\u0041""#, #""\ude02\ud83d""#])
    func loneSurrogateEscapeRejected(input: String) {
        #expect(parseError(input)?.kind == .invalidEscape)
    }

    @Test(arguments: [#""\x""#, #""\U0041""#, #""\u00g0""#, #""\'""#, #""\0""#])
    func invalidEscapeRejected(input: String) {
        #expect(parseError(input)?.kind == .invalidEscape)
    }

    @Test func validEscapesDecoded() throws {
        let value = try JSONValue(parsing: #""\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC""#)
        #expect(value.stringValue == "\"\\/\u{8}\u{C}\n\r\tAé€")
    }

    @Test func escapedNulAccepted() throws {
        let value = try JSONValue(parsing: #""a\u0000b""#)
        #expect(value.stringValue == "a\u{0}b")
        #expect(value.stringValue?.utf8.count == 3)
    }

    @Test func rawControlCharactersInStringsRejected() {
        #expect(parseError("\"a\tb\"")?.kind == .invalidString)
        #expect(parseError("\"a\tb\"")?.offset == 2)
        #expect(parseError("\"a\nb\"")?.kind == .invalidString)
        #expect(parseError([0x22, 0x00, 0x22])?.kind == .invalidString)
        #expect(parseError("\"\\n\u{1F}\"")?.kind == .invalidString)
        // DEL is not a control character for JSON.
        #expect(parseError("\"\u{7F}\"") == nil)
    }

    @Test func depthLimitEnforced() throws {
        #expect(parseError(nested(depth: 64)) == nil)
        let error = parseError(nested(depth: 65))
        #expect(error?.kind == .tooDeep)
        #expect(error?.offset == 64)
        #expect(parseError(String(repeating: "{\"a\":", count: 65) + "1" + String(repeating: "}", count: 65))?.kind == .tooDeep)
        var limits = JSONLimits()
        limits.maxDepth = 2
        #expect(parseError("[[1]]", limits: limits) == nil)
        #expect(parseError("[[[1]]]", limits: limits)?.kind == .tooDeep)
    }

    @Test func hugeNestingFailsFastWithoutRecursing() {
        // Far deeper than any stack could take if the parser recursed before checking.
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect(parseError(deep)?.kind == .tooDeep)
    }

    @Test func oversizedInputRejectedQuickly() {
        let big = [UInt8](repeating: UInt8(ascii: " "), count: 11 << 20)
        let clock = ContinuousClock()
        var error: JSONError?
        let elapsed = clock.measure { error = parseError(big) }
        #expect(error?.kind == .tooLarge)
        #expect(elapsed < .milliseconds(50))
        let bigText = String(repeating: " ", count: 11 << 20)
        #expect(parseError(bigText)?.kind == .tooLarge)
        var limits = JSONLimits()
        limits.maxBytes = 4
        #expect(parseError("[1,2]", limits: limits)?.kind == .tooLarge)
        #expect(parseError("[12]", limits: limits) == nil)
    }

    @Test(arguments: ["01", "-01", "00", "[01]"])
    func leadingZerosRejected(input: String) {
        #expect(parseError(input)?.kind == .invalidNumber)
    }

    @Test(arguments: ["1.", "1.e5", "1e", "1e+", "-", "-a", "[-]", "[1.]"])
    func malformedNumbersRejected(input: String) {
        #expect(parseError(input)?.kind == .invalidNumber)
    }

    @Test(arguments: [".5", "+1", "NaN", "Infinity", "-Infinity"])
    func nonJSONNumberSpellingsRejected(input: String) {
        let kind = parseError(input)?.kind
        #expect(kind == .unexpectedCharacter || kind == .invalidNumber)
    }

    @Test func numbersKeepTextAndValue() throws {
        let value = try JSONValue(parsing: "[-0, 0, 1.50, 1E2, 2e-3, 9007199254740993, 1e-400]")
        let items = try #require(value.arrayValue)
        let numbers = items.compactMap { item -> JSONNumber? in
            if case .number(let n) = item { n } else { nil }
        }
        #expect(numbers.map(\.text) == ["-0", "0", "1.50", "1E2", "2e-3", "9007199254740993", "1e-400"])
        #expect(numbers[0].value == 0 && numbers[0].value.sign == .minus)
        #expect(numbers[2].value == 1.5)
        #expect(numbers[3].value == 100)
        #expect(numbers[4].value == 0.002)
        #expect(numbers[5].value == 9_007_199_254_740_992)
        #expect(numbers[6].value == 0)  // underflow is not out of range
    }

    @Test(arguments: ["1E400", "-1e400", "[1e309]", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792"])
    func overflowingNumbersOutOfRange(input: String) {
        #expect(parseError(input)?.kind == .numberOutOfRange)
    }

    @Test func largestDoubleAccepted() throws {
        #expect(try JSONValue(parsing: "1.7976931348623157e308").numberValue == .greatestFiniteMagnitude)
    }

    @Test(arguments: ["", " ", "[", "[1,", "{", "{\"a\"", "{\"a\":", "\"abc", "tru", "nul", "\"\\u12"])
    func truncatedInputIsUnexpectedEnd(input: String) {
        #expect(parseError(input)?.kind == .unexpectedEnd)
    }

    @Test(arguments: ["[1,]", "{\"a\":1,}", "{a:1}", "[1 2]", "{\"a\" 1}", "trux", "[,1]", "{,}", "'a'"])
    func structuralErrorsAreUnexpectedCharacter(input: String) {
        #expect(parseError(input)?.kind == .unexpectedCharacter)
    }

    @Test func errorDescriptionIsOneLineWithOffset() {
        let error = parseError("{\"a\n\":1,\"a\\n\":2}")
        // Raw newline in a key is itself an error; use an escaped one for the duplicate.
        #expect(error?.kind == .invalidString)
        let duplicate = parseError(#"{"a\nb":1,"a\nb":2}"#)
        #expect(duplicate?.kind == .duplicateKey("a\nb"))
        let text = duplicate?.description ?? ""
        #expect(!text.contains("\n"))
        #expect(text.contains("byte offset 10"))
        #expect(parseError("[1 2]")?.description == "Unexpected character at byte offset 3")
    }

    @Test func stringAndBytesEntryPointsAgree() throws {
        let text = #"{"k": ["é", 1.0, {"n": null}]}"#
        #expect(try JSONValue(parsing: text) == JSONValue(parsing: Array(text.utf8)))
        // Offsets are UTF-8 byte offsets for String input as well.
        #expect(parseError("[\"é\" 1]")?.offset == 6)
    }
}
