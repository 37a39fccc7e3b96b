import BeaconQR
import Testing

@Suite struct ModulesTests {
    static let url = "https://example.com/c/urn:uuid:1234"

    @Test func matrixIsSquareWithAValidQRSize() throws {
        let matrix = try #require(QRCode.modules(for: Self.url))
        let size = matrix.count
        // Versions 1...40 are 21, 25, ..., 177 modules wide.
        #expect(size >= 21 && size <= 177 && (size - 21) % 4 == 0)
        #expect(matrix.allSatisfy { $0.count == size })
    }

    @Test func finderPatternsAreWhereTheBitMappingSaysTheyAre() throws {
        // A wrong dark bit (or a transposed copy) would break these fixed shapes.
        let matrix = try #require(QRCode.modules(for: Self.url))
        let last = matrix.count - 1
        for (row, column) in [(0, 0), (0, last - 6), (last - 6, 0)] {
            #expect(matrix[row][column] && matrix[row + 6][column + 6])
            #expect(!matrix[row + 1][column + 1])  // light ring
            #expect(matrix[row + 3][column + 3])  // dark centre
        }
    }

    @Test func encodingIsCaseSensitive() {
        #expect(QRCode.modules(for: "https://example.com/ABC") != QRCode.modules(for: "https://example.com/abc"))
    }

    @Test func tooLongOrNULContainingTextFails() {
        // Version 40-M holds 2331 bytes; beyond that libqrencode reports ERANGE.
        #expect(QRCode.modules(for: String(repeating: "x", count: 4000)) == nil)
        #expect(QRCode.svg(for: String(repeating: "x", count: 4000), title: "t") == nil)
        #expect(QRCode.modules(for: "abc\u{0}def") == nil)
    }

    @Test func concurrentCallsMatchSerialResults() async {
        let texts = (0..<32).map { "https://example.com/c/urn:uuid:\($0)-\(String(repeating: "z", count: $0 * 7))" }
        let expected = texts.map { QRCode.modules(for: $0) }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for round in 0..<8 {
                for (index, text) in texts.enumerated() {
                    group.addTask {
                        let svgOK = QRCode.svg(for: text, title: "r\(round)") != nil
                        return QRCode.modules(for: text) == expected[index] && svgOK ? 0 : 1
                    }
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
