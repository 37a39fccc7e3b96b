import BeaconCredentials
import FuzzSupport

/// Parses arbitrary bytes as JSON and canonicalises what parses; canonical output must parse
/// back to the same canonical form (JCS is idempotent).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJCS(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let value = try? JSONValue(parsing: bytes), let canonical = try? JCS.canonicalize(value) else { return 0 }
    guard let again = try? JSONValue(parsing: canonical), let twice = try? JCS.canonicalize(again) else {
        fatalError("canonical JSON did not parse back: \(String(decoding: canonical, as: UTF8.self))")
    }
    precondition(twice == canonical, "JCS is not idempotent for \(String(decoding: canonical, as: UTF8.self))")
    return 0
}

@main enum Main {
    static func main() { FuzzReplay.main(fuzzJCS) }
}
