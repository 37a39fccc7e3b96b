extension ItemAnalysis {
    /// Distractor analysis: who chose each option, how the 27 % groups split, and how choosing
    /// it correlates with the total (Canvas's per-answer point-biserial, item included in T).
    static func optionStatistics(_ question: QuestionOptions, totals: Totals) -> [OptionStatistics] {
        let s = totals.count
        var index: [String: Int] = [:]
        for (k, option) in question.options.enumerated() where index[option.id] == nil { index[option.id] = k }
        let m = question.options.count
        var count = [Int](repeating: 0, count: m)
        var upper = count, lower = count
        var totalSum = [Double](repeating: 0, count: m), centredSum = totalSum
        var group = [UInt8](repeating: 0, count: s)  // bit 1 upper, bit 2 lower (both when N = 1)
        for i in totals.upper { group[Int(i)] |= 1 }
        for i in totals.lower { group[Int(i)] |= 2 }
        for (i, chosen) in question.chosen.enumerated() {
            for id in chosen {
                guard let k = index[id] else { continue }
                count[k] += 1
                if group[i] & 1 != 0 { upper[k] += 1 }
                if group[i] & 2 != 0 { lower[k] += 1 }
                totalSum[k] += totals.values[i]
                centredSum[k] += totals.centred[i]
            }
        }
        let allCentred = totals.centred.reduce(0, +)
        let d2 = totals.centredSums.d2
        return question.options.enumerated().map { k, option in
            let c = count[k]
            let proportion = s > 0 ? Double(c) / Double(s) : nil
            var r: Double?
            if let p = proportion, c > 0, c < s, d2 > 0 {
                // Σ (I − p)(T − T̄) over attempts, and Σ (I − p)² = c (1 − p).
                r = (centredSum[k] - p * allCentred) / (Double(c) * (1 - p) * d2).squareRoot()
            }
            return OptionStatistics(
                id: option.id,
                key: option.isKey,
                count: c,
                proportion: proportion,
                upper: upper[k],
                lower: lower[k],
                meanTotal: c > 0 ? totalSum[k] / Double(c) : nil,
                pointBiserial: r
            )
        }
    }

    /// Chosen ids that name none of the question's options (a data problem worth a warning).
    static func unknownChoices(in question: QuestionOptions) -> Int {
        let known = Set(question.options.map(\.id))
        return question.chosen.reduce(0) { $0 + $1.subtracting(known).count }
    }
}
