import Foundation
import Testing
@testable import BeaconCredentials

/// A signed Open Badges credential and the status lists for it, made fresh for each test.
struct Issued {
    var key = SigningKey.generate()
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let base = "https://beacon.example/org"
    var index = 4_242

    func content(validFrom: Date? = nil, validUntil: Date? = nil) -> BadgeContent {
        BadgeContent(
            id: "urn:uuid:0f3a6c2e-1d4b-4b43-9a51-5c8f0e2d7a10", issuer: key.didKey, issuerName: "Beacon Test Org",
            issuerURL: "https://beacon.example", holderName: "Sam Lee",
            achievementId: "urn:beacon:program:sample:sample-cert", achievementName: "Sample Certificate in Listening",
            achievementDescription: "Shows how a program combines requirements.", criteria: "The holder completed the modules.",
            validFrom: validFrom ?? now.addingTimeInterval(-86_400), validUntil: validUntil ?? now.addingTimeInterval(365 * 86_400),
            statusIndex: index, statusBaseURL: base, replaces: nil
        )
    }

    func credential(validFrom: Date? = nil, validUntil: Date? = nil) throws -> JSONObject {
        try DataIntegrity.sign(OpenBadgeCredential.unsigned(content(validFrom: validFrom, validUntil: validUntil)), with: key,
                               created: CredentialVerifier.timestamp(now), proofAsArray: true)
    }

    func lists(revoked: Bool = false, suspended: Bool = false) throws -> [String: JSONObject] {
        var result: [String: JSONObject] = [:]
        for (purpose, set) in [("revocation", revoked), ("suspension", suspended)] {
            var bits = BitstringStatusList()
            if set { try bits.set(index, true) }
            let list = try DataIntegrity.sign(
                StatusListCredential.unsigned(base: base, purpose: purpose, issuer: key.didKey, list: bits, validFrom: now), with: key,
                created: CredentialVerifier.timestamp(now)
            )
            result[StatusListCredential.url(base: base, purpose: purpose)] = list
        }
        return result
    }

    func verifier(revoked: Bool = false, suspended: Bool = false, trusted: Bool = true) throws -> CredentialVerifier {
        CredentialVerifier(trustedIssuers: trusted ? [key.didKey.did] : [], now: now, statusLists: try lists(revoked: revoked, suspended: suspended))
    }
}

@Suite struct VerifierTests {
    @Test func aGoodCredentialPassesAllFourChecks() throws {
        let issued = Issued()
        let report = try issued.verifier().verify(try issued.credential())
        #expect(report.verified, "\(report.problems)")
        #expect(report.checks == .init(signature: "valid", issuer: "trusted", validity: "current", status: "active"))
        #expect(report.problems.isEmpty)
        #expect(report.credential.holder == "Sam Lee")
        #expect(report.credential.achievement == "Sample Certificate in Listening")
        #expect(report.credential.issuer == "Beacon Test Org")
    }

    @Test func eachFailureIsNamedOnItsOwn() throws {
        let issued = Issued()
        let credential = try issued.credential()
        let revoked = try issued.verifier(revoked: true).verify(credential)
        #expect(!revoked.verified && revoked.checks.status == "revoked" && revoked.checks.signature == "valid")
        let suspended = try issued.verifier(suspended: true).verify(credential)
        #expect(!suspended.verified && suspended.checks.status == "suspended")
        let untrusted = try issued.verifier(trusted: false).verify(credential)
        #expect(!untrusted.verified && untrusted.checks.issuer == "untrusted" && untrusted.checks.signature == "valid")
        let expired = try issued.verifier().verify(try issued.credential(validUntil: issued.now.addingTimeInterval(-1)))
        #expect(!expired.verified && expired.checks.validity == "expired")
        let early = try issued.verifier().verify(try issued.credential(validFrom: issued.now.addingTimeInterval(3600)))
        #expect(!early.verified && early.checks.validity == "not-yet-valid")
        var noLists = try issued.verifier()
        noLists.statusLists = [:]
        let unchecked = noLists.verify(credential)
        #expect(!unchecked.verified && unchecked.checks.status == "unchecked")
        #expect(unchecked.problems.contains { $0.contains("status could not be checked") })
        for report in [revoked, suspended, untrusted, expired, early, unchecked] {
            #expect(report.problems.count == 1, "one line per failure: \(report.problems)")
        }
    }

    @Test func aStatusListSignedBySomeoneElseIsNotBelieved() throws {
        let issued = Issued()
        var forged = try issued.lists()
        let stranger = SigningKey.generate()
        let url = StatusListCredential.url(base: issued.base, purpose: "revocation")
        forged[url] = try DataIntegrity.sign(
            StatusListCredential.unsigned(base: issued.base, purpose: "revocation", issuer: stranger.didKey, list: BitstringStatusList(), validFrom: issued.now),
            with: stranger, created: CredentialVerifier.timestamp(issued.now)
        )
        let verifier = CredentialVerifier(trustedIssuers: [issued.key.didKey.did], now: issued.now, statusLists: forged)
        let report = verifier.verify(try issued.credential())
        #expect(!report.verified && report.checks.status == "unchecked")
    }

    @Test func aStatusListPastItsValidUntilIsNotUsed() throws {
        let issued = Issued()
        let url = StatusListCredential.url(base: issued.base, purpose: "revocation")
        func verifier(revocationList edit: (inout JSONObject) -> Void) throws -> CredentialVerifier {
            var lists = try issued.lists()
            var unsigned = try StatusListCredential.unsigned(base: issued.base, purpose: "revocation", issuer: issued.key.didKey,
                                                             list: BitstringStatusList(), validFrom: issued.now)
            edit(&unsigned)
            lists[url] = try DataIntegrity.sign(unsigned, with: issued.key, created: CredentialVerifier.timestamp(issued.now))
            return CredentialVerifier(trustedIssuers: [issued.key.didKey.did], now: issued.now, statusLists: lists)
        }
        let credential = try issued.credential()
        let expired = try verifier { $0["validUntil"] = .string(CredentialVerifier.timestamp(issued.now.addingTimeInterval(-1))) }.verify(credential)
        #expect(!expired.verified && expired.checks.status == "unchecked", "\(expired.checks)")
        #expect(expired.problems.contains { $0.contains("expired on") && $0.contains(url) })
        let unreadable = try verifier { $0["validUntil"] = 1_900_000_000 }.verify(credential)
        #expect(!unreadable.verified && unreadable.problems.contains { $0.contains("validUntil is not a date") })
        let current = try verifier { $0["validUntil"] = .string(CredentialVerifier.timestamp(issued.now.addingTimeInterval(60))) }.verify(credential)
        #expect(current.verified, "\(current.problems)")
        // Signed by a server whose clock runs a minute ahead: still the freshest list there is.
        let ahead = try verifier { $0["validFrom"] = .string(CredentialVerifier.timestamp(issued.now.addingTimeInterval(60))) }.verify(credential)
        #expect(ahead.verified, "\(ahead.problems)")
    }

    /// Every value of a signed credential changed in turn: not one change may still verify.
    @Test func theTamperCorpusHasZeroFalseAccepts() throws {
        let issued = Issued()
        let credential = try issued.credential()
        let verifier = try issued.verifier()
        #expect(tamperEveryValue(credential, verifier) > 50)
        // Removing any field, too.
        for path in leafPaths(.object(credential)) where path.first != "proof" && path.count == 1 {
            var removed = credential
            removed[path[0]] = nil
            #expect(!verifier.verify(removed).verified, "removing \(path[0]) still verified")
        }
    }

    @Test func unreadableInputIsAParseFailureWithItsReason() throws {
        let issued = Issued()
        let text = JSONValue.object(try issued.credential()).serialized()
        let verifier = try issued.verifier()
        let duplicated = text.replacingOccurrences(of: "\"name\":", with: "\"name\":\"x\",\"name\":", options: [], range: text.range(of: "\"name\":"))
        guard case .failure(let error) = verifier.verify(bytes: Array(duplicated.utf8)) else {
            Issue.record("a duplicated key must not parse")
            return
        }
        #expect(error.message.contains("name"))
        guard case .failure = verifier.verify(bytes: Array((text + " garbage").utf8)) else {
            Issue.record("trailing garbage must not parse")
            return
        }
        let huge = Array(("[" + String(repeating: "1,", count: 5_500_000) + "1]").utf8)
        let started = Date()
        guard case .failure = verifier.verify(bytes: huge) else {
            Issue.record("an 11 MB input must be refused")
            return
        }
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test func issuedCredentialsMatchTheOpenBadgesSchema() throws {
        let issued = Issued()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ob-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(JSONValue.object(try issued.credential()).serialized().utf8).write(to: file)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.validate(json.load(open(sys.argv[2])), schema, format_checker=jsonschema.FormatChecker())
            print("valid")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, Fixtures.root.appendingPathComponent("openbadges/ob_v3p0_achievementcredential_schema.json").path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && output.contains("valid"), "\(output)")
    }
}

// MARK: Walking and changing JSON

func leafPaths(_ value: JSONValue, _ prefix: [String] = []) -> [[String]] {
    switch value {
    case .object(let object): object.flatMap { leafPaths($0.value, prefix + [$0.key]) }
    case .array(let items): items.indices.flatMap { leafPaths(items[$0], prefix + ["\($0)"]) }
    default: [prefix]
    }
}

func value(at path: [String], in root: JSONValue) -> JSONValue {
    path.reduce(root) { current, step in
        switch current {
        case .object(let object): object[step] ?? .null
        case .array(let items): Int(step).flatMap { items.indices.contains($0) ? items[$0] : nil } ?? .null
        default: .null
        }
    }
}

func replacing(_ path: [String], with new: JSONValue, in root: JSONValue) -> JSONValue {
    guard let step = path.first else { return new }
    switch root {
    case .object(var object):
        object[step] = replacing(Array(path.dropFirst()), with: new, in: object[step] ?? .null)
        return .object(object)
    case .array(var items):
        guard let index = Int(step), items.indices.contains(index) else { return root }
        items[index] = replacing(Array(path.dropFirst()), with: new, in: items[index])
        return .array(items)
    default:
        return root
    }
}

/// Changes every value of `credential` in turn (never its proofs) and expects each change to be
/// refused with an invalid signature; returns how many were tried.
func tamperEveryValue(_ credential: JSONObject, _ verifier: CredentialVerifier, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    var tried = 0
    for path in leafPaths(.object(credential)) where path.first != "proof" {
        for mutation in mutations(of: value(at: path, in: .object(credential))) {
            guard case .object(let tampered) = replacing(path, with: mutation, in: .object(credential)) else { continue }
            tried += 1
            let report = verifier.verify(tampered)
            #expect(!report.verified && report.checks.signature == "invalid", "changing \(path.joined(separator: ".")) to \(mutation): \(report.checks)", sourceLocation: sourceLocation)
        }
    }
    return tried
}

func mutations(of value: JSONValue) -> [JSONValue] {
    switch value {
    case .string(let text): [.string(text + "x"), .string(String(text.dropLast())), .null, .number(JSONNumber(1))]
    case .bool(let flag): [.bool(!flag), .string(String(flag))]
    case .number(let number): [.number(JSONNumber(number.value + 1)), .string(number.text)]
    case .null: [.bool(false)]
    default: []
    }
}

@Suite struct DateParsingTests {
    @Test(arguments: [
        ("2023-01-01T00:00:00Z", 1_672_531_200.0),
        ("2026-11-27T03:51:28Z", 1_795_751_488.0),
        ("2000-02-29T12:00:00+02:00", 951_818_400.0),
        ("1969-12-31T23:59:59.5Z", -0.5),
        ("2024-06-01T00:00:00-05:30", 1_717_219_800.0),
    ])
    func parsesDateTimeStamps(text: String, seconds: Double) throws {
        #expect(try #require(CredentialVerifier.date(text)).timeIntervalSince1970 == seconds)
    }

    @Test(arguments: ["2023-01-01T00:00:00", "2023-13-01T00:00:00Z", "2023-01-01 00:00:00Z", "2023-01-01T00:00:00Zjunk", "", "2023-01-01T25:00:00Z", "2023-01-01T00:00:00.Z"])
    func refusesWhatIsNotOne(text: String) {
        #expect(CredentialVerifier.date(text) == nil)
    }

    @Test func agreesWithFoundation() throws {
        let formatter = ISO8601DateFormatter()
        for seconds in stride(from: -2_000_000_000.0, to: 4_000_000_000.0, by: 123_456_789.0) {
            let text = formatter.string(from: Date(timeIntervalSince1970: seconds))
            #expect(CredentialVerifier.date(text) == formatter.date(from: text), "\(text)")
        }
    }
}
