/// Stacked horizontal bars, one per row, e.g. how many of a cohort are at each stage of each module.
/// Bars share one scale (the largest row total spans the full width), so rows of different sizes compare honestly.
public struct ProgressBarsChart: Sendable {
    /// One part of a bar; negative counts are drawn as 0.
    public struct Segment: Sendable {
        /// Which of `segmentNames` this is (sets its colour).
        public var name: String
        /// The segment's length.
        public var count: Int

        /// A segment.
        public init(name: String, count: Int) {
            self.name = name
            self.count = count
        }
    }

    /// One bar, its segments left to right.
    public struct Row: Sendable {
        /// Text left of the bar; past 28 characters it is cut with "…" (the full text is its tooltip).
        public var label: String
        /// The bar's parts.
        public var segments: [Segment]

        /// A row.
        public init(label: String, segments: [Segment]) {
            self.label = label
            self.segments = segments
        }
    }

    /// The chart's accessible name (`<title>`).
    public var title: String
    /// The chart's description (`<desc>`).
    public var summary: String
    /// Legend order; segment colours follow it. Names only found in rows are added after, in first-seen order.
    public var segmentNames: [String]
    /// The bars, top to bottom.
    public var rows: [Row]

    /// A stacked bar chart of `rows`.
    public init(title: String, summary: String, segmentNames: [String], rows: [Row]) {
        self.title = title
        self.summary = summary
        self.segmentNames = segmentNames
        self.rows = rows
    }

    /// The chart as a standalone `<svg>` element; `id` (sanitised) prefixes its title and desc ids.
    public func svg(id: String) -> String {
        guard !rows.isEmpty else { return SVGChart.empty(id: id, kind: "progress", title: title, summary: summary) }
        typealias S = SVGChart
        let width = S.width, size = 13.0, rowPitch = 34.0, barHeight = 22.0
        var names: [String] = []
        for name in segmentNames + rows.flatMap({ $0.segments.map(\.name) }) where !names.contains(name) {
            names.append(name)
        }
        let colour = { (name: String) in
            ChartPalette.series[(names.firstIndex(of: name) ?? 0) % ChartPalette.series.count]
        }
        var body: [String] = []

        // The legend, wrapping onto more lines as needed.
        var (x, y) = (8.0, 8.0)
        for name in names {
            let label = ChartText.fitted(name, width: 200, size: size)
            let itemWidth = 20 + ChartText.width(label, size: size)
            if x > 8, x + itemWidth > width - 8 { (x, y) = (8, y + 22) }
            body.append(S.element("rect", ["class": "legend-swatch", "x": S.number(x), "y": S.number(y), "width": "14",
                                           "height": "14", "rx": "2", "fill": colour(name)]))
            body.append(S.text(label, ["class": "legend", "x": S.number(x + 20), "y": S.number(y + 12), "font-size": "13"]))
            x += itemWidth + 18
        }
        let rowsTop = names.isEmpty ? 8 : y + 30

        let labels = rows.map { ChartText.fitted(ChartText.truncated($0.label, to: 28), width: 200, size: 14) }
        let labelWidth = labels.map { ChartText.width($0, size: 14) }.max() ?? 0
        let totals = rows.map { $0.segments.reduce(0.0) { $0 + Double(max(0, $1.count)) } }
        let totalWidth = totals.map { ChartText.width(ChartNumber.format($0, decimals: 0), size: size) }.max() ?? 0
        let barLeft = 8 + labelWidth + 10
        let barSpan = width - barLeft - totalWidth - 14
        let scale = barSpan / max(1, totals.max() ?? 0)

        for (index, row) in rows.enumerated() {
            let top = rowsTop + Double(index) * rowPitch
            var parts = [S.tooltip(row.label)]
            parts.append(S.text(labels[index], ["class": "row-label", "x": "8", "y": S.number(top + 16)]))
            var cursor = barLeft
            for segment in row.segments {
                let count = max(0, segment.count)
                let length = Double(count) * scale
                let fill = colour(segment.name)
                parts.append(S.element("rect", [
                    "class": "segment", "x": S.number(cursor), "y": S.number(top), "width": S.number(length),
                    "height": S.number(barHeight), "fill": fill,
                ], content: S.tooltip("\(row.label) — \(segment.name): \(count)")))
                // The count inside the segment when it fits; the tooltip has it either way.
                if count > 0, ChartText.width(String(count), size: size) + 8 <= length {
                    parts.append(S.text(String(count), [
                        "class": "segment-count", "x": S.number(cursor + length / 2), "y": S.number(top + 15.5),
                        "text-anchor": "middle", "font-size": "13", "pointer-events": "none",
                        "fill": ChartPalette.darkFills.contains(fill) ? "#FFFFFF" : ChartPalette.ink,
                    ]))
                }
                cursor += length
            }
            parts.append(S.text(ChartNumber.format(totals[index], decimals: 0), [
                "class": "total", "x": S.number(cursor + 6), "y": S.number(top + 15.5), "font-size": "13",
                "fill": ChartPalette.axis,
            ]))
            body.append(S.element("g", ["class": "row"], content: parts.joined()))
        }
        let height = rowsTop + Double(rows.count) * rowPitch
        return S.document(id: id, kind: "progress", width: width, height: height, title: title, summary: summary, body: body)
    }
}
