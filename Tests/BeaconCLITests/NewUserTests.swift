import Foundation
import Testing

/// What a new user meets first (issue 13): a shared computer, the first certificate, and the
/// small things a first trainer and admin trip on. Each test failed before its fix.
@Suite struct NewUserTests {
    let cli = LearnCommandTests()

    func run(_ arguments: [String], _ home: URL, input: String = "") throws -> (status: Int32, output: String) {
        try cli.beacon(arguments, home: home, input: input)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    // MARK: Item 3: a shared computer

    @Test func aSecondPersonIsNeverRecordedUnderTheFirstOnesName() throws {
        let home = cli.home()
        defer { try? FileManager.default.removeItem(at: home) }
        _ = try run(["learn", "curricula/sample", "--plain"], home, input: "Sam Lee\n")
        // Ana opens the first module's lesson: her page is hers.
        let ana = try run(["learn", "curricula/sample", "--plain"], home, input: "Ana Ruiz\n1\n\n")
        #expect(ana.output.contains("Trainee: Ana Ruiz"), "\(ana.output)")
        #expect(!ana.output.contains("Sam Lee"), "nobody is shown another trainee's name")
        let listed = try run(["trainee", "list", "--json"], home)
        let names = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(Set(names) == ["Sam Lee", "Ana Ruiz"])
        let sam = try run(["progress", "curricula/sample", "--trainee", "sam-lee", "--json"], home)
        #expect(!sam.output.contains("in-progress") && !sam.output.contains("inProgress"), "Sam's record is untouched: \(sam.output)")
        let anas = try run(["progress", "curricula/sample", "--trainee", "ana-ruiz", "--json"], home)
        #expect(anas.output.contains("in-progress") || anas.output.contains("inProgress"), "\(anas.output)")
    }

    @Test func aNameOnRecordIsConfirmedBeforeAnythingIsSavedUnderIt() throws {
        let home = cli.home()
        defer { try? FileManager.default.removeItem(at: home) }
        _ = try run(["learn", "curricula/sample", "--plain"], home, input: "Sam Lee\n")
        let back = try run(["learn", "curricula/sample", "--plain"], home, input: "sam  lee\n1\n")
        #expect(back.output.contains("Beacon has a record for Sam Lee. Is that you?"), "\(back.output)")
        #expect(back.output.contains("Trainee: Sam Lee"))
        // Someone else with the same name says no, and starts a record of their own.
        let other = try run(["learn", "curricula/sample", "--plain"], home, input: "Sam Lee\n2\nSam L.\n")
        #expect(other.output.contains("Trainee: Sam L."), "\(other.output)")
        #expect(!other.output.contains("Trainee: Sam Lee"))
        // Leaving at the confirmation saves nothing under either name.
        let left = try run(["learn", "curricula/sample", "--plain"], home, input: "Sam Lee\nq\n")
        #expect(left.output.contains("No trainee chosen; nothing was saved."), "\(left.output)")
    }

    @Test func blankAndPunctuationNamesAreAskedAgainAndAnyScriptMakesAnId() throws {
        let home = cli.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try run(["learn", "curricula/sample", "--plain"], home, input: "\n!!!\nМария\n")
        #expect(run.output.contains("Type a name, then press Enter"), "\(run.output)")
        #expect(run.output.contains("A name needs at least one letter or digit."))
        #expect(run.output.contains("Trainee: Мария"))
        #expect(run.output.contains("--trainee мария"), "\(run.output)")
    }

    /// Issue 14: with the real binary and piped lines, the line after the crisis screen still
    /// answers the screen underneath (before, it was swallowed as "go back").
    @Test func aLineAfterTheCrisisScreenIsNotLost() throws {
        let home = cli.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try run(["learn", "curricula/sample", "--plain", "--trainee", "sam"], home, input: "!\n1\n")
        let afterCrisis = try #require(run.output.components(separatedBy: "Crisis support").last)
        #expect(afterCrisis.contains("Module 1 of 2 · Welcome"), "\(run.output)")
    }

    // MARK: Item 4: the issuer's details

    /// A home where Sam has finished the sample course.
    func eligibleHome() throws -> URL {
        let home = cli.home()
        let answers = LearnCommandTests.answers.joined(separator: "\n") + "\n"
        #expect(try run(["learn", "curricula/sample", "--plain", "--trainee", "sam", "--seed", "1"], home, input: answers).status == 0)
        return home
    }

    @Test func issuingRefusesPlaceholderDetailsAndSaysHowToSetTheRealOnes() throws {
        let home = try eligibleHome()
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(try run(["keys", "init"], home).status == 0)
        let issue = ["issue", "--trainee", "sam", "--course", "curricula/sample"]
        let unnamed = try run(issue, home)
        #expect(unnamed.status == 1 && unnamed.output.contains("beacon issuer set --name"), "\(unnamed.output)")
        #expect(try run(["issuer", "set", "--name", "River Valley Peer Academy"], home).status == 0)
        let noURL = try run(issue, home)
        #expect(noURL.status == 1 && noURL.output.contains("no public URL is set"), "\(noURL.output)")
        for (url, reason) in [("http://127.0.0.1:8080", "points at this computer"), ("https://academy.example", "placeholder")] {
            #expect(try run(["issuer", "set", "--public-url", url], home).status == 0)
            let refused = try run(issue, home)
            #expect(refused.status == 1 && refused.output.contains(reason) && refused.output.contains("--public-url"), "\(refused.output)")
        }
        #expect(try run(["issuer", "set", "--public-url", "https://certificates.rivervalley.org"], home).status == 0)
        // The certificate carries the name on Sam's ID, which an admin confirms first.
        let unconfirmed = try run(issue, home)
        #expect(unconfirmed.status == 1 && unconfirmed.output.contains("no legal name confirmed") && unconfirmed.output.contains("beacon trainee legal-name sam --name"),
                "\(unconfirmed.output)")
        #expect(try run(["trainee", "legal-name", "sam", "--name", "sam"], home).status == 0)
        let issued = try run(issue, home)
        #expect(issued.status == 0 && issued.output.contains("https://certificates.rivervalley.org/status/revocation"), "\(issued.output)")
        #expect(issued.output.contains("River Valley Peer Academy"))
    }

    @Test func testsOptOutExplicitly() throws {
        let home = try eligibleHome()
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(try run(["keys", "init", "--issuer-name", "Test Academy", "--public-url", "http://127.0.0.1:8080", "--for-testing"], home).status == 0)
        let shown = try json(try run(["issuer", "show", "--json"], home).output)
        #expect(shown["forTesting"] as? Bool == true && shown["readyToIssue"] as? Bool == true)
        #expect(try run(["trainee", "legal-name", "sam", "--name", "sam"], home).status == 0)
        #expect(try run(["issue", "--trainee", "sam", "--course", "curricula/sample"], home).status == 0)
    }

    @Test func keysInitTwiceChangesNothingAndIssuerSetSaysWhatChanged() throws {
        let home = cli.home()
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(try run(["keys", "init", "--issuer-name", "First Name", "--public-url", "https://one.org"], home).status == 0)
        let again = try run(["keys", "init", "--issuer-name", "Second Name", "--public-url", "https://two.org"], home)
        #expect(again.status == 1 && again.output.contains("nothing was changed") && again.output.contains("beacon issuer set"), "\(again.output)")
        var shown = try json(try run(["issuer", "show", "--json"], home).output)
        #expect(shown["name"] as? String == "First Name" && shown["publicURL"] as? String == "https://one.org")

        let changed = try run(["issuer", "set", "--name", "Second Name", "--public-url", "https://one.org/"], home)
        #expect(changed.output.contains("Changed the name from \"First Name\" to \"Second Name\"."), "\(changed.output)")
        #expect(!changed.output.contains("public URL"), "the same URL with a trailing slash is no change")
        let same = try run(["issuer", "set", "--name", "Second Name"], home)
        #expect(same.output.contains("Nothing changed"))
        shown = try json(try run(["issuer", "show", "--json"], home).output)
        #expect(shown["name"] as? String == "Second Name")
        let audit = try run(["audit", "list"], home)
        #expect(audit.output.components(separatedBy: "issuer.update").count == 3, "keys init and one set were audited: \(audit.output)")
    }

    // MARK: Items 5 and 6: what the certificate says, on screen and on paper

    /// Confirms Sam's legal name, issues Sam's certificate (with --override when `override` is
    /// given) and returns its id and text.
    func issue(_ home: URL, override: String? = nil) throws -> (id: String, text: String) {
        #expect(try run(["keys", "init", "--issuer-name", "River Valley Peer Academy", "--public-url", "https://certificates.rivervalley.org"], home).status == 0)
        #expect(try run(["trainee", "legal-name", "sam", "--name", "sam"], home).status == 0)
        let file = home.appendingPathComponent("sam.json")
        var arguments = ["issue", "--trainee", "sam", "--course", "curricula/sample", "-o", file.path]
        if let override { arguments += ["--override", override] }
        let issued = try run(arguments, home)
        #expect(issued.status == 0, "\(issued.output)")
        let text = try String(contentsOf: file, encoding: .utf8)
        let id = try #require(try json(text)["id"] as? String)
        return (id, text)
    }

    @Test func anOverrideCertificateDescribesRequirementsAndClaimsNothing() throws {
        let home = cli.home()
        defer { try? FileManager.default.removeItem(at: home) }
        _ = try run(["learn", "curricula/sample", "--plain", "--trainee", "sam"], home, input: "q\n")
        let (_, text) = try issue(home, override: "transferred from another programme")
        let credential = try json(text)
        let subject = try #require(credential["credentialSubject"] as? [String: Any])
        let achievement = try #require(subject["achievement"] as? [String: Any])
        let narrative = try #require((achievement["criteria"] as? [String: Any])?["narrative"] as? String)
        #expect(narrative.hasPrefix("To earn this certificate, a trainee must complete the modules"), "\(narrative)")
        for claim in ["The holder", "holder has", "completed", "reached"] {
            #expect(!narrative.contains(claim), "'\(claim)' claims what this holder did: \(narrative)")
        }
        #expect(!text.contains("transferred from another programme"), "the override reason is for the audit log only")
        let audit = try run(["audit", "list"], home)
        #expect(audit.output.contains("transferred from another programme"))
    }

    @Test func aPrintedCertificateIsRenderedOnlyWithAQRCodeThatWorks() throws {
        let home = try eligibleHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let (id, _) = try issue(home)
        let page = home.appendingPathComponent("sam.html")
        let refused = try run(["certificate", "render", id, "-o", page.path], home)
        #expect(refused.status == 1 && refused.output.contains("--share"), "\(refused.output)")
        #expect(!FileManager.default.fileExists(atPath: page.path))

        let rendered = try run(["certificate", "render", id, "--share", "-o", page.path], home)
        #expect(rendered.status == 0 && rendered.output.contains("Shared with the holder's consent"), "\(rendered.output)")
        // What prints: the page without the signed JSON kept on screen for copying.
        let html = try #require(try String(contentsOf: page, encoding: .utf8).components(separatedBy: "<details class=\"screen-only\">").first)
        #expect(!html.contains("To earn this certificate"), "the requirements are behind the link, not on the paper")
        #expect(html.contains("Shows how a program combines modules, quiz scores and competencies."), "one line about the achievement")
        #expect(html.contains("<time datetime=\""), "dates read as a person reads them, the exact value kept")
        #expect(!html.contains(">20"), "no raw ISO timestamp is shown as text")
        let audit = try run(["audit", "list"], home)
        #expect(audit.output.contains("credential.share"))
        // Rendering again needs no flag: the page is already shared.
        #expect(try run(["certificate", "render", id, "-o", home.appendingPathComponent("again.html").path], home).status == 0)
    }

    // MARK: Item 7: smaller things

    @Test func wellFormedRequestsOnAnEmptyDatabaseAreNotMisuse() throws {
        let home = cli.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let commands: [[String]] = [
            ["progress"], ["progress", "--json"], ["progress", "--trainee", "nobody"],
            ["eligibility", "--trainee", "nobody"], ["issue", "--trainee", "nobody"], ["reset", "--trainee", "nobody", "--module", "recovery-concepts", "--yes"],
            ["trainee", "legal-name", "nobody", "--name", "Nobody"], ["trainee", "erase", "nobody", "--yes"], ["keys", "rotate"], ["status-list", "export"],
            ["renew", "urn:uuid:0"], ["share", "urn:uuid:0"], ["certificate", "render", "urn:uuid:0", "-o", home.appendingPathComponent("x.html").path],
            ["report", "cohort"], ["export", "results"], ["trainee", "list"], ["audit", "list"], ["audit", "verify"], ["keys", "list"],
            ["trust", "list"], ["issuer", "show"],
        ]
        for command in commands {
            let result = try run(command, home)
            #expect(result.status == 0 || result.status == 1, "\(command.joined(separator: " ")) exited \(result.status): \(result.output)")
            #expect(!result.output.contains("USAGE") && !result.output.contains("Usage:"), "\(command.joined(separator: " ")) printed usage")
            #expect(!result.output.isEmpty, "\(command.joined(separator: " ")) said nothing")
        }
    }

    @Test func lintSaysWhenTheMeaningChecksWereSkipped() throws {
        let home = cli.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let course = home.appendingPathComponent("course")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: LintCommandTests.root.appendingPathComponent("curricula/sample"), to: course)
        let module = course.appendingPathComponent("modules/listening.xml")
        let text = try String(contentsOf: module, encoding: .utf8).replacingOccurrences(of: "<feedbackTrue>", with: "<feedbackTru>")
            .replacingOccurrences(of: "</feedbackTrue>", with: "</feedbackTru>")
        try text.write(to: module, atomically: true, encoding: .utf8)
        let lint = try run(["lint", course.path], home)
        #expect(lint.status == 1)
        #expect(lint.output.contains("the meaning checks (ids, references, scores, role-play paths) were skipped"), "\(lint.output)")
    }

    @Test func previewPromisesNoSavingAndSaysOneModuleAsOne() throws {
        let home = cli.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let quiz = try run(["preview", "curricula/sample", "--module", "listening-well", "--plain"], home, input: "2\n\n")
        #expect(!quiz.output.contains("Each answer is saved") && !quiz.output.contains("your place is saved"), "\(quiz.output)")
        #expect(quiz.output.contains("This is a preview: answers are scored"), "\(quiz.output)")
        let menu = try run(["learn", "curricula/sample", "--plain", "--trainee", "sam"], home, input: "1\n")
        #expect(menu.output.contains("Keys: 1 open ·"), "one item is '1', not '1-1': \(menu.output)")
    }

    @Test func separateImportsGetTheirOwnQuizIdsAndTheRightHref() throws {
        let home = cli.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let course = home.appendingPathComponent("my-course")
        try FileManager.default.createDirectory(at: course.appendingPathComponent("modules"), withIntermediateDirectories: true)
        try Data("<course/>".utf8).write(to: course.appendingPathComponent("course.xml"))
        var quizzes: [String] = []
        for (fixture, name) in [("truefalse", "week-1"), ("shortanswer", "week-2")] {
            let out = course.appendingPathComponent("modules/\(name).xml")
            let imported = try run(["import", "moodle", "Tests/Fixtures/import/moodle/qtype_\(fixture)_testquestion.moodle.xml", "-o", out.path], home)
            #expect(imported.status == 0, "\(imported.output)")
            #expect(imported.output.contains("<xi:include href=\"modules/\(name).xml\"/>") && imported.output.contains(course.appendingPathComponent("course.xml").path), "\(imported.output)")
            let text = try String(contentsOf: out, encoding: .utf8)
            quizzes += text.components(separatedBy: "<quiz id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        #expect(quizzes.count == 2 && Set(quizzes).count == 2, "\(quizzes)")
        let wrong = try run(["import", "moodle", "Tests/Fixtures/import/qti/qti21_choice.xml", "-o", home.appendingPathComponent("x.xml").path], home)
        #expect(wrong.status == 1 && wrong.output.contains("beacon import qti"), "\(wrong.output)")
    }

    @Test func anExportedPublicKeyIsATrustFileAndTrustListNamesIssuers() throws {
        let issuerHome = try eligibleHome()
        defer { try? FileManager.default.removeItem(at: issuerHome) }
        let (_, _) = try issue(issuerHome)
        let exported = try run(["keys", "export-public"], issuerHome)
        #expect(!exported.output.contains("secretKeyMultibase"))
        let trust = issuerHome.appendingPathComponent("river-valley.json")
        try Data(exported.output.utf8).write(to: trust)

        let employer = cli.home()
        defer { try? FileManager.default.removeItem(at: employer) }
        let verified = try run(["verify", issuerHome.appendingPathComponent("sam.json").path, "--trust", trust.path, "--json"], employer)
        #expect(verified.output.contains("\"issuer\" : \"trusted\""), "\(verified.output)")
        let listed = try run(["trust", "list"], issuerHome)
        #expect(listed.output.contains("River Valley Peer Academy"), "\(listed.output)")
    }
}
