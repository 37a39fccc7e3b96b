/// A role-play's choice flow, left to right: how many trainees reached each step or ending and
/// which way they went, links as thick as the number who took them.
public struct FlowChart: Sendable {
    /// What a node is; endings are coloured by outcome and name it in their text too.
    public enum Kind: Sendable {
        /// A scene or choice on the way.
        case step
        /// An ending with a good outcome.
        case good
        /// An ending with a mixed outcome.
        case mixed
        /// An ending with a poor outcome.
        case poor
    }

    /// One step or ending.
    public struct Node: Sendable {
        /// What links name it by; a repeated id keeps its first node.
        public var id: String
        /// Its column: larger is further right; gaps between the values used are closed up.
        public var column: Int
        /// Text inside the node (wrapped to three lines; the full text is its tooltip).
        public var label: String
        /// How many reached it.
        public var count: Int
        /// Step or ending.
        public var kind: Kind

        /// A node, a step unless told otherwise.
        public init(id: String, column: Int, label: String, count: Int, kind: Kind = .step) {
            self.id = id
            self.column = column
            self.label = label
            self.count = count
            self.kind = kind
        }
    }

    /// A path taken from one node to another; ignored if either id names no node, or both the same.
    public struct Link: Sendable {
        /// The id of the node it leaves.
        public var from: String
        /// The id of the node it enters.
        public var to: String
        /// How many took it (sets its thickness; at least 1.5 units).
        public var count: Int
        /// What was chosen, for its tooltip.
        public var label: String

        /// A link.
        public init(from: String, to: String, count: Int, label: String = "") {
            self.from = from
            self.to = to
            self.count = count
            self.label = label
        }
    }

    /// The chart's accessible name (`<title>`).
    public var title: String
    /// The chart's description (`<desc>`).
    public var summary: String
    /// The steps and endings; within a column, drawn top to bottom in this order.
    public var nodes: [Node]
    /// The paths between them.
    public var links: [Link]

    /// A flow chart of `nodes` joined by `links`.
    public init(title: String, summary: String, nodes: [Node], links: [Link]) {
        self.title = title
        self.summary = summary
        self.nodes = nodes
        self.links = links
    }

    /// The chart as a standalone `<svg>` element; `id` (sanitised) prefixes its title and desc ids.
    /// Wider than the other charts (up to 900 units) when there are more than three columns.
    public func svg(id: String) -> String {
        guard !nodes.isEmpty else { return SVGChart.empty(id: id, kind: "flow", title: title, summary: summary) }
        typealias S = SVGChart
        let layout = FlowLayout(nodes: nodes, links: links)
        var body: [String] = []
        for ribbon in layout.ribbons {
            let (from, to) = (layout.boxes[ribbon.from], layout.boxes[ribbon.to])
            let (x1, x2) = (from.x + from.width, to.x)
            let (y1, y2) = (S.number(ribbon.start), S.number(ribbon.end))
            let d: String
            if let lane = ribbon.lane.map(S.number) {
                // Back under the nodes: turn down past the source, run left, turn up into the target.
                let (out, back) = (S.number(x1 + FlowLayout.turn), S.number(x2 - FlowLayout.turn))
                d = "M \(S.number(x1)),\(y1) C \(out),\(y1) \(out),\(lane) \(S.number(x1)),\(lane) L \(S.number(x2)),\(lane) "
                    + "C \(back),\(lane) \(back),\(y2) \(S.number(x2)),\(y2)"
            } else {
                // Forward, so x1 < x2: both control points at the middle keep the curve between the nodes.
                let middle = S.number((x1 + x2) / 2)
                d = "M \(S.number(x1)),\(y1) C \(middle),\(y1) \(middle),\(y2) \(S.number(x2)),\(y2)"
            }
            let choice = ribbon.link.label.isEmpty ? "" : ": \(ribbon.link.label)"
            body.append(S.element("path", [
                "class": "link", "d": d, "fill": "none", "stroke": to.node.kind.colour, "stroke-opacity": "0.45",
                "stroke-width": S.number(ribbon.width),
            ], content: S.tooltip("\(from.node.label) → \(to.node.label)\(choice) (\(ribbon.count))")))
        }
        for box in layout.boxes {
            let outcome = box.node.kind.outcome.map { " (\($0.lowercased()) outcome)" } ?? ""
            body.append(S.element("rect", [
                "class": "node", "x": S.number(box.x), "y": S.number(box.y), "width": S.number(box.width),
                "height": S.number(box.height), "rx": "4", "fill": box.node.kind.colour, "fill-opacity": "0.22",
                "stroke": box.node.kind.colour, "stroke-width": "2",
            ], content: S.tooltip("\(box.node.label)\(outcome): \(max(0, box.node.count))")))
            let first = box.y + (box.height - Double(box.lines.count) * FlowLayout.lineHeight) / 2 + 11.5
            for (line, text) in box.lines.enumerated() {
                let last = line == box.lines.count - 1
                body.append(S.text(text, [
                    "class": last ? "node-count" : "node-label", "x": S.number(box.x + box.width / 2),
                    "y": S.number(first + Double(line) * FlowLayout.lineHeight), "text-anchor": "middle",
                    "font-size": "13", "pointer-events": "none",
                ], last ? [("font-weight", "bold")] : []))
            }
        }
        return S.document(id: id, kind: "flow", width: layout.width, height: layout.height, title: title,
                          summary: summary, body: body)
    }
}

extension FlowChart.Kind {
    /// The outcome written on an ending; nil for a step.
    var outcome: String? {
        switch self {
        case .step: nil
        case .good: "Good"
        case .mixed: "Mixed"
        case .poor: "Poor"
        }
    }

    /// The node's colour, which links into it share.
    var colour: String {
        switch self {
        case .step: ChartPalette.blue
        case .good: ChartPalette.bluishGreen
        case .mixed: ChartPalette.orange
        case .poor: ChartPalette.vermillion
        }
    }
}
