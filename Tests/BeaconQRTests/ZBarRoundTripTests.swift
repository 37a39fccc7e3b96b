import BeaconQR
import Foundation
import Testing

/// Decodes our output with an independent reader (ZBar). Skipped when the
/// Debian package zbar-tools (or, for the SVG case, imagemagick) is absent;
/// set BEACONQR_REQUIRE_ZBAR=1 in CI to turn that skip into a failure.
@Suite struct ZBarRoundTripTests {
    static let zbarimg = Tools.find("zbarimg")
    static let convert = Tools.find("convert")
    static let texts = [
        "https://example.com/c/urn:uuid:1234",
        "Hello, World! MiXeD Case 0123456789 $%*+-./:",
        "Grüße 🚀 ünïcødé",
        // Long enough for version >= 7, which adds version-information blocks.
        "https://example.com/c/urn:uuid:" + String(repeating: "0123456789abcdef", count: 12),
    ]

    @Test func toolsArePresentWhenRequired() {
        guard ProcessInfo.processInfo.environment["BEACONQR_REQUIRE_ZBAR"] == "1" else { return }
        #expect(Self.zbarimg != nil, "BEACONQR_REQUIRE_ZBAR=1 but zbarimg is not on PATH")
        #expect(Self.convert != nil, "BEACONQR_REQUIRE_ZBAR=1 but convert is not on PATH")
        // Without its own SVG coder (libmagickcore-6.q16-6-extra), ImageMagick cannot read SVG or
        // ignores -density, and the round trip below fails with wrong decodes instead of this line.
        if let convert = Self.convert, let formats = try? Tools.run(convert, ["-list", "format"]) {
            #expect(formats.output.contains("ImageMagick's own SVG"), "convert has no SVG coder of its own; run Scripts/prerequisites test")
        }
    }

    /// The matrix itself, drawn as a PGM bitmap by the test (no renderer involved).
    @Test(.enabled(if: zbarimg != nil, "zbarimg (Debian zbar-tools) not installed"), arguments: texts)
    func zbarDecodesTheModuleMatrix(text: String) throws {
        let matrix = try #require(QRCode.modules(for: text))
        try ScratchDirectory.with { directory in
            let pgm = directory.appendingPathComponent("code.pgm")
            try PGM.data(for: matrix).write(to: pgm)
            var output = try Self.decode(pgm)
            // Some zbar builds cannot read PGM; retry via PNG if convert is around.
            if output == nil, let convert = Self.convert {
                let png = directory.appendingPathComponent("code.png")
                _ = try Tools.run(convert, [pgm.path, png.path])
                output = try Self.decode(png)
            }
            #expect(output == text)
        }
    }

    /// The SVG we ship, rasterised by ImageMagick: proves the markup, not just the bits.
    @Test(.enabled(if: zbarimg != nil && convert != nil, "zbarimg or convert not installed"), arguments: texts)
    func zbarDecodesTheRenderedSVG(text: String) throws {
        let svg = try #require(QRCode.svg(for: text, title: "Test code"))
        try ScratchDirectory.with { directory in
            let svgFile = directory.appendingPathComponent("code.svg")
            let png = directory.appendingPathComponent("code.png")
            try Data(svg.utf8).write(to: svgFile)
            // viewBox is in modules; 600 dpi gives several pixels per module.
            let converted = try Tools.run(try #require(Self.convert), ["-density", "600", svgFile.path, png.path])
            #expect(converted.status == 0)
            #expect(try Self.decode(png) == text)
        }
    }

    /// zbarimg's payload without the trailing newline, or nil if nothing was found.
    static func decode(_ image: URL) throws -> String? {
        let result = try Tools.run(try #require(zbarimg), ["--raw", "-q", image.path])
        guard result.status == 0, result.output.hasSuffix("\n") else { return nil }
        return String(result.output.dropLast())
    }
}
