/// Per-question figures, scaled as Moodle shows them: facility and correlations as fractions,
/// weights, discrimination index and efficiency as percentages. Nil wherever undefined.
public struct QuestionStatistics: Hashable, Sendable, Encodable {
    /// The question's id (its column in the input).
    public var id: String
    /// Number of attempts.
    public var n: Int
    /// Mean mark ÷ max mark, 0...1.
    public var facility: Double?
    /// Sample standard deviation of the marks, in marks.
    public var sd: Double?
    /// Expected score of a random guesser, percent of the max mark (passed through from the input).
    public var randomGuessScore: Double?
    /// Max mark ÷ sum of max marks, percent.
    public var intendedWeight: Double?
    /// Moodle's effective weight, percent: √Cov(x, T) ÷ Σ √Cov(x_k, T) over questions with
    /// Cov ≥ 0; nil when this question's covariance with the total is negative.
    public var effectiveWeight: Double?
    /// True when Cov(x, T) < 0 (Moodle shows "negative covariance" instead of a weight).
    public var negativeCovariance: Bool
    /// 100 × Pearson r of the mark with the rest score T − x, percent.
    public var discriminationIndex: Double?
    /// 100 × Cov(x, T − x) ÷ the largest covariance the two distributions allow, percent.
    public var discriminativeEfficiency: Double?
    /// Corrected point-biserial: Pearson r of the mark with the rest score, a fraction.
    public var pointBiserial: Double?
    /// Uncorrected point-biserial: Pearson r of the mark with the total (item included).
    public var pointBiserialUncorrected: Double?
    /// Kelley's D = P_upper − P_lower over the top and bottom 27 % by total, a fraction.
    public var upperLower27: Double?
    /// Distractor analysis; nil when the question has no option data.
    public var options: [OptionStatistics]?

    /// Memberwise initialiser.
    public init(
        id: String,
        n: Int,
        facility: Double?,
        sd: Double?,
        randomGuessScore: Double?,
        intendedWeight: Double?,
        effectiveWeight: Double?,
        negativeCovariance: Bool,
        discriminationIndex: Double?,
        discriminativeEfficiency: Double?,
        pointBiserial: Double?,
        pointBiserialUncorrected: Double?,
        upperLower27: Double?,
        options: [OptionStatistics]?
    ) {
        self.id = id
        self.n = n
        self.facility = facility
        self.sd = sd
        self.randomGuessScore = randomGuessScore
        self.intendedWeight = intendedWeight
        self.effectiveWeight = effectiveWeight
        self.negativeCovariance = negativeCovariance
        self.discriminationIndex = discriminationIndex
        self.discriminativeEfficiency = discriminativeEfficiency
        self.pointBiserial = pointBiserial
        self.pointBiserialUncorrected = pointBiserialUncorrected
        self.upperLower27 = upperLower27
        self.options = options
    }

    private enum CodingKeys: String, CodingKey {
        case id, n, facility, sd, randomGuessScore, intendedWeight, effectiveWeight, negativeCovariance
        case discriminationIndex, discriminativeEfficiency, pointBiserial, pointBiserialUncorrected
        case upperLower27, options
    }

    /// Encodes every key, nil figures as null (the synthesised encoding would leave them out).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(n, forKey: .n)
        try container.encode(facility, forKey: .facility)
        try container.encode(sd, forKey: .sd)
        try container.encode(randomGuessScore, forKey: .randomGuessScore)
        try container.encode(intendedWeight, forKey: .intendedWeight)
        try container.encode(effectiveWeight, forKey: .effectiveWeight)
        try container.encode(negativeCovariance, forKey: .negativeCovariance)
        try container.encode(discriminationIndex, forKey: .discriminationIndex)
        try container.encode(discriminativeEfficiency, forKey: .discriminativeEfficiency)
        try container.encode(pointBiserial, forKey: .pointBiserial)
        try container.encode(pointBiserialUncorrected, forKey: .pointBiserialUncorrected)
        try container.encode(upperLower27, forKey: .upperLower27)
        try container.encode(options, forKey: .options)
    }
}
