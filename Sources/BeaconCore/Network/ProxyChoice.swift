/// Which HTTP proxy a request should go through, read from the environment the way curl reads
/// it, so `beacon verify` behind a company proxy works as the user's other tools do.
///
/// - `http_proxy` for http (lower case only: a CGI program's `HTTP_PROXY` can be set by a
///   request header, the "httpoxy" problem), `https_proxy` or `HTTPS_PROXY` for https, then
///   `all_proxy` or `ALL_PROXY` for both;
/// - `no_proxy` / `NO_PROXY`: comma-separated host names, each also matching its subdomains
///   (a leading dot is allowed), or `*` for every host.
public struct ProxyChoice: Equatable, Sendable {
    public var host: String
    public var port: Int
    /// `user:password@` in the proxy address, percent-decoded, for Basic authentication.
    public var user: String?
    public var password: String?

    public init(host: String, port: Int, user: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
    }

    /// The proxy for `scheme://host`, or nil to connect directly. A proxy address that cannot
    /// be read (or names a scheme other than http) is ignored rather than guessed at.
    public static func choose(scheme: String, host: String, environment: [String: String]) -> ProxyChoice? {
        let scheme = scheme.lowercased()
        let names = scheme == "https" ? ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] : ["http_proxy", "all_proxy", "ALL_PROXY"]
        guard let raw = names.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else { return nil }
        if bypasses(host: host, list: environment["no_proxy"] ?? environment["NO_PROXY"] ?? "") { return nil }
        return parse(raw)
    }

    static func bypasses(host: String, list: String) -> Bool {
        let host = host.lowercased().trimmingDot()
        for entry in list.split(separator: ",") {
            var name = entry.filter { $0 != " " && $0 != "\t" }.lowercased()
            if name == "*" { return true }
            if name.hasPrefix(".") { name.removeFirst() }
            // Entries may carry a port ("example.org:8080"); the port does not change the choice here.
            if let colon = name.lastIndex(of: ":"), !name.contains("]"), name.filter({ $0 == ":" }).count == 1 {
                name = String(name[..<colon])
            }
            guard !name.isEmpty else { continue }
            if host == name || host.hasSuffix("." + name) { return true }
        }
        return false
    }

    /// `http://[user:password@]host:port`, `host:port` or `host` (port 1080, curl's default).
    static func parse(_ raw: String) -> ProxyChoice? {
        var rest = Substring(raw.trimmingSpaces())
        if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") {
            guard rest[..<colon].lowercased() == "http" else { return nil }
            rest = rest[rest.index(colon, offsetBy: 3)...]
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        var user: String?
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let info = rest[..<at]
            let colon = info.firstIndex(of: ":") ?? info.endIndex
            user = percentDecoded(info[..<colon])
            password = colon == info.endIndex ? "" : percentDecoded(info[info.index(after: colon)...])
            guard user != nil, password != nil else { return nil }
            rest = rest[rest.index(after: at)...]
        }
        guard !rest.isEmpty else { return nil }
        var host = rest
        var port = 1080
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") {
                guard let value = Int(after.dropFirst()) else { return nil }
                port = value
            } else if !after.isEmpty {
                return nil
            }
        } else if let colon = rest.lastIndex(of: ":") {
            guard let value = Int(rest[rest.index(after: colon)...]) else { return nil }
            host = rest[..<colon]
            port = value
        }
        guard !host.isEmpty, (1...65535).contains(port) else { return nil }
        return ProxyChoice(host: String(host), port: port, user: user, password: password)
    }

    /// `%XX` escapes decoded as UTF-8; nil for a broken escape or bytes that are not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = utf8.next().flatMap(hexValue), let low = utf8.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension String {
    fileprivate func trimmingDot() -> String { hasSuffix(".") ? String(dropLast()) : self }
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
