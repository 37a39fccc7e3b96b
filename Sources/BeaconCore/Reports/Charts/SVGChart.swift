/// Numbers as the charts write them: fixed decimals and a "." whatever the locale, never an
/// exponent, "nan" or "inf" (non-finite values become 0 and huge ones are clamped, so a bad
/// input can misplace a mark but never break the document).
public enum ChartNumber {
    /// `value` rounded to `decimals` places (0...6), half away from zero; `-0` is written `0`.
    public static func format(_ value: Double, decimals: Int = 1) -> String {
        let places = min(max(decimals, 0), 6)
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        // Keeps `value × scale` inside Int64.
        let limit = 9e18 / Double(scale)
        let clamped = value.isFinite ? min(max(value, -limit), limit) : 0
        let scaled = Int64((clamped * Double(scale)).rounded())
        let digits = scaled.magnitude
        var text = scaled < 0 ? "-" : ""
        text += String(digits / scale)
        if places > 0 {
            let fraction = String(digits % scale)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }
}

/// The Okabe–Ito palette, which stays distinguishable with the common colour-vision
/// deficiencies, and the greys the charts draw text, axes and grid lines with.
public enum ChartPalette {
    /// Okabe–Ito black.
    public static let black = "#000000"
    /// Okabe–Ito orange.
    public static let orange = "#E69F00"
    /// Okabe–Ito sky blue.
    public static let skyBlue = "#56B4E9"
    /// Okabe–Ito bluish green.
    public static let bluishGreen = "#009E73"
    /// Okabe–Ito yellow.
    public static let yellow = "#F0E442"
    /// Okabe–Ito blue.
    public static let blue = "#0072B2"
    /// Okabe–Ito vermillion.
    public static let vermillion = "#D55E00"
    /// Okabe–Ito reddish purple.
    public static let reddishPurple = "#CC79A7"
    /// Text.
    public static let ink = "#1A1A1A"
    /// Axis lines and secondary text.
    public static let axis = "#595959"
    /// Grid lines.
    public static let grid = "#E3E3E3"
    /// Colours for categories in order (legend index i takes `series[i % series.count]`).
    public static let series = [blue, orange, bluishGreen, vermillion, reddishPurple, skyBlue, yellow, black]
    /// Fills dark enough that text on them is drawn white.
    static let darkFills: Set<String> = [blue, black]
}

/// What every chart shares: the `<svg>` root, elements with escaped attributes, the empty state.
enum SVGChart {
    /// The viewBox width of the charts that do not grow sideways.
    static let width = 560.0

    /// A whole chart: the root sized `width` × `height`, named by its `<title>` and `<desc>`.
    static func document(id rawID: String, kind: String, width: Double, height: Double,
                         title: String, summary: String, body: [String]) -> String {
        let id = sanitizedID(rawID)
        let w = ChartNumber.format(width.rounded(.up), decimals: 0)
        let h = ChartNumber.format(height.rounded(.up), decimals: 0)
        let open = element("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(w) \(h)", "width": "100%",
            "preserveAspectRatio": "xMinYMin meet", "role": "img",
            "aria-labelledby": "\(id)-title \(id)-desc", "class": "chart \(kind)",
            // width="100%" with this cap shrinks the chart on a phone and never widens it.
            "style": "max-width:\(w)px;height:auto", "font-family": "system-ui, sans-serif",
            "font-size": "14", "fill": ChartPalette.ink,
        ], open: true)
        let names = element("title", ["id": "\(id)-title"], content: xmlEscaped(title))
            + element("desc", ["id": "\(id)-desc"], content: xmlEscaped(summary))
        return ([open + names] + body + ["</svg>"]).joined(separator: "\n")
    }

    /// The small chart drawn when there is nothing to plot.
    static func empty(id: String, kind: String, title: String, summary: String) -> String {
        let box = element("rect", [
            "x": "0.5", "y": "0.5", "width": number(width - 1), "height": "63", "rx": "6",
            "fill": "#FAFAFA", "stroke": ChartPalette.grid,
        ])
        let note = text("No data yet", [
            "class": "empty", "x": number(width / 2), "y": "37", "text-anchor": "middle",
            "font-size": "15", "fill": ChartPalette.axis,
        ])
        return document(id: id, kind: kind, width: width, height: 64, title: title, summary: summary, body: [box, note])
    }

    /// `<name attributes…/>`, or with `content` (markup, already escaped) inside; `open` leaves it unclosed.
    static func element(_ name: String, _ attributes: KeyValuePairs<String, String>,
                        _ extra: [(String, String)] = [], content: String? = nil, open: Bool = false) -> String {
        var markup = "<" + name
        for (key, value) in Array(attributes) + extra {
            markup += " \(key)=\"\(xmlEscaped(value, attribute: true))\""
        }
        if open { return markup + ">" }
        guard let content else { return markup + "/>" }
        return markup + ">" + content + "</\(name)>"
    }

    /// A `<text>` element holding `content`, escaped.
    static func text(_ content: String, _ attributes: KeyValuePairs<String, String>, _ extra: [(String, String)] = []) -> String {
        element("text", attributes, extra, content: xmlEscaped(content))
    }

    /// A `<title>` child: the tooltip and the accessible name of its parent.
    static func tooltip(_ content: String) -> String {
        "<title>" + xmlEscaped(content) + "</title>"
    }

    /// A coordinate or length, one decimal.
    static func number(_ value: Double) -> String {
        ChartNumber.format(value, decimals: 1)
    }

    /// A white halo behind text drawn over marks, so it stays readable.
    static let halo: [(String, String)] = [
        ("paint-order", "stroke"), ("stroke", "#FFFFFF"), ("stroke-width", "3"), ("stroke-linejoin", "round"),
    ]

    /// The caller's id kept to [A-Za-z0-9_-], starting with a letter or "_" so it is also an XML name.
    static func sanitizedID(_ raw: String) -> String {
        let kept = String(String.UnicodeScalarView(raw.unicodeScalars.filter { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
            default: false
            }
        }))
        guard let first = kept.unicodeScalars.first else { return "chart" }
        switch first {
        case "A"..."Z", "a"..."z", "_": return kept
        default: return "chart-" + kept
        }
    }
}
