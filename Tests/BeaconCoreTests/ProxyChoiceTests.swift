@testable import BeaconCore
import Testing

/// Proxy settings read as curl reads them.
@Suite struct ProxyChoiceTests {
    func choose(_ scheme: String, _ host: String, _ environment: [String: String]) -> ProxyChoice? {
        ProxyChoice.choose(scheme: scheme, host: host, environment: environment)
    }

    @Test func eachSchemeHasItsOwnVariableThenAllProxy() {
        let environment = ["http_proxy": "http://plain:3128", "https_proxy": "secure:8443", "ALL_PROXY": "http://every:1"]
        #expect(choose("http", "example.org", environment) == ProxyChoice(host: "plain", port: 3128))
        #expect(choose("HTTPS", "example.org", environment) == ProxyChoice(host: "secure", port: 8443))
        #expect(choose("https", "example.org", ["ALL_PROXY": "http://every:1"]) == ProxyChoice(host: "every", port: 1))
        #expect(choose("http", "example.org", [:]) == nil)
        #expect(choose("http", "example.org", ["http_proxy": ""]) == nil, "an empty value means no proxy")
    }

    @Test func upperCaseHTTPProxyIsIgnoredAsCurlDoes() {
        // A CGI program receives a request's Proxy: header as HTTP_PROXY ("httpoxy").
        #expect(choose("http", "example.org", ["HTTP_PROXY": "http://attacker:80"]) == nil)
        #expect(choose("https", "example.org", ["HTTPS_PROXY": "http://corp:80"]) == ProxyChoice(host: "corp", port: 80))
    }

    @Test func noProxyMatchesHostsAndTheirSubdomains() {
        let environment = ["https_proxy": "http://corp:8080", "no_proxy": " localhost, .internal.example ,10.0.0.7:8443"]
        #expect(choose("https", "localhost", environment) == nil)
        #expect(choose("https", "status.internal.example", environment) == nil)
        #expect(choose("https", "internal.example", environment) == nil)
        #expect(choose("https", "10.0.0.7", environment) == nil)
        #expect(choose("https", "notinternal.example", environment) == ProxyChoice(host: "corp", port: 8080))
        #expect(choose("https", "LOCALHOST.", environment) == nil, "case and a trailing dot do not matter")
        #expect(choose("https", "anything", ["https_proxy": "corp:1", "NO_PROXY": "*"]) == nil)
    }

    @Test func addressesAreReadOrRefusedNotGuessed() {
        #expect(ProxyChoice.parse("corp") == ProxyChoice(host: "corp", port: 1080))
        #expect(ProxyChoice.parse("http://corp:3128/") == ProxyChoice(host: "corp", port: 3128))
        #expect(ProxyChoice.parse("HTTP://[::1]:3128") == ProxyChoice(host: "::1", port: 3128))
        #expect(ProxyChoice.parse("http://us%40er:p%3Ass@corp:3128") == ProxyChoice(host: "corp", port: 3128, user: "us@er", password: "p:ss"))
        #expect(ProxyChoice.parse("socks5://corp:1080") == nil, "only HTTP proxies are supported")
        #expect(ProxyChoice.parse("corp:0") == nil)
        #expect(ProxyChoice.parse("corp:99999") == nil)
        #expect(ProxyChoice.parse("corp:port") == nil)
        #expect(ProxyChoice.parse("http://user:%zz@corp:1") == nil)
        #expect(ProxyChoice.parse("[::1") == nil)
    }
}
