import Foundation

/// A `did:web` identifier (W3C CCG did:web method): an institution's DID, resolved to a DID
/// document over HTTPS at the domain it names.
///
/// `did:web:certs.example.org` → `https://certs.example.org/.well-known/did.json`;
/// `did:web:example.org:programs:peer` → `https://example.org/programs/peer/did.json`;
/// a port is written `%3A`: `did:web:localhost%3A8443`.
public struct DIDWeb: Hashable, Sendable {
    public let did: String
    /// Host, and `:port` when one is given.
    public let authority: String
    public let path: [String]

    private static let prefix = "did:web:"

    public init?(did: String) {
        guard did.hasPrefix(Self.prefix) else { return nil }
        let rest = did.dropFirst(Self.prefix.count)
        guard !rest.isEmpty, !rest.contains("#"), !rest.contains("?"), !rest.contains("/") else { return nil }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let hostPart = parts[0].replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%3a", with: ":")
        let hostAndPort = hostPart.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(hostAndPort.count), Self.isHost(String(hostAndPort[0])) else { return nil }
        if hostAndPort.count == 2 {
            guard let port = Int(hostAndPort[1]), (1...65_535).contains(port), String(port) == hostAndPort[1] else { return nil }
        }
        let path = Array(parts.dropFirst())
        guard path.allSatisfy(Self.isSegment) else { return nil }
        self.did = did
        self.authority = hostPart.lowercased()
        self.path = path
    }

    /// Builds the DID for a host (and optional path) as an admin would type it.
    public init?(host: String, path: [String] = []) {
        self.init(did: Self.prefix + host.replacingOccurrences(of: ":", with: "%3A") + path.map { ":" + $0 }.joined())
    }

    /// Where the DID document is published.
    public var documentURL: String {
        "https://" + authority + (path.isEmpty ? "/.well-known/did.json" : "/" + path.joined(separator: "/") + "/did.json")
    }

    /// The path `beacon serve` answers on.
    public var documentPath: String {
        path.isEmpty ? "/.well-known/did.json" : "/" + path.joined(separator: "/") + "/did.json"
    }

    /// The id of one key's verification method: the DID, `#`, the key's multibase.
    public func verificationMethod(_ key: DIDKey) -> String {
        did + "#" + key.publicKeyMultibase
    }

    /// The DID document: every key, current and retired, so that what an old key signed keeps
    /// verifying after rotation. Absolute `Multikey` methods, `assertionMethod` as strings.
    public func document(keys: [DIDKey]) -> JSONObject {
        let methods: [JSONValue] = keys.map { key in
            .object(JSONObject([
                ("id", .string(verificationMethod(key))),
                ("type", .string("Multikey")),
                ("controller", .string(did)),
                ("publicKeyMultibase", .string(key.publicKeyMultibase)),
            ]))
        }
        return JSONObject([
            ("@context", .array([.string("https://www.w3.org/ns/did/v1"), .string("https://w3id.org/security/multikey/v1")])),
            ("id", .string(did)),
            ("verificationMethod", .array(methods)),
            ("assertionMethod", .array(keys.map { .string(verificationMethod($0)) })),
        ])
    }

    /// The Ed25519 key a DID document lists for `method`, usable for assertions; else why not.
    public static func key(for method: String, in document: JSONObject) -> Result<DIDKey, CredentialError> {
        guard let did = method.split(separator: "#", maxSplits: 1).first.map(String.init), method.contains("#") else {
            return .failure(CredentialError("the verificationMethod \(method) names no key (it has no #fragment)"))
        }
        guard document["id"]?.stringValue == did else {
            return .failure(CredentialError("the DID document for \(did) is for \(document["id"]?.stringValue ?? "no DID") instead"))
        }
        let fragment = String(method.dropFirst(did.count))
        func matches(_ id: String?) -> Bool { id == method || id == fragment }
        let listed = (document["assertionMethod"]?.arrayValue ?? []).contains { entry in
            matches(entry.stringValue ?? entry["id"]?.stringValue)
        }
        guard listed else { return .failure(CredentialError("the DID document of \(did) does not list \(method) for assertions")) }
        let candidates = (document["verificationMethod"]?.arrayValue ?? []) + (document["assertionMethod"]?.arrayValue ?? []).filter { $0.objectValue != nil }
        guard let entry = candidates.compactMap(\.objectValue).first(where: { matches($0["id"]?.stringValue) }) else {
            return .failure(CredentialError("the DID document of \(did) has no verification method \(method)"))
        }
        guard let type = entry["type"]?.stringValue, ["Multikey", "Ed25519VerificationKey2020"].contains(type),
            let multibase = entry["publicKeyMultibase"]?.stringValue, let publicKey = Multikey.decodePublic(multibase),
            let key = DIDKey(publicKey: publicKey)
        else { return .failure(CredentialError("the key \(method) is not an Ed25519 Multikey")) }
        if let controller = entry["controller"]?.stringValue, controller != did {
            return .failure(CredentialError("the key \(method) is controlled by \(controller), not \(did)"))
        }
        return .success(key)
    }

    private static func isHost(_ host: String) -> Bool {
        guard !host.isEmpty, host.count <= 253 else { return false }
        return host.unicodeScalars.allSatisfy { c in
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "."
        } && !host.hasPrefix(".") && !host.hasSuffix(".") && !host.hasPrefix("-")
    }

    private static func isSegment(_ segment: String) -> Bool {
        !segment.isEmpty && segment.unicodeScalars.allSatisfy { c in
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || "-._~%".unicodeScalars.contains(c)
        }
    }
}
