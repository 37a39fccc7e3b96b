import ArgumentParser
import BeaconStore
import Foundation

/// Help shared by every command that works on a course, so all of them name it the same way.
let courseHelp = ArgumentHelp(
    "Course file or folder (default: $BEACON_COURSE, else the course set with beacon course use, else the bundled course).",
    valueName: "path"
)

/// A trainer's own course, chosen once: `$BEACON_COURSE`, or the path kept by `beacon course use`
/// in a file beside the record. A path is this machine's, so it is not in the shared record.
enum CourseDefault {
    enum Source { case named, environment, saved, bundled }

    static var file: URL { LearningStore.defaultHome().appendingPathComponent("default-course") }

    static func current() -> (String?, Source)? {
        if let path = ProcessInfo.processInfo.environment["BEACON_COURSE"], !path.isEmpty { return (path, .environment) }
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? nil : (path, .saved)
    }

    static func save(_ path: String) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try ReportOutput.writePrivately(path + "\n", to: file.path)
    }

    static func clear() throws {
        if FileManager.default.fileExists(atPath: file.path) { try FileManager.default.removeItem(at: file) }
    }
}
