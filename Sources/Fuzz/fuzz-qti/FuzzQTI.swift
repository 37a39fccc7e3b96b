import BeaconXML
import FuzzSupport

/// Imports arbitrary bytes as a QTI item and writes the module the import makes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQTI(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let result = try? QTIImporter.convert([.init(path: "fuzz.xml", bytes: bytes)], options: ImportOptions(moduleID: "fuzz", title: "Fuzz")) {
        _ = ModuleWriter.xml(result.module)
    }
    return 0
}

@main enum Main {
    static func main() { FuzzReplay.main(fuzzQTI) }
}
