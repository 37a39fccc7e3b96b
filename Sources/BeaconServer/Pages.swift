import BeaconCredentials
import Foundation

/// The HTML an employer sees. Plain language, the four checks spelled out, no scripts.
enum Pages {
    static func form(problem: String? = nil) -> String {
        var body = """
        <h1>Check a peer support certificate</h1>
        <p>Paste the certificate the candidate gave you (it is a block of text starting with <code>{</code>), or choose the file. Nothing you check is stored.</p>
        """
        if let problem { body += "<p class=\"verdict bad\" role=\"alert\">\(escapeHTML(problem))</p>" }
        body += """
        <form method="post" action="/verify" enctype="multipart/form-data">
        <p><label for="credential">Certificate text</label><br>
        <textarea id="credential" name="credential" spellcheck="false"></textarea></p>
        <p><label for="file">Or a certificate file</label><br>
        <input id="file" name="file" type="file" accept=".json,application/json,application/vc+ld+json"></p>
        <p><button type="submit">Check certificate</button></p>
        </form>
        <p class="muted">Scripts can POST the JSON to <code>/api/v1/verify</code>. The issuer's keys are at <a href="/issuer">/issuer</a>.</p>
        """
        return page(title: "Check a certificate", body: body)
    }

    static func result(_ report: VerificationReport) -> String {
        let c = report.credential
        let verdict = report.verified
            ? "<p class=\"verdict good\" role=\"status\">Valid: this certificate is genuine, current and in good standing.</p>"
            : "<p class=\"verdict bad\" role=\"alert\">Not valid: do not rely on this certificate.</p>"
        let problems = report.problems.isEmpty ? "" :
            "<h2>What is wrong</h2><ul>" + report.problems.map { "<li>\(escapeHTML($0))</li>" }.joined() + "</ul>"
        let body = """
        <h1>Certificate check</h1>
        \(verdict)
        <h2>What it says</h2>
        <dl>
        <dt>Certificate</dt><dd>\(escapeHTML(c.name ?? c.achievement ?? "not stated"))</dd>
        <dt>Holder</dt><dd>\(escapeHTML(c.holder ?? "not stated"))</dd>
        <dt>Issued by</dt><dd>\(escapeHTML(c.issuer ?? "not stated"))</dd>
        <dt>Valid</dt><dd>from \(c.validFrom.map(PersonDate.html) ?? "?") until \(c.validUntil.map(PersonDate.html) ?? "no end date")</dd>
        </dl>
        <h2>The four checks</h2>
        <dl class="checks">
        <dt>Signature: \(escapeHTML(report.checks.signature))</dt><dd>\(signatureMeaning(report.checks.signature))</dd>
        <dt>Issuer: \(escapeHTML(report.checks.issuer))</dt><dd>\(issuerMeaning(report.checks.issuer))</dd>
        <dt>Validity: \(escapeHTML(report.checks.validity))</dt><dd>\(validityMeaning(report.checks.validity))</dd>
        <dt>Status: \(escapeHTML(report.checks.status))</dt><dd>\(statusMeaning(report.checks.status))</dd>
        </dl>
        \(problems)
        <p><a href="/">Check another certificate</a></p>
        """
        return page(title: report.verified ? "Certificate valid" : "Certificate not valid", body: body)
    }

    /// The public page of a credential its holder chose to share.
    static func shared(_ report: VerificationReport, json: String) -> String {
        var body = result(report).replacingOccurrences(of: "<h1>Certificate check</h1>", with: "<h1>Shared certificate</h1>")
        // The printed certificate leaves its requirements to this page.
        if case .object(let credential)? = try? JSONValue(parsing: Array(json.utf8)),
            let criteria = credential["credentialSubject"]?["achievement"]?["criteria"]?["narrative"]?.stringValue
        {
            body = body.replacingOccurrences(of: "<h2>The four checks</h2>", with: "<h2>What it requires</h2><p>\(escapeHTML(criteria))</p><h2>The four checks</h2>")
        }
        return body.replacingOccurrences(
            of: "<p><a href=\"/\">Check another certificate</a></p>",
            with: "<details><summary>The certificate itself</summary><pre>\(escapeHTML(json))</pre></details><p><a href=\"/\">Check another certificate</a></p>"
        )
    }

    static func notFound() -> String {
        page(title: "Not found", body: "<h1>Not found</h1><p>There is nothing here. Certificates are only shown when their holder chooses to share them.</p><p><a href=\"/\">Check a certificate</a></p>")
    }

    static func signatureMeaning(_ value: String) -> String {
        switch value {
        case "valid": "The certificate has not been changed since the issuer signed it."
        case "missing": "The certificate carries no signature, so anyone could have written it."
        case "unsupported": "The certificate is signed in a way this checker does not handle; it cannot be confirmed here."
        default: "The certificate was changed after it was signed, or the signature is not genuine."
        }
    }

    static func issuerMeaning(_ value: String) -> String {
        value == "trusted"
            ? "It was signed by an issuer this service trusts."
            : "It was not signed by an issuer this service trusts. It may be genuine elsewhere, but this service cannot vouch for it."
    }

    static func validityMeaning(_ value: String) -> String {
        switch value {
        case "current": "Today is within the dates the certificate is valid."
        case "expired": "The certificate has expired; the holder may have a renewed one."
        default: "The certificate is not valid yet."
        }
    }

    static func statusMeaning(_ value: String) -> String {
        switch value {
        case "active": "The issuer has not revoked, suspended or inactivated it, and its holder has not given it up."
        case "revoked": "The issuer has revoked it. It no longer certifies anything."
        case "suspended": "The issuer has suspended it for now. Ask the holder or the issuer why."
        case "inactive": "It is inactive: its holder is not practising under it for now, so it does not certify current practice."
        case "relinquished": "Its holder has given it up. It no longer certifies anything."
        default: "Its current status could not be checked, so it cannot be confirmed as in good standing."
        }
    }
}
