import Foundation
@testable import BeaconCredentials

extension BitstringStatusList {
    /// All set indices, for reporting and comparisons.
    var setIndices: [Int] {
        (0..<count).filter { self[$0] }
    }
}

/// Decodes base64url/base64 with Foundation, independently of the library's own decoder,
/// so tests do not just check the codec against itself.
func foundationBase64Decode(_ text: String) -> Data? {
    var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
    return Data(base64Encoded: standard)
}

/// Runs the action and returns its thrown `StatusListError`, or nil if it did not throw.
func statusListError<T>(_ action: () throws(StatusListError) -> T) -> StatusListError? {
    do {
        _ = try action()
        return nil
    } catch {
        return error
    }
}
