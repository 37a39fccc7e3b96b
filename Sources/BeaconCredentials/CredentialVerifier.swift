import Foundation

/// The answer `beacon verify` gives: four separate checks, each failure explained in one line.
public struct VerificationReport: Sendable, Equatable, Encodable {
    public struct Checks: Sendable, Equatable, Encodable {
        /// valid | invalid | missing | unsupported
        public var signature: String
        /// trusted | untrusted
        public var issuer: String
        /// current | expired | not-yet-valid
        public var validity: String
        /// active | revoked | suspended | inactive | relinquished | unchecked
        public var status: String
    }

    /// Who and what, as the credential states it (to be read only when `verified` is true).
    public struct Summary: Sendable, Equatable, Encodable {
        public var id: String?
        public var name: String?
        public var holder: String?
        public var achievement: String?
        public var issuer: String?
        public var validFrom: String?
        public var validUntil: String?
        /// The achievement's `inLanguage` (the edition's language), for pages to mark up; not in
        /// the API's summary, whose shape scripts rely on.
        public var language: String? = nil

        // Always present in the JSON, null when absent, so scripts can rely on the shape.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(holder, forKey: .holder)
            try container.encode(achievement, forKey: .achievement)
            try container.encode(issuer, forKey: .issuer)
            try container.encode(validFrom, forKey: .validFrom)
            try container.encode(validUntil, forKey: .validUntil)
        }

        enum CodingKeys: String, CodingKey { case id, name, holder, achievement, issuer, validFrom, validUntil }
    }

    /// Each proof the credential carries, checked on its own.
    public struct Proof: Sendable, Equatable, Encodable {
        public var suite: String
        /// valid | invalid | unsupported
        public var result: String
        /// The signer's DID when valid, else why not.
        public var detail: String
    }

    public var verified: Bool
    public var checks: Checks
    public var proofs: [Proof] = []
    public var problems: [String]
    public var credential: Summary
}

/// Checks a credential offline against a trust list, a clock and the status lists it was given.
/// Pure: fetching status lists and reading files is the caller's business.
public struct CredentialVerifier: Sendable {
    /// DIDs whose signatures are trusted (the issuer's own keys, current and retired, and any
    /// added with `beacon trust add`).
    public var trustedIssuers: Set<String>
    public var now: Date
    /// Status list credentials by their id (the URL a credential's status entry names).
    /// Each is checked and decoded once, when set, not once per credential.
    public var statusLists: [String: JSONObject] {
        didSet { prepared = Self.prepare(statusLists, didDocuments) }
    }
    /// did:web DID documents by DID, fetched or pinned by the caller.
    public var didDocuments: [String: JSONObject] {
        didSet { prepared = Self.prepare(statusLists, didDocuments) }
    }
    private var prepared: [String: PreparedList]

    public init(trustedIssuers: Set<String>, now: Date = Date(), statusLists: [String: JSONObject] = [:], didDocuments: [String: JSONObject] = [:]) {
        self.trustedIssuers = trustedIssuers
        self.now = now
        self.statusLists = statusLists
        self.didDocuments = didDocuments
        prepared = Self.prepare(statusLists, didDocuments)
    }

    /// A status list whose signature was checked and whose bits were decoded.
    private struct PreparedList: Sendable {
        /// The DID that validly signed it; nil when the signature did not check out.
        var signer: String?
        var purpose: String?
        var bits: BitstringStatusList?
        var validUntil: JSONValue?

        /// Why the list cannot be used at `now`: past its validUntil (or that cannot be read),
        /// when it may no longer say what is revoked. validFrom is not held against a list:
        /// Beacon's server signs lists as they are asked for, and a verifier whose clock runs a
        /// few seconds behind would otherwise refuse the freshest list there is.
        func outOfDate(_ now: Date) -> String? {
            if let validUntil {
                guard let text = validUntil.stringValue, let date = CredentialVerifier.date(text) else { return "its validUntil is not a date and time" }
                if now >= date { return "it expired on \(text); fetch a current one" }
            }
            return nil
        }
    }

    private static func prepare(_ lists: [String: JSONObject], _ didDocuments: [String: JSONObject]) -> [String: PreparedList] {
        lists.mapValues { list in
            var signer: String?
            if case .valid(let who) = DataIntegrity.verify(list, didDocuments: didDocuments) { signer = who.did }
            let subject = list["credentialSubject"]?.objectValue
            return PreparedList(
                signer: signer,
                purpose: subject?["statusPurpose"]?.stringValue,
                bits: subject?["encodedList"]?.stringValue.flatMap { try? BitstringStatusList(encoded: $0) },
                validUntil: list["validUntil"]
            )
        }
    }

    /// Parses and verifies; a parse failure means the input cannot be read (exit 2).
    public func verify(bytes: [UInt8]) -> Result<VerificationReport, CredentialError> {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            return .failure(CredentialError("not valid JSON: \(error.description)"))
        }
        guard case .object(let credential) = value else { return .failure(CredentialError("a credential is a JSON object")) }
        return .success(verify(credential))
    }

    public func verify(_ credential: JSONObject) -> VerificationReport {
        var problems: [String] = []
        let summary = Self.summary(credential)

        // 0. The VC 2.0 data model's first rule (§4.3): the credentials v2 context comes first.
        // RDF canonicalization alone would not notice contexts reordered to the same meaning.
        let contexts = credential["@context"]?.arrayValue ?? credential["@context"].map { [$0] } ?? []
        let contextProblem = contexts.first != .string(Self.credentialsV2)

        // 1. Signature: any valid proof will do, the issuer's own first.
        let signature: String
        var signer: DataIntegrity.Signer?
        let proofChecks = DataIntegrity.checkProofs(credential, didDocuments: didDocuments)
        let issuerForProof = Self.issuerId(credential)
        var outcome = DataIntegrity.verdict(proofChecks)
        if case .valid = outcome {
            for check in proofChecks {
                if case .valid(let who) = check.outcome, who.did == issuerForProof { outcome = check.outcome }
            }
        }
        let proofs = proofChecks.map { check -> VerificationReport.Proof in
            switch check.outcome {
            case .valid(let who): .init(suite: check.suite, result: "valid", detail: who.did)
            case .invalid(let why): .init(suite: check.suite, result: "invalid", detail: why)
            case .unsupported(let why): .init(suite: check.suite, result: "unsupported", detail: why)
            case .missing: .init(suite: check.suite, result: "missing", detail: "no proof")
            }
        }
        if contextProblem { outcome = .invalid("the credential's first @context must be \(Self.credentialsV2) (VC 2.0 §4.3)") }
        switch outcome {
        case .valid(let key):
            signature = "valid"
            signer = key
        case .invalid(let why):
            signature = "invalid"
            problems.append("Signature: \(why).")
        case .missing:
            signature = "missing"
            problems.append("Signature: the credential has no proof, so anyone could have written it.")
        case .unsupported(let why):
            signature = "unsupported"
            problems.append("Signature: \(why).")
        }

        // 2. Issuer: on the trust list, and the key that signed belongs to it.
        let issuerId = Self.issuerId(credential)
        var issuer = "untrusted"
        if let issuerId, trustedIssuers.contains(issuerId) {
            if let signer, signer.did != issuerId {
                problems.append("Issuer: the credential names \(issuerId) but was signed by \(signer.did).")
            } else if signer != nil {
                issuer = "trusted"
            } else {
                problems.append("Issuer: \(issuerId) is trusted, but without a valid signature nothing shows it issued this.")
            }
        } else {
            problems.append("Issuer: \(issuerId ?? "no issuer") is not on your trust list; add it with `beacon trust add` only if you know who it is.")
        }

        // 3. Validity window.
        var validity = "current"
        for field in ["validFrom", "validUntil"] where credential[field] != nil && credential[field]?.stringValue == nil {
            validity = "expired"
            problems.append("Validity: \(field) is not a date and time written as text, so when the credential ends cannot be known.")
        }
        if validity == "current", let from = credential["validFrom"]?.stringValue {
            if let date = Self.date(from) {
                if now < date {
                    validity = "not-yet-valid"
                    problems.append("Validity: not valid until \(from).")
                }
            } else {
                validity = "not-yet-valid"
                problems.append("Validity: validFrom \(from) is not a date and time.")
            }
        }
        if validity == "current", let until = credential["validUntil"]?.stringValue {
            if let date = Self.date(until) {
                if now >= date {
                    validity = "expired"
                    problems.append("Validity: expired on \(until); the holder may have a renewed credential.")
                }
            } else {
                validity = "expired"
                problems.append("Validity: validUntil \(until) is not a date and time.")
            }
        }

        // 4. Status.
        let (status, statusProblems) = checkStatus(credential, issuer: issuerId)
        problems += statusProblems

        let statusOK = status == "active" || (status == "unchecked" && statusProblems.isEmpty)
        let verified = signature == "valid" && issuer == "trusted" && validity == "current" && statusOK
        return VerificationReport(
            verified: verified,
            checks: .init(signature: signature, issuer: issuer, validity: validity, status: status),
            proofs: proofs,
            problems: problems,
            credential: summary
        )
    }

    /// Reads each BitstringStatusListEntry against its list. No entry: unchecked, not a problem.
    /// An entry whose list is missing or untrustworthy: unchecked, and the credential is not verified.
    private func checkStatus(_ credential: JSONObject, issuer: String?) -> (String, [String]) {
        guard let raw = credential["credentialStatus"] else { return ("unchecked", []) }
        var entries = (raw.arrayValue ?? [raw]).compactMap(\.objectValue)
        guard !entries.isEmpty else { return ("unchecked", ["Status: credentialStatus is not an object."]) }
        var set: Set<String> = []
        // Beacon's companion lists (suspension, inactive, relinquished): same index, beside the revocation list.
        if entries.count == 1, let entry = entries.first, entry["statusPurpose"]?.stringValue == "revocation", let url = entry["statusListCredential"]?.stringValue {
            for companion in StatusListCredential.companions(of: url) where prepared[companion.url] != nil {
                var beside = entry
                beside["statusPurpose"] = JSONValue.string(companion.purpose)
                beside["statusListCredential"] = JSONValue.string(companion.url)
                entries.append(beside)
            }
        }
        for entry in entries {
            guard entry["type"]?.stringValue == "BitstringStatusListEntry" else {
                return ("unchecked", ["Status: status type \(entry["type"]?.stringValue ?? "missing") is not supported, so status could not be checked."])
            }
            guard let url = entry["statusListCredential"]?.stringValue,
                let indexText = entry["statusListIndex"]?.stringValue ?? entry["statusListIndex"]?.numberValue.map({ String(Int($0)) }),
                let index = Int(indexText), index >= 0,
                let purpose = entry["statusPurpose"]?.stringValue
            else {
                return ("unchecked", ["Status: the status entry is incomplete, so status could not be checked."])
            }
            guard let list = prepared[url] else {
                return ("unchecked", ["Status: status could not be checked: the status list \(url) is not available (pass it with --status-list FILE)."])
            }
            guard let signer = list.signer, issuer == nil || signer == issuer else {
                return ("unchecked", ["Status: status could not be checked: the status list \(url) is not validly signed by the issuer."])
            }
            if let reason = list.outOfDate(now) {
                return ("unchecked", ["Status: status could not be checked: the status list \(url) cannot be used, \(reason)."])
            }
            guard list.purpose == purpose, let bits = list.bits else {
                return ("unchecked", ["Status: status could not be checked: the status list \(url) is not a \(purpose) list this verifier can read."])
            }
            guard let isSet = try? bits.isSet(index) else {
                return ("unchecked", ["Status: status could not be checked: index \(index) is outside the list."])
            }
            if isSet { set.insert(purpose) }
        }
        // The most final state first: relinquished and revoked end a certificate; inactive and
        // suspended pause it.
        if set.contains("relinquished") { return ("relinquished", ["Status: relinquished; its holder gave it up, and it no longer certifies anything."]) }
        if set.contains("revocation") { return ("revoked", ["Status: revoked by the issuer; it no longer certifies anything."]) }
        if set.contains("inactive") { return ("inactive", ["Status: inactive; its holder is not practising under it for now, so it does not certify current practice."]) }
        if set.contains("suspension") { return ("suspended", ["Status: suspended by the issuer for now; ask the holder or the issuer why."]) }
        return ("active", [])
    }

    static let credentialsV2 = "https://www.w3.org/ns/credentials/v2"

    static func issuerId(_ credential: JSONObject) -> String? {
        credential["issuer"]?.stringValue ?? credential["issuer"]?["id"]?.stringValue
    }

    public static func summary(_ credential: JSONObject) -> VerificationReport.Summary {
        let subject = credential["credentialSubject"]?.objectValue ?? credential["credentialSubject"]?.arrayValue?.first?.objectValue
        var holder = subject?["name"]?.stringValue
        if holder == nil, let identifiers = subject?["identifier"]?.arrayValue {
            holder = identifiers.compactMap(\.objectValue).first {
                $0["identityType"]?.stringValue == "name" && $0["hashed"]?.boolValue == false
            }?["identityHash"]?.stringValue
        }
        if holder == nil { holder = subject?["id"]?.stringValue }
        let issuer = credential["issuer"]
        return .init(
            id: credential["id"]?.stringValue,
            name: credential["name"]?.stringValue,
            holder: holder,
            achievement: subject?["achievement"]?["name"]?.stringValue,
            issuer: issuer?["name"]?.stringValue ?? issuer?.stringValue ?? issuer?["id"]?.stringValue,
            validFrom: credential["validFrom"]?.stringValue,
            validUntil: credential["validUntil"]?.stringValue,
            language: subject?["achievement"]?["inLanguage"]?.stringValue
        )
    }

    /// February 30th is not a date: a validUntil that names one must not be read as some other day.
    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// XML Schema dateTimeStamp as VC 2.0 uses it: `YYYY-MM-DDThh:mm:ss(.fraction)?` and a zone
    /// (`Z` or ±hh:mm). Parsed by hand: a date formatter per credential dominated verification time.
    public static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func byte(_ at: Int) -> UInt8? { at < bytes.count ? bytes[at] : nil }
        guard let year = number(0, 4), byte(4) == 0x2D, let month = number(5, 2), byte(7) == 0x2D, let day = number(8, 2),
            byte(10) == 0x54 || byte(10) == 0x74, let hour = number(11, 2), byte(13) == 0x3A, let minute = number(14, 2),
            byte(16) == 0x3A, let second = number(17, 2),
            (1...12).contains(month), (1...daysIn(month, of: year)).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var cursor = 19
        var fraction = 0.0
        if byte(cursor) == 0x2E {
            cursor += 1
            var scale = 0.1
            let start = cursor
            while let digit = byte(cursor), digit >= 0x30, digit <= 0x39 {
                fraction += Double(digit - 0x30) * scale
                scale /= 10
                cursor += 1
            }
            guard cursor > start else { return nil }
        }
        var offset = 0
        switch byte(cursor) {
        case 0x5A, 0x7A:
            cursor += 1
        case 0x2B, 0x2D:
            guard let hours = number(cursor + 1, 2), byte(cursor + 3) == 0x3A, let minutes = number(cursor + 4, 2), hours < 24, minutes < 60 else { return nil }
            offset = (hours * 60 + minutes) * 60 * (byte(cursor) == 0x2D ? -1 : 1)
            cursor += 6
        default:
            return nil  // a time zone is required
        }
        guard cursor == bytes.count else { return nil }
        // Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

extension VerificationReport {
    /// The report as `beacon verify --json` and `POST /api/v1/verify` print it: one shared
    /// encoding, so the two can never drift apart.
    public func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Safe: every field is a String, Bool or array of String, which always encode.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}
