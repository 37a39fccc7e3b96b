import Dispatch
import Foundation

/// The centred sums one question contributes, from which every per-question ratio follows.
///
/// Two passes (means first, then sums of centred products) rather than Σx² − n·x̄², which loses
/// every significant digit when the variance is small next to the mean.
struct ColumnSums {
    var mean = 0.0
    /// Every attempt has the same mark: the sums below are exactly zero.
    var constant = true
    /// Σ (x − x̄)².
    var sumSquares = 0.0
    /// Σ (x − x̄)(T − T̄).
    var crossTotal = 0.0
    /// Mean of the rest score y = T − x.
    var restMean = 0.0
    var restConstant = true
    /// Σ (y − ȳ)².
    var restSumSquares = 0.0
    /// Σ (x − x̄)(y − ȳ).
    var crossRest = 0.0
    /// Σ (x₍ᵢ₎ − x̄)(y₍ᵢ₎ − ȳ) with x and y each sorted ascending: the largest Σ (x − x̄)(y − ȳ)
    /// any pairing of these two distributions allows (Moodle's covariancemax × (n − 1)).
    var crossMax = 0.0
    /// Σ of the marks in the upper and lower 27 % groups.
    var upperSum = 0.0
    var lowerSum = 0.0

    /// Computes every question's sums, in parallel over questions for large matrices.
    ///
    /// Each question's result depends only on its own column, so the outcome is the same
    /// whatever the number of threads.
    static func compute(_ matrix: ScoreMatrix, totals: Totals) -> [ColumnSums] {
        let s = matrix.attemptCount, q = matrix.questionCount
        var results = [ColumnSums](repeating: ColumnSums(), count: q)
        guard s > 0, q > 0 else { return results }
        let workers = s * q >= 200_000 ? max(1, min(q, ProcessInfo.processInfo.activeProcessorCount)) : 1
        let columns = UnsafeMutableBufferPointer<Double>.allocate(capacity: s * q)
        defer { columns.deallocate() }
        adviseHugePages(columns.baseAddress!, byteCount: columns.count * MemoryLayout<Double>.stride)
        matrix.marks.withUnsafeBufferPointer { rows in
            totals.values.withUnsafeBufferPointer { values in
                totals.centred.withUnsafeBufferPointer { centred in
                    totals.order.withUnsafeBufferPointer { order in
                        results.withUnsafeMutableBufferPointer { results in
                            let shared = WorkerInput(
                                rows: rows,
                                columns: columns,
                                totals: values,
                                centredTotals: centred,
                                upper: UnsafeBufferPointer(rebasing: order.prefix(totals.groupSize)),
                                lower: UnsafeBufferPointer(rebasing: order.suffix(totals.groupSize)),
                                results: results
                            )
                            // First a column-major copy, each worker transposing its share of the rows…
                            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                                let first = s * worker / workers, last = s * (worker + 1) / workers
                                transpose(rows: first..<last, of: shared.rows, questionCount: q, into: shared.columns)
                            }
                            // …then each worker takes every `workers`-th question.
                            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                                let scratch = Scratch(count: s)
                                defer { scratch.deallocate() }
                                for j in stride(from: worker, to: q, by: workers) {
                                    shared.results[j] = ColumnSums(
                                        column: UnsafeBufferPointer(rebasing: shared.columns[(j * s)..<((j + 1) * s)]),
                                        totals: shared.totals,
                                        centredTotals: shared.centredTotals,
                                        upper: shared.upper,
                                        lower: shared.lower,
                                        scratch: scratch
                                    )
                                }
                            }
                        }
                    }
                }
            }
        }
        return results
    }

    init() {}

    private init(
        column x: UnsafeBufferPointer<Double>,
        totals: UnsafeBufferPointer<Double>,
        centredTotals: UnsafeBufferPointer<Double>,
        upper: UnsafeBufferPointer<Int32>,
        lower: UnsafeBufferPointer<Int32>,
        scratch: Scratch
    ) {
        let s = x.count
        let y = scratch.rest
        // Each sum runs over blocks of `blockLength` with a fresh partial sum per block: rounding
        // error then grows with n / blockLength + blockLength rather than with n.
        var sum = 0.0, low = x[0], high = x[0]
        var restSum = 0.0, restLow = Double.infinity, restHigh = -Double.infinity
        for start in stride(from: 0, to: s, by: blockLength) {
            var partial = 0.0, restPartial = 0.0
            for i in start..<min(start + blockLength, s) {
                partial += x[i]
                low = min(low, x[i])
                high = max(high, x[i])
                let rest = totals[i] - x[i]
                y[i] = rest
                restPartial += rest
                restLow = min(restLow, rest)
                restHigh = max(restHigh, rest)
            }
            sum += partial
            restSum += restPartial
        }
        mean = sum / Double(s)
        constant = low == high
        restMean = restSum / Double(s)
        restConstant = restLow == restHigh

        // Constant columns keep their sums at exactly zero: x − x̄ would be rounding dust there.
        if !constant || !restConstant {
            var xx = 0.0, xt = 0.0, yy = 0.0, xy = 0.0
            for start in stride(from: 0, to: s, by: blockLength) {
                var pxx = 0.0, pxt = 0.0, pyy = 0.0, pxy = 0.0
                for i in start..<min(start + blockLength, s) {
                    let dx = x[i] - mean, dy = y[i] - restMean
                    pxx += dx * dx
                    pxt += dx * centredTotals[i]
                    pyy += dy * dy
                    pxy += dx * dy
                }
                xx += pxx
                xt += pxt
                yy += pyy
                xy += pxy
            }
            if !constant {
                sumSquares = xx
                crossTotal = xt
            }
            if !restConstant { restSumSquares = yy }
            if !constant && !restConstant { crossRest = xy }
        }
        if !constant && !restConstant {
            if let xRuns = scratch.distinct.runs(of: x),
                let yRuns = scratch.distinct.runs(of: UnsafeBufferPointer(y))
            {
                crossMax = DistinctCounter.crossSum(xRuns, mean: mean, yRuns, mean: restMean)
            } else {
                crossMax = Self.sortedCrossSum(x, mean: mean, UnsafeBufferPointer(y), mean: restMean, scratch: scratch)
            }
        }
        for i in upper { upperSum += x[Int(i)] }
        for i in lower { lowerSum += x[Int(i)] }
    }

    /// Σ (x₍ᵢ₎ − x̄)(y₍ᵢ₎ − ȳ) by radix sorting both columns: for columns with many distinct values.
    private static func sortedCrossSum(
        _ x: UnsafeBufferPointer<Double>,
        mean xMean: Double,
        _ y: UnsafeBufferPointer<Double>,
        mean yMean: Double,
        scratch: Scratch
    ) -> Double {
        let s = x.count
        let keys = scratch.keys, keyScratch = scratch.keyScratch, sortedX = scratch.sorted
        for i in 0..<s { keys[i] = sortKey(x[i]) }
        radixSort(keys, scratch: keyScratch)
        for i in 0..<s { sortedX[i] = value(ofSortKey: keys[i]) }
        for i in 0..<s { keys[i] = sortKey(y[i]) }
        radixSort(keys, scratch: keyScratch)
        var sum = 0.0
        for start in stride(from: 0, to: s, by: blockLength) {
            var partial = 0.0
            for i in start..<min(start + blockLength, s) {
                partial += (sortedX[i] - xMean) * (value(ofSortKey: keys[i]) - yMean)
            }
            sum += partial
        }
        return sum
    }
}

/// Sums over columns are taken in blocks of this many values (see `ColumnSums.init`).
let blockLength = 256

/// Copies `rows` of the row-major matrix into column-major `columns`, in tiles of 64 rows so that
/// reads stream through each row and writes go to a few cache lines per column.
private func transpose(
    rows: Range<Int>,
    of matrix: UnsafeBufferPointer<Double>,
    questionCount q: Int,
    into columns: UnsafeMutableBufferPointer<Double>
) {
    let s = matrix.count / q, tile = 64
    for first in stride(from: rows.lowerBound, to: rows.upperBound, by: tile) {
        let last = min(first + tile, rows.upperBound)
        for j in 0..<q {
            let column = j * s
            for i in first..<last { columns[column + i] = matrix[i * q + j] }
        }
    }
}

/// What the workers share: buffers that outlive `concurrentPerform` (which returns only when every
/// worker is done), read by all, and the column-major copy and results, in which each worker
/// writes only its own rows or questions. Nothing is written twice or read while written, hence the
/// unchecked conformance.
private struct WorkerInput: @unchecked Sendable {
    let rows: UnsafeBufferPointer<Double>
    let columns: UnsafeMutableBufferPointer<Double>
    let totals: UnsafeBufferPointer<Double>
    let centredTotals: UnsafeBufferPointer<Double>
    let upper: UnsafeBufferPointer<Int32>
    let lower: UnsafeBufferPointer<Int32>
    let results: UnsafeMutableBufferPointer<ColumnSums>
}

/// Per-thread working memory, allocated once per worker.
private struct Scratch {
    let rest: UnsafeMutableBufferPointer<Double>
    let sorted: UnsafeMutableBufferPointer<Double>
    let keys: UnsafeMutableBufferPointer<UInt64>
    let keyScratch: UnsafeMutableBufferPointer<UInt64>
    let distinct = DistinctCounter()

    init(count: Int) {
        rest = .allocate(capacity: count)
        sorted = .allocate(capacity: count)
        keys = .allocate(capacity: count)
        keyScratch = .allocate(capacity: count)
    }

    func deallocate() {
        rest.deallocate()
        sorted.deallocate()
        keys.deallocate()
        keyScratch.deallocate()
        distinct.deallocate()
    }
}
