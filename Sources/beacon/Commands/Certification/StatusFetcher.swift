import BeaconCredentials
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches status list credentials over HTTP(S) for `beacon verify`, with a short timeout:
/// a verifier offline or behind a firewall falls back to --status-list files.
enum StatusFetcher {
    /// The status list URLs a credential names, with the companion suspension list.
    static func urls(in credential: JSONObject) -> [String] {
        guard let raw = credential["credentialStatus"] else { return [] }
        var urls: [String] = []
        for entry in (raw.arrayValue ?? [raw]).compactMap(\.objectValue) {
            guard let url = entry["statusListCredential"]?.stringValue else { continue }
            urls.append(url)
            if url.hasSuffix("/status/revocation") { urls.append(String(url.dropLast("revocation".count)) + "suspension") }
        }
        return urls
    }

    static func fetch(_ address: String, timeout: TimeInterval = 5) -> JSONObject? {
        guard let url = URL(string: address), ["http", "https"].contains(url.scheme?.lowercased() ?? "") else { return nil }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue("application/vc+ld+json, application/json", forHTTPHeaderField: "Accept")
        let box = FetchBox()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, _ in
            if let data, (response as? HTTPURLResponse)?.statusCode == 200, data.count <= 1 << 20 { box.set(data) }
            done.signal()
        }
        task.resume()
        guard done.wait(timeout: .now() + timeout + 1) == .success, let data = box.get(),
            case .object(let list)? = try? JSONValue(parsing: [UInt8](data))
        else {
            task.cancel()
            return nil
        }
        return list
    }
}

/// Carries the response body out of URLSession's callback.
private final class FetchBox: @unchecked Sendable {
    // Safe: guarded by the lock.
    private var data: Data?
    private let lock = NSLock()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data? { lock.withLock { data } }
}
