import BeaconCore
import BeaconXML
import Foundation
import Testing

/// Bad input ends in a clear diagnostic naming the file, never a crash, a hang or a leak.
@Suite struct HostileInputTests {
    private let lesson = #"<lesson id="l"><title>L</title><page><p>x</p></page></lesson>"#

    /// Lints `path`, requiring it to finish within two seconds, and returns the diagnostics.
    private func lintQuickly(_ path: String) throws -> [Diagnostic] {
        let box = ResultBox()
        let finished = finishes(within: 2) { box.set(lint(path).diagnostics) }
        try #require(finished, "linting \(path) took more than two seconds")
        return box.get()
    }

    @Test func missingFile() throws {
        let diagnostics = try lintQuickly("/nonexistent/course.xml")
        #expect(diagnostics.codes == ["B001"])
        #expect(diagnostics[0].message.contains("/nonexistent/course.xml"))
    }

    @Test func folderWithNoCourse() throws {
        let folder = try TemporaryFolder()
        try folder.write("notes.xml", "<notes/>")
        let results = LintRun(environment: ["BEACON_SCHEMA": schemaPath]).lint(paths: [folder.path])
        #expect(results.diagnostics.codes == ["B002"])
        #expect(results.diagnostics[0].location?.file == folder.path)
    }

    @Test func malformedXMLPointsAtTheLine() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("course.xml", "<course>\n  <title>Oops</titel>\n</course>\n")
        let diagnostics = try lintQuickly(file)
        #expect(diagnostics.codes == ["B004"])
        #expect(diagnostics[0].location?.file == file)
        #expect(diagnostics[0].location?.line == 2)
    }

    @Test func invalidUTF8() throws {
        let folder = try TemporaryFolder()
        var bytes = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<course>caf".utf8)
        bytes.append(contentsOf: [0xC3, 0x28, 0xFF])
        bytes.append(contentsOf: Data("</course>\n".utf8))
        let file = try folder.write("course.xml", bytes)
        let diagnostics = try lintQuickly(file)
        #expect(diagnostics.codes == ["B009"])
        #expect(diagnostics[0].location?.file == file)
    }

    @Test(arguments: ["file:///etc/passwd", "/etc/passwd", "http://127.0.0.1:9/evil.dtd"])
    func externalEntitiesAreRefused(target: String) throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("course.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE course [ <!ENTITY secret SYSTEM "\(target)"> ]>
            <course xmlns="urn:beacon:curriculum:1"><title>&secret;</title></course>
            """)
        let diagnostics = try lintQuickly(file)
        #expect(diagnostics.codes == ["B005"])
        #expect(!diagnostics.description.contains("root:x:0:0"))
    }

    /// A named pipe blocks whoever opens it for reading: if the parser tried to load the
    /// entity, this test would hang instead of finishing.
    @Test func externalEntityIsNeverOpened() throws {
        let folder = try TemporaryFolder()
        let pipe = folder.path + "/pipe"
        try #require(mkfifo(pipe, 0o600) == 0)
        let file = try folder.write("course.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE course [ <!ENTITY secret SYSTEM "\(pipe)"> ]>
            <course xmlns="urn:beacon:curriculum:1"><title>&secret;</title></course>
            """)
        let diagnostics = try lintQuickly(file)
        #expect(diagnostics.codes == ["B005"])
    }

    @Test func billionLaughs() throws {
        var entities = #"<!ENTITY lol0 "lololololololololololol">"#
        for level in 1...12 {
            let previous = "&lol\(level - 1);"
            entities += "\n<!ENTITY lol\(level) \"\(String(repeating: previous, count: 10))\">"
        }
        let folder = try TemporaryFolder()
        let file = try folder.write("course.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE course [ \(entities) ]>
            <course xmlns="urn:beacon:curriculum:1"><title>&lol12;</title></course>
            """)
        let diagnostics = try lintQuickly(file)
        #expect(diagnostics.codes == ["B005"])
        #expect(diagnostics[0].location?.file == file)
    }

    @Test(arguments: ["../../etc/passwd", "/etc/passwd", "file:///etc/passwd", "http://127.0.0.1:9/m.xml"])
    func includesOutsideTheCourseFolderAreRefused(href: String) throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("course/course.xml", course(module: "", extra: "").replacingOccurrences(
            of: "<module id=\"m1\"",
            with: "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"\(href)\"/>\n  <module id=\"m1\""
        ))
        let diagnostics = try lintQuickly(file)
        #expect(diagnostics.codes.first == "B006")
        #expect(diagnostics[0].location?.file == file)
        #expect(diagnostics[0].location?.line == 5)
        #expect(!diagnostics.description.contains("root:x:0:0"))
    }

    @Test func includeThroughASymlinkOutOfTheFolderIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("outside/m.xml", #"<module xmlns="urn:beacon:curriculum:1" id="m"/>"#)
        try FileManager.default.createDirectory(atPath: folder.path + "/course", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/course/link.xml", withDestinationPath: folder.path + "/outside/m.xml")
        let file = try folder.write("course/course.xml", course(module: lesson).replacingOccurrences(
            of: "<module id=\"m1\"",
            with: "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"link.xml\"/>\n  <module id=\"m1\""
        ))
        let diagnostics = try lintQuickly(file)
        #expect(diagnostics.codes == ["B006"])
        #expect(diagnostics[0].message.contains("outside the course folder"))
    }

    /// Only the course includes modules, so include loops and chains cannot arise.
    @Test func includesInsideAModuleAreRefused() throws {
        let folder = try TemporaryFolder()
        let module = try folder.write("c/a.xml", """
            <module xmlns="urn:beacon:curriculum:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="a" minutes="5">
              <title>A</title>
              <xi:include href="a.xml"/>
              \(lesson)
            </module>
            """)
        let file = try folder.write("c/course.xml", course(module: lesson).replacingOccurrences(
            of: "<module id=\"m1\"",
            with: "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"a.xml\"/>\n  <module id=\"m1\""
        ))
        let diagnostics = try lintQuickly(file)
        let refused = try #require(diagnostics.with(code: "B006").first)
        #expect(refused.message.contains("only allowed in the course file"))
        #expect(refused.location?.file == module)
        #expect(refused.location?.line == 3)
    }

    @Test func tenThousandDeepNesting() throws {
        let folder = try TemporaryFolder()
        let deep = String(repeating: "<p>", count: 10_000) + String(repeating: "</p>", count: 10_000)
        let file = try folder.write("course.xml", "<course xmlns=\"urn:beacon:curriculum:1\">\(deep)</course>")
        let diagnostics = try lintQuickly(file)
        #expect(diagnostics.codes == ["B008"])
        #expect(diagnostics[0].location?.file == file)
    }

    @Test func hundredMegabyteFile() throws {
        let folder = try TemporaryFolder()
        let file = folder.path + "/huge.xml"
        // A sparse file: 100 MB long without writing 100 MB.
        #expect(FileManager.default.createFile(atPath: file, contents: Data("<course>".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.truncate(atOffset: 100 << 20)
        try handle.close()
        let diagnostics = try lintQuickly(file)
        #expect(diagnostics.codes == ["B003"])
        #expect(diagnostics[0].message.contains("100 MiB"))
    }

    @Test func emptyFileAndWrongRoot() throws {
        let folder = try TemporaryFolder()
        let empty = try folder.write("empty.xml", "")
        #expect(try lintQuickly(empty).codes == ["B004"])
        let wrong = try folder.write("wrong.xml", "<course><title>No namespace</title></course>")
        let diagnostics = try lintQuickly(wrong)
        #expect(diagnostics.codes == ["B014"])
        #expect(diagnostics[0].help?.contains("urn:beacon:curriculum:1") == true)
    }
}

/// Carries a value out of the thread `finishes(within:)` runs on.
final class ResultBox: @unchecked Sendable {
    // Safe: written once by the worker before it signals, read after the wait returns.
    private var value: [Diagnostic] = []
    private let lock = NSLock()
    func set(_ value: [Diagnostic]) { lock.withLock { self.value = value } }
    func get() -> [Diagnostic] { lock.withLock { value } }
}
