import BeaconStore
import Foundation
import GRDB
import Testing

/// Enrolment for the SSH service: a code works once and not after it expires, binds a key to
/// its trainee, and is never stored or audited in clear.
@Suite struct EnrolmentTests {
    @Test func aCodeBindsAKeyOnceAndIsKeptOnlyAsAHash() throws {
        let queue = try DatabaseQueue()
        let store = try LearningStore(writer: queue)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let issued = try store.issueEnrolmentCode(traineeName: "Sam Lee", traineeId: nil, cohort: "spring-2027", validFor: 3_600, at: start)
        #expect(issued.code.range(of: #"^[346789ABCDEFGHJKMNPQRTWXY]{4}-[346789ABCDEFGHJKMNPQRTWXY]{4}-[346789ABCDEFGHJKMNPQRTWXY]{4}$"#, options: .regularExpression) != nil)
        #expect(try store.cohort(of: issued.trainee.id) == "spring-2027")
        // Typed in lower case with spaces: the same code.
        let typed = issued.code.lowercased().replacingOccurrences(of: "-", with: " ")
        let first = try store.redeemEnrolmentCode(typed, fingerprint: "SHA256:abc", publicKey: "ssh-ed25519 AAAA", source: "127.0.0.1", actor: "ssh", at: start + 60)
        #expect(first == .success(issued.trainee))
        #expect(try store.trainee(forKey: "SHA256:abc") == issued.trainee)
        let again = try store.redeemEnrolmentCode(issued.code, fingerprint: "SHA256:other", publicKey: "ssh-ed25519 BBBB", source: "127.0.0.1", actor: "ssh", at: start + 120)
        #expect(again == .failure(.used))
        #expect(try store.trainee(forKey: "SHA256:other") == nil)

        let late = try store.issueEnrolmentCode(traineeName: nil, traineeId: issued.trainee.id, cohort: nil, validFor: 60, at: start)
        #expect(try store.redeemEnrolmentCode(late.code, fingerprint: "SHA256:late", publicKey: "k", source: "x", actor: "ssh", at: start + 61) == .failure(.expired))
        #expect(try store.redeemEnrolmentCode("AAAA-BBBB-CCCC", fingerprint: "SHA256:late", publicKey: "k", source: "x", actor: "ssh", at: start) == .failure(.unknown))

        // Nothing in the database holds a code in clear, and every attempt was audited.
        let dump = try queue.read { db in
            try ["enrolmentCode", "auditLog", "traineeKey"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\($0)" }
            }.joined(separator: "\n")
        }
        #expect(!dump.contains(issued.code) && !dump.contains(late.code))
        let redeems = try store.auditEntries().filter { $0.action == "enrolment.redeem" }
        #expect(redeems.count == 4)
        #expect(try store.verifyAuditLog().intact)
    }

    @Test func erasingATraineeRemovesTheirKeysAndCodes() throws {
        let store = try LearningStore(writer: DatabaseQueue())
        let issued = try store.issueEnrolmentCode(traineeName: "Ana Ruiz", traineeId: nil, cohort: nil, validFor: 3_600)
        _ = try store.redeemEnrolmentCode(issued.code, fingerprint: "SHA256:ana", publicKey: "k", source: "x", actor: "ssh")
        _ = try store.issueEnrolmentCode(traineeName: nil, traineeId: issued.trainee.id, cohort: nil, validFor: 3_600)
        _ = try store.eraseTrainee(id: issued.trainee.id)
        #expect(try store.trainee(forKey: "SHA256:ana") == nil)
        #expect(try store.keys(trainee: issued.trainee.id).isEmpty)
    }
}
