import Foundation

/// What goes into a Beacon certificate. Holder name, achievement and dates only: never scores,
/// answers or anything a trainee wrote.
public struct BadgeContent: Sendable, Equatable {
    public var id: String
    public var issuer: DIDKey
    /// The issuer's DID when it is not the key's did:key: a did:web naming the institution.
    public var issuerDID: String?
    public var issuerName: String
    public var issuerURL: String?
    public var holderName: String
    /// A stable id for the certification program (`urn:beacon:program:COURSE:PROGRAM`).
    public var achievementId: String
    public var achievementName: String
    public var achievementDescription: String
    public var criteria: String
    public var validFrom: Date
    public var validUntil: Date?
    /// Status entries (revocation, suspension) at this credential's slot.
    public var statusIndex: Int?
    /// Base URL of the status lists: `{base}/revocation` and `{base}/suspension` … see `StatusListCredential.url`.
    public var statusBaseURL: String?
    /// The credential this one renews.
    public var replaces: String?
    /// Its SRI digest (`sha384-…` of the renewed credential's JSON as issued), so the renewal
    /// names exactly which credential it replaces.
    public var replacesDigestSRI: String?
    /// The language the achievement is worded in (BCP 47: "en", "es"), as Open Badges 3.0's
    /// `Achievement.inLanguage`; verification pages read it to say what language it is in.
    public var language: String?

    public init(
        id: String, issuer: DIDKey, issuerName: String, issuerURL: String?, holderName: String,
        achievementId: String, achievementName: String, achievementDescription: String, criteria: String,
        validFrom: Date, validUntil: Date?, statusIndex: Int?, statusBaseURL: String?, replaces: String?
    ) {
        self.id = id
        self.issuer = issuer
        self.issuerName = issuerName
        self.issuerURL = issuerURL
        self.holderName = holderName
        self.achievementId = achievementId
        self.achievementName = achievementName
        self.achievementDescription = achievementDescription
        self.criteria = criteria
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.statusIndex = statusIndex
        self.statusBaseURL = statusBaseURL
        self.replaces = replaces
    }
}

/// Builds Open Badges 3.0 `OpenBadgeCredential`s (VC Data Model 2.0).
public enum OpenBadgeCredential {
    public static let contexts = [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]

    /// The unsigned credential; sign it with `DataIntegrity.sign(_:with:created:proofAsArray: true)`.
    public static func unsigned(_ content: BadgeContent) -> JSONObject {
        var issuer = JSONObject([
            ("id", .string(content.issuerDID ?? content.issuer.did)),
            ("type", .array([.string("Profile")])),
            ("name", .string(content.issuerName)),
        ])
        if let url = content.issuerURL { issuer["url"] = .string(url) }
        var achievement = JSONObject([
            ("id", .string(content.achievementId)),
            ("type", .array([.string("Achievement")])),
            ("name", .string(content.achievementName)),
            ("description", .string(content.achievementDescription)),
            ("criteria", .object(JSONObject([("narrative", .string(content.criteria))]))),
        ])
        if let language = content.language { achievement["inLanguage"] = .string(language) }
        // The holder is named, not hashed: an employer compares it with the person in front of them.
        let identity = JSONObject([
            ("type", .string("IdentityObject")),
            ("identityType", .string("name")),
            ("hashed", .bool(false)),
            ("identityHash", .string(content.holderName)),
        ])
        let subject = JSONObject([
            ("type", .array([.string("AchievementSubject")])),
            ("identifier", .array([.object(identity)])),
            ("achievement", .object(achievement)),
        ])
        var credential = JSONObject([
            ("@context", .array(contexts.map(JSONValue.string))),
            ("id", .string(content.id)),
            ("type", .array([.string("VerifiableCredential"), .string("OpenBadgeCredential")])),
            ("name", .string(content.achievementName)),
            ("issuer", .object(issuer)),
            ("validFrom", .string(CredentialVerifier.timestamp(content.validFrom))),
        ])
        if let until = content.validUntil { credential["validUntil"] = .string(CredentialVerifier.timestamp(until)) }
        credential["credentialSubject"] = .object(subject)
        if let index = content.statusIndex, let base = content.statusBaseURL {
            // One entry, as the Open Badges 3.0 schema requires an object here. Suspension is
            // published in a companion list at the same index (see StatusListCredential).
            let list = StatusListCredential.url(base: base, purpose: "revocation")
            credential["credentialStatus"] = .object(JSONObject([
                ("id", .string("\(list)#\(index)")),
                ("type", .string("BitstringStatusListEntry")),
                ("statusPurpose", .string("revocation")),
                ("statusListIndex", .string(String(index))),
                ("statusListCredential", .string(list)),
            ]))
        }
        // VC 2.0's relatedResource: a term every verifier's contexts define (a bare "replaces"
        // is undefined, so safe-mode JSON-LD refuses it and RDF would drop it).
        if let replaces = content.replaces {
            var related = JSONObject([("id", .string(replaces))])
            if let digest = content.replacesDigestSRI { related["digestSRI"] = .string(digest) }
            credential["relatedResource"] = .array([.object(related)])
        }
        return credential
    }
}

/// The signed `BitstringStatusListCredential`s that publish which slots are revoked or suspended.
///
/// A credential names only its revocation list (Open Badges allows one status entry). The
/// suspension list sits beside it, `{base}/status/suspension`, at the same index; Beacon's
/// verifier reads it when it has it, other verifiers see revocation only.
public enum StatusListCredential {
    /// Every list Beacon publishes. A credential names revocation; the others sit beside it at
    /// the same index and Beacon's verifier reads them when it has them. Relinquished
    /// certificates are also set in revocation, and inactive ones in suspension, so a verifier
    /// that knows only those still reaches the right verdict.
    public static let purposes = ["revocation", "suspension", "inactive", "relinquished"]

    /// The lists beside a revocation list's address, with their purposes.
    public static func companions(of revocationURL: String) -> [(purpose: String, url: String)] {
        guard revocationURL.hasSuffix("/status/revocation") else { return [] }
        let base = String(revocationURL.dropLast("revocation".count))
        return purposes.dropFirst().map { ($0, base + $0) }
    }

    /// `{base}/status/{purpose}`.
    public static func url(base: String, purpose: String) -> String {
        (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/status/" + purpose
    }

    public static func unsigned(
        base: String, purpose: String, issuer: DIDKey, list: BitstringStatusList, validFrom: Date, issuerDID: String? = nil
    ) throws(CredentialError) -> JSONObject {
        let id = url(base: base, purpose: purpose)
        let encoded: String
        do {
            encoded = try list.encoded()
        } catch {
            throw CredentialError("cannot encode the status list: \(error.description)")
        }
        return JSONObject([
            ("@context", .array([.string("https://www.w3.org/ns/credentials/v2")])),
            ("id", .string(id)),
            ("type", .array([.string("VerifiableCredential"), .string("BitstringStatusListCredential")])),
            ("issuer", .string(issuerDID ?? issuer.did)),
            ("validFrom", .string(CredentialVerifier.timestamp(validFrom))),
            ("credentialSubject", .object(JSONObject([
                ("id", .string(id + "#list")),
                ("type", .string("BitstringStatusList")),
                ("statusPurpose", .string(purpose)),
                ("encodedList", .string(encoded)),
            ]))),
        ])
    }
}
