import BeaconCore
import BeaconStore
import Foundation
import HTTPTypes
import HummingbirdWebSocket
import Testing
@testable import BeaconWeb

/// Who may open the terminal's WebSocket, decided before the upgrade.
@Suite struct TerminalSocketTests {
    func request(origin: String?, cookie: String?, path: String = "/learn/socket") -> HTTPRequest {
        var fields = HTTPFields()
        if let origin { fields[.origin] = origin }
        if let cookie { fields[.cookie] = "other=1; beacon_session=\(cookie)" }
        return HTTPRequest(method: .get, scheme: "http", authority: "learn.example:8080", path: path, headerFields: fields)
    }

    func upgrades(_ result: ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>>) -> Bool {
        if case .upgrade = result { return true }
        return false
    }

    @Test func onlyASignedInPageOnThisOriginGetsASocket() async throws {
        let harness = try LinearPageTests.harness()
        let (trainee, _, _) = try harness.store.issueEnrolmentCode(traineeName: "Ana Ruiz", traineeId: nil, cohort: nil, validFor: 3600)
        let token = LearnService.token()
        try harness.store.startWebSession(trainee: trainee.id, tokenHash: LearnService.digest(token), csrfToken: "c", source: "test", clearing: [])
        let service = harness.service
        #expect(upgrades(try await service.shouldUpgrade(request(origin: "http://learn.example:8080", cookie: token))))
        #expect(!upgrades(try await service.shouldUpgrade(request(origin: "https://evil.example", cookie: token))), "another site's page")
        #expect(!upgrades(try await service.shouldUpgrade(request(origin: nil, cookie: token))), "no Origin at all")
        #expect(!upgrades(try await service.shouldUpgrade(request(origin: "http://learn.example:8080", cookie: nil))), "no session")
        #expect(!upgrades(try await service.shouldUpgrade(request(origin: "http://learn.example:8080", cookie: "forged"))), "a forged cookie")
        #expect(!upgrades(try await service.shouldUpgrade(request(origin: "http://learn.example:8080", cookie: token, path: "/elsewhere"))))
    }

    @Test func theBundleRegistersEachModuleAndResolvesRelativeRequires() {
        let script = XtermBundle.wrap([("public/Terminal", "exports.Terminal = require(\"../Terminal\").Terminal;"), ("Terminal", "exports.Terminal = 1;\n//# sourceMappingURL=Terminal.js.map")])
        #expect(script.contains("beaconModules[\"public/Terminal\"] = function (require, module, exports) {"))
        #expect(!script.contains("sourceMappingURL"))
        #expect(script.contains("window.BeaconXterm = beaconRequire(\"public/Terminal\").Terminal;"))
    }
}
