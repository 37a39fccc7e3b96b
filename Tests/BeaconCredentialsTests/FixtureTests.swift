import Foundation
import Testing
@testable import BeaconCredentials

@Suite("Spec and 1EdTech fixtures")
struct FixtureTests {
    @Test("Every encodedList in the W3C spec examples decodes")
    func specExamplesDecode() throws {
        let names = try StatusFixtures.names(withPrefix: "example-")
        var listsFound = 0
        for name in names {
            for encoded in StatusFixtures.encodedLists(in: try StatusFixtures.json(name)) {
                listsFound += 1
                let list = try BitstringStatusList(encoded: encoded)
                print("\(name): \(list.count) bits, set indices \(list.setIndices)")
                #expect(list.count == BitstringStatusList.minimumLength, "\(name)")
                #expect(list.meetsMinimumLength, "\(name)")
            }
        }
        #expect(listsFound >= 1)
    }

    /// The example VCs point (by statusListCredential URL and purpose) at the example status
    /// list credentials; where a matching list exists, its bit for the entry is checkable.
    @Test("Spec example entries are consistent with the spec example lists")
    func specExampleEntriesMatchLists() throws {
        let names = try StatusFixtures.names(withPrefix: "example-")
        // (credential id, statusPurpose) -> decoded list
        var lists: [String: BitstringStatusList] = [:]
        for name in names {
            let json = try StatusFixtures.json(name)
            guard let credential = json as? [String: Any],
                  let id = credential["id"] as? String,
                  let subject = credential["credentialSubject"] as? [String: Any],
                  let purpose = subject["statusPurpose"] as? String,
                  let encoded = subject["encodedList"] as? String
            else { continue }
            lists["\(id)|\(purpose)"] = try BitstringStatusList(encoded: encoded)
        }

        var checked = 0
        for name in names {
            for entry in StatusFixtures.statusEntries(in: try StatusFixtures.json(name)) {
                let url = try #require(entry["statusListCredential"] as? String)
                let purpose = try #require(entry["statusPurpose"] as? String)
                let index = try #require(StatusFixtures.index(of: entry))
                guard let list = lists["\(url)|\(purpose)"] else {
                    print("\(name): \(purpose) index \(index) in \(url) — no fixture list, not checkable")
                    continue
                }
                checked += 1
                let revoked = try list.isSet(index)
                print("\(name): \(purpose) index \(index) in \(url) -> \(revoked ? "SET" : "not set")")
                // The spec's example list is all zeros, so the example credential is not revoked.
                #expect(revoked == false, "\(name) index \(index)")
            }
        }
        #expect(checked >= 2)
    }

    @Test("1EdTech validator test list marks the revoked credential's index")
    func oneEdTechRevokedCredential() throws {
        let listJSON = try #require(try StatusFixtures.json("1edtech-validator-testlist.json") as? [String: Any])
        let subject = try #require(listJSON["credentialSubject"] as? [String: Any])
        let encoded = try #require(subject["encodedList"] as? String)
        let list = try BitstringStatusList(encoded: encoded)
        print("1edtech-validator-testlist.json: \(list.count) bits, set indices \(list.setIndices)")
        #expect(list.count == BitstringStatusList.minimumLength)

        let credential = try StatusFixtures.json("1edtech-validator-credential-status-revoked.json")
        let entries = StatusFixtures.statusEntries(in: credential)
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry["statusPurpose"] as? String == subject["statusPurpose"] as? String)
        let index = try #require(StatusFixtures.index(of: entry))
        #expect(try list.isSet(index), "statusListIndex \(index) should be revoked")
        #expect(list.setIndices == [index])
    }

    @Test("Alphabet, padding and prefix variants decode identically")
    func textVariants() throws {
        let listJSON = try #require(try StatusFixtures.json("1edtech-validator-testlist.json") as? [String: Any])
        let subject = try #require(listJSON["credentialSubject"] as? [String: Any])
        let encoded = try #require(subject["encodedList"] as? String)
        let reference = try BitstringStatusList(encoded: encoded)

        let bare = String(encoded.dropFirst())
        let standard = bare.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let padded = standard + String(repeating: "=", count: (4 - standard.count % 4) % 4)
        #expect(standard != bare)  // the fixture really does use URL-only characters
        for variant in [bare, standard, padded, "u" + padded, "u" + standard] {
            #expect(try BitstringStatusList(encoded: variant) == reference, "\(variant.prefix(12))…")
        }
    }
}
