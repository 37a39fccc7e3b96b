import BeaconCore
import BeaconXML
import Foundation
import FuzzSupport

/// Loads arbitrary bytes as a course file and lints it: parse, schema, mapping, every check.
private let folder: String = {
    let path = NSTemporaryDirectory() + "beacon-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

private let schema = ProcessInfo.processInfo.environment["BEACON_SCHEMA"] ?? "curricula/schema/curriculum.xsd"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCurriculum(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let file = folder + "/course.xml"
    guard FileManager.default.createFile(atPath: file, contents: data.map { Data(bytes: $0, count: size) } ?? Data()) else { return 0 }
    let loaded = CurriculumLoader(schemaPath: schema).load(path: file)
    if case .course(let course) = loaded.content {
        var options = CurriculumLinter.Options()
        options.playthroughs = 5
        _ = CurriculumLinter(options: options).lint(course)
    }
    return 0
}

@main enum Main {
    static func main() { FuzzReplay.main(fuzzCurriculum) }
}
