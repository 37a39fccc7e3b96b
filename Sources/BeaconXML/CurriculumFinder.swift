import BeaconCore
import Foundation

/// Finds course files and the schema, so that `beacon lint curricula/sample` just works.
public enum CurriculumFinder {
    /// The course files a path stands for: the file itself, or every `.xml` under a folder
    /// (a few levels deep, skipping `schema/`) whose root element is `<course>`.
    public static func courseFiles(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [path] }
        guard isDirectory.boolValue else { return [path] }
        var found: [String] = []
        func scan(_ folder: String, depth: Int) {
            guard depth <= 4, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let child = folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
                var childIsDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: child, isDirectory: &childIsDirectory)
                if childIsDirectory.boolValue {
                    if name != "schema" { scan(child, depth: depth + 1) }
                } else if name.hasSuffix(".xml"), rootElementName(of: child) == "course" {
                    found.append(child)
                }
            }
        }
        scan(path, depth: 0)
        return found
    }

    /// The local name of a file's root element, read from its first 64 KiB; nil if none is found.
    static func rootElementName(of path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 64 << 10) else { return nil }
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                // Declarations, comments and DOCTYPEs: skip to the closing '>'.
                let isComment = bytes[index...].starts(with: Array("<!--".utf8))
                let terminator = isComment ? Array("-->".utf8) : [UInt8(ascii: ">")]
                guard let end = bytes[(index + 2)...].firstRange(of: terminator) else { return nil }
                index = end.upperBound
                continue
            }
            var end = index + 1
            while end < bytes.count, !" \t\r\n/>".utf8.contains(bytes[end]) { end += 1 }
            let qualified = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            return qualified.split(separator: ":").last.map(String.init)
        }
        return nil
    }

    /// Where `curriculum.xsd` is: `$BEACON_SCHEMA`, else a `schema/` or `curricula/schema/` folder
    /// above the linted path, else above the running executable (a checkout's `.build/…/beacon`).
    public static func schemaPath(near path: String, environment: [String: String], executable: String?) -> String? {
        if let explicit = environment["BEACON_SCHEMA"], !explicit.isEmpty { return explicit }
        let fileManager = FileManager.default
        var starts = [URL(fileURLWithPath: path).standardizedFileURL]
        if let executable { starts.append(URL(fileURLWithPath: executable).resolvingSymlinksInPath()) }
        for start in starts {
            var folder = start
            for _ in 0..<12 {
                for candidate in ["schema/curriculum.xsd", "curricula/schema/curriculum.xsd"] {
                    let file = folder.appendingPathComponent(candidate).path
                    if fileManager.fileExists(atPath: file) { return file }
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }
}
