import BeaconCore

extension PageWords {
    public static let english = PageWords(
        language: .english,
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        date: { day, month, year in "\(day) \(month) \(year)" },
        switchLabel: "Language",
        formTitle: "Check a certificate",
        formHeading: "Check a peer support certificate",
        formIntro: "Paste the certificate the candidate gave you (it is a block of text starting with <code>{</code>), or choose the file. Nothing you check is stored.",
        textLabel: "Certificate text",
        fileLabel: "Or a certificate file",
        checkButton: "Check certificate",
        scripts: "Scripts can POST the JSON to <code>/api/v1/verify</code>. The issuer's keys are at <a href=\"/issuer\">/issuer</a>.",
        tooLarge: "That file is larger than 1 MB; a certificate is only a few kilobytes.",
        nothingSent: "Paste the certificate text or choose its file, then press Check certificate.",
        unreadable: { reason in "That is not a certificate Beacon can read: \(reason)" },
        validTitle: "Certificate valid",
        invalidTitle: "Certificate not valid",
        validVerdict: "Valid: this certificate is genuine, current and in good standing.",
        invalidVerdict: "Not valid: do not rely on this certificate.",
        whatIsWrong: "What is wrong",
        checkHeading: "Certificate check",
        sharedHeading: "Shared certificate",
        whatItSays: "What it says",
        certificate: "Certificate",
        holder: "Holder",
        issuedBy: "Issued by",
        valid: "Valid",
        validSpan: { from, until in "from \(from) until \(until)" },
        notStated: "not stated",
        noEndDate: "no end date",
        fourChecks: "The four checks",
        whatItRequires: "What it requires",
        itselfSummary: "The certificate itself",
        checkAnother: "Check another certificate",
        signature: "Signature",
        issuer: "Issuer",
        validity: "Validity",
        status: "Status",
        value: { value in value },
        signatureMeaning: { value in
            switch value {
            case "valid": "The certificate has not been changed since the issuer signed it."
            case "missing": "The certificate carries no signature, so anyone could have written it."
            case "unsupported": "The certificate is signed in a way this checker does not handle; it cannot be confirmed here."
            default: "The certificate was changed after it was signed, or the signature is not genuine."
            }
        },
        issuerMeaning: { value in
            value == "trusted"
                ? "It was signed by an issuer this service trusts."
                : "It was not signed by an issuer this service trusts. It may be genuine elsewhere, but this service cannot vouch for it."
        },
        validityMeaning: { value in
            switch value {
            case "current": "Today is within the dates the certificate is valid."
            case "expired": "The certificate has expired; the holder may have a renewed one."
            default: "The certificate is not valid yet."
            }
        },
        statusMeaning: { value in
            switch value {
            case "active": "The issuer has not revoked, suspended or inactivated it, and its holder has not given it up."
            case "revoked": "The issuer has revoked it. It no longer certifies anything."
            case "suspended": "The issuer has suspended it for now. Ask the holder or the issuer why."
            case "inactive": "It is inactive: its holder is not practising under it for now, so it does not certify current practice."
            case "relinquished": "Its holder has given it up. It no longer certifies anything."
            default: "Its current status could not be checked, so it cannot be confirmed as in good standing."
            }
        },
        notFoundTitle: "Not found",
        notFound: "There is nothing here. Certificates are only shown when their holder chooses to share them.",
        checkACertificate: "Check a certificate",
        awardedTo: "awarded to",
        certificateId: "Certificate id",
        genuine: "Check it is genuine and current, and read what it requires:",
        qrTitle: { url in "QR code: verify this certificate at \(url)" },
        signedFile: "The signed certificate (the file to give an employer)",
        to: "to",
        wordedIn: { language in "The certificate is worded in \(language == .spanish ? "Spanish" : "English"), as the holder took the course." }
    )
}
