/// What walking every path of a role-play found.
public struct RoleplayExploration: Sendable {
    /// A position from which a trainee cannot go on, with the scenes that lead there.
    public struct Finding: Sendable {
        public var position: RoleplayPosition
        public var path: [String]
    }

    /// Distinct (scene, scores) positions visited.
    public var positions = 0
    /// True when the bound stopped the walk before every position was seen.
    public var truncated = false
    /// Non-ending positions with no move: every choice's conditions fail, or no route holds.
    public var stuck: [Finding] = []
    /// Positions from which no ending can be reached any more (only when not truncated).
    public var trapped: [Finding] = []
    public var endingsReached: Set<String> = []
    /// Per assessed competency, the best score any finished run can end with.
    public var bestScores: [Int] = []
}

/// How seeded random playthroughs of a role-play went.
public struct PlaythroughReport: Sendable, Equatable {
    public var runs = 0
    public var finished = 0
    /// Runs that reached a position with no move.
    public var stuck = 0
    /// Runs still going after the step limit (they were going round a loop).
    public var unfinished = 0
    public var seed: UInt64 = 0
}

extension Roleplay {
    /// Walks every reachable (scene, scores) position breadth-first, up to `limit` positions.
    ///
    /// Scores are bounded by `outOf`, so the walk is finite; the limit only guards against
    /// role-plays with very many competencies.
    public func explore(limit: Int = 200_000) -> RoleplayExploration {
        var result = RoleplayExploration()
        result.bestScores = Array(repeating: 0, count: assesses.count)
        var index: [RoleplayPosition: Int] = [:]
        var positions: [RoleplayPosition] = []
        var parent: [Int] = []
        var successors: [[Int]] = []

        func visit(_ position: RoleplayPosition, from: Int) {
            guard index[position] == nil else { return }
            index[position] = positions.count
            positions.append(position)
            parent.append(from)
            successors.append([])
        }

        visit(startPosition, from: -1)
        var cursor = 0
        while cursor < positions.count {
            if positions.count > limit {
                result.truncated = true
                break
            }
            let position = positions[cursor]
            if ending(position.node) != nil {
                result.endingsReached.insert(position.node)
                for (i, score) in position.scores.enumerated() {
                    result.bestScores[i] = max(result.bestScores[i], score)
                }
            } else if scene(position.node) != nil {
                let moves = moves(from: position)
                if moves.isEmpty {
                    result.stuck.append(.init(position: position, path: path(to: cursor, positions, parent)))
                }
                for move in moves {
                    visit(move.target, from: cursor)
                    successors[cursor].append(index[move.target]!)
                }
            }
            // A node that is neither scene nor ending is a dangling reference, reported elsewhere.
            cursor += 1
        }
        result.positions = positions.count
        guard !result.truncated else { return result }

        // Positions that can still reach an ending, by walking the moves backwards.
        var predecessors = Array(repeating: [Int](), count: positions.count)
        for (from, targets) in successors.enumerated() {
            for target in targets { predecessors[target].append(from) }
        }
        var canFinish = Array(repeating: false, count: positions.count)
        var queue = positions.indices.filter { ending(positions[$0].node) != nil }
        for i in queue { canFinish[i] = true }
        while let i = queue.popLast() {
            for p in predecessors[i] where !canFinish[p] {
                canFinish[p] = true
                queue.append(p)
            }
        }
        let stuckPositions = Set(result.stuck.map(\.position))
        for i in positions.indices where !canFinish[i] && scene(positions[i].node) != nil {
            // Being stuck is reported on its own; a trap is a position that can still move but never finish.
            guard !stuckPositions.contains(positions[i]) else { continue }
            guard !successors[i].isEmpty else { continue }
            result.trapped.append(.init(position: positions[i], path: path(to: i, positions, parent)))
        }
        return result
    }

    private func path(to i: Int, _ positions: [RoleplayPosition], _ parent: [Int]) -> [String] {
        var nodes: [String] = []
        var cursor = i
        while cursor >= 0 {
            nodes.append(positions[cursor].node)
            cursor = parent[cursor]
        }
        return nodes.reversed()
    }

    /// One step as a trainee might take it: a random available choice, or a reply meeting a
    /// random set of criteria. Cheaper than listing every move, which exploration already does.
    func randomStep(from position: RoleplayPosition, using random: inout SeededRandom) -> RoleplayPosition? {
        guard let scene = scene(position.node) else { return nil }
        switch scene.step {
        case .choices(let choices):
            let open = choices.reduce(0) { $0 + (allHold($1.conditions, scores: position.scores) ? 1 : 0) }
            guard open > 0 else { return nil }
            var pick = Int.random(in: 0..<open, using: &random)
            guard let choice = choices.first(where: { candidate in
                guard allHold(candidate.conditions, scores: position.scores) else { return false }
                defer { pick -= 1 }
                return pick == 0
            }) else { return nil }
            return RoleplayPosition(node: choice.next.id, scores: applying(choice.scores, to: position.scores))
        case .routes:
            return moves(from: position).first?.target
        case .reply(let reply):
            let met = reply.criteria.filter { _ in Bool.random(using: &random) }
            return RoleplayPosition(node: reply.next.id, scores: applying(met.flatMap(\.scores), to: position.scores))
        }
    }

    /// Plays the role-play `runs` times picking moves at random from a seeded generator.
    public func playRandomly(runs: Int, seed: UInt64, maxSteps: Int = 1_000) -> PlaythroughReport {
        var report = PlaythroughReport(runs: runs, seed: seed)
        var random = SeededRandom(seed: seed)
        for _ in 0..<runs {
            var position = startPosition
            var steps = 0
            while true {
                if ending(position.node) != nil {
                    report.finished += 1
                    break
                }
                guard let next = randomStep(from: position, using: &random) else {
                    report.stuck += 1
                    break
                }
                position = next
                steps += 1
                if steps >= maxSteps {
                    report.unfinished += 1
                    break
                }
            }
        }
        return report
    }
}
