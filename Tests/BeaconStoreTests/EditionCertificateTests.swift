import BeaconCore
import BeaconCredentials
@testable import BeaconStore
import Foundation
import GRDB
import Testing

/// A certificate is worded in the language of the edition its holder took.
@Suite struct EditionCertificateTests {
    static func edition(_ language: String, title: String) -> Course {
        var course = CertificationConformanceTests.course
        course.language = language
        course.certifications[0].title = title
        return course
    }

    @Test func theCertificateTakesTheWordsAndLanguageOfTheEditionTaken() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("editions-\(UUID().uuidString).sqlite")
        let store = try LearningStore(writer: DatabasePool(path: file.path))
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("editions-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        _ = try KeyStore(home: home).add(name: "issuer-1", seed: Array(repeating: 7, count: 32))
        try store.updateIssuer(.init(name: "Test Org", forTesting: true))
        let service = CertificationService(store: store, keys: KeyStore(home: home))
        let settings = try store.certificationSettings()

        let english = Self.edition("en", title: "Certified Peer Specialist")
        let spanish = Self.edition("es", title: "Especialista de Pares con Certificación")
        let editions = [CourseEdition(course: english, contentHash: "hash-en"), CourseEdition(course: spanish, contentHash: "hash-es")]
        let start = Date(timeIntervalSince1970: 1_800_000_000)

        // Ana's last finished quiz was in the Spanish edition (an English one before it).
        let ana = try store.addTrainee(name: "Ana Ruiz")
        try store.confirmLegalName(trainee: ana.id, name: "Ana Ruiz")
        for (hash, minutes) in [("hash-en", 0.0), ("hash-es", 10.0)] {
            let stamp = CourseStamp(id: "peer-core", version: "2026.1", contentHash: hash)
            let attempt = try store.startAttempt(trainee: ana.id, course: stamp, quiz: "final", seed: 1, questionIds: [], at: start.addingTimeInterval(minutes * 60))
            try store.finishAttempt(attempt, score: 1, passed: true, at: start.addingTimeInterval(minutes * 60 + 60))
        }
        let hers = try service.issue(trainee: ana, course: english, program: english.certifications[0], settings: settings, editions: editions)
        let achievement = try Self.achievement(hers.json)
        #expect(achievement["name"]?.stringValue == "Especialista de Pares con Certificación")
        #expect(achievement["inLanguage"]?.stringValue == "es")
        #expect(achievement["criteria"]?["narrative"]?.stringValue?.hasPrefix("Curso: ") == true)
        // Renewing keeps her edition's words.
        let renewed = try service.renew(hers.id, course: english, settings: settings, editions: editions)
        #expect(try Self.achievement(renewed.json)["inLanguage"]?.stringValue == "es")

        // Sam finished nothing: the rules' own course words the certificate.
        let sam = try store.addTrainee(name: "Sam Lee")
        try store.confirmLegalName(trainee: sam.id, name: "Sam Lee")
        let his = try service.issue(trainee: sam, course: english, program: english.certifications[0], settings: settings, editions: editions)
        #expect(try Self.achievement(his.json)["name"]?.stringValue == "Certified Peer Specialist")
        #expect(try Self.achievement(his.json)["inLanguage"]?.stringValue == "en")
        // The audit says which language was issued.
        let audit = try store.auditEntries().filter { $0.action == "credential.issue" }
        #expect(audit.contains { $0.details.contains("\"language\":\"es\"") || $0.details.contains("\"language\" : \"es\"") })
    }

    @Test func theEditionIsTheOneOfTheLatestFinishedAttempt() {
        let record = CourseRecord(startedAt: nil, activeSeconds: 0, lessons: [:], attempts: [
            "a": [Self.attempt(1, hash: "hash-es", finished: 200)], "b": [Self.attempt(2, hash: "hash-en", finished: 100), Self.attempt(3, hash: "hash-en", finished: nil)],
        ], runs: [:])
        let editions = [CourseEdition(course: Self.edition("en", title: "E"), contentHash: "hash-en"), CourseEdition(course: Self.edition("es", title: "S"), contentHash: "hash-es")]
        #expect(CourseEdition.taken(by: record, among: editions)?.course.language == "es")
        #expect(CourseEdition.taken(by: record, among: [editions[0]]) == nil, "an edition not given is not guessed")
        let none = CourseRecord(startedAt: nil, activeSeconds: 0, lessons: [:], attempts: [:], runs: [:])
        #expect(CourseEdition.taken(by: none, among: editions) == nil)
    }

    static func attempt(_ id: Int64, hash: String, finished: Double?) -> QuizAttemptRecord {
        QuizAttemptRecord(
            id: id, quizId: "q", seed: 1, questionIds: [], startedAt: Date(timeIntervalSince1970: 0), finishedAt: finished.map(Date.init(timeIntervalSince1970:)),
            score: nil, passed: nil, courseVersion: "1", contentHash: hash, answers: []
        )
    }

    static func achievement(_ json: String) throws -> JSONObject {
        guard case .object(let credential) = try JSONValue(parsing: Array(json.utf8)), let achievement = credential["credentialSubject"]?["achievement"]?.objectValue else {
            throw CredentialError("no achievement")
        }
        return achievement
    }
}
