import BeaconJSON
@testable import BeaconLinkedData
import Foundation
import Testing

/// Serves the W3C JSON-LD suite's own files for its remote contexts, from the fixtures.
struct SuiteLoader: DocumentLoader {
    static let prefix = "https://w3c.github.io/json-ld-api/tests/"

    func load(_ url: String) throws(JSONLDError) -> (document: JSONValue, documentURL: String) {
        guard url.hasPrefix(Self.prefix) else { throw JSONLDError("loading document failed", "not a suite URL: \(url)") }
        let relative = String(url.dropFirst(Self.prefix.count))
        guard let data = try? Data(contentsOf: Fixtures.url("json-ld-api/" + relative)), let document = try? JSONValue(parsing: Array(data)) else {
            throw JSONLDError("loading document failed", "no such suite file: \(relative)")
        }
        return (document, url)
    }
}

/// One entry of the expand or toRdf manifest.
struct SuiteTest: Sendable, CustomTestStringConvertible {
    var id: String
    var kind: String
    var input: String
    var expect: String?
    var errorCode: String?
    var base: String?
    var expandContext: String?
    var specVersion: String?
    var processingMode: String?
    var rdfDirection: String?
    var produceGeneralizedRdf: Bool
    var normative: Bool
    var manifest: String
    var testDescription: String { "\(manifest)\(id)" }

    static func load(_ manifest: String) -> [SuiteTest] {
        guard let value = try? Fixtures.json("json-ld-api/\(manifest)-manifest.jsonld"), let sequence = value["sequence"]?.arrayValue else { return [] }
        return sequence.map { entry in
            let types = entry["@type"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let option = entry["option"]
            return SuiteTest(
                id: entry["@id"]?.stringValue ?? "?",
                kind: types.first { $0.hasSuffix("EvaluationTest") || $0.hasSuffix("SyntaxTest") } ?? "?",
                input: entry["input"]?.stringValue ?? "",
                expect: entry["expect"]?.stringValue,
                errorCode: entry["expectErrorCode"]?.stringValue,
                base: option?["base"]?.stringValue,
                expandContext: option?["expandContext"]?.stringValue,
                specVersion: option?["specVersion"]?.stringValue,
                processingMode: option?["processingMode"]?.stringValue,
                rdfDirection: option?["rdfDirection"]?.stringValue,
                produceGeneralizedRdf: option?["produceGeneralizedRdf"]?.boolValue ?? false,
                normative: option?["normative"]?.boolValue ?? true,
                manifest: manifest
            )
        }
    }

    /// Why this test is outside what Beacon's processor does, or nil when it must pass.
    var outOfScope: String? {
        if specVersion == "json-ld-1.0" || processingMode == "json-ld-1.0" {
            return "JSON-LD 1.0 processing mode: Beacon runs 1.1 only, as VC 2.0 requires"
        }
        if rdfDirection == "compound-literal" { return "rdfDirection compound-literal: not used by credentials" }
        if !normative { return "marked non-normative by the suite (behaviour the spec leaves open)" }
        if produceGeneralizedRdf { return "generalized RDF: not RDF, never signed" }
        return nil
    }

    func processor() throws -> JSONLD {
        var processor = JSONLD(loader: SuiteLoader(), safe: false, base: base ?? SuiteLoader.prefix + input)
        if let expandContext {
            processor.expandContext = try SuiteLoader().load(SuiteLoader.prefix + expandContext).document
        }
        processor.rdfDirection = rdfDirection
        return processor
    }

    func inputDocument() throws -> JSONValue {
        try Fixtures.json("json-ld-api/" + input)
    }
}

enum SuiteOutcome: Equatable {
    case passed
    case failed(String)
    case skipped(String)
}

extension SuiteTest {
    func run() -> SuiteOutcome {
        if let reason = outOfScope { return .skipped(reason) }
        do {
            let processor = try processor()
            let document = try inputDocument()
            let negative = kind == "jld:NegativeEvaluationTest"
            func refused(_ error: JSONLDError) -> SuiteOutcome {
                guard negative else { return .failed("unexpected error \"\(error.code)\": \(error.message)") }
                return error.code == errorCode ? .passed : .failed("error \"\(error.code)\", expected \"\(errorCode ?? "")\": \(error.message)")
            }
            if manifest == "expand" {
                let expanded: [JSONValue]
                do {
                    expanded = try processor.expand(document)
                } catch {
                    return refused(error)
                }
                if negative { return .failed("expected error \"\(errorCode ?? "")\", got a result") }
                let expected = try Fixtures.json("json-ld-api/" + expect!)
                return JSONLDCompare.equal(.array(expanded), expected) ? .passed : .failed("got \(JSONValue.array(expanded).serialized())")
            }
            let quads: [Quad]
            do {
                quads = try processor.toRDF(document)
            } catch {
                return refused(error)
            }
            if negative { return .failed("expected error \"\(errorCode ?? "")\", got a result") }
            if kind == "jld:PositiveSyntaxTest" { return .passed }
            let expected = try NQuads.parse(try Fixtures.text("json-ld-api/" + expect!))
            let mine = try RDFC10().canonicalize(quads)
            let theirs = try RDFC10().canonicalize(expected)
            return mine == theirs ? .passed : .failed("got\n\(mine)expected\n\(theirs)")
        } catch {
            return .failed("harness: \(error)")
        }
    }
}

/// JSON-LD's test comparison: arrays are unordered, except the values of `@list`.
enum JSONLDCompare {
    static func equal(_ a: JSONValue, _ b: JSONValue, ordered: Bool = false) -> Bool {
        switch (a, b) {
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            if ordered { return zip(x, y).allSatisfy { equal($0, $1) } }
            var remaining = y
            for item in x {
                guard let match = remaining.firstIndex(where: { equal(item, $0) }) else { return false }
                remaining.remove(at: match)
            }
            return true
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x {
                guard let other = y[key], equal(value, other, ordered: key == "@list") else { return false }
            }
            return true
        default:
            return a == b
        }
    }
}
