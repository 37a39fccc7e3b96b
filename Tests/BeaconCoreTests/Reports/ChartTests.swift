import Foundation
import Testing
@testable import BeaconCore

@Suite struct ChartTests {
    // MARK: Samples

    static func histogram(label: String = "B", marker: Double = 0.7) -> HistogramChart {
        HistogramChart(title: "Scores", summary: "Trainees per score band.", xAxis: "Score", yAxis: "Trainees", bins: [
            .init(label: "A", count: 3), .init(label: label, count: 0), .init(label: "C", count: 5, highlighted: true),
            .init(label: "D", count: 1),
        ], marker: .init(fraction: marker, label: "Pass mark"))
    }

    static func scatter(_ points: [ScatterChart.Point], x: ClosedRange<Double> = 0...1, y: ClosedRange<Double> = -0.4...1,
                        bands: [ScatterChart.Band] = []) -> ScatterChart {
        ScatterChart(title: "Questions", summary: "Facility against discrimination.", xAxis: "Facility",
                     yAxis: "Discrimination", xRange: x, yRange: y, bands: bands, points: points)
    }

    static func progress(label: String = "Module 1", rows extra: Int = 0) -> ProgressBarsChart {
        let row = { (name: String) in
            ProgressBarsChart.Row(label: name, segments: [
                .init(name: "Not started", count: 2), .init(name: "In progress", count: 0), .init(name: "Completed", count: 20),
            ])
        }
        return ProgressBarsChart(title: "Progress", summary: "Stages per module.",
                                 segmentNames: ["Not started", "In progress", "Completed"],
                                 rows: [row(label), row("Module 2")] + (0..<extra).map { row("Extra \($0)") })
    }

    static func flow(label: String = "Start") -> FlowChart {
        FlowChart(title: "Flow", summary: "Choices made.", nodes: [
            .init(id: "start", column: 0, label: label, count: 8),
            .init(id: "ask", column: 1, label: "Ask", count: 5),
            .init(id: "tell", column: 1, label: "Tell", count: 3),
            .init(id: "ask", column: 4, label: "Duplicate id", count: 1),
            .init(id: "end", column: 2, label: "Hangs up", count: 8, kind: .poor),
        ], links: [
            .init(from: "start", to: "ask", count: 5, label: "asked"), .init(from: "start", to: "tell", count: 3),
            .init(from: "ask", to: "end", count: 0), .init(from: "tell", to: "ghost", count: 2),
        ])
    }

    static var allSamples: [String] {
        [histogram().svg(id: "h"), scatter([.init(x: 0.5, y: 0.2, label: "Q1")]).svg(id: "s"), progress().svg(id: "p"),
         flow().svg(id: "f")]
    }

    // MARK: Elements

    @Test func histogramDrawsABarPerBinEvenEmptyOnesWithTheirCounts() {
        let svg = Self.histogram().svg(id: "h")
        #expect(Self.occurrences(of: "<rect class=\"bar", in: svg) == 4)
        #expect(Self.occurrences(of: "<rect class=\"bar highlighted\"", in: svg) == 1)
        let empty = svg.components(separatedBy: "<title>B: 0</title>")[0].components(separatedBy: "<rect").last ?? ""
        #expect(empty.hasPrefix(" class=\"bar\"") && empty.contains(" height=\"0.0\""))
        #expect(svg.contains("<title>C: 5</title>"))
        #expect(Self.texts(ofClass: "count", in: svg) == ["3", "5", "1"])
        #expect(Self.occurrences(of: "class=\"marker\"", in: svg) == 1)
        let ticks = Self.texts(ofClass: "tick", in: svg)
        #expect(!ticks.isEmpty && ticks.allSatisfy { Int($0) != nil })
    }

    @Test func manyBinsTurnTheirLabelsAndThinThemOut() {
        let bins = (0..<30).map { HistogramChart.Bin(label: "Bin \($0)", count: $0) }
        let svg = HistogramChart(title: "t", summary: "s", xAxis: "x", yAxis: "y", bins: bins).svg(id: "h")
        #expect(Self.occurrences(of: "<rect class=\"bar", in: svg) == 30)
        let labels = Self.occurrences(of: "class=\"bin-label\"", in: svg)
        #expect(labels >= 10 && labels < 30)
        #expect(svg.contains("rotate(-45 "))
    }

    @Test func scatterDrawsEveryPointAndMarksFlaggedOnesBeyondColour() {
        let svg = Self.scatter([
            .init(x: 0.8, y: 0.4, label: "Q1"), .init(x: 0.95, y: 0.05, label: "Q2", flagged: true),
            .init(x: 0.5, y: 0.6, label: "Q3", detail: "Q3: facility 0.50"),
        ], bands: [.init(axis: .x, from: 0.3, to: 0.9, label: "Healthy"), .init(axis: .y, from: 0.2, to: 0.2, label: "Minimum")]).svg(id: "s")
        #expect(Self.occurrences(of: "<circle class=\"point\"", in: svg) == 2)
        #expect(Self.occurrences(of: "<circle class=\"point flagged\" cx=", in: svg) == 1)
        #expect(svg.contains("r=\"7\" fill=\"#D55E00\" stroke=\"#1A1A1A\" stroke-width=\"2.5\""))
        #expect(svg.contains("<title>Q3: facility 0.50</title>") && svg.contains("<title>Q1: 0.80, 0.40</title>"))
        #expect(Self.occurrences(of: "class=\"band\"", in: svg) == 1)
        #expect(Self.occurrences(of: "class=\"reference\"", in: svg) == 1)
        #expect(Self.occurrences(of: "class=\"zero\"", in: svg) == 1)
        let noZero = Self.scatter([.init(x: 0.5, y: 0.5, label: "Q1")], y: 0...1).svg(id: "s")
        #expect(!noZero.contains("class=\"zero\""))
    }

    @Test func pointsOutsideTheRangesAreDrawnOnTheEdge() {
        let svg = Self.scatter([
            .init(x: 2, y: 0.5, label: "right"), .init(x: -1, y: -5, label: "below"),
            .init(x: .infinity, y: .infinity, label: "corner"), .init(x: 0.5, y: 0.5, label: "inside"),
        ], y: 0...1).svg(id: "s")
        let (cx, cy) = (Self.values(of: "cx", in: svg), Self.values(of: "cy", in: svg))
        let (width, height) = Self.viewBox(svg)
        #expect(cx.count == 4 && cy.count == 4)
        #expect(cx.allSatisfy { $0 >= 0 && $0 <= width } && cy.allSatisfy { $0 >= 0 && $0 <= height })
        #expect(cx[0] == cx[2] && cx[0] == cx.max())
        #expect(cy[1] == cy.max() && cy[2] == cy.min())
        #expect(cx[1] < cx[3] && cx[3] < cx[0])
    }

    @Test func progressBarsDrawEverySegmentWithALegendAndCutLongLabels() {
        let long = "Safeguarding adults and children at risk of harm"
        let svg = Self.progress(label: long).svg(id: "p")
        #expect(Self.occurrences(of: "<rect class=\"segment\"", in: svg) == 6)
        #expect(Self.occurrences(of: "class=\"legend-swatch\"", in: svg) == 3)
        #expect(svg.contains("<title>Module 2 — Completed: 20</title>"))
        #expect(svg.contains("<title>\(long)</title>") && !svg.contains(">\(long)</text>"))
        let label = Self.texts(ofClass: "row-label", in: svg).first ?? ""
        #expect(label.hasSuffix("…") && label.count <= 28)
        #expect(Self.viewBox(Self.progress(rows: 5).svg(id: "p")).height > Self.viewBox(svg).height)
    }

    @Test func flowChartDrawsNodesAndLinksAndLeavesOutDanglingOnes() {
        let svg = Self.flow().svg(id: "f")
        #expect(Self.occurrences(of: "<rect class=\"node\"", in: svg) == 4)
        #expect(Self.occurrences(of: "<path class=\"link\"", in: svg) == 3)
        #expect(!svg.contains("Duplicate id"))
        #expect(svg.contains("<title>Start → Ask: asked (5)</title>") && svg.contains("<title>Start → Tell (3)</title>"))
        #expect(svg.contains(">Poor · 8</text>") && svg.contains("<title>Hangs up (poor outcome): 8</title>"))
        let widths = Self.values(of: "stroke-width", in: svg.components(separatedBy: "<rect class=\"node\"")[0])
        #expect(widths.count == 3)
        #expect(abs(widths[0] / widths[1] - 5.0 / 3.0) < 0.01)
        #expect(widths[2] == 1.5)
    }

    // MARK: Safety

    @Test func markupInLabelsAndIdsIsEscapedOrDropped() {
        let hostile = "<script>&\""
        let id = "x\"><script>"
        let charts = [
            Self.histogram(label: hostile).svg(id: id),
            Self.scatter([.init(x: 0.5, y: 0.5, label: hostile, detail: hostile)]).svg(id: id),
            Self.progress(label: hostile).svg(id: id), Self.flow(label: hostile).svg(id: id),
        ]
        for svg in charts {
            #expect(!svg.contains("<script"))
            #expect(svg.contains("&lt;script&gt;&amp;\""))
            #expect(svg.contains("aria-labelledby=\"xscript-title xscript-desc\"") && svg.contains("<title id=\"xscript-title\">"))
        }
        #expect(SVGChart.sanitizedID("7 days!") == "chart-7days")
        #expect(SVGChart.sanitizedID("report_q-1") == "report_q-1")
        #expect(SVGChart.sanitizedID("é<>") == "chart")
    }

    @Test func emptyInputsSayNoDataYet() {
        let charts = [
            HistogramChart(title: "t", summary: "s", xAxis: "x", yAxis: "y", bins: []).svg(id: "e"),
            Self.scatter([]).svg(id: "e"), Self.scatter([.init(x: .nan, y: 0, label: "n")]).svg(id: "e"),
            ProgressBarsChart(title: "t", summary: "s", segmentNames: ["a"], rows: []).svg(id: "e"),
            FlowChart(title: "t", summary: "s", nodes: [], links: [.init(from: "a", to: "b", count: 1)]).svg(id: "e"),
        ]
        for svg in charts {
            #expect(svg.contains("<text class=\"empty\"") && svg.contains(">No data yet</text>"))
            #expect(svg.contains("role=\"img\"") && svg.hasSuffix("</svg>"))
        }
    }

    @Test func nonFiniteInputsNeverReachTheOutput() {
        let charts = [
            Self.histogram(marker: .nan).svg(id: "n"), Self.histogram(marker: .infinity).svg(id: "n"),
            Self.scatter([
                .init(x: .nan, y: 0.5, label: "Q1"), .init(x: 0.5, y: .nan, label: "Q2"),
                .init(x: .infinity, y: -.infinity, label: "Q3"), .init(x: 0.2, y: 0.2, label: "Q4"),
            ], x: -Double.infinity...Double.infinity, y: 1...1,
            bands: [.init(axis: .x, from: .nan, to: 1), .init(axis: .y, from: -.infinity, to: .infinity, label: "all")]).svg(id: "n"),
            Self.scatter([.init(x: 1, y: 1, label: "Q1")], x: -1e308...1e308, y: 1e12...(1e12 + 1)).svg(id: "n"),
        ]
        for svg in charts {
            #expect(!svg.lowercased().contains("nan") && !svg.lowercased().contains("inf"))
            #expect(Self.coordinates(in: svg).allSatisfy { $0.isFinite })
        }
        #expect(!charts[0].contains("class=\"marker\"") && !charts[1].contains("class=\"marker\""))
        #expect(Self.occurrences(of: "<circle class=\"point", in: charts[2]) == 2)
    }

    @Test func everyCoordinateLiesInsideTheViewBox() {
        for svg in Self.allSamples {
            let (width, height) = Self.viewBox(svg)
            #expect(Self.values(of: "x", in: svg).allSatisfy { $0 >= 0 && $0 <= width })
            #expect(Self.values(of: "y", in: svg).allSatisfy { $0 >= 0 && $0 <= height })
            for (x, y) in Self.pathPoints(in: svg) {
                #expect(x >= 0 && x <= width && y >= 0 && y <= height)
            }
            #expect(Self.values(of: "font-size", in: svg).allSatisfy { $0 >= 13 })
        }
    }

    @Test func theSameInputDrawsTheSameChart() {
        #expect(Self.allSamples == Self.allSamples)
    }

    @Test func theRootIsAnAccessibleScalableImage() {
        for svg in Self.allSamples {
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "))
            #expect(svg.contains(" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\" "))
            #expect(svg.contains("font-family=\"system-ui, sans-serif\"") && svg.hasSuffix("</svg>"))
        }
        let svg = Self.histogram().svg(id: "q1")
        #expect(svg.contains("aria-labelledby=\"q1-title q1-desc\" class=\"chart histogram\" style=\"max-width:560px;height:auto\""))
        #expect(svg.contains("<title id=\"q1-title\">Scores</title><desc id=\"q1-desc\">Trainees per score band.</desc>"))
        #expect(Self.viewBox(svg).width == 560)
    }

    // MARK: Numbers and ticks

    @Test func chartNumbersAreFixedLocaleFreeAndFinite() {
        #expect(ChartNumber.format(1234.5678, decimals: 2) == "1234.57")
        #expect(ChartNumber.format(0.5, decimals: 3) == "0.500")
        #expect(ChartNumber.format(-2.5, decimals: 0) == "-3")
        #expect(ChartNumber.format(-0.04, decimals: 1) == "0.0")
        #expect(ChartNumber.format(.nan) == "0.0" && ChartNumber.format(-.infinity, decimals: 0) == "0")
        #expect(ChartNumber.format(1e300, decimals: 0) == "9000000000000000000")
    }

    @Test func ticksFallOnRoundValues() {
        #expect(ChartTicks.counts(upTo: 0) == [0, 1])
        #expect(ChartTicks.counts(upTo: 3) == [0, 1, 2, 3])
        #expect(ChartTicks.counts(upTo: 7) == [0, 2, 4, 6, 8])
        #expect(ChartTicks.counts(upTo: 120) == [0, 50, 100, 150])
        let ticks = ChartTicks.nice(-0.4, 1, count: 7)
        #expect(ticks.decimals == 1)
        #expect(ticks.values.map { ChartNumber.format($0, decimals: 1) } == ["-0.4", "-0.2", "0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    // MARK: Helpers

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Every value of ` name="…"` that reads as a number.
    static func values(of name: String, in svg: String) -> [Double] {
        svg.components(separatedBy: " \(name)=\"").dropFirst().compactMap { part in
            part.split(separator: "\"", maxSplits: 1, omittingEmptySubsequences: false).first.flatMap { Double($0) }
        }
    }

    /// The text inside each element whose class is exactly `name`.
    static func texts(ofClass name: String, in svg: String) -> [String] {
        svg.components(separatedBy: "class=\"\(name)\"").dropFirst().compactMap { part in
            guard let open = part.firstIndex(of: ">"), let close = part.firstIndex(of: "<"), open < close else { return nil }
            return String(part[part.index(after: open)..<close])
        }
    }

    static func viewBox(_ svg: String) -> (width: Double, height: Double) {
        let box = svg.components(separatedBy: "viewBox=\"0 0 ").dropFirst().first?.split(separator: "\"").first ?? ""
        let sizes = box.split(separator: " ").compactMap { Double($0) }
        return (sizes.first ?? .nan, sizes.last ?? .nan)
    }

    /// The "x,y" pairs in every path's `d`.
    static func pathPoints(in svg: String) -> [(Double, Double)] {
        svg.components(separatedBy: " d=\"").dropFirst().flatMap { part in
            (part.split(separator: "\"").first ?? "").split(separator: " ").compactMap { pair -> (Double, Double)? in
                let numbers = pair.split(separator: ",").compactMap { Double($0) }
                return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
            }
        }
    }

    /// Every number the chart places things with.
    static func coordinates(in svg: String) -> [Double] {
        ["x", "y", "cx", "cy", "x1", "y1", "x2", "y2", "width", "height", "stroke-width"].flatMap { values(of: $0, in: svg) }
            + pathPoints(in: svg).flatMap { [$0.0, $0.1] }
    }
}
