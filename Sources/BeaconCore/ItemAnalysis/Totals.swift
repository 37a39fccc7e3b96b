/// Each attempt's total mark, its centred moments and the ranking that defines the 27 % groups.
struct Totals {
    /// T_i = Σ_j x_ij, in input order.
    let values: [Double]
    /// T_i − T̄; all zero when every total is the same, so that a constant total never leaves
    /// rounding dust that a ratio could blow up.
    let centred: [Double]
    let mean: Double
    /// Σ (T_i − T̄)^2, ^3, ^4.
    let centredSums: (d2: Double, d3: Double, d4: Double)
    /// Attempt indices by total, highest first; equal totals keep input order (earlier rows rank higher).
    let order: [Int32]
    /// n_g = max(1, round-half-up(0.27 · N)), computed in integers so 0.27 · N cannot round wrongly.
    let groupSize: Int

    var count: Int { values.count }
    /// The top n_g attempts by total.
    var upper: ArraySlice<Int32> { order.prefix(groupSize) }
    /// The bottom n_g attempts by total.
    var lower: ArraySlice<Int32> { order.suffix(groupSize) }

    init(_ matrix: ScoreMatrix) {
        let s = matrix.attemptCount, q = matrix.questionCount
        var values = [Double](repeating: 0, count: s)
        matrix.marks.withUnsafeBufferPointer { marks in
            for i in 0..<s {
                var total = 0.0
                for j in 0..<q { total += marks[i * q + j] }
                values[i] = total
            }
        }
        var sum = 0.0
        var low = Double.infinity, high = -Double.infinity
        for start in stride(from: 0, to: s, by: blockLength) {  // blocked sums, as in ColumnSums
            var partial = 0.0
            for total in values[start..<min(start + blockLength, s)] {
                partial += total
                low = min(low, total)
                high = max(high, total)
            }
            sum += partial
        }
        let mean = s > 0 ? sum / Double(s) : 0
        var centred = [Double](repeating: 0, count: s)
        var d2 = 0.0, d3 = 0.0, d4 = 0.0
        if low != high {
            for start in stride(from: 0, to: s, by: blockLength) {
                var p2 = 0.0, p3 = 0.0, p4 = 0.0
                for i in start..<min(start + blockLength, s) {
                    let d = values[i] - mean
                    centred[i] = d
                    let square = d * d
                    p2 += square
                    p3 += square * d
                    p4 += square * square
                }
                d2 += p2
                d3 += p3
                d4 += p4
            }
        }
        self.values = values
        self.centred = centred
        self.mean = mean
        self.centredSums = (d2, d3, d4)
        self.order = Self.rankDescending(values)
        self.groupSize = max(1, (27 * s + 50) / 100)
    }

    /// A stable sort on complemented keys: ascending keys are descending totals, and stability
    /// keeps earlier rows first among equal totals.
    private static func rankDescending(_ totals: [Double]) -> [Int32] {
        let s = totals.count
        var order = (0..<s).map { Int32(truncatingIfNeeded: $0) }
        guard s > 1 else { return order }
        // + 0.0 turns −0.0 into +0.0 so the two zeros tie, as they compare equal.
        var keys = totals.map { ~sortKey($0 + 0.0) }
        var keyScratch = [UInt64](repeating: 0, count: s)
        var orderScratch = [Int32](repeating: 0, count: s)
        keys.withUnsafeMutableBufferPointer { keys in
            keyScratch.withUnsafeMutableBufferPointer { keyScratch in
                order.withUnsafeMutableBufferPointer { order in
                    orderScratch.withUnsafeMutableBufferPointer { orderScratch in
                        radixSort(keys, scratch: keyScratch, payload: order, payloadScratch: orderScratch)
                    }
                }
            }
        }
        return order
    }
}
