import BeaconCredentials
import Testing

@Suite("JSONObject")
struct JSONObjectTests {
    @Test func keepsInsertionOrder() {
        var object = JSONObject()
        object["zeta"] = 1
        object["alpha"] = 2
        object["mid"] = 3
        #expect(object.keys == ["zeta", "alpha", "mid"])
        #expect(object.map(\.key) == ["zeta", "alpha", "mid"])
        #expect(object.count == 3)
    }

    @Test func settingExistingKeyReplacesInPlace() {
        var object = JSONObject([("a", 1), ("b", 2), ("c", 3)])
        object["b"] = "two"
        #expect(object.keys == ["a", "b", "c"])
        #expect(object["b"] == "two")
    }

    @Test func settingNilRemoves() {
        var object = JSONObject([("a", 1), ("b", 2), ("c", 3)])
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(object["b"] == nil)
        object["missing"] = nil
        #expect(object.count == 2)
        object["b"] = 4
        #expect(object.keys == ["a", "c", "b"])
    }

    @Test func explicitNullIsAValueNotARemoval() {
        var object = JSONObject()
        object["a"] = .null
        #expect(object.count == 1)
        #expect(object["a"] == .null)
    }

    @Test func repeatedKeyInPairsReplacesEarlierValue() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
    }

    @Test func iterationYieldsLabelledPairs() {
        let object: JSONObject = ["x": true, "y": nil]
        var seen: [String] = []
        for (key, value) in object {
            seen.append("\(key)=\(value.boolValue.map(String.init) ?? "null")")
        }
        #expect(seen == ["x=true", "y=null"])
        var iterator = object.makeIterator()
        #expect(iterator.next()?.key == "x")
        #expect(iterator.next()?.value == .null)
        #expect(iterator.next() == nil)
    }

    @Test func largeObjectLookupsAndRemovalsStayConsistent() {
        // Crosses the size where a key index is built, then removes across it again.
        var object = JSONObject()
        for i in 0..<40 { object["k\(i)"] = .number(JSONNumber(Double(i))) }
        #expect(object["k39"]?.numberValue == 39)
        for i in stride(from: 0, to: 40, by: 2) { object["k\(i)"] = nil }
        #expect(object.count == 20)
        #expect(object["k0"] == nil)
        #expect(object["k1"]?.numberValue == 1)
        #expect(object["k39"]?.numberValue == 39)
        object["k1"] = "replaced"
        #expect(object.keys.first == "k1")
        #expect(object["k1"] == "replaced")
        for i in 0..<40 where i % 2 == 1 && i > 5 { object["k\(i)"] = nil }
        #expect(object.keys == ["k1", "k3", "k5"])
        object["new"] = 1
        #expect(object["new"] == 1)
        #expect(object["k3"]?.numberValue == 3)
    }

    @Test func keysAreMatchedByteForByte() {
        var object = JSONObject()
        object["\u{C5}"] = 1
        object["A\u{30A}"] = 2  // canonically equivalent, but a different key in JSON
        #expect(object.count == 2)
        #expect(object["\u{C5}"] == 1)
        #expect(object["A\u{30A}"] == 2)
    }

    @Test func equalityIgnoresOrderButNotContent() {
        let a: JSONObject = ["a": 1, "b": [true]]
        let b: JSONObject = ["b": [true], "a": 1]
        let c: JSONObject = ["a": 1, "b": [false]]
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != c)
        #expect(Set([JSONValue.object(a), .object(b), .object(c)]).count == 2)
    }
}
