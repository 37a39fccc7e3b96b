import Foundation
import Testing

/// From a trainee finishing the sample course to a verified certificate, through suspension,
/// renewal and revocation, all through the real `beacon` commands.
@Suite struct CertificationFlowTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-cert-\(UUID().uuidString)")

    func beacon(_ arguments: [String], input: String = "", environment: [String: String?] = [:]) throws -> (status: Int32, output: String) {
        try LearnCommandTests().beacon(arguments, home: home, input: input, environment: environment)
    }

    func verify(_ file: URL, extra: [String] = []) throws -> (Int32, [String: Any]) {
        let run = try beacon(["verify", file.path, "--json"] + extra)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.output)")
        return (run.status, object)
    }

    @Test func finishIssueVerifySuspendRenewRevoke() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        // Not eligible before learning, and issuing is refused.
        _ = try beacon(["learn", "curricula/sample", "--plain", "--trainee", "sam"], input: "q\n")
        let early = try beacon(["eligibility", "--trainee", "sam", "--course", "curricula/sample"])
        #expect(early.status == 1 && early.output.contains("missing"))
        #expect(try beacon(["keys", "init", "--issuer-name", "Test Peer Academy", "--public-url", "https://academy.example", "--for-testing"]).status == 0)
        let refused = try beacon(["issue", "--trainee", "sam", "--course", "curricula/sample"])
        #expect(refused.status != 0 && refused.output.contains("not eligible"))

        // Finish the course.
        let answers = LearnCommandTests.answers.joined(separator: "\n") + "\n"
        #expect(try beacon(["learn", "curricula/sample", "--plain", "--trainee", "sam", "--seed", "1"], input: answers).status == 0)
        let eligible = try beacon(["eligibility", "--trainee", "sam", "--course", "curricula/sample", "--json"])
        #expect(eligible.status == 0, "\(eligible.output)")

        // Issue and verify; the certificate carries the legal name an admin confirmed.
        #expect(try beacon(["trainee", "legal-name", "sam", "--name", "sam"]).status == 0)
        let first = home.appendingPathComponent("first.json")
        let issued = try beacon(["issue", "--trainee", "sam", "--course", "curricula/sample", "-o", first.path])
        #expect(issued.status == 0, "\(issued.output)")
        let mode = try FileManager.default.attributesOfItem(atPath: first.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let text = try String(contentsOf: first, encoding: .utf8)
        #expect(text.contains("Sam") && text.contains("OpenBadgeCredential") && !text.contains("thinking about suicide"))
        var (status, report) = try verify(first)
        #expect(status == 0 && report["verified"] as? Bool == true, "\(report)")
        let id = try #require((report["credential"] as? [String: Any])?["id"] as? String)

        // Suspend, then reinstate.
        #expect(try beacon(["suspend", id, "--reason", "investigation"]).status == 0)
        (status, report) = try verify(first)
        #expect(status == 1 && (report["checks"] as? [String: String])?["status"] == "suspended")
        #expect(try beacon(["reinstate", id, "--reason", "investigation-closed"]).status == 0)
        (status, _) = try verify(first)
        #expect(status == 0)
        // A well-formed request that cannot be done is refused (exit 1), not called misuse (exit 2).
        let twice = try beacon(["reinstate", id, "--reason", "investigation-closed"])
        #expect(twice.status == 1 && twice.output.contains("already active") && !twice.output.contains("USAGE"), "\(twice.output)")

        // A bad reason code is refused with the list of good ones.
        let bad = try beacon(["revoke", id, "--reason", "because", "--yes"])
        #expect(bad.status != 0 && bad.output.contains("misconduct"))

        // Renew: a new credential that names the old one.
        let second = home.appendingPathComponent("second.json")
        #expect(try beacon(["renew", id, "--course", "curricula/sample", "-o", second.path]).status == 0)
        #expect(try String(contentsOf: second, encoding: .utf8).contains("\"relatedResource\": [\n    {\n      \"id\": \"\(id)\",\n      \"digestSRI\": \"sha384-"))
        (status, report) = try verify(second)
        #expect(status == 0, "\(report)")

        // Revoke the old one: it asks first, and anything but yes changes nothing.
        let declined = try beacon(["revoke", id, "--reason", "superseded"], input: "no\n")
        #expect(declined.status == 1 && declined.output.contains("This is final") && declined.output.contains("Nothing was changed"), "\(declined.output)")
        (status, _) = try verify(first)
        #expect(status == 0, "declining left it as it was")
        let revoked = try beacon(["revoke", id, "--reason", "superseded", "--note", "replaced by the renewal"], input: "yes\n")
        #expect(revoked.status == 0, "\(revoked.output)")
        #expect(try beacon(["audit", "list"]).output.contains("replaced by the renewal"), "the note is in the audit log")
        (status, report) = try verify(first)
        #expect(status == 1 && (report["checks"] as? [String: String])?["status"] == "revoked")
        (status, _) = try verify(second)
        #expect(status == 0)

        // Offline, elsewhere: with the exported status lists and a trust file, no local database.
        let lists = home.appendingPathComponent("lists")
        #expect(try beacon(["status-list", "export", "-o", lists.path]).status == 0)
        let keys = try beacon(["keys", "list", "--json"])
        let did = try #require((try JSONSerialization.jsonObject(with: Data(keys.output.utf8)) as? [[String: String]])?.first?["did"])
        let trust = home.appendingPathComponent("trust.json")
        try Data(#"{"trusted":[{"did":"\#(did)","added":"2026-11-27T00:00:00Z"}]}"#.utf8).write(to: trust)
        let elsewhere = CertificationFlowTests()
        let offline = try elsewhere.beacon(["verify", first.path, "--json", "--trust", trust.path,
                                            "--status-list", lists.appendingPathComponent("revocation.json").path,
                                            "--status-list", lists.appendingPathComponent("suspension.json").path])
        #expect(offline.status == 1 && offline.output.contains("\"status\" : \"revoked\""), "\(offline.output)")
        let noLists = try elsewhere.beacon(["verify", second.path, "--json", "--trust", trust.path])
        #expect(noLists.status == 1 && noLists.output.contains("status could not be checked"))

        // The audit log has every step, and it is intact.
        let audit = try beacon(["audit", "verify"])
        #expect(audit.status == 0 && audit.output.contains("intact"), "\(audit.output)")
    }

    @Test func verifyExitCodesFollowTheContract() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let garbage = home.appendingPathComponent("garbage.json")
        try Data("{\"a\": 1} trailing".utf8).write(to: garbage)
        #expect(try beacon(["verify", garbage.path]).status == 2)
        #expect(try beacon(["verify", home.appendingPathComponent("missing.json").path]).status == 2)
        let vector = LintCommandTests.root.appendingPathComponent("Tests/BeaconCredentialsTests/Fixtures/eddsa-jcs-2022/signedJCS.json")
        let run = try beacon(["verify", vector.path, "--json"])
        // The W3C vector is genuine but its issuer is not trusted here: not verified, exit 1.
        #expect(run.status == 1)
        #expect(run.output.contains("\"signature\" : \"valid\"") && run.output.contains("\"issuer\" : \"untrusted\""))
    }

    @Test func signReproducesTheW3CVector() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let vectors = LintCommandTests.root.appendingPathComponent("Tests/BeaconCredentialsTests/Fixtures/eddsa-jcs-2022")
        #expect(try beacon(["keys", "import", vectors.appendingPathComponent("keyPair.json").path, "--name", "w3c"]).status == 0)
        let signed = try beacon(["sign", vectors.appendingPathComponent("unsigned.json").path, "--key", "w3c", "--created", "2023-02-24T23:36:38Z"])
        #expect(signed.status == 0)
        #expect(signed.output.contains("z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX"))
        let listed = try beacon(["keys", "list"])
        #expect(listed.output.contains("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"))
        #expect(!listed.output.contains("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"), "private keys are never printed")
        // A key file others can read is refused.
        let file = home.appendingPathComponent("keys/w3c.json")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let refused = try beacon(["sign", vectors.appendingPathComponent("unsigned.json").path, "--key", "w3c"])
        #expect(refused.status != 0 && refused.output.contains("refusing to sign"))
    }
}
