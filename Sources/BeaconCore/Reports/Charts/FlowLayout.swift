/// Where the flow chart's nodes and links go: columns spread across the width, each column's
/// nodes stacked and centred, links stacked along the node edges they leave and enter.
struct FlowLayout {
    /// A node's rect and the lines of text inside it.
    struct Box {
        let node: FlowChart.Node
        let x: Double, y: Double, width: Double, height: Double
        let lines: [String]
    }

    /// A link between two boxes (indices into `boxes`), with its stroke width and end heights.
    struct Ribbon {
        let link: FlowChart.Link
        let from: Int, to: Int
        let count: Int, width: Double
        var start = 0.0, end = 0.0
        /// For a link back to an earlier (or the same) column: the height it runs back at, under the nodes.
        var lane: Double?
    }

    static let textSize = 13.0, lineHeight = 15.0, gap = 14.0, margin = 8.0
    /// How far a link going back bulges past its node's edge before turning.
    static let turn = 20.0

    let width: Double
    let height: Double
    let boxes: [Box]
    let ribbons: [Ribbon]

    init(nodes: [FlowChart.Node], links: [FlowChart.Link]) {
        // The first node with an id wins; links naming a missing node, or their own node, are left out.
        var seen = Set<String>()
        let nodes = nodes.filter { seen.insert($0.id).inserted }
        var index: [String: Int] = [:]
        for (position, node) in nodes.enumerated() { index[node.id] = position }
        let kept = links.compactMap { link -> (FlowChart.Link, Int, Int)? in
            guard let from = index[link.from], let to = index[link.to], from != to else { return nil }
            return (link, from, to)
        }
        let largest = max(1, (kept.map { $0.0.count } + nodes.map(\.count)).max() ?? 1)
        // The largest flow is at most 36 units thick, one trainee at most 4; every link stays visible.
        let scale = min(36 / Double(largest), 4)
        var ribbons = kept.map { link, from, to in
            let count = max(0, link.count)
            return Ribbon(link: link, from: from, to: to, count: count, width: max(1.5, Double(count) * scale))
        }

        let columns = Array(Set(nodes.map(\.column))).sorted()
        let backward = ribbons.indices.filter { nodes[ribbons[$0].to].column <= nodes[ribbons[$0].from].column }
        // Links going back turn outside the outer columns, so those need room at the sides.
        let widest = backward.map { ribbons[$0].width }.max()
        let side = widest.map { Self.margin + Self.turn + $0 / 2 } ?? Self.margin
        width = max(560, min(900, 150 * Double(columns.count) + 2 * side))
        let nodeWidth = min(140, (width - 2 * side) / Double(columns.count) * 0.68)
        let spacing = columns.count > 1 ? (width - 2 * side - nodeWidth) / Double(columns.count - 1) : 0
        let lines = nodes.map { Self.lines(for: $0, width: nodeWidth - 10) }
        let heights = nodes.indices.map { position in
            let out = ribbons.filter { $0.from == position }.reduce(0) { $0 + $1.width }
            let into = ribbons.filter { $0.to == position }.reduce(0) { $0 + $1.width }
            let text = Double(lines[position].count) * Self.lineHeight + 10
            return max(text, out, into, Double(max(0, nodes[position].count)) * scale)
        }
        let members = columns.map { column in nodes.indices.filter { nodes[$0].column == column } }
        let columnHeights = members.map { column in
            column.reduce(0) { $0 + heights[$1] } + Self.gap * Double(max(0, column.count - 1))
        }
        let tallest = columnHeights.max() ?? 0
        var lane = Self.margin + tallest + 10
        for ribbon in backward {
            ribbons[ribbon].lane = lane + ribbons[ribbon].width / 2
            lane += ribbons[ribbon].width + 6
        }
        height = backward.isEmpty ? tallest + 2 * Self.margin : lane + Self.margin - 6

        var tops = Array(repeating: 0.0, count: nodes.count)
        var lefts = Array(repeating: 0.0, count: nodes.count)
        for (column, positions) in members.enumerated() {
            var y = Self.margin + (tallest - columnHeights[column]) / 2
            let x = columns.count > 1 ? side + Double(column) * spacing : (width - nodeWidth) / 2
            for position in positions {
                (tops[position], lefts[position]) = (y, x)
                y += heights[position] + Self.gap
            }
        }
        boxes = nodes.indices.map { position in
            Box(node: nodes[position], x: lefts[position], y: tops[position], width: nodeWidth,
                height: heights[position], lines: lines[position])
        }

        // Along each edge, links ordered by the height of their other end, so they cross less.
        for position in nodes.indices {
            let out = ribbons.indices.filter { ribbons[$0].from == position }
                .sorted { (tops[ribbons[$0].to], $0) < (tops[ribbons[$1].to], $1) }
            var y = tops[position] + (heights[position] - out.reduce(0) { $0 + ribbons[$1].width }) / 2
            for ribbon in out {
                ribbons[ribbon].start = y + ribbons[ribbon].width / 2
                y += ribbons[ribbon].width
            }
            let into = ribbons.indices.filter { ribbons[$0].to == position }
                .sorted { (tops[ribbons[$0].from], $0) < (tops[ribbons[$1].from], $1) }
            y = tops[position] + (heights[position] - into.reduce(0) { $0 + ribbons[$1].width }) / 2
            for ribbon in into {
                ribbons[ribbon].end = y + ribbons[ribbon].width / 2
                y += ribbons[ribbon].width
            }
        }
        self.ribbons = ribbons
    }

    /// The label wrapped to three lines, then the count (with the outcome, for an ending).
    static func lines(for node: FlowChart.Node, width: Double) -> [String] {
        let label = ChartText.wrapped(node.label, width: width, size: textSize, maxLines: 3)
        let count = node.kind.outcome.map { "\($0) · \(max(0, node.count))" } ?? String(max(0, node.count))
        return label + [ChartText.fitted(count, width: width, size: textSize, bold: true)]
    }
}
