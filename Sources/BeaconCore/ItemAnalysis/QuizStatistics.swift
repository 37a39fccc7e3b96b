/// Whole-quiz figures, in marks (not percentages) unless stated.
///
/// Moodle's conventions: sample (n − 1) variances; skewness and kurtosis are its k-statistic
/// ratios (excess kurtosis, 0 for a normal distribution). Nil wherever a figure is undefined.
public struct QuizStatistics: Hashable, Sendable, Encodable {
    /// Number of attempts.
    public var n: Int
    /// Mean total mark.
    public var mean: Double?
    /// Median total mark (mean of the two middle totals when n is even).
    public var median: Double?
    /// Sample standard deviation of the totals; needs n > 1.
    public var sd: Double?
    /// Needs n > 2 and totals that vary.
    public var skewness: Double?
    /// Excess kurtosis; needs n > 3 and totals that vary.
    public var kurtosis: Double?
    /// Cronbach's α (Moodle's CIC ÷ 100), sample variances; needs 2+ questions and totals that vary.
    public var alpha: Double?
    /// Standard error of measurement, SD · √(1 − α), in marks (Moodle's "standard error").
    public var sem: Double?
    /// Moodle's error ratio, 100 · √(1 − α), a percentage.
    public var errorRatio: Double?
    /// KR-20 with population p·q and population variance of totals; only for 0/1 questions.
    public var kr20: Double?
    /// KR-21 (assumes equal difficulty, ≤ KR-20); only for 0/1 questions.
    public var kr21: Double?

    /// Memberwise initialiser.
    public init(
        n: Int,
        mean: Double?,
        median: Double?,
        sd: Double?,
        skewness: Double?,
        kurtosis: Double?,
        alpha: Double?,
        sem: Double?,
        errorRatio: Double?,
        kr20: Double?,
        kr21: Double?
    ) {
        self.n = n
        self.mean = mean
        self.median = median
        self.sd = sd
        self.skewness = skewness
        self.kurtosis = kurtosis
        self.alpha = alpha
        self.sem = sem
        self.errorRatio = errorRatio
        self.kr20 = kr20
        self.kr21 = kr21
    }

    private enum CodingKeys: String, CodingKey {
        case n, mean, median, sd, skewness, kurtosis, alpha, sem, errorRatio, kr20, kr21
    }

    /// Encodes every key, nil figures as null (the synthesised encoding would leave them out).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(n, forKey: .n)
        try container.encode(mean, forKey: .mean)
        try container.encode(median, forKey: .median)
        try container.encode(sd, forKey: .sd)
        try container.encode(skewness, forKey: .skewness)
        try container.encode(kurtosis, forKey: .kurtosis)
        try container.encode(alpha, forKey: .alpha)
        try container.encode(sem, forKey: .sem)
        try container.encode(errorRatio, forKey: .errorRatio)
        try container.encode(kr20, forKey: .kr20)
        try container.encode(kr21, forKey: .kr21)
    }
}
