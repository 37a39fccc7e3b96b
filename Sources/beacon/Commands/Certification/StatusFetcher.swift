import AsyncHTTPClient
import BeaconCore
import BeaconCredentials
import Foundation
import NIOCore
import NIOHTTP1

/// Fetches status list credentials over HTTP(S) for `beacon verify`, with a short timeout:
/// a verifier offline or behind a firewall falls back to --status-list files.
///
/// AsyncHTTPClient rather than URLSession: FoundationNetworking brings libcurl and some twenty
/// libraries it needs into every `beacon` start, which cost more than half the start-up time.
enum StatusFetcher {
    /// A status list is a few kilobytes; anything past this is not one.
    static let maxBytes = 1 << 20

    /// The status list URLs a credential names, with the companion lists beside each, leaving
    /// out those already `given`. A list given by hand (offline) keeps its companions offline too:
    /// the verifier does not go online only for them.
    static func urls(in credential: JSONObject, given: Set<String> = []) -> [String] {
        guard let raw = credential["credentialStatus"] else { return [] }
        var urls: [String] = []
        for entry in (raw.arrayValue ?? [raw]).compactMap(\.objectValue) {
            guard let url = entry["statusListCredential"]?.stringValue, !given.contains(url) else { continue }
            urls.append(url)
            urls += StatusListCredential.companions(of: url).map(\.url).filter { !given.contains($0) }
        }
        return urls
    }

    /// Each list that answered 200 with a JSON object, by address; the others are left out.
    static func fetch(_ addresses: [String], timeout: Int64 = 5) async -> [String: JSONObject] {
        await fetchAll(addresses) { await fetch($0, timeout: timeout) }
    }

    /// `fetch` for every key at once, keeping the answers that came.
    static func fetchAll(_ keys: [String], _ fetch: @escaping @Sendable (String) async -> JSONObject?) async -> [String: JSONObject] {
        await withTaskGroup(of: (String, JSONObject?).self) { group in
            for key in keys { group.addTask { (key, await fetch(key)) } }
            var found: [String: JSONObject] = [:]
            for await (key, value) in group { if let value { found[key] = value } }
            return found
        }
    }

    static func fetch(_ address: String, timeout: Int64) async -> JSONObject? {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else { return nil }
        var proxy: HTTPClient.Configuration.Proxy?
        if let choice = ProxyChoice.choose(scheme: scheme, host: host, environment: ProcessInfo.processInfo.environment) {
            let authorization = choice.user.map { HTTPClient.Authorization.basic(username: $0, password: choice.password ?? "") }
            proxy = .server(host: choice.host, port: choice.port, authorization: authorization)
        }
        let configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: 3, allowCycles: false),
            timeout: .init(connect: .seconds(timeout), read: .seconds(timeout)),
            proxy: proxy
        )
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let list = await get(url: address, with: client, timeout: timeout)
        try? await client.shutdown()
        return list
    }

    private static func get(url: String, with client: HTTPClient, timeout: Int64) async -> JSONObject? {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/vc+ld+json, application/json")
        do {
            let response = try await client.execute(request, timeout: .seconds(timeout))
            guard response.status == .ok else { return nil }
            let body = try await response.body.collect(upTo: maxBytes)
            guard case .object(let list)? = try? JSONValue(parsing: Array(body.readableBytesView)) else { return nil }
            return list
        } catch {
            return nil
        }
    }
}
