/// How a certificate is renewed: continuing-education hours per validity cycle, with category
/// minimums and caps, activity kinds that do not count, and Beacon modules that count by
/// themselves when finished within the cycle.
public struct RenewalRule: Hashable, Sendable {
    public struct Category: Hashable, Sendable {
        public var id: String
        /// At least this many hours in the category.
        public var minimum: Double?
        /// At most this many hours of the category count toward the total.
        public var maximum: Double?
        public init(id: String, minimum: Double? = nil, maximum: Double? = nil) {
            self.id = id
            self.minimum = minimum
            self.maximum = maximum
        }
    }

    /// A module of the course that counts as CE when finished again within the cycle.
    public struct ModuleCredit: Hashable, Sendable {
        public var module: Reference
        public var category: String
        public var hours: Double
        public init(module: Reference, category: String, hours: Double) {
            self.module = module
            self.category = category
            self.hours = hours
        }
    }

    public var hours: Double
    public var categories: [Category]
    /// Activity kinds that never count ("supervision", "staff-meeting").
    public var excludedKinds: Set<String>
    public var modules: [ModuleCredit]

    public init(hours: Double, categories: [Category] = [], excludedKinds: Set<String> = [], modules: [ModuleCredit] = []) {
        self.hours = hours
        self.categories = categories
        self.excludedKinds = excludedKinds
        self.modules = modules
    }

    public func category(_ id: String) -> Category? { categories.first { $0.id == id } }
}

/// One continuing-education activity a holder claims, or a Beacon module that counted.
public struct CEClaim: Sendable, Equatable, Codable {
    public enum Source: String, Sendable, Equatable, Codable { case beacon, outside }
    /// What makes two claims the same activity: the evidence reference, or the module.
    public var key: String
    public var category: String
    public var kind: String
    public var hours: Double
    public var day: DayDate
    public var source: Source
    public var title: String

    public init(key: String, category: String, kind: String, hours: Double, day: DayDate, source: Source, title: String) {
        self.key = key
        self.category = category
        self.kind = kind
        self.hours = hours
        self.day = day
        self.source = source
        self.title = title
    }
}

/// A CE ledger for one validity cycle judged against the renewal rule: which claims count and
/// why others do not, hours per category after caps, and what is still missing.
public struct RenewalEvaluation: Sendable, Equatable, Encodable {
    public struct Line: Sendable, Equatable, Encodable {
        public var title: String
        public var category: String
        public var hours: Double
        public var day: DayDate
        public var source: CEClaim.Source
        public var counted: Bool
        /// Why a claim does not count: another cycle, an excluded kind, a category the rule lacks.
        public var note: String?
    }

    public var checks: [ProgramEvaluation.Check]
    public var lines: [Line]
    /// Hours that count, after category caps.
    public var total: Double
    public var met: Bool { checks.allSatisfy(\.met) }

    public init(rule: RenewalRule, claims: [CEClaim], cycle: ClosedRange<DayDate>) {
        var byCategory: [String: Double] = [:]
        var seen: Set<String> = []
        lines = claims.sorted { ($0.day, $0.key) < ($1.day, $1.key) }.map { claim in
            var note: String?
            if !cycle.contains(claim.day) {
                note = claim.day < cycle.lowerBound ? "before this cycle (\(cycle.lowerBound) to \(cycle.upperBound)); hours do not carry over" : "after this cycle ends (\(cycle.upperBound))"
            } else if rule.excludedKinds.contains(claim.kind) {
                note = "\(claim.kind) does not count toward renewal"
            } else if rule.category(claim.category) == nil {
                note = "\(claim.category) is not one of this program's categories (\(rule.categories.map(\.id).joined(separator: ", ")))"
            } else if !seen.insert(claim.key).inserted {
                note = "the same activity is already counted"
            }
            if note == nil { byCategory[claim.category, default: 0] += claim.hours }
            return Line(title: claim.title, category: claim.category, hours: claim.hours, day: claim.day, source: claim.source, counted: note == nil, note: note)
        }
        var checks: [ProgramEvaluation.Check] = []
        var total = 0.0
        for category in rule.categories {
            let found = byCategory[category.id] ?? 0
            let capped = category.maximum.map { min(found, $0) } ?? found
            total += capped
            if let minimum = category.minimum {
                checks.append(.init(
                    kind: "ce-category", requirement: "At least \(ProgramEvaluation.hours(minimum)) h of \(category.id)", met: found + 1e-9 >= minimum,
                    detail: "\(ProgramEvaluation.hours(found)) h", fullOnly: false, have: found, need: minimum
                ))
            }
            if let maximum = category.maximum, found > maximum {
                checks.append(.init(
                    kind: "ce-cap", requirement: "At most \(ProgramEvaluation.hours(maximum)) h of \(category.id) count", met: true,
                    detail: "\(ProgramEvaluation.hours(found)) h claimed, \(ProgramEvaluation.hours(maximum)) counted", fullOnly: false, have: capped, need: maximum
                ))
            }
        }
        checks.insert(.init(
            kind: "ce-total", requirement: "\(ProgramEvaluation.hours(rule.hours)) h of continuing education between \(cycle.lowerBound) and \(cycle.upperBound)",
            met: total + 1e-9 >= rule.hours, detail: "\(ProgramEvaluation.hours(total)) h counted", fullOnly: false, have: total, need: rule.hours
        ), at: 0)
        self.checks = checks
        self.total = total
    }
}
