/// Distractor analysis for one answer option.
public struct OptionStatistics: Hashable, Sendable, Encodable {
    /// The option's id.
    public var id: String
    /// True for the correct answer.
    public var key: Bool
    /// Attempts that chose this option.
    public var count: Int
    /// count ÷ attempts; nil with no attempts.
    public var proportion: Double?
    /// Attempts in the upper 27 % group that chose it.
    public var upper: Int
    /// Attempts in the lower 27 % group that chose it.
    public var lower: Int
    /// Mean total mark of those who chose it; nil when nobody did.
    public var meanTotal: Double?
    /// Pearson r of "chose this option" (0/1) with the total mark (item included, as Canvas does);
    /// nil when everyone or nobody chose it, or totals do not vary.
    public var pointBiserial: Double?

    /// Memberwise initialiser.
    public init(
        id: String,
        key: Bool,
        count: Int,
        proportion: Double?,
        upper: Int,
        lower: Int,
        meanTotal: Double?,
        pointBiserial: Double?
    ) {
        self.id = id
        self.key = key
        self.count = count
        self.proportion = proportion
        self.upper = upper
        self.lower = lower
        self.meanTotal = meanTotal
        self.pointBiserial = pointBiserial
    }

    private enum CodingKeys: String, CodingKey {
        case id, key, count, proportion, upper, lower, meanTotal, pointBiserial
    }

    /// Encodes every key, nil figures as null (the synthesised encoding would leave them out).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(key, forKey: .key)
        try container.encode(count, forKey: .count)
        try container.encode(proportion, forKey: .proportion)
        try container.encode(upper, forKey: .upper)
        try container.encode(lower, forKey: .lower)
        try container.encode(meanTotal, forKey: .meanTotal)
        try container.encode(pointBiserial, forKey: .pointBiserial)
    }
}
