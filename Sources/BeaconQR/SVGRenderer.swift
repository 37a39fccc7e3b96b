import BeaconCore

/// Turns a module matrix into a standalone, script-free SVG element.
enum SVGRenderer {
    /// ISO/IEC 18004 asks for at least 4 light modules around the symbol.
    static let quietZone = 4

    static func render(_ matrix: [[Bool]], title: String) -> String {
        let side = matrix.count + 2 * quietZone
        var path = ""
        for (row, cells) in matrix.enumerated() {
            for (column, isDark) in cells.enumerated() where isDark {
                // One closed unit square per dark module, in module coordinates.
                path += "M\(column + quietZone) \(row + quietZone)h1v1h-1z"
            }
        }
        // The white rect keeps the quiet zone light on dark pages (scanners need
        // it); crispEdges stops anti-aliased hairlines between adjacent squares.
        // stroke="none" is the SVG default, but ImageMagick's built-in renderer
        // strokes anyway, bloating the modules until the code no longer scans.
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" \
            role="img" shape-rendering="crispEdges">\
            <title>\(xmlEscaped(title))</title>\
            <rect width="\(side)" height="\(side)" fill="#fff" stroke="none"/>\
            <path fill="#000" stroke="none" d="\(path)"/>\
            </svg>
            """
    }
}
