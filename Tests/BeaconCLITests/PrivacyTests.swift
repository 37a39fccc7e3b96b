import BeaconCredentials
import Foundation
import Testing

/// Trainees' words and the issuer's keys stay where they belong: keys private on disk and never
/// printed; typed text never in credentials, the audit log or default exports; and erasing a
/// trainee leaves nothing of them in the database files while the audit chain still verifies.
@Suite(.serialized) struct PrivacyTests {
    let learn = LearnCommandTests()
    static let name = "Zelda Quorum"
    static let typed = "open questions zqxtyped"
    static let replied = "zqxreply"

    /// The sample course with marked typed answers: the short answer and the role-play reply.
    static var answers: String {
        LearnCommandTests.answers.map { line in
            if line == "open questions" { return typed }
            if line.hasPrefix("It sounds like") { return line + " " + replied }
            return line
        }.joined(separator: "\n") + "\n"
    }

    func run(_ arguments: [String], _ home: URL, input: String = "") throws -> (status: Int32, output: String) {
        try learn.beacon(arguments, home: home, input: input)
    }

    /// Every file under `home` except the key folder, as bytes.
    func dataFiles(_ home: URL) throws -> [(String, Data)] {
        let files = FileManager.default.enumerator(atPath: home.path)?.compactMap { $0 as? String } ?? []
        return try files.filter { !$0.hasPrefix("keys") }.compactMap { relative in
            let url = home.appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
            return (relative, try Data(contentsOf: url))
        }
    }

    func contains(_ data: Data, _ text: String) -> Bool { data.range(of: Data(text.utf8)) != nil }

    @Test func keysAreNeverPrintedAndTypedTextNeverLeavesTheTrainee() throws {
        let home = learn.home()
        defer { try? FileManager.default.removeItem(at: home) }
        var outputs: [String] = []
        func logged(_ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
            let result = try run(arguments, home, input: input)
            outputs.append(result.output)
            return result
        }
        #expect(try logged(["keys", "init", "--issuer-name", "Privacy Academy", "--public-url", "https://academy.example", "--for-testing"]).status == 0)
        // The key folder is 0700 and each key file 0600.
        let keys = home.appendingPathComponent("keys")
        #expect(try FileManager.default.attributesOfItem(atPath: keys.path)[.posixPermissions] as? Int == 0o700)
        let keyFiles = try FileManager.default.contentsOfDirectory(atPath: keys.path)
        #expect(!keyFiles.isEmpty)
        var secrets: [String] = []
        for file in keyFiles {
            let url = keys.appendingPathComponent(file)
            #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int == 0o600)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let secret = try #require(object["secretKeyMultibase"] as? String)
            let bytes = try #require(Multibase.decode(secret))
            let seed = Array(bytes.suffix(32))
            secrets += [secret, String(secret.dropFirst()), seed.map { String(format: "%02x", $0) }.joined(),
                        Data(seed).base64EncodedString(), String(Multibase.encodeBase64url(seed).dropFirst())]
        }

        #expect(try logged(["learn", "curricula/sample", "--plain", "--trainee", Self.name, "--seed", "1"], input: Self.answers).status == 0)
        let credential = home.appendingPathComponent("credential.json")
        let trainee = "zelda-quorum"
        // The legal name is the same marked name, so the checks below also show it stays out of the audit log.
        #expect(try logged(["trainee", "legal-name", trainee, "--name", Self.name]).status == 0)
        #expect(try logged(["issue", "--trainee", trainee, "--course", "curricula/sample", "-o", credential.path]).status == 0)
        _ = try logged(["verify", credential.path, "--json"])
        _ = try logged(["keys", "list", "--json"])
        _ = try logged(["audit", "list", "--json"])
        _ = try logged(["audit", "verify"])
        _ = try logged(["status-list", "export", "-o", home.appendingPathComponent("lists").path])
        let exported = try logged(["export", "results", "--course", "curricula/sample", "--json"])
        let csv = try logged(["export", "results", "--course", "curricula/sample", "--csv"])
        _ = try logged(["report", "cohort", "--course", "curricula/sample", "--json"])

        let files = try dataFiles(home)
        for secret in secrets {
            for output in outputs { #expect(!output.contains(secret), "a private key was printed") }
            for (path, data) in files { #expect(!contains(data, secret), "a private key is in \(path)") }
        }
        // The reply's words are kept nowhere; the typed short answer only in the learner's own
        // record (the database), never in the credential, the audit log or a default export.
        for (path, data) in files { #expect(!contains(data, Self.replied), "reply text in \(path)") }
        let credentialText = try String(contentsOf: credential, encoding: .utf8)
        #expect(!credentialText.contains("zqxtyped") && !credentialText.contains(Self.replied))
        let audit = outputs.first { $0.contains("result.quiz") } ?? ""
        #expect(!audit.isEmpty && !audit.contains("zqxtyped") && !audit.contains(trainee) && !audit.contains("Zelda"))
        #expect(!exported.output.contains("zqxtyped") && !csv.output.contains("zqxtyped"))
    }

    @Test func erasingATraineeRemovesThemAndKeepsTheChain() throws {
        let home = learn.home()
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(try run(["keys", "init", "--issuer-name", "Privacy Academy", "--public-url", "https://academy.example", "--for-testing"], home).status == 0)
        #expect(try run(["learn", "curricula/sample", "--plain", "--trainee", Self.name, "--seed", "1"], home, input: Self.answers).status == 0)
        let credential = home.appendingPathComponent("credential.json")
        // The legal name is the same marked name, so erasing must remove it from the trainee row too.
        #expect(try run(["trainee", "legal-name", "zelda-quorum", "--name", Self.name], home).status == 0)
        #expect(try run(["issue", "--trainee", "zelda-quorum", "--course", "curricula/sample", "-o", credential.path], home).status == 0)
        #expect(try dataFiles(home).contains { contains($0.1, "zqxtyped") }, "the typed answer is recorded before erasure")

        let refused = try run(["trainee", "erase", "zelda-quorum"], home)
        #expect(refused.status == 2 && refused.output.contains("--yes"), "no prompt without a terminal, and nothing erased")
        let erased = try run(["trainee", "erase", "zelda-quorum", "--yes", "--json"], home)
        #expect(erased.status == 0, "\(erased.output)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(erased.output.utf8)) as? [String: Any])
        #expect((summary["answers"] as? Int ?? 0) > 0 && summary["credentialsRedacted"] as? Int == 1)

        for (path, data) in try dataFiles(home) where path != "credential.json" {
            for marker in ["zqxtyped", "Zelda", "zelda-quorum", Self.replied] {
                #expect(!contains(data, marker), "'\(marker)' is still in \(path)")
            }
        }
        #expect(try run(["trainee", "list"], home).output.contains("No trainees"))
        let audit = try run(["audit", "verify"], home)
        #expect(audit.status == 0, "\(audit.output)")
        let entries = try run(["audit", "list", "--json"], home).output
        #expect(entries.contains("trainee.erase"))
        // The holder's own copy still verifies: the credential's status entry is kept.
        let verified = try run(["verify", credential.path, "--json"], home)
        #expect(verified.output.contains("\"signature\" : \"valid\""))
    }
}
