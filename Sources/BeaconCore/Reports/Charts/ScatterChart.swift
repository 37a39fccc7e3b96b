/// Labelled points on two numeric axes, e.g. each question's facility against its discrimination,
/// over shaded bands or reference lines.
public struct ScatterChart: Sendable {
    /// Which axis a band spans.
    public enum Axis: Sendable { case x, y }

    /// One dot. Values outside the chart's ranges (infinities too) are drawn on the nearest edge;
    /// a point with a NaN coordinate is left out.
    public struct Point: Sendable {
        /// Position along the x axis.
        public var x: Double
        /// Position along the y axis.
        public var y: Double
        /// Short text beside the dot, e.g. "Q3".
        public var label: String
        /// The dot's tooltip; "label: x, y" when empty.
        public var detail: String
        /// Drawn larger, in another colour and with a dark outline, with `class="point flagged"`.
        public var flagged: Bool

        /// A point, not flagged unless asked.
        public init(x: Double, y: Double, label: String, detail: String = "", flagged: Bool = false) {
            self.x = x
            self.y = y
            self.label = label
            self.detail = detail
            self.flagged = flagged
        }
    }

    /// A shaded region `from...to` of one axis (e.g. the healthy range), or a dashed reference
    /// line when `from == to`; clamped to the ranges, and not drawn if NaN or wholly outside.
    public struct Band: Sendable {
        /// The axis the values are on.
        public var axis: Axis
        /// One end.
        public var from: Double
        /// The other end.
        public var to: Double
        /// Text drawn at the band's edge.
        public var label: String

        /// A band, or a line if `from == to`.
        public init(axis: Axis, from: Double, to: Double, label: String = "") {
            self.axis = axis
            self.from = from
            self.to = to
            self.label = label
        }
    }

    /// The chart's accessible name (`<title>`).
    public var title: String
    /// The chart's description (`<desc>`).
    public var summary: String
    /// The x axis' caption.
    public var xAxis: String
    /// The y axis' caption.
    public var yAxis: String
    /// The x axis' extent; non-finite or empty ranges fall back to something drawable.
    public var xRange: ClosedRange<Double>
    /// The y axis' extent; a zero line is drawn when 0 lies strictly inside.
    public var yRange: ClosedRange<Double>
    /// Regions and reference lines, drawn behind the points in order.
    public var bands: [Band]
    /// The dots.
    public var points: [Point]

    /// A scatter chart of `points` over `bands`.
    public init(title: String, summary: String, xAxis: String, yAxis: String, xRange: ClosedRange<Double>,
                yRange: ClosedRange<Double>, bands: [Band] = [], points: [Point]) {
        self.title = title
        self.summary = summary
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.xRange = xRange
        self.yRange = yRange
        self.bands = bands
        self.points = points
    }

    /// The chart as a standalone `<svg>` element; `id` (sanitised) prefixes its title and desc ids.
    public func svg(id: String) -> String {
        let shown = points.filter { !$0.x.isNaN && !$0.y.isNaN }
        guard !shown.isEmpty else { return SVGChart.empty(id: id, kind: "scatter", title: title, summary: summary) }
        typealias S = SVGChart
        let (xs, ys) = (Self.drawable(xRange), Self.drawable(yRange))
        let xTicks = ChartTicks.nice(xs.lowerBound, xs.upperBound, count: 7)
        let yTicks = ChartTicks.nice(ys.lowerBound, ys.upperBound, count: 7)
        let yLabels = yTicks.values.map { ChartNumber.format($0, decimals: yTicks.decimals) }
        let tickWidth = yLabels.map { ChartText.width($0, size: 13) }.max() ?? 0
        let left = (yAxis.isEmpty ? 6 : 26) + tickWidth + 12
        let plot = ScatterPlot(left: left, top: 14, right: S.width - 20, bottom: 314, x: xs, y: ys)
        let height = plot.bottom + 26 + (xAxis.isEmpty ? 0 : 22)
        // Shaded bands under the grid, reference lines over it (a grid line may fall on one).
        var body = bands.filter { $0.from != $0.to }.compactMap { plot.band($0) }

        for (value, label) in zip(yTicks.values, yLabels) {
            let y = plot.y(value)
            body.append(S.element("line", ["class": "grid", "x1": S.number(plot.left), "y1": S.number(y),
                                           "x2": S.number(plot.right), "y2": S.number(y), "stroke": ChartPalette.grid]))
            body.append(S.text(label, ["class": "tick", "x": S.number(plot.left - 10), "y": S.number(y + 4.5),
                                       "text-anchor": "end", "font-size": "13", "fill": ChartPalette.axis]))
        }
        for value in xTicks.values {
            let x = plot.x(value), label = ChartNumber.format(value, decimals: xTicks.decimals)
            let half = ChartText.width(label, size: 13) / 2
            body.append(S.element("line", ["class": "grid", "x1": S.number(x), "y1": S.number(plot.top),
                                           "x2": S.number(x), "y2": S.number(plot.bottom), "stroke": ChartPalette.grid]))
            body.append(S.text(label, ["class": "tick", "x": S.number(min(max(x, half + 2), S.width - half - 2)),
                                       "y": S.number(plot.bottom + 18), "text-anchor": "middle", "font-size": "13",
                                       "fill": ChartPalette.axis]))
        }
        body += bands.filter { $0.from == $0.to }.compactMap { plot.band($0) }
        if ys.lowerBound < 0, ys.upperBound > 0 {
            body.append(plot.line(.y, 0, class: "zero", extra: [("stroke-width", "1.5")]))
        }
        body.append(S.element("path", [
            "class": "axis", "d": "M \(S.number(plot.left)),\(S.number(plot.top)) L \(S.number(plot.left)),"
                + "\(S.number(plot.bottom)) L \(S.number(plot.right)),\(S.number(plot.bottom))",
            "fill": "none", "stroke": ChartPalette.axis,
        ]))
        // Labels of x bands in rows of their own, so neighbouring bands' labels do not run together.
        var row = 0
        for band in bands {
            guard let label = plot.bandLabel(band, row: row) else { continue }
            body.append(label)
            if band.axis == .x { row += 1 }
        }
        // Flagged points last, so they sit on top; labels after all dots, so no dot hides one.
        let ordered = shown.filter { !$0.flagged } + shown.filter(\.flagged)
        for point in ordered {
            let (x, y) = (plot.x(point.x), plot.y(point.y))
            let look: [(String, String)] = point.flagged
                ? [("r", "7"), ("fill", ChartPalette.vermillion), ("stroke", ChartPalette.ink), ("stroke-width", "2.5")]
                : [("r", "5"), ("fill", ChartPalette.blue), ("stroke", "#FFFFFF"), ("stroke-width", "1.5")]
            let tip = point.detail.isEmpty ? "\(point.label): \(Self.value(point.x)), \(Self.value(point.y))" : point.detail
            body.append(S.element("circle", ["class": point.flagged ? "point flagged" : "point",
                                             "cx": S.number(x), "cy": S.number(y)], look, content: S.tooltip(tip)))
        }
        for point in ordered where !point.label.isEmpty {
            let (x, y) = (plot.x(point.x), plot.y(point.y))
            let label = ChartText.fitted(point.label, width: 64, size: 13, bold: point.flagged)
            let gap = point.flagged ? 10.0 : 8.0
            // Beside the dot, on its left when the right would run off the chart.
            let fitsRight = x + gap + ChartText.width(label, size: 13, bold: point.flagged) <= S.width - 2
            body.append(S.text(label, ["class": "dot-label", "x": S.number(fitsRight ? x + gap : x - gap),
                                       "y": S.number(y + 4.5), "text-anchor": fitsRight ? "start" : "end",
                                       "font-size": "13", "pointer-events": "none"],
                               S.halo + (point.flagged ? [("font-weight", "bold")] : [])))
        }
        if !yAxis.isEmpty {
            let y = S.number((plot.top + plot.bottom) / 2)
            body.append(S.text(ChartText.fitted(yAxis, width: plot.bottom - plot.top, size: 14), [
                "class": "axis-title", "x": "18", "y": y, "text-anchor": "middle", "transform": "rotate(-90 18 \(y))",
            ]))
        }
        if !xAxis.isEmpty {
            body.append(S.text(ChartText.fitted(xAxis, width: plot.right - plot.left, size: 14), [
                "class": "axis-title", "x": S.number((plot.left + plot.right) / 2), "y": S.number(height - 8),
                "text-anchor": "middle",
            ]))
        }
        return S.document(id: id, kind: "scatter", width: S.width, height: height, title: title, summary: summary, body: body)
    }

    /// A value for a tooltip: two decimals, or "∞" (which is what it is, and reads neither "inf" nor a number).
    static func value(_ value: Double) -> String {
        value.isFinite ? ChartNumber.format(value, decimals: 2) : value < 0 ? "−∞" : "∞"
    }

    /// `range` if it can be divided into ticks, else a nearby one that can.
    static func drawable(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
        let (lower, upper) = (range.lowerBound, range.upperBound)
        guard lower.isFinite, upper.isFinite else { return 0...1 }
        if upper - lower > 0, (upper - lower).isFinite { return range }
        let pad = max(abs(lower) * 0.1, 0.5)
        let (low, high) = (lower - pad, upper + pad)
        return high - low > 0 && (high - low).isFinite ? low...high : 0...1
    }
}
