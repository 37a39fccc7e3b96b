import Foundation

/// Axis ticks at values people read at a glance.
enum ChartTicks {
    /// Ticks 1, 2 or 5 × 10ⁿ apart inside `lower...upper` (at most `count` + 1 of them), and the
    /// decimals their labels need; the ends alone when the range is too odd to divide.
    static func nice(_ lower: Double, _ upper: Double, count: Int = 5) -> (values: [Double], decimals: Int) {
        let span = upper - lower
        guard lower.isFinite, upper.isFinite, span.isFinite, span > 0 else { return ([lower, upper].filter(\.isFinite), 2) }
        let magnitude = pow(10, floor(log10(span / Double(count))))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { span / $0 <= Double(count) + 1e-9 } ?? 10 * magnitude
        let first = (lower / step - 1e-9).rounded(.up)
        let last = (upper / step + 1e-9).rounded(.down)
        // A range far from zero compared with its width (1e12...1e12 + 1) would need huge multiples.
        guard step > 0, abs(first) < 1e6, abs(last) < 1e6, first <= last else { return ([lower, upper], 2) }
        let values = stride(from: first, through: last, by: 1).map { $0 * step }
        let decimals = min(6, max(0, Int(-floor(log10(step) + 1e-9))))
        return (values, decimals)
    }

    /// Whole-number ticks from 0 up to a round top at or above `maximum`, at most six, for counts.
    static func counts(upTo maximum: Double) -> [Double] {
        guard maximum.isFinite, maximum > 0 else { return [0, 1] }
        let growth = [2.0, 2.5, 2]  // 1, 2, 5, 10, 20, 50, …
        var step = 1.0
        var index = 0
        while (maximum / step).rounded(.up) > 5 {
            step *= growth[index % growth.count]
            index += 1
        }
        let top = Int((maximum / step).rounded(.up))
        return (0...top).map { Double($0) * step }
    }
}
