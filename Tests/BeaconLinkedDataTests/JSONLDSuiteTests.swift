import BeaconJSON
import BeaconLinkedData
import Foundation
import Testing

/// The W3C JSON-LD 1.1 API expand and toRdf suites, every test, from the manifests.
struct JSONLDSuiteTests {
    static let expandTests = SuiteTest.load("expand")
    static let toRdfTests = SuiteTest.load("toRdf")

    @Test func theManifestsAreComplete() {
        #expect(Self.expandTests.count == 385)
        #expect(Self.toRdfTests.count == 467)
    }

    @Test(arguments: expandTests)
    func expand(_ test: SuiteTest) {
        if case .failed(let why) = test.run() { Issue.record("\(test.id): \(why)") }
    }

    @Test(arguments: toRdfTests)
    func toRdf(_ test: SuiteTest) {
        if case .failed(let why) = test.run() { Issue.record("\(test.id): \(why)") }
    }
}

extension JSONLDSuiteTests {
    /// The honest count, written where docs/certificates.md quotes it from: every test is run,
    /// none fails, and the ones out of scope are counted with their reason.
    @Test func theTally() throws {
        var lines: [String] = []
        for (name, tests) in [("expand", Self.expandTests), ("toRdf", Self.toRdfTests)] {
            var passed = 0
            var skipped: [String: Int] = [:]
            var failed = 0
            for test in tests {
                switch test.run() {
                case .passed: passed += 1
                case .skipped(let why): skipped[why, default: 0] += 1
                case .failed: failed += 1
                }
            }
            #expect(failed == 0)
            lines.append("\(name): \(tests.count) tests, \(passed) passed, \(failed) failed, \(skipped.values.reduce(0, +)) out of scope")
            for (why, count) in skipped.sorted(by: { $0.key < $1.key }) { lines.append("  \(count) × \(why)") }
        }
        print(lines.joined(separator: "\n"))
    }
}
