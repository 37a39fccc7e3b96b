/// Counts the distinct values of a column in a small open-addressing hash table.
///
/// Marks and rest scores take few distinct values (0, 0.5, 1, … up to the quiz total), so one
/// pass over a column gives its sorted form as runs of (value, count) without sorting 100,000
/// numbers; the largest covariance Moodle's discriminative efficiency needs then follows from
/// merging the runs of the two columns. Columns with more distinct values return nil and are
/// radix sorted instead.
struct DistinctCounter {
    /// A run of equal values in a sorted column.
    struct Run {
        var value: Double
        var count: Int
    }

    private static let slotBits = 12
    private static let capacity = 1 << slotBits
    /// At most a quarter full, so probes stay short.
    static let limit = capacity / 4

    private let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
    private let counts = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    private let used = UnsafeMutablePointer<Int>.allocate(capacity: limit + 1)

    init() {
        counts.initialize(repeating: 0, count: Self.capacity)
    }

    func deallocate() {
        keys.deallocate()
        counts.deallocate()
        used.deallocate()
    }

    /// The column's values as ascending runs, or nil when it has more than ``limit`` distinct values.
    func runs(of values: UnsafeBufferPointer<Double>) -> [Run]? {
        var distinct = 0
        defer { for k in 0..<distinct { counts[used[k]] = 0 } }  // leave the table empty for the next column
        for value in values {
            let bits = (value + 0.0).bitPattern  // + 0.0 folds −0.0 into +0.0
            // Fibonacci hashing: the top bits of the product depend on every bit of the key.
            var slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - Self.slotBits))
            while true {
                if counts[slot] == 0 {
                    keys[slot] = bits
                    counts[slot] = 1
                    used[distinct] = slot
                    distinct += 1
                    if distinct > Self.limit { return nil }
                    break
                }
                if keys[slot] == bits {
                    counts[slot] &+= 1
                    break
                }
                slot = (slot + 1) & (Self.capacity - 1)
            }
        }
        var runs = (0..<distinct).map { Run(value: Double(bitPattern: keys[used[$0]]), count: Int(counts[used[$0]])) }
        runs.sort { sortKey($0.value) < sortKey($1.value) }
        return runs
    }

    /// Σ (x₍ᵢ₎ − x̄)(y₍ᵢ₎ − ȳ) over the two sorted columns given as runs of the same total length.
    static func crossSum(_ x: [Run], mean xMean: Double, _ y: [Run], mean yMean: Double) -> Double {
        var i = 0, k = 0
        var leftX = x.first?.count ?? 0, leftY = y.first?.count ?? 0
        var sum = 0.0
        while i < x.count, k < y.count {
            let overlap = min(leftX, leftY)
            sum += Double(overlap) * ((x[i].value - xMean) * (y[k].value - yMean))
            leftX -= overlap
            leftY -= overlap
            if leftX == 0 {
                i += 1
                if i < x.count { leftX = x[i].count }
            }
            if leftY == 0 {
                k += 1
                if k < y.count { leftY = y[k].count }
            }
        }
        return sum
    }
}
