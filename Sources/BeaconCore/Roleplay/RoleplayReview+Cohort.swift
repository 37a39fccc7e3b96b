extension RoleplayReview {
    /// A role-play across a cohort: how often each choice was picked, which criteria were
    /// missed most, which endings were reached, and the moves between scenes.
    public struct Cohort: Sendable, Encodable {
        public struct ChoiceCount: Sendable, Encodable, Equatable {
            public var number: Int
            public var said: String
            public var count: Int
            /// Points the choice adds (negative: it costs), summed over competencies.
            public var points: Int
        }

        public struct CriterionCount: Sendable, Encodable, Equatable {
            public var scene: String
            public var id: String
            public var label: String
            public var harmful: Bool
            public var met: Int
            public var of: Int
            /// Replies that missed it (for a harmful criterion: that met it, the harm done).
            public var failed: Int { harmful ? met : of - met }
        }

        public struct SceneCount: Sendable, Encodable {
            public var scene: String
            public var sceneSays: String?
            public var visits: Int
            public var choices: [ChoiceCount]
            public var criteria: [CriterionCount]
        }

        public struct EndingCount: Sendable, Encodable, Equatable {
            public var id: String
            public var outcome: String
            public var count: Int
        }

        public struct Move: Sendable, Encodable, Equatable {
            public var from: String
            public var to: String
            public var count: Int
            /// "choice 2", "reply", or "" for a route.
            public var via: String
        }

        public var roleplay: String
        public var title: String
        public var basis: AttemptBasis
        public var runs: Int
        public var trainees: Int
        public var scenes: [SceneCount]
        /// Every reply criterion, the most failed first.
        public var mostMissed: [CriterionCount]
        public var endings: [EndingCount]
        public var moves: [Move]
    }

    /// Finished runs only: a run left halfway says nothing about where it would have ended.
    public static func cohort(_ roleplay: Roleplay, runs all: [Run], basis: AttemptBasis) -> Cohort {
        var finished = all.filter(\.finished).sorted { ($0.trainee, $0.number) < ($1.trainee, $1.number) }
        if basis == .first {
            var seen: Set<String> = []
            finished = finished.filter { seen.insert($0.trainee).inserted }
        }
        var scenes: [Cohort.SceneCount] = []
        for scene in roleplay.scenes {
            let visits = finished.flatMap(\.steps).filter { $0.scene == scene.id }
            var choices: [Cohort.ChoiceCount] = [], criteria: [Cohort.CriterionCount] = []
            switch scene.step {
            case .choices(let written):
                choices = written.enumerated().map { index, choice in
                    Cohort.ChoiceCount(
                        number: index + 1, said: choice.say.plainText,
                        count: visits.filter { $0.move == .choice(index) }.count, points: choice.scores.map(\.points).reduce(0, +)
                    )
                }
            case .reply(let reply):
                let replies = visits.compactMap { step -> [Int]? in if case .reply(let met) = step.move { met } else { nil } }
                criteria = reply.criteria.enumerated().map { index, criterion in
                    Cohort.CriterionCount(
                        scene: scene.id, id: criterion.id, label: criterion.label, harmful: criterion.points < 0,
                        met: replies.filter { $0.contains(index) }.count, of: replies.count
                    )
                }
            case .routes: break
            }
            scenes.append(Cohort.SceneCount(
                scene: scene.id, sceneSays: scene.lines.first.map { $0.text.plainText }, visits: visits.count,
                choices: choices, criteria: criteria
            ))
        }
        let endings = roleplay.endings.map { ending in
            Cohort.EndingCount(id: ending.id, outcome: ending.outcome.rawValue, count: finished.filter { $0.ending == ending.id }.count)
        }
        var moves: [Cohort.Move] = []
        for run in finished {
            let targets = run.steps.dropFirst().map(\.scene) + [run.ending ?? ""]
            for (step, target) in zip(run.steps, targets) where !target.isEmpty {
                let via: String = switch step.move {
                case .choice(let index): "choice \(index + 1)"
                case .reply: "reply"
                case .route: ""
                }
                if let index = moves.firstIndex(where: { $0.from == step.scene && $0.to == target && $0.via == via }) {
                    moves[index].count += 1
                } else {
                    moves.append(Cohort.Move(from: step.scene, to: target, count: 1, via: via))
                }
            }
        }
        let criteria = scenes.flatMap(\.criteria).filter { $0.of > 0 }
        let mostMissed = criteria.enumerated().sorted { a, b in
            let shareA = Double(a.element.failed) / Double(a.element.of), shareB = Double(b.element.failed) / Double(b.element.of)
            return shareA != shareB ? shareA > shareB : a.offset < b.offset
        }.map(\.element)
        return Cohort(
            roleplay: roleplay.id, title: roleplay.title, basis: basis, runs: finished.count,
            trainees: Set(finished.map(\.trainee)).count, scenes: scenes, mostMissed: mostMissed, endings: endings, moves: moves
        )
    }
}
