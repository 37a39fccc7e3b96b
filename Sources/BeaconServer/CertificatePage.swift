import BeaconCore
import BeaconCredentials
import BeaconQR
import Foundation

/// A self-contained printable certificate: one HTML file with the holder, achievement, issuer,
/// dates, the credential embedded as JSON, and a QR code (inline SVG) of the page that verifies
/// it. No external fonts, scripts or images, so it prints and archives as it is. It reads in the
/// language the certificate was worded in (its achievement's inLanguage), unless told otherwise.
public enum CertificatePage {
    public static func render(credentialJSON: String, verifyURL: String, language: Language? = nil) throws(CredentialError) -> String {
        guard case .object(let credential)? = try? JSONValue(parsing: Array(credentialJSON.utf8)) else {
            throw CredentialError("the stored credential is not readable JSON")
        }
        let summary = CredentialVerifier.summary(credential)
        let words = PageWords.in(language ?? summary.language.flatMap(Language.init(tag:)) ?? .english)
        guard let qr = QRCode.svg(for: verifyURL, title: words.qrTitle(verifyURL)) else {
            throw CredentialError("could not make a QR code for \(verifyURL)")
        }
        // The paper shows the achievement and one line about it; the full requirements are
        // behind the link, where they stay readable.
        let description = firstSentence(credential["credentialSubject"]?["achievement"]?["description"]?.stringValue ?? "")
        return """
        <!doctype html>
        <html lang="\(words.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <title>\(escapeHTML(summary.name ?? words.certificate)) — \(escapeHTML(summary.holder ?? ""))</title>
        <style>
        /* The page takes the printer's paper, A4 or Letter: the 180 mm frame fits both. */
        @page { margin: 15mm; }
        @media print { .screen-only { display: none; } body { padding: 0; } }
        body { font-family: Georgia, "Times New Roman", serif; color: #1b1b1b; max-width: 180mm; margin: 0 auto; padding: 10mm; }
        .frame { border: 2pt solid #1b1b1b; padding: 12mm; text-align: center; }
        .label { font-family: system-ui, sans-serif; letter-spacing: .08em; text-transform: uppercase; font-size: 9pt; color: #444; }
        h1 { font-size: 24pt; margin: 4mm 0; }
        .holder { font-size: 20pt; margin: 6mm 0 2mm; }
        .criteria { font-size: 10.5pt; margin: 6mm auto; max-width: 140mm; }
        .meta { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 10mm; text-align: left; font-size: 10pt; }
        .qr svg { width: 32mm; height: 32mm; }
        .verify { font-family: system-ui, sans-serif; font-size: 8pt; word-break: break-all; max-width: 60mm; text-align: right; }
        pre { font-size: 7pt; white-space: pre-wrap; word-break: break-all; text-align: left; }
        </style>
        </head>
        <body>
        <div class="frame">
        <p class="label">\(words.certificate)</p>
        <h1>\(escapeHTML(summary.name ?? summary.achievement ?? words.certificate))</h1>
        <p class="label">\(words.awardedTo)</p>
        <p class="holder">\(escapeHTML(summary.holder ?? ""))</p>
        <p class="criteria">\(escapeHTML(description))</p>
        <div class="meta">
        <div><p class="label">\(words.issuedBy)</p><p>\(escapeHTML(summary.issuer ?? ""))</p>
        <p class="label">\(words.valid)</p><p>\(words.validSpan(summary.validFrom.map { PersonDate.html($0, words) } ?? "", summary.validUntil.map { PersonDate.html($0, words) } ?? words.noEndDate))</p>
        <p class="label">\(words.certificateId)</p><p>\(escapeHTML(summary.id ?? ""))</p></div>
        <div class="verify"><div class="qr">\(qr)</div><p>\(words.genuine)<br>\(escapeHTML(verifyURL))</p></div>
        </div>
        </div>
        <details class="screen-only"><summary>\(words.signedFile)</summary>
        <pre>\(escapeHTML(credentialJSON))</pre></details>
        </body>
        </html>
        """
    }

    /// Up to the first full stop that ends a sentence, so a long description stays one line.
    static func firstSentence(_ text: String) -> String {
        guard let end = text.range(of: ". ") else { return text }
        return String(text[..<end.lowerBound]) + "."
    }
}
