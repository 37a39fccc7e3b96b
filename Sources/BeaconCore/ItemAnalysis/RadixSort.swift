/// Maps a Double to a UInt64 whose unsigned order is the number's order (negatives flipped
/// entirely, positives with the sign bit set), so that doubles can be radix sorted.
@inline(__always)
func sortKey(_ value: Double) -> UInt64 {
    let bits = value.bitPattern
    return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
}

/// The inverse of ``sortKey(_:)``.
@inline(__always)
func value(ofSortKey key: UInt64) -> Double {
    Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
}

/// Sorts `keys` ascending with a stable least-significant-byte radix sort, carrying `payload`
/// (when given) along, so equal keys keep their input order.
///
/// Only the bytes in which keys differ get a pass. Marks such as 0, 0.5, 1, 1.5, 2 differ only in
/// their top two bytes and rest scores in their top three, so a column of 100,000 marks sorts in
/// two or three passes: far cheaper than a comparison sort, and the discriminative efficiency
/// needs 200 such sorts for 100 questions.
///
/// - Parameters:
///   - keys: the keys to sort, in place.
///   - scratch: as many elements as `keys`; its contents are overwritten.
///   - payload: values to reorder along with the keys, if any.
///   - payloadScratch: as many elements as `payload`, required when `payload` is given.
func radixSort(
    _ keys: UnsafeMutableBufferPointer<UInt64>,
    scratch: UnsafeMutableBufferPointer<UInt64>,
    payload: UnsafeMutableBufferPointer<Int32>? = nil,
    payloadScratch: UnsafeMutableBufferPointer<Int32>? = nil
) {
    let n = keys.count
    guard n > 1, var source = keys.baseAddress, var target = scratch.baseAddress else { return }
    precondition(scratch.count >= n && (payload == nil || (payload!.count >= n && payloadScratch!.count >= n)))
    var payloadSource = payload?.baseAddress
    var payloadTarget = payloadScratch?.baseAddress

    var all: UInt64 = ~0, any: UInt64 = 0
    for i in 0..<n {
        all &= source[i]
        any |= source[i]
    }
    let differing = all ^ any
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
        for shift in stride(from: 0, to: 64, by: 8) where (differing >> UInt64(shift)) & 0xFF != 0 {
            counts.initialize(repeating: 0)
            for i in 0..<n { counts[Int((source[i] >> UInt64(shift)) & 0xFF)] &+= 1 }
            var offset = 0
            for bucket in 0..<256 {
                let count = counts[bucket]
                counts[bucket] = offset
                offset &+= count
            }
            if let from = payloadSource, let to = payloadTarget {
                for i in 0..<n {
                    let bucket = Int((source[i] >> UInt64(shift)) & 0xFF)
                    let slot = counts[bucket]
                    target[slot] = source[i]
                    to[slot] = from[i]
                    counts[bucket] = slot &+ 1
                }
                swap(&payloadSource, &payloadTarget)
            } else {
                for i in 0..<n {
                    let bucket = Int((source[i] >> UInt64(shift)) & 0xFF)
                    let slot = counts[bucket]
                    target[slot] = source[i]
                    counts[bucket] = slot &+ 1
                }
            }
            swap(&source, &target)
        }
    }
    // An odd number of passes leaves the result in the scratch buffers: copy it home.
    if source != keys.baseAddress {
        keys.baseAddress!.update(from: source, count: n)
        if let payload, let from = payloadSource { payload.baseAddress!.update(from: from, count: n) }
    }
}
