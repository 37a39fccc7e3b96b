import Testing
@testable import BeaconCore

@Suite struct ISODurationTests {
    @Test(arguments: [
        ("P2Y", "P2Y", 0.0),
        ("PT1H", "PT1H", 3600.0),
        ("P1DT12H", "P1DT12H", 129_600.0),
        ("PT90M", "PT90M", 5400.0),
        ("PT1.5S", "PT1.5S", 1.5),
        ("P1Y2M3DT4H5M6S", "P1Y2M3DT4H5M6S", 273_906.0),
    ])
    func parsesAndPrintsBack(text: String, printed: String, seconds: Double) throws {
        let duration = try #require(ISODuration(text))
        #expect(duration.description == printed)
        #expect(duration.fixedSeconds == seconds)
    }

    @Test(arguments: ["", "P", "2Y", "PT", "P1H", "PT1Y", "P-1D", "P1.5Y", "PTT1H", "P1DT"])
    func refusesWhatIsNotADuration(text: String) {
        #expect(ISODuration(text) == nil)
    }
}
