/// A W3C Bitstring Status List: one status bit per credential.
///
/// Bit order follows the spec: index 0 is the most significant bit of byte 0,
/// index 7 the least significant bit of byte 0, index 8 the MSB of byte 1, and so on.
public struct BitstringStatusList: Hashable, Sendable {
    /// The spec requires at least 16 KB (131,072 bits) uncompressed so that a single
    /// fetch of the list does not reveal which credential a verifier is checking.
    public static let minimumLength = 131_072

    public private(set) var bytes: [UInt8]

    /// Number of status bits (always a multiple of 8).
    public var count: Int { bytes.count * 8 }

    /// Whether the list is as large as the spec requires. Decoding accepts shorter
    /// lists so that third-party lists can still be inspected; issuers should check this.
    public var meetsMinimumLength: Bool { count >= Self.minimumLength }

    /// Creates an all-zero list. `length` is rounded up to whole bytes and raised to
    /// ``minimumLength`` if smaller, so a freshly issued list is always spec-compliant.
    public init(length: Int = BitstringStatusList.minimumLength) {
        let bits = max(length, Self.minimumLength)
        // Written as divide-plus-remainder so that huge lengths cannot overflow.
        let byteCount = bits / 8 + (bits % 8 == 0 ? 0 : 1)
        self.bytes = [UInt8](repeating: 0, count: byteCount)
    }

    /// Wraps already-decoded bytes without imposing the minimum length.
    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Throws ``StatusListError/Kind/tooShort(_:)`` if the list is below the spec minimum.
    public func checkMinimumLength() throws(StatusListError) {
        guard meetsMinimumLength else { throw StatusListError(.tooShort(count)) }
    }

    /// Unchecked bit access, like `Array`'s subscript: an out-of-range index is a
    /// programmer error and traps. Use ``isSet(_:)`` / ``set(_:_:)`` for untrusted indices.
    public subscript(index: Int) -> Bool {
        get {
            precondition(index >= 0 && index < count, "status list index \(index) out of range 0..<\(count)")
            return bytes[index >> 3] & Self.mask(for: index) != 0
        }
        set {
            precondition(index >= 0 && index < count, "status list index \(index) out of range 0..<\(count)")
            if newValue {
                bytes[index >> 3] |= Self.mask(for: index)
            } else {
                bytes[index >> 3] &= ~Self.mask(for: index)
            }
        }
    }

    /// Reads a bit, throwing instead of trapping when `index` comes from untrusted input
    /// (e.g. a credential's `statusListIndex`).
    public func isSet(_ index: Int) throws(StatusListError) -> Bool {
        try checkRange(index)
        return self[index]
    }

    /// Writes a bit, throwing instead of trapping when `index` is out of range.
    public mutating func set(_ index: Int, _ value: Bool) throws(StatusListError) {
        try checkRange(index)
        self[index] = value
    }

    private func checkRange(_ index: Int) throws(StatusListError) {
        guard index >= 0 && index < count else {
            throw StatusListError(.indexOutOfRange(index, count: count))
        }
    }

    /// MSB-first within each byte, as the spec's bit numbering requires.
    private static func mask(for index: Int) -> UInt8 {
        0x80 >> UInt8(index & 7)
    }
}
