import BeaconJSON
import BeaconLinkedData
import FuzzSupport

/// Arbitrary bytes as a JSON-LD document, through the credential path (safe mode, bundled
/// contexts, credential limits) to canonical N-Quads. Whatever comes out must parse back, and
/// canonicalize again to itself: canonical labels are a fixed point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRDFC(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let value = try? JSONValue(parsing: bytes), let canonical = try? JSONLD.forCredentials.canonicalNQuads(value) else { return 0 }
    guard let quads = try? NQuads.parse(canonical) else { fatalError("canonical N-Quads did not parse back: \(canonical)") }
    guard let again = try? RDFC10.forCredentials.canonicalize(quads) else { fatalError("canonical N-Quads could not be canonicalized again") }
    precondition(again == canonical, "RDFC-1.0 is not idempotent for \(canonical)")
    return 0
}

@main enum Main {
    static func main() { FuzzReplay.main(fuzzRDFC) }
}
