/// The scatter chart's plot area: values to coordinates (clamped to the edges), bands and lines.
struct ScatterPlot {
    let left: Double, top: Double, right: Double, bottom: Double
    let x: ClosedRange<Double>, y: ClosedRange<Double>

    /// The horizontal coordinate of `value`, on the nearest edge when outside the range.
    func x(_ value: Double) -> Double {
        left + Self.fraction(value, in: x) * (right - left)
    }

    /// The vertical coordinate of `value` (up is larger), on the nearest edge when outside.
    func y(_ value: Double) -> Double {
        bottom - Self.fraction(value, in: y) * (bottom - top)
    }

    /// A band's shaded rect, or its dashed line when it is one value.
    func band(_ band: ScatterChart.Band) -> String? {
        guard let (low, high) = clamped(band) else { return nil }
        let tip = SVGChart.tooltip(band.label)
        if band.from == band.to {
            return line(band.axis, low, class: "reference", extra: [("stroke-dasharray", "5 4"), ("stroke-width", "1.5")], content: tip)
        }
        let (x0, x1, y0, y1) = band.axis == .x ? (x(low), x(high), top, bottom) : (left, right, y(high), y(low))
        return SVGChart.element("rect", [
            "class": "band", "x": SVGChart.number(x0), "y": SVGChart.number(y0), "width": SVGChart.number(x1 - x0),
            "height": SVGChart.number(y1 - y0), "fill": ChartPalette.bluishGreen, "fill-opacity": "0.13",
        ], content: tip)
    }

    /// The band's label, inside its top edge (an x band's `row` lines down) or beside its line, cut to the room there is.
    func bandLabel(_ band: ScatterChart.Band, row: Int) -> String? {
        guard !band.label.isEmpty, let (low, high) = clamped(band) else { return nil }
        let size = 13.0
        var attributes: [(String, String)]
        var room: Double
        if band.axis == .x {
            // Left-aligned at the band's left edge, or right-aligned at its right edge past the middle.
            let leftSide = x(low) < (left + right) / 2
            room = leftSide ? right - x(low) - 8 : x(high) - left - 8
            let anchor = leftSide ? x(low) + 4 : x(high) - 4
            attributes = [("x", SVGChart.number(anchor)), ("y", SVGChart.number(min(top + 15 + 16 * Double(row), bottom - 4))),
                          ("text-anchor", leftSide ? "start" : "end")]
        } else {
            room = right - left - 8
            let baseline = band.from == band.to ? y(high) - 5 : y(high) + 15
            attributes = [("x", SVGChart.number(right - 4)), ("y", SVGChart.number(min(max(baseline, top + 14), bottom - 4))),
                          ("text-anchor", "end")]
        }
        room = max(room, 0)
        return SVGChart.text(ChartText.fitted(band.label, width: room, size: size),
                             ["class": "band-label", "font-size": "13", "fill": "#00563F", "pointer-events": "none"],
                             attributes + SVGChart.halo)
    }

    /// A line across the plot at `value` of `axis`.
    func line(_ axis: ScatterChart.Axis, _ value: Double, class name: String, extra: [(String, String)] = [],
              content: String? = nil) -> String {
        let (x0, x1, y0, y1) = axis == .x ? (x(value), x(value), top, bottom) : (left, right, y(value), y(value))
        return SVGChart.element("line", [
            "class": name, "x1": SVGChart.number(x0), "y1": SVGChart.number(y0), "x2": SVGChart.number(x1),
            "y2": SVGChart.number(y1), "stroke": ChartPalette.axis,
        ], extra, content: content)
    }

    /// The band's ends in order and inside its axis' range; nil if NaN or wholly outside.
    private func clamped(_ band: ScatterChart.Band) -> (Double, Double)? {
        guard !band.from.isNaN, !band.to.isNaN else { return nil }
        let range = band.axis == .x ? x : y
        let (low, high) = (min(band.from, band.to), max(band.from, band.to))
        guard high >= range.lowerBound, low <= range.upperBound else { return nil }
        return (max(low, range.lowerBound), min(high, range.upperBound))
    }

    /// Where `value` lies in `range`, 0...1; NaN counts as the lower end.
    private static func fraction(_ value: Double, in range: ClosedRange<Double>) -> Double {
        guard !value.isNaN else { return 0 }
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return 0.5 }
        return (min(max(value, range.lowerBound), range.upperBound) - range.lowerBound) / span
    }
}
