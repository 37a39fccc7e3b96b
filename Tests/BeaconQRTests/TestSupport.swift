import Foundation

/// Binary PGM (P5) of a module matrix: `scale` pixels per module, light quiet zone.
enum PGM {
    static func data(for matrix: [[Bool]], scale: Int = 8, quietZone: Int = 4) -> Data {
        let side = (matrix.count + 2 * quietZone) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for (row, cells) in matrix.enumerated() {
            for (column, isDark) in cells.enumerated() where isDark {
                let top = (row + quietZone) * scale, left = (column + quietZone) * scale
                for y in top..<(top + scale) {
                    let start = y * side + left
                    pixels.replaceSubrange(start..<(start + scale), with: repeatElement(0, count: scale))
                }
            }
        }
        return Data("P5\n\(side) \(side)\n255\n".utf8) + Data(pixels)
    }
}

/// A unique temporary directory per call, so parallel test cases never collide.
enum ScratchDirectory {
    static func with(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("beaconqr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }
}

enum Tools {
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Drain before waiting so a full pipe cannot deadlock the child.
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
