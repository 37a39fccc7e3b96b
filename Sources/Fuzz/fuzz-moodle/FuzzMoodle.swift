import BeaconXML
import FuzzSupport

/// Imports arbitrary bytes as Moodle XML and writes the module the import makes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMoodle(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let result = try? MoodleImporter.convert([.init(path: "fuzz.xml", bytes: bytes)], options: ImportOptions(moduleID: "fuzz", title: "Fuzz")) {
        _ = ModuleWriter.xml(result.module)
    }
    return 0
}

@main enum Main {
    static func main() { FuzzReplay.main(fuzzMoodle) }
}
