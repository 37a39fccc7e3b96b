import BeaconQR
import Testing

@Suite struct SVGTests {
    static let url = "https://example.com/c/urn:uuid:1234"

    @Test func svgIsAStandaloneElementWithQuietZoneViewBox() throws {
        let size = try #require(QRCode.modules(for: Self.url)).count
        let svg = try #require(QRCode.svg(for: Self.url, title: "Beacon"))
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.hasSuffix("</svg>"))
        #expect(!svg.contains("<?xml"))
        #expect(svg.contains("viewBox=\"0 0 \(size + 8) \(size + 8)\""))
        #expect(svg.contains("<title>Beacon</title>"))
        #expect(svg.ranges(of: "<path").count == 1)
    }

    @Test func titleIsEscapedAndNothingActiveOrExternalIsEmitted() throws {
        let svg = try #require(QRCode.svg(for: Self.url, title: "<script>&\"'"))
        #expect(svg.contains("<title>&lt;script&gt;&amp;\"'</title>"))
        #expect(!svg.lowercased().contains("<script"))
        #expect(!svg.lowercased().contains("href"))
    }

    @Test func controlCharactersThatXMLCannotCarryAreDropped() throws {
        let svg = try #require(QRCode.svg(for: Self.url, title: "a\u{1}b\u{FFFF}c\td"))
        #expect(svg.contains("<title>abc\td</title>"))
    }

    @Test func pathHasOneUnitSquarePerDarkModule() throws {
        let matrix = try #require(QRCode.modules(for: Self.url))
        let svg = try #require(QRCode.svg(for: Self.url, title: "t"))
        let dark = matrix.joined().filter { $0 }.count
        #expect(svg.ranges(of: "h1v1h-1z").count == dark)
        // Offset by the quiet zone: the top-left finder corner is module (4, 4).
        #expect(svg.contains("d=\"M4 4h1v1h-1z"))
    }
}
