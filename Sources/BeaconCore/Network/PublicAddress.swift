import Foundation

/// Checks the address certificates point employers at (their status lists and pages): it must
/// be reachable by someone else, so loopback and documentation placeholders are refused.
public enum PublicAddress {
    /// Why `text` cannot be the public address, or nil when it can.
    public static func problem(_ text: String) -> String? {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host?.lowercased(), !host.isEmpty
        else { return "\(text) is not an http(s) address" }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" || bare == "0.0.0.0" || bare == "::"
            || bare.hasPrefix("127.") && bare.split(separator: ".").count == 4
        {
            return "\(text) points at this computer, which no employer can reach"
        }
        // RFC 2606 and RFC 6761 names exist only for examples and tests.
        let reserved = [".example", ".test", ".invalid", ".local"]
        if reserved.contains(where: { bare.hasSuffix($0) || bare == String($0.dropFirst()) })
            || ["example.com", "example.net", "example.org"].contains(where: { bare == $0 || bare.hasSuffix("." + $0) })
        {
            return "\(text) is a placeholder name that does not exist on the internet"
        }
        return nil
    }
}
