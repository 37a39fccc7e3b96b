/// Where a role-play run stands: the current scene or ending, and the running score of each
/// assessed competency (in the order of `Roleplay.assesses`).
public struct RoleplayPosition: Hashable, Sendable {
    public var node: String
    public var scores: [Int]

    public init(node: String, scores: [Int]) {
        self.node = node
        self.scores = scores
    }
}

/// One way to leave a position, and where it leads.
public struct RoleplayMove: Hashable, Sendable {
    public enum Via: Hashable, Sendable {
        /// The n-th choice of the scene (as written, counting unavailable ones).
        case choice(Int)
        /// The reply, with which criteria were met (by index).
        case reply(met: [Int])
        /// The n-th route of the scene.
        case route(Int)
    }

    public var via: Via
    public var target: RoleplayPosition
}

extension Roleplay {
    /// Scores before the first scene: zero for every assessed competency.
    public var startPosition: RoleplayPosition {
        RoleplayPosition(node: start.id, scores: Array(repeating: 0, count: assesses.count))
    }

    func scoreIndex(_ competency: String) -> Int? {
        assesses.firstIndex { $0.competency.id == competency }
    }

    /// Adds the changes, keeping each score within 0...outOf. Changes to competencies the
    /// role-play does not assess are ignored here; the linter reports them.
    public func applying(_ changes: [ScoreChange], to scores: [Int]) -> [Int] {
        var result = scores
        for change in changes {
            guard let index = scoreIndex(change.competency.id) else { continue }
            result[index] = min(max(result[index] + change.points, 0), assesses[index].outOf)
        }
        return result
    }

    /// Whether every condition holds; a competency the role-play does not assess counts as 0.
    public func allHold(_ conditions: [Condition], scores: [Int]) -> Bool {
        conditions.allSatisfy { condition in
            let score = scoreIndex(condition.competency.id).map { scores[$0] } ?? 0
            return condition.holds(for: score)
        }
    }

    /// The choices offered at this scene with these scores, with their written indices.
    public func availableChoices(_ choices: [Choice], scores: [Int]) -> [(index: Int, choice: Choice)] {
        choices.enumerated().filter { allHold($0.element.conditions, scores: scores) }.map { ($0.offset, $0.element) }
    }

    /// Every move out of a position. Empty at an ending, and also where a trainee would be stuck.
    ///
    /// A reply's outcomes are the combinations of criteria met: all of them when there are at most
    /// `maxEnumeratedCriteria`, otherwise none, each alone, and all.
    public func moves(from position: RoleplayPosition, maxEnumeratedCriteria: Int = 10) -> [RoleplayMove] {
        guard let scene = scene(position.node) else { return [] }
        switch scene.step {
        case .choices(let choices):
            return availableChoices(choices, scores: position.scores).map { index, choice in
                RoleplayMove(
                    via: .choice(index),
                    target: RoleplayPosition(node: choice.next.id, scores: applying(choice.scores, to: position.scores))
                )
            }
        case .routes(let routes):
            guard let index = routes.firstIndex(where: { allHold($0.conditions, scores: position.scores) }) else {
                return []
            }
            return [RoleplayMove(via: .route(index), target: RoleplayPosition(node: routes[index].next.id, scores: position.scores))]
        case .reply(let reply):
            var seen = Set<[Int]>()
            return Self.criteriaCombinations(count: reply.criteria.count, limit: maxEnumeratedCriteria).compactMap { met in
                let changes = met.flatMap { reply.criteria[$0].scores }
                let scores = applying(changes, to: position.scores)
                // Different combinations that land on the same scores are the same move for exploration.
                guard seen.insert(scores).inserted else { return nil }
                return RoleplayMove(via: .reply(met: met), target: RoleplayPosition(node: reply.next.id, scores: scores))
            }
        }
    }

    static func criteriaCombinations(count: Int, limit: Int) -> [[Int]] {
        if count <= limit {
            return (0..<(1 << count)).map { mask in (0..<count).filter { mask & (1 << $0) != 0 } }
        }
        return [[]] + (0..<count).map { [$0] } + [Array(0..<count)]
    }
}
