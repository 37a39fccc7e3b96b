import Testing
@testable import BeaconCore

@Suite struct PlainDecimalTests {
    @Test(arguments: [(2.0, "2"), (0.5, "0.5"), (-0.25, "-0.25"), (1e-5, "0.00001"), (0.1 + 0.2, "0.30000000000000004")])
    func numbersAreWrittenWithoutExponents(value: Double, text: String) {
        #expect(plainDecimal(value) == text)
    }
}
