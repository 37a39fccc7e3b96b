/// What happened in a role-play, from the steps recorded: one run's path scene by scene, or a
/// cohort's choices, missed criteria and endings. Replies' words are never stored, so they are
/// never shown: only which rubric criteria a reply met.
public enum RoleplayReview {
    /// One recorded run, as the store gives it.
    public struct Run: Sendable {
        public var trainee: String
        /// 1 for the trainee's first run of this role-play.
        public var number: Int
        public var finished: Bool
        public var ending: String?
        public var steps: [RoleplaySession.Step]

        public init(trainee: String, number: Int, finished: Bool, ending: String?, steps: [RoleplaySession.Step]) {
            self.trainee = trainee
            self.number = number
            self.finished = finished
            self.ending = ending
            self.steps = steps
        }
    }

    public struct Score: Sendable, Encodable, Equatable {
        public var competency: String
        public var points: Int
        public var outOf: Int?
    }

    public struct CriterionResult: Sendable, Encodable, Equatable {
        public var id: String
        public var label: String
        public var met: Bool
        /// A criterion worth negative points: meeting it means the reply did harm.
        public var harmful: Bool
    }

    public struct Step: Sendable, Encodable, Equatable {
        public enum Kind: String, Sendable, Encodable { case choice, reply, route }
        public var number: Int
        public var scene: String
        /// The scene's first line, so a reader knows where they are.
        public var sceneSays: String?
        public var kind: Kind
        /// For a choice: its number as written in the course, and what the trainee said.
        public var choice: Int?
        public var said: String?
        public var criteria: [CriterionResult]
        /// Points gained or lost in this step.
        public var changes: [Score]
        public var scoresAfter: [Score]
    }

    /// One run, scene by scene.
    public struct Path: Sendable, Encodable {
        public var roleplay: String
        public var title: String
        public var trainee: String
        public var run: Int
        public var finished: Bool
        public var ending: String?
        public var outcome: String?
        public var steps: [Step]
        public var scores: [Score]
    }

    public static func path(_ roleplay: Roleplay, _ run: Run) -> Path {
        var previous = roleplay.assesses.map { _ in 0 }
        var steps: [Step] = []
        for (index, step) in run.steps.enumerated() {
            let scene = roleplay.scene(step.scene)
            var kind = Step.Kind.route, choice: Int?, said: String?, criteria: [CriterionResult] = []
            switch (step.move, scene?.step) {
            case (.choice(let written), .choices(let choices)?):
                kind = .choice
                choice = written + 1
                said = choices.indices.contains(written) ? choices[written].say.plainText : nil
            case (.reply(let met), .reply(let reply)?):
                kind = .reply
                criteria = reply.criteria.enumerated().map { position, criterion in
                    CriterionResult(id: criterion.id, label: criterion.label, met: met.contains(position), harmful: criterion.points < 0)
                }
            case (.choice, _): kind = .choice
            case (.reply, _): kind = .reply
            default: break
            }
            let after = scores(roleplay, step.scores)
            let changes = zip(step.scores, previous).enumerated().compactMap { position, pair -> Score? in
                pair.0 == pair.1 ? nil : Score(competency: roleplay.assesses[position].competency.id, points: pair.0 - pair.1, outOf: nil)
            }
            previous = step.scores
            steps.append(Step(
                number: index + 1, scene: step.scene, sceneSays: scene?.lines.first.map { $0.text.plainText },
                kind: kind, choice: choice, said: said, criteria: criteria, changes: changes, scoresAfter: after
            ))
        }
        return Path(
            roleplay: roleplay.id, title: roleplay.title, trainee: run.trainee, run: run.number, finished: run.finished,
            ending: run.ending, outcome: run.ending.flatMap(roleplay.ending)?.outcome.rawValue,
            steps: steps, scores: scores(roleplay, run.steps.last?.scores ?? previous)
        )
    }

    static func scores(_ roleplay: Roleplay, _ values: [Int]) -> [Score] {
        zip(roleplay.assesses, values).map { Score(competency: $0.competency.id, points: $1, outOf: $0.outOf) }
    }
}
