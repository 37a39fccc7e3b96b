import Foundation
import Testing
@testable import BeaconCredentials

@Suite("GZIP format and size")
struct GzipInteropTests {
    static let gzipPath = "/usr/bin/gzip"
    static let hasGzip = FileManager.default.isExecutableFile(atPath: gzipPath)

    @Test("Encoded size of an empty minimum-length list")
    func emptyListSize() throws {
        let encoded = try BitstringStatusList().encoded()
        let gzipBytes = try #require(foundationBase64Decode(String(encoded.dropFirst())))
        print("empty 131072-bit list: \(gzipBytes.count) bytes gzip, encodedList \(encoded.utf8.count) characters: \(encoded)")
        #expect(encoded.utf8.count < 400)
    }

    @Test("Output is a real RFC 1952 member")
    func headerAndTrailer() throws {
        var list = BitstringStatusList()
        try list.set(3, true)
        let gzipBytes = try #require(foundationBase64Decode(String(try list.encoded().dropFirst())))
        let bytes = [UInt8](gzipBytes)
        #expect(Array(bytes.prefix(3)) == [0x1F, 0x8B, 0x08])  // ID1 ID2 CM=deflate
        // ISIZE trailer = uncompressed length mod 2^32, little-endian.
        let n = bytes.count
        let isize = UInt32(bytes[n - 4]) | UInt32(bytes[n - 3]) << 8 | UInt32(bytes[n - 2]) << 16 | UInt32(bytes[n - 1]) << 24
        #expect(isize == 16_384)
    }

    @Test("System gzip accepts our output and round-trips it", .enabled(if: hasGzip, "\(gzipPath) not installed"))
    func systemGzipAcceptsOutput() throws {
        var list = BitstringStatusList()
        for index in [0, 7, 8, 12_345, 131_071] {
            try list.set(index, true)
        }
        let gzipBytes = try #require(foundationBase64Decode(String(try list.encoded().dropFirst())))
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("beacon-status-\(UUID().uuidString).gz")
        try gzipBytes.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let test = try run(Self.gzipPath, ["-t", file.path])
        #expect(test.status == 0, "gzip -t: \(test.stderr)")

        let unpack = try run(Self.gzipPath, ["-dc", file.path])
        #expect(unpack.status == 0)
        #expect([UInt8](unpack.stdout) == list.bytes)
    }

    @Test("We decode what system gzip produces", .enabled(if: hasGzip, "\(gzipPath) not installed"))
    func decodeSystemGzipOutput() throws {
        var list = BitstringStatusList()
        try list.set(94_567, true)
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("beacon-status-\(UUID().uuidString).bin")
        try Data(list.bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let packed = try run(Self.gzipPath, ["-9cn", file.path])
        #expect(packed.status == 0)
        let encoded = "u" + Base64URL.encode([UInt8](packed.stdout))
        #expect(try BitstringStatusList(encoded: encoded) == list)
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a full pipe cannot deadlock the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, stdout, String(decoding: stderr, as: UTF8.self))
    }
}
