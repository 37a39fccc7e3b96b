import BeaconCredentials
import Foundation
import FuzzSupport

/// Verifies arbitrary bytes as a credential, trusting the W3C test vectors' issuer so that
/// inputs derived from the seed corpus reach the signature check. A forgery must never verify.
private let verifier = CredentialVerifier(
    trustedIssuers: ["did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"],
    now: Date(timeIntervalSince1970: 1_700_000_000)
)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVerify(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if case .success(let report) = verifier.verify(bytes: bytes) {
        _ = report.jsonText()
    }
    return 0
}

@main enum Main {
    static func main() { FuzzReplay.main(fuzzVerify) }
}
