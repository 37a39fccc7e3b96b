import AsyncHTTPClient
import BeaconCredentials
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// Fetches did:web DID documents for `beacon verify`, under the limits status lists have:
/// HTTPS only (did:web requires it), 5 s, at most 3 redirects, 64 KiB. `SSL_CERT_FILE` names
/// the certificate authorities to trust instead of the system's, as OpenSSL's tools do (an
/// organisation's own CA, or a test's).
enum DIDWebFetcher {
    static let maxBytes = 1 << 16

    /// Each document that answered 200 with a JSON object whose id is the DID.
    static func fetch(_ dids: [String], timeout: Int64 = 5) async -> [String: JSONObject] {
        await StatusFetcher.fetchAll(dids) { await fetch($0, timeout: timeout) }
    }

    static func fetch(_ did: String, timeout: Int64) async -> JSONObject? {
        guard let web = DIDWeb(did: did) else { return nil }
        var tls = TLSConfiguration.makeClientConfiguration()
        if let authorities = ProcessInfo.processInfo.environment["SSL_CERT_FILE"], !authorities.isEmpty {
            tls.trustRoots = .file(authorities)
        }
        // Redirects are followed here, not by the client, so that each hop must be HTTPS too.
        let configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(timeout), read: .seconds(timeout))
        )
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { _ = client.shutdown() }
        var address = web.documentURL
        do {
            for _ in 0...3 {
                var request = HTTPClientRequest(url: address)
                request.headers.add(name: "Accept", value: "application/did+json, application/json")
                let response = try await client.execute(request, timeout: .seconds(timeout))
                if [.movedPermanently, .found, .seeOther, .temporaryRedirect, .permanentRedirect].contains(response.status) {
                    guard let location = response.headers.first(name: "Location"), let next = URL(string: location, relativeTo: URL(string: address)),
                        next.scheme?.lowercased() == "https"
                    else { return nil }
                    address = next.absoluteString
                    continue
                }
                guard response.status == .ok else { return nil }
                let body = try await response.body.collect(upTo: maxBytes)
                guard case .object(let document)? = try? JSONValue(parsing: Array(body.readableBytesView)), document["id"]?.stringValue == did else { return nil }
                return document
            }
            return nil
        } catch {
            return nil
        }
    }
}
