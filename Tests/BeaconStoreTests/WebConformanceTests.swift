import BeaconCore
import BeaconStore
import Foundation
import GRDB
import Testing

/// Trainees in a browser, on both backends: a passphrase set with a one-time code, sessions that
/// expire when idle, and a throttle that locks a name (enrolled or not) and an address.
@Suite(.serialized) struct WebConformanceTests {
    typealias Backend = StoreConformanceTests.Backend

    static func store(_ backend: Backend) throws -> LearningStore? {
        switch backend {
        case .sqlite:
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("web-\(UUID().uuidString).sqlite")
            return try LearningStore(writer: DatabasePool(path: file.path))
        case .postgres:
            guard let postgres = try StoreConformanceTests.open(.postgres) as? PostgresRecordDatabase else { return nil }
            return try LearningStore(postgres: postgres)
        }
    }

    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: Backend.allCases)
    func aCodeSetsAPassphraseOnceAndSessionsExpireWhenIdle(_ backend: Backend) throws {
        guard let store = try Self.store(backend) else { return }
        let (trainee, code, _) = try store.issueEnrolmentCode(traineeName: "Ana Ruiz", traineeId: nil, cohort: "spring", validFor: 3600, at: Self.now)
        #expect(try store.enrolForWeb(code: "nope-nope-nope", passphraseHash: "h", source: "203.0.113.9", at: Self.now) == .failure(.unknown))
        #expect(try store.enrolForWeb(code: code.lowercased(), passphraseHash: "$2b$12$hash", source: "203.0.113.9", at: Self.now) == .success(trainee))
        #expect(try store.enrolForWeb(code: code, passphraseHash: "other", source: "203.0.113.9", at: Self.now) == .failure(.used))
        #expect(try store.webLogin(trainee: trainee.id)?.hash == "$2b$12$hash")
        #expect(try store.webLogin(trainee: "nobody") == nil)

        try store.startWebSession(trainee: trainee.id, tokenHash: "cookie-hash-1", csrfToken: "csrf-token-1", source: "203.0.113.9", clearing: [], at: Self.now)
        let seen = try store.webSession(tokenHash: "cookie-hash-1", idle: 1800, longest: 43_200, at: Self.now.addingTimeInterval(1000))
        #expect(seen == WebSession(trainee: trainee, csrfToken: "csrf-token-1"))
        // Used at 1000 s, so still alive at 2500 s; then idle for over half an hour it is gone for good.
        #expect(try store.webSession(tokenHash: "cookie-hash-1", idle: 1800, longest: 43_200, at: Self.now.addingTimeInterval(2500)) != nil)
        #expect(try store.webSession(tokenHash: "cookie-hash-1", idle: 1800, longest: 43_200, at: Self.now.addingTimeInterval(4400)) == nil)
        #expect(try store.webSession(tokenHash: "cookie-hash-1", idle: 1800, longest: 43_200, at: Self.now.addingTimeInterval(4401)) == nil)
        try store.startWebSession(trainee: trainee.id, tokenHash: "t2", csrfToken: "c2", source: "203.0.113.9", clearing: [], at: Self.now)
        try store.endWebSession(tokenHash: "t2", at: Self.now)
        #expect(try store.webSession(tokenHash: "t2", idle: 1800, longest: 43_200, at: Self.now) == nil)

        let actions = try store.auditEntries().map(\.action)
        #expect(actions.filter { $0 == "enrolment.redeem" }.count == 3 && actions.contains("web.signin") && actions.contains("web.signout"))
        // Nothing secret or personal in the log: no code, passphrase hash, name or cookie.
        let log = try store.auditEntries().map { "\($0.actor) \($0.subject) \($0.details)" }.joined()
        for secret in [code, "$2b$12$hash", "Ana Ruiz", "cookie-hash-1", "csrf-token-1"] { #expect(!log.contains(secret), "\(secret) in the audit log") }

        // Erasing the trainee removes their passphrase and sessions.
        _ = try store.eraseTrainee(id: trainee.id, at: Self.now)
        #expect(try store.webLogin(trainee: trainee.id) == nil)
    }

    @Test(arguments: Backend.allCases)
    func oneTraineeHasTwoWaysInAKeyAndAPassphrase(_ backend: Backend) throws {
        guard let store = try Self.store(backend) else { return }
        let (trainee, sshCode, _) = try store.issueEnrolmentCode(traineeName: "Kai Moreno", traineeId: nil, cohort: nil, validFor: 3600, at: Self.now)
        #expect(try store.redeemEnrolmentCode(sshCode, fingerprint: "SHA256:key", publicKey: "ssh-ed25519 AAAA", source: "x", actor: "ssh", at: Self.now) == .success(trainee))
        // A second code for the same trainee opens the browser too: one record, two ways in.
        let (same, webCode, _) = try store.issueEnrolmentCode(traineeName: nil, traineeId: trainee.id, cohort: nil, validFor: 3600, at: Self.now)
        #expect(same == trainee)
        #expect(try store.enrolForWeb(code: webCode, passphraseHash: "$2b$04$x", source: "x", at: Self.now) == .success(trainee))
        #expect(try store.trainee(forKey: "SHA256:key") == trainee && store.webLogin(trainee: trainee.id)?.trainee == trainee)
    }

    @Test(arguments: Backend.allCases)
    func repeatedFailuresLockANameWhetherOrNotItIsEnrolled(_ backend: Backend) throws {
        guard let store = try Self.store(backend) else { return }
        var rule = SignInThrottle()
        rule.failures = 3
        let keys = ["name:ghost", "address:198.51.100.7"]
        #expect(try store.recordSignInFailure(keys: keys, reason: "wrong", source: "198.51.100.7", rule: rule, at: Self.now) == nil)
        #expect(try store.recordSignInFailure(keys: keys, reason: "wrong", source: "198.51.100.7", rule: rule, at: Self.now.addingTimeInterval(1)) == nil)
        let locked = try store.recordSignInFailure(keys: keys, reason: "wrong", source: "198.51.100.7", rule: rule, at: Self.now.addingTimeInterval(2))
        #expect(locked == Self.now.addingTimeInterval(2 + rule.lockFor))
        #expect(try store.signInLockedUntil(keys: ["name:ghost"], at: Self.now.addingTimeInterval(60)) == locked)
        #expect(try store.signInLockedUntil(keys: ["address:198.51.100.7"], at: Self.now.addingTimeInterval(60)) == locked)
        #expect(try store.signInLockedUntil(keys: ["name:someone-else"], at: Self.now.addingTimeInterval(60)) == nil)
        #expect(try store.signInLockedUntil(keys: keys, at: Self.now.addingTimeInterval(2 + rule.lockFor + 1)) == nil)
        // Failures spread beyond the window do not add up.
        for minute in [0.0, 20, 40, 60] {
            #expect(try store.recordSignInFailure(keys: ["name:slow"], reason: "wrong", source: "x", rule: rule, at: Self.now.addingTimeInterval(3600 + minute * 60)) == nil)
        }
        // Neither the name nor the address is kept in the throttle or the log.
        let log = try store.auditEntries().map { "\($0.details)" }.joined()
        #expect(!log.contains("ghost"))
    }
}
