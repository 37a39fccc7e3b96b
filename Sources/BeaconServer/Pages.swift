import BeaconCore
import BeaconCredentials
import Foundation

/// The HTML an employer sees. Plain language, the four checks spelled out, no scripts; in the
/// reader's language (`words`), with the credential's own words as they were signed.
enum Pages {
    static func form(problem: String? = nil, _ words: PageWords) -> String {
        var body = """
        <h1>\(words.formHeading)</h1>
        <p>\(words.formIntro)</p>
        """
        if let problem { body += "<p class=\"verdict bad\" role=\"alert\">\(escapeHTML(problem))</p>" }
        body += """
        <form method="post" action="/verify?lang=\(words.language.rawValue)" enctype="multipart/form-data">
        <p><label for="credential">\(words.textLabel)</label><br>
        <textarea id="credential" name="credential" spellcheck="false"></textarea></p>
        <p><label for="file">\(words.fileLabel)</label><br>
        <input id="file" name="file" type="file" accept=".json,application/json,application/vc+ld+json"></p>
        <p><button type="submit">\(words.checkButton)</button></p>
        </form>
        <p class="muted">\(words.scripts)</p>
        """
        return page(title: words.formTitle, body: body, words, switchTo: "/")
    }

    static func result(_ report: VerificationReport, _ words: PageWords, heading: String? = nil, insert: String = "", itself: String = "", switchTo: String = "/") -> String {
        let c = report.credential
        let verdict = report.verified
            ? "<p class=\"verdict good\" role=\"status\">\(words.validVerdict)</p>"
            : "<p class=\"verdict bad\" role=\"alert\">\(words.invalidVerdict)</p>"
        let problems = report.problems.isEmpty ? "" :
            "<h2>\(words.whatIsWrong)</h2><ul>" + report.problems.map { "<li>\(escapeHTML($0))</li>" }.joined() + "</ul>"
        let checks = [
            (words.signature, report.checks.signature, words.signatureMeaning),
            (words.issuer, report.checks.issuer, words.issuerMeaning),
            (words.validity, report.checks.validity, words.validityMeaning),
            (words.status, report.checks.status, words.statusMeaning),
        ].map { label, value, meaning in
            "<dt>\(label): <span data-value=\"\(escapeHTML(value))\">\(escapeHTML(words.value(value)))</span></dt><dd>\(meaning(value))</dd>"
        }.joined(separator: "\n")
        // The credential keeps its own language (it was signed so); the page says which it is.
        let worded = c.language.flatMap(Language.init(tag:)).map { $0 == words.language ? "" : " lang=\"\($0.rawValue)\"" } ?? ""
        let note = c.language.flatMap(Language.init(tag:)).flatMap { $0 == words.language ? nil : "<p class=\"muted\">\(escapeHTML(words.wordedIn($0)))</p>" } ?? ""
        let body = """
        <h1>\(heading ?? words.checkHeading)</h1>
        \(verdict)
        <h2>\(words.whatItSays)</h2>
        <dl>
        <dt>\(words.certificate)</dt><dd\(worded)>\(escapeHTML(c.name ?? c.achievement ?? words.notStated))</dd>
        <dt>\(words.holder)</dt><dd>\(escapeHTML(c.holder ?? words.notStated))</dd>
        <dt>\(words.issuedBy)</dt><dd>\(escapeHTML(c.issuer ?? words.notStated))</dd>
        <dt>\(words.valid)</dt><dd>\(words.validSpan(c.validFrom.map { PersonDate.html($0, words) } ?? "?", c.validUntil.map { PersonDate.html($0, words) } ?? words.noEndDate))</dd>
        </dl>
        \(note)
        \(insert)
        <h2>\(words.fourChecks)</h2>
        <dl class="checks">
        \(checks)
        </dl>
        \(problems)
        \(itself)
        <p><a href="/?lang=\(words.language.rawValue)">\(words.checkAnother)</a></p>
        """
        return page(title: report.verified ? words.validTitle : words.invalidTitle, body: body, words, switchTo: switchTo)
    }

    /// The public page of a credential its holder chose to share.
    static func shared(_ report: VerificationReport, json: String, path: String, _ words: PageWords) -> String {
        var insert = ""
        // The printed certificate leaves its requirements to this page.
        if case .object(let credential)? = try? JSONValue(parsing: Array(json.utf8)),
            let criteria = credential["credentialSubject"]?["achievement"]?["criteria"]?["narrative"]?.stringValue
        {
            let lang = report.credential.language.map { " lang=\"\(escapeHTML($0))\"" } ?? ""
            insert = "<h2>\(words.whatItRequires)</h2><p\(lang)>\(escapeHTML(criteria))</p>"
        }
        let itself = "<details><summary>\(words.itselfSummary)</summary><pre>\(escapeHTML(json))</pre></details>"
        return result(report, words, heading: words.sharedHeading, insert: insert, itself: itself, switchTo: path)
    }

    static func notFound(_ words: PageWords) -> String {
        page(title: words.notFoundTitle, body: "<h1>\(words.notFoundTitle)</h1><p>\(words.notFound)</p><p><a href=\"/?lang=\(words.language.rawValue)\">\(words.checkACertificate)</a></p>", words, switchTo: "/")
    }
}
