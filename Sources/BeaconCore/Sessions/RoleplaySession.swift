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
        let feedback = reply.criteria.enumerated().compactMap { index, criterion in
            met.contains(index) ? criterion.ifMet : criterion.ifMissed
        }
        return Outcome(feedback: feedback, changes: changes)
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
    public func competencyShares(in roleplay: Roleplay) -> [(competency: String, points: Int, outOf: Int)] {
        zip(roleplay.assesses, position.scores).map { ($0.competency.id, $1, $0.outOf) }
    }
}
