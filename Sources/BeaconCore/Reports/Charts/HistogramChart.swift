/// Counts per bin as vertical bars (e.g. trainees per score band), with an optional marker line.
public struct HistogramChart: Sendable {
    /// One bar: its label under the axis, its count (negative counts are drawn as 0) and whether
    /// it is highlighted (another colour plus an outline and a bold label, so not by colour alone).
    public struct Bin: Sendable {
        /// Text under the bar.
        public var label: String
        /// The bar's height.
        public var count: Int
        /// Drawn in the highlight style, with `class="bar highlighted"`.
        public var highlighted: Bool

        /// A bin, not highlighted unless asked.
        public init(label: String, count: Int, highlighted: Bool = false) {
            self.label = label
            self.count = count
            self.highlighted = highlighted
        }
    }

    /// A labelled vertical line across the plot, e.g. the pass mark.
    public struct Marker: Sendable {
        /// Where along the x axis, 0 (left edge) to 1 (right edge); clamped, and not drawn if not finite.
        public var fraction: Double
        /// Text above the line.
        public var label: String

        /// A marker at `fraction` of the axis.
        public init(fraction: Double, label: String) {
            self.fraction = fraction
            self.label = label
        }
    }

    /// The chart's accessible name (`<title>`).
    public var title: String
    /// The chart's description (`<desc>`): what it shows, in a sentence.
    public var summary: String
    /// The x axis' caption.
    public var xAxis: String
    /// The y axis' caption.
    public var yAxis: String
    /// The bars, left to right.
    public var bins: [Bin]
    /// An optional vertical line.
    public var marker: Marker?

    /// A histogram of `bins`, with an optional `marker`.
    public init(title: String, summary: String, xAxis: String, yAxis: String, bins: [Bin], marker: Marker? = nil) {
        self.title = title
        self.summary = summary
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.bins = bins
        self.marker = marker
    }

    /// The chart as a standalone `<svg>` element; `id` (sanitised) prefixes its title and desc ids.
    public func svg(id: String) -> String {
        guard !bins.isEmpty else { return SVGChart.empty(id: id, kind: "histogram", title: title, summary: summary) }
        typealias S = SVGChart
        let width = S.width, plotHeight = 200.0, right = 12.0, small = 13.0
        let counts = bins.map { max(0, $0.count) }
        let ticks = ChartTicks.counts(upTo: Double(counts.max() ?? 0))
        let top = ticks.last ?? 1
        let tickLabels = ticks.map { ChartNumber.format($0, decimals: 0) }
        let tickWidth = tickLabels.map { ChartText.width($0, size: small) }.max() ?? 0
        var left = (yAxis.isEmpty ? 6 : 26) + tickWidth + 8

        // Labels lie flat when they all fit under their bars, else turn 45° (and thin out).
        let flatSlot = (width - left - right) / Double(bins.count)
        let flat = bins.count <= 10
            && bins.allSatisfy { ChartText.width($0.label, size: small, bold: $0.highlighted) <= flatSlot - 4 }
        let slantMax = min(110, bins.map { ChartText.width($0.label, size: small, bold: $0.highlighted) }.max() ?? 0)
        if !flat { left = max(left, slantMax * 0.71 + 10 - flatSlot / 2) }
        let plotWidth = width - left - right
        let slot = plotWidth / Double(bins.count)
        let every = flat ? 1 : max(1, Int((20 / slot).rounded(.up)))

        let markerFraction = marker.map(\.fraction).flatMap { $0.isFinite ? min(max($0, 0), 1) : nil }
        let plotTop: Double = 8 + (markerFraction == nil ? 0 : 22) + 18
        let plotBottom = plotTop + plotHeight
        let labelsHeight = flat ? 24 : slantMax * 0.71 + 26
        let height = plotBottom + labelsHeight + (xAxis.isEmpty ? 0 : 20) + 6
        var body: [String] = []

        for (tick, label) in zip(ticks, tickLabels) {
            let y = plotBottom - tick / top * plotHeight
            body.append(S.element("line", [
                "class": "grid", "x1": S.number(left), "y1": S.number(y), "x2": S.number(width - right), "y2": S.number(y),
                "stroke": ChartPalette.grid,
            ]))
            body.append(S.text(label, [
                "class": "tick", "x": S.number(left - 6), "y": S.number(y + 4.5), "text-anchor": "end",
                "font-size": "13", "fill": ChartPalette.axis,
            ]))
        }
        for (index, bin) in bins.enumerated() {
            let count = counts[index]
            let centre = left + (Double(index) + 0.5) * slot
            let barWidth = min(slot * 0.8, 90)
            let barHeight = Double(count) / top * plotHeight
            let style: [(String, String)] = bin.highlighted
                ? [("fill", ChartPalette.orange), ("stroke", ChartPalette.ink), ("stroke-width", "1.5")]
                : [("fill", ChartPalette.blue)]
            body.append(S.element("rect", [
                "class": bin.highlighted ? "bar highlighted" : "bar", "x": S.number(centre - barWidth / 2),
                "y": S.number(plotBottom - barHeight), "width": S.number(barWidth), "height": S.number(barHeight),
            ], style, content: S.tooltip("\(bin.label): \(count)")))
            if count > 0, ChartText.width(String(count), size: small) <= slot {
                body.append(S.text(String(count), [
                    "class": "count", "x": S.number(centre), "y": S.number(plotBottom - barHeight - 4),
                    "text-anchor": "middle", "font-size": "13", "pointer-events": "none",
                ]))
            }
            guard index % every == 0 else { continue }
            let weight: [(String, String)] = bin.highlighted ? [("font-weight", "bold")] : []
            if flat {
                body.append(S.text(ChartText.fitted(bin.label, width: slot - 4, size: small, bold: bin.highlighted), [
                    "class": "bin-label", "x": S.number(centre), "y": S.number(plotBottom + 18),
                    "text-anchor": "middle", "font-size": "13",
                ], weight))
            } else {
                // Ends under the bar and runs down-left; cut so it stays right of the viewBox edge.
                let (x, y) = (centre + 3, plotBottom + 12)
                let room = min(slantMax, (x - 12) / 0.71)
                body.append(S.text(ChartText.fitted(bin.label, width: room, size: small, bold: bin.highlighted), [
                    "class": "bin-label", "x": S.number(x), "y": S.number(y), "text-anchor": "end", "font-size": "13",
                    "transform": "rotate(-45 \(S.number(x)) \(S.number(y)))",
                ], weight))
            }
        }
        body.append(S.element("line", [
            "class": "axis", "x1": S.number(left), "y1": S.number(plotBottom), "x2": S.number(width - right),
            "y2": S.number(plotBottom), "stroke": ChartPalette.axis,
        ]))
        if let fraction = markerFraction, let marker {
            let x = left + fraction * plotWidth
            body.append(S.element("line", [
                "class": "marker", "x1": S.number(x), "y1": "28", "x2": S.number(x), "y2": S.number(plotBottom),
                "stroke": ChartPalette.ink, "stroke-width": "1.5", "stroke-dasharray": "5 4",
            ], content: S.tooltip(marker.label)))
            let label = ChartText.fitted(marker.label, width: width - 8, size: small, bold: true)
            let labelWidth = ChartText.width(label, size: small, bold: true)
            body.append(S.text(label, [
                "class": "marker-label", "x": S.number(min(max(x - labelWidth / 2, 4), width - 4 - labelWidth)),
                "y": "21", "font-size": "13", "font-weight": "bold",
            ]))
        }
        if !yAxis.isEmpty {
            let y = plotTop + plotHeight / 2
            body.append(S.text(ChartText.fitted(yAxis, width: plotHeight, size: 14), [
                "class": "axis-title", "x": "18", "y": S.number(y), "text-anchor": "middle",
                "transform": "rotate(-90 18 \(S.number(y)))",
            ]))
        }
        if !xAxis.isEmpty {
            body.append(S.text(ChartText.fitted(xAxis, width: plotWidth, size: 14), [
                "class": "axis-title", "x": S.number(left + plotWidth / 2), "y": S.number(height - 8),
                "text-anchor": "middle",
            ]))
        }
        return S.document(id: id, kind: "histogram", width: width, height: height, title: title, summary: summary, body: body)
    }
}
