import Foundation
import BeaconCore

/// Pages a trainer reads instead of a terminal report: self-contained (styles inline, charts as
/// inline SVG), no script, nothing fetched, so a page can be mailed or opened from a file
/// share and shows the same thing anywhere. The CSP meta says so to the browser too.
public enum ReportPages {
    static func document(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <title>\(escapeHTML(title))</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.45; color: #1b1b1b; }
        h1 { font-size: 1.5rem; margin-bottom: .2rem; }
        h2 { font-size: 1.2rem; margin-top: 2rem; }
        .muted { color: #555; font-size: .9rem; }
        .totals { display: flex; flex-wrap: wrap; gap: .6rem; padding: 0; list-style: none; }
        .totals li { border: 1px solid #ccc; border-radius: .4rem; padding: .4rem .7rem; }
        .totals b { font-size: 1.3rem; display: block; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); gap: 1.5rem; }
        figure { margin: 0; }
        figcaption { font-size: .9rem; color: #444; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .level-3 { border-left: 4px solid #b42318; }
        .level-2 { border-left: 4px solid #b54708; }
        .level-1 { border-left: 4px solid #8a8a8a; }
        .level-0 { border-left: 4px solid #1a7f37; }
        .verdict-check-key, .verdict-too-hard { color: #b42318; font-weight: bold; }
        .verdict-weak, .verdict-too-easy { color: #8a4b00; }
        ul.needs { margin: 0; padding-left: 1.1rem; }
        code { font-size: .85rem; overflow-wrap: anywhere; }
        ol.path > li { margin-bottom: .8rem; }
        .warning { background: #fff4e5; border-left: 4px solid #b54708; padding: .4rem .7rem .4rem 1.6rem; }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>
        """
    }

    static func figure(_ svg: String, caption: String) -> String {
        "<figure>\(svg)<figcaption>\(escapeHTML(caption))</figcaption></figure>"
    }

    static func percent(_ share: Double?) -> String { escapeHTML(BeaconCore.ReportNumbers.percent(share)) }
}
