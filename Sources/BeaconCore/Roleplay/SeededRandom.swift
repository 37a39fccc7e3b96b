/// SplitMix64: a small, fast generator whose sequence depends only on its seed, so that a
/// "random" playthrough or draw can be replayed exactly from the seed that was recorded.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A seed mixed with a text (FNV-1a of its bytes): stable across runs and machines, unlike
    /// `hashValue`, so the same base seed gives each scene or role-play its own sequence.
    public init(seed: UInt64, mixing text: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        state = seed ^ hash
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
