/// One run through a role-play as a value: where the trainee is, the running scores, and the
/// moves made. Free-text replies are kept only as which criteria they met: the words a trainee
/// types may disclose their own history and are never stored.
public struct RoleplaySession: Hashable, Sendable {
    /// One move, enough to replay the run.
    public struct Step: Hashable, Sendable, Codable {
        public var scene: String
        public var move: Move
        /// Scores after the move, in the order of the role-play's `assesses`.
        public var scores: [Int]

        public init(scene: String, move: Move, scores: [Int]) {
            self.scene = scene
            self.move = move
            self.scores = scores
        }
    }

    public enum Move: Hashable, Sendable, Codable {
        case choice(Int)
        case reply(met: [Int])
        case route(Int)
    }

    /// What the trainee is told after a move.
    public struct Outcome: Hashable, Sendable {
        public var feedback: [[Inline]]
        /// Points gained or lost per competency id, in the order written.
        public var changes: [ScoreChange]
    }

    public enum Problem: Error, Equatable {
        case finished
        case notAChoiceHere
        case choiceNotOffered(Int)
        case notAReplyHere
    }

    public let roleplayId: String
    public private(set) var position: RoleplayPosition
    public private(set) var steps: [Step] = []

    /// A new run at the start scene (routes at the start are followed at once).
    public init(roleplay: Roleplay) {
        roleplayId = roleplay.id
        position = roleplay.startPosition
        followRoutes(in: roleplay)
    }

    public var sceneId: String { position.node }
    public func ending(in roleplay: Roleplay) -> Ending? { roleplay.ending(position.node) }
    public func scene(in roleplay: Roleplay) -> Scene? { roleplay.scene(position.node) }

    /// The choices on offer now, numbered from 1 as the trainee sees them.
    public func offeredChoices(in roleplay: Roleplay) -> [(index: Int, choice: Choice)] {
        guard let scene = scene(in: roleplay), case .choices(let choices) = scene.step else { return [] }
        return roleplay.availableChoices(choices, scores: position.scores)
    }

    /// The offered choices in the order a run with `seed` shows them in this scene: shuffled, so
    /// the best reply is not always in the same place, and the same every time the run resumes.
    /// Without a seed (runs recorded before choice orders were), the written order.
    public func displayedChoices(in roleplay: Roleplay, seed: UInt64?) -> [(index: Int, choice: Choice)] {
        let offered = offeredChoices(in: roleplay)
        guard let seed else { return offered }
        // Mixed with the scene id, so each scene of a run has its own order.
        var random = SeededRandom(seed: seed, mixing: sceneId)
        return offered.shuffled(using: &random)
    }

    /// Takes the choice with this written index (as listed by `offeredChoices`).
    @discardableResult
    public mutating func choose(_ index: Int, in roleplay: Roleplay) throws -> Outcome {
        guard let scene = scene(in: roleplay) else { throw Problem.finished }
        guard case .choices(let choices) = scene.step else { throw Problem.notAChoiceHere }
        guard offeredChoices(in: roleplay).contains(where: { $0.index == index }) else { throw Problem.choiceNotOffered(index) }
        let choice = choices[index]
        apply(.choice(index), scene: scene.id, changes: choice.scores, next: choice.next.id, in: roleplay)
        return Outcome(feedback: [choice.feedback], changes: choice.scores)
    }

    /// Scores a free-text reply against the rubric and moves on. The text itself is not kept.
    @discardableResult
    public mutating func reply(_ text: String, in roleplay: Roleplay) throws -> Outcome {
        guard let scene = scene(in: roleplay) else { throw Problem.finished }
        guard case .reply(let reply) = scene.step else { throw Problem.notAReplyHere }
        let met = reply.metCriteria(by: text)
        return record(reply: reply, met: met, scene: scene.id, in: roleplay)
    }

    /// Re-applies a stored step when a run is resumed.
    public mutating func replay(_ move: Move, in roleplay: Roleplay) throws {
        switch move {
        case .choice(let index): try choose(index, in: roleplay)
        case .reply(let met):
            guard let scene = scene(in: roleplay), case .reply(let reply) = scene.step else { throw Problem.notAReplyHere }
            _ = record(reply: reply, met: met.filter { reply.criteria.indices.contains($0) }, scene: scene.id, in: roleplay)
        case .route:
            break  // routes are followed automatically after every move
        }
    }

    private mutating func record(reply: Reply, met: [Int], scene: String, in roleplay: Roleplay) -> Outcome {
        let changes = met.flatMap { reply.criteria[$0].scores }
        apply(.reply(met: met), scene: scene, changes: changes, next: reply.next.id, in: roleplay)
        return Outcome(feedback: Self.feedback(reply, met: met), changes: changes)
    }

    /// What the trainee is told about a scored reply. "You held back from advice" is praise, and
    /// praise for avoiding a harm is only given to a reply that did some good and no harm: a
    /// harmful or empty reply never hears that it did well.
    public static func feedback(_ reply: Reply, met: [Int]) -> [[Inline]] {
        let harmed = met.contains { reply.criteria[$0].points < 0 }
        let helped = met.contains { reply.criteria[$0].points > 0 }
        return reply.criteria.enumerated().compactMap { index, criterion in
            if met.contains(index) { return criterion.ifMet }
            if criterion.points < 0 { return helped && !harmed ? criterion.ifMissed : nil }
            return criterion.ifMissed
        }
    }

    private mutating func apply(_ move: Move, scene: String, changes: [ScoreChange], next: String, in roleplay: Roleplay) {
        let scores = roleplay.applying(changes, to: position.scores)
        steps.append(Step(scene: scene, move: move, scores: scores))
        position = RoleplayPosition(node: next, scores: scores)
        followRoutes(in: roleplay)
    }

    /// Scenes made only of routes move on by themselves; their lines are shown on the way.
    private mutating func followRoutes(in roleplay: Roleplay) {
        var guardSteps = 0
        while let scene = scene(in: roleplay), case .routes = scene.step, guardSteps < 1_000 {
            guard let move = roleplay.moves(from: position).first, case .route(let index) = move.via else { return }
            steps.append(Step(scene: scene.id, move: .route(index), scores: position.scores))
            position = move.target
            guardSteps += 1
        }
    }

    /// Share of full marks per assessed competency, for the debrief.
    ///
    /// These are the points the path earned: every gain and loss added up, and only the total
    /// kept within 0…outOf. (The running scores that conditions see stop at 0 on the way, so a
    /// loss at the first step would otherwise be forgotten by the end.)
    public func competencyShares(in roleplay: Roleplay) -> [(competency: String, points: Int, outOf: Int)] {
        var totals = [Int](repeating: 0, count: roleplay.assesses.count)
        for step in steps {
            for change in changes(of: step, in: roleplay) {
                guard let index = roleplay.assesses.firstIndex(where: { $0.competency.id == change.competency.id }) else { continue }
                totals[index] += change.points
            }
        }
        return zip(roleplay.assesses, totals).map { ($0.competency.id, min(max($1, 0), $0.outOf), $0.outOf) }
    }

    /// The score changes a step made, as written in the role-play (routes make none).
    public func changes(of step: Step, in roleplay: Roleplay) -> [ScoreChange] {
        guard let scene = roleplay.scene(step.scene) else { return [] }
        switch (step.move, scene.step) {
        case (.choice(let index), .choices(let choices)) where choices.indices.contains(index):
            return choices[index].scores
        case (.reply(let met), .reply(let reply)):
            return met.filter { reply.criteria.indices.contains($0) }.flatMap { reply.criteria[$0].scores }
        default:
            return []
        }
    }

    /// What the path did well and what to try next time, from the moves actually made: the
    /// feedback of choices that earned or lost points, and of the reply criteria met or missed.
    public func lessons(in roleplay: Roleplay) -> (wentWell: [[Inline]], tryNext: [[Inline]]) {
        var wentWell: [[Inline]] = [], tryNext: [[Inline]] = []
        func add(_ text: [Inline]?, to list: inout [[Inline]]) {
            guard let text, !text.isEmpty, !list.contains(text) else { return }
            list.append(text)
        }
        for step in steps {
            guard let scene = roleplay.scene(step.scene) else { continue }
            switch (step.move, scene.step) {
            case (.choice(let index), .choices(let choices)) where choices.indices.contains(index):
                let points = choices[index].scores.map(\.points).reduce(0, +)
                if points > 0 { add(choices[index].feedback, to: &wentWell) }
                if points < 0 { add(choices[index].feedback, to: &tryNext) }
            case (.reply(let met), .reply(let reply)):
                for (index, criterion) in reply.criteria.enumerated() {
                    if met.contains(index), criterion.points < 0 {
                        add(criterion.ifMet, to: &tryNext)
                    } else if met.contains(index) {
                        add(criterion.ifMet, to: &wentWell)
                    } else if criterion.points > 0 {
                        add(criterion.ifMissed, to: &tryNext)
                    }
                }
            default:
                continue
            }
        }
        return (wentWell, tryNext)
    }
}
