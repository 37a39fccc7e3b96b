import BeaconCore
import BeaconServer

/// The terminal page: xterm.js drawing the same interactive player as a terminal does, over a
/// WebSocket to this server. Its only scripts are Beacon's own files, from this origin.
enum TerminalPage {
    /// Script is allowed here and nowhere else: from this origin only, no inline script, and the
    /// socket back to this origin.
    static let policy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    static func render(words: LearnWords, language: Language) -> String {
        """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapeHTML(words.signInTitle))</title>
        <link rel="stylesheet" href="/learn/assets/xterm.css">
        <style>
        html, body { margin: 0; height: 100%; background: #111; color: #eee; font-family: system-ui, sans-serif; }
        body { display: flex; flex-direction: column; }
        header { padding: .4rem .8rem; font-size: .95rem; }
        header a { color: #9cf; }
        #terminal { flex: 1; min-height: 0; padding: .2rem; }
        </style>
        </head>
        <body>
        <header><a class="crisis" href="/learn/crisis?lang=\(language.rawValue)">\(escapeHTML(words.crisisLink))</a> · <a href="/learn?lang=\(language.rawValue)">\(escapeHTML(words.plainPage))</a></header>
        <div id="terminal" role="application" aria-label="\(escapeHTML(words.terminalLabel))"></div>
        <script src="/learn/assets/xterm.js"></script>
        <script src="/learn/assets/terminal.js"></script>
        </body>
        </html>
        """
    }

    /// Beacon's own client: the terminal fits its window, keys go to the socket as text (the
    /// attach addon), and each size is sent as a binary frame: 1, then columns and rows as two
    /// bytes each. `window.beaconTerminal` is for tests that read what the screen shows.
    static let script = """
        (function () {
          "use strict";
          var Terminal = window.BeaconXterm;
          Terminal.applyAddon(window.BeaconXtermFit);
          Terminal.applyAddon(window.BeaconXtermAttach);
          var term = new Terminal({ cursorBlink: true, fontSize: 16, scrollback: 0 });
          term.open(document.getElementById("terminal"));
          term.fit();
          window.beaconTerminal = term;
          var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/learn/socket");
          socket.binaryType = "arraybuffer";
          function sendSize() {
            if (socket.readyState !== 1) return;
            var cols = term.cols, rows = term.rows;
            socket.send(new Uint8Array([1, cols >> 8, cols & 255, rows >> 8, rows & 255]).buffer);
          }
          socket.addEventListener("open", function () { sendSize(); term.focus(); });
          socket.addEventListener("close", function () {
            term.write("\\r\\n\\r\\n[" + (document.documentElement.lang === "es" ? "Conexión cerrada. Todo lo que respondió está guardado: recargue la página para seguir." : "Connection closed. Everything you answered is saved: reload the page to carry on.") + "]\\r\\n");
          });
          term.attach(socket, true, false);
          term.on("resize", sendSize);
          window.addEventListener("resize", function () { term.fit(); });
        })();

        """
}
