#!/usr/bin/env python3
"""Check a local HTML page's structure in headless Chromium, at one or more viewport widths.

    page_check.py PAGE.html [--width 1280 --width 390] [--height 900]
                  [--expect CSS_SELECTOR[=MIN_COUNT]]... [--screenshot-dir DIR] [--json]

For each width the page is loaded from file:// and we report: horizontal overflow (and up to 10
offending elements; descendants of a horizontally scrollable or clipping box are ignored, the
scroll containers are listed as "scrollable"), the match count of each --expect selector, the
number of <script> elements, the <title>, and <svg> elements that are 0 wide or wider than the
viewport (those two are reported, not failures). "Viewport" is the layout viewport
(documentElement.clientWidth; scrollbars hidden), which stays the device width when Chromium's
mobile emulation zooms out to fit over-wide content. Widths under 600 are emulated as mobile.
Optionally a full-page PNG is written to DIR/<page-stem>-<width>.png.
Exit 0: no overflow and every expectation met at every width; 1: a check failed; 2: usage or
browser error (including the 60 s overall timeout).

Chromium is driven through the DevTools protocol over --remote-debugging-pipe: it reads
NUL-terminated JSON messages on fd 3 and writes replies on fd 4. That needs no WebSocket client,
no open port and no pip package (Selenium, Playwright, websockets), only the standard library.
"""
import argparse, base64, fcntl, json, os, select, shutil, signal, subprocess, sys, tempfile, time
from contextlib import suppress
from pathlib import Path

OVERALL_TIMEOUT = 60  # seconds for the whole run; every wait is bounded by this deadline
LOAD_TIMEOUT = 20     # seconds for one page's load event


class BrowserError(Exception):
    pass


class Browser:
    """One headless Chromium; `call` sends a command and returns its result, stashing events."""

    def __init__(self, exe, deadline):
        self.deadline, self.next_id, self.buf, self.events = deadline, 0, b"", []
        self.profile = tempfile.mkdtemp(prefix="page_check-")
        to_child, self.to_browser = os.pipe()      # we write, Chromium reads on fd 3
        self.from_browser, from_child = os.pipe()  # Chromium writes on fd 4, we read

        def wire_fds():  # runs in the child before exec: move the pipe ends to fds 3 and 4
            a, b = (fcntl.fcntl(f, fcntl.F_DUPFD_CLOEXEC, 10) for f in (to_child, from_child))
            os.dup2(a, 3)  # first copied above 10, so neither end is clobbered; dup2 leaves
            os.dup2(b, 4)  # 3 and 4 inheritable, every other fd is close-on-exec (so
                           # close_fds=False: Popen would close 3 and 4 after this hook)
        self.log = open(os.path.join(self.profile, "stderr.log"), "w+b")
        args = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
                "--user-data-dir=" + self.profile, "--remote-debugging-pipe", "about:blank"]
        try:
            self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self.log,
                                         stderr=self.log, preexec_fn=wire_fds, close_fds=False,
                                         start_new_session=True)  # own group: kill helpers too
        finally:
            os.close(to_child)
            os.close(from_child)

    def _read_message(self, until, what):
        while b"\0" not in self.buf:
            left = min(until, self.deadline) - time.monotonic()
            if left <= 0:
                raise BrowserError(f"timed out waiting for {what}"
                                   + (" (overall limit)" if until > self.deadline else ""))
            if select.select([self.from_browser], [], [], left)[0]:
                chunk = os.read(self.from_browser, 1 << 20)
                if not chunk:
                    raise BrowserError("Chromium exited unexpectedly" + self.stderr_tail())
                self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None, timeout=15):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        try:
            os.write(self.to_browser, json.dumps(msg).encode() + b"\0")
        except BrokenPipeError:
            raise BrowserError("Chromium closed its pipe" + self.stderr_tail()) from None
        until = time.monotonic() + timeout
        while True:
            reply = self._read_message(until, f"the reply to {method}")
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method, session, timeout):
        until = time.monotonic() + timeout
        while True:
            for ev in self.events:
                if ev["method"] == method and ev.get("sessionId") == session:
                    self.events.remove(ev)
                    return ev.get("params", {})
            self.events.append(self._read_message(until, method))

    def stderr_tail(self):
        self.log.seek(0)
        lines = [l for l in self.log.read().decode(errors="replace").splitlines() if l.strip()]
        return (":\n  " + "\n  ".join(lines[-5:])) if lines else ""

    def close(self):
        if self.proc.poll() is None:
            with suppress(OSError, subprocess.TimeoutExpired):  # politely first...
                os.write(self.to_browser, b'{"id": 0, "method": "Browser.close"}\0')
                self.proc.wait(timeout=2)
            with suppress(ProcessLookupError):  # ...then the whole process group (renderers etc.)
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        os.close(self.to_browser)
        os.close(self.from_browser)
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)


# Runs in the page; returns everything we check as one JSON-able object.
CHECK_JS = r"""(expects) => document.fonts.ready.then(() => {
  // layout viewport width: in mobile emulation innerWidth grows when Chromium zooms out to fit
  // over-wide content, clientWidth stays the device width (scrollbars are hidden by a flag)
  const root = document.documentElement, vw = root.clientWidth;
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    [...e.classList].map((c) => "." + c).join("");
  const clips = (e) => e !== root && e !== document.body &&
    ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(e).overflowX);
  const offenders = [], scrollable = [], svg = [], expect = {};
  let count = 0;
  const walk = (e, parentRight) => {  // parentRight: right edge of an offending parent, or null
    const r = e.getBoundingClientRect();
    const bad = r.width + r.height > 0 && (r.right > vw + 1 || r.left < -1);
    // a child no wider than its offending parent adds nothing to the report
    if (bad && !(parentRight !== null && r.right <= parentRight)) {
      count++;
      if (offenders.length < 10)
        offenders.push({element: name(e), left: Math.round(r.left), right: Math.round(r.right)});
    }
    if (clips(e)) {  // a scroll (or clip) box: its content cannot widen the page
      const s = getComputedStyle(e).overflowX;
      if ((s === "auto" || s === "scroll") && e.scrollWidth > e.clientWidth + 1)
        scrollable.push({element: name(e), scroll_width: e.scrollWidth, client_width: e.clientWidth});
      return;
    }
    for (const c of e.children) walk(c, bad ? r.right : null);
  };
  walk(root, null);
  for (const s of document.querySelectorAll("svg:not(svg svg)")) {
    const r = s.getBoundingClientRect();
    if (r.width === 0) svg.push({element: name(s), problem: "zero width"});
    else if (r.width > vw + 1 || r.right > vw + 1)
      svg.push({element: name(s), problem: `${r.width | 0} px wide, right ${r.right | 0}`});
  }
  for (const [sel, min] of expects) {
    let n = null;
    try { n = document.querySelectorAll(sel).length; } catch (err) { /* invalid selector */ }
    expect[sel] = {count: n, min, ok: n !== null && n >= min};
  }
  const over = root.scrollWidth - vw;
  return {viewport: vw, inner_width: window.innerWidth, overflow: over > 1 ? over : 0, offenders,
          offender_count: count, scrollable, expect, svg, title: document.title,
          scripts: document.querySelectorAll("script").length};
})"""


def check_width(browser, url, width, height, expects, shot_path):
    target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
    try:
        s = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.call("Page.enable", session=s)
        browser.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height,
                     "deviceScaleFactor": 1, "mobile": width < 600}, session=s)
        nav = browser.call("Page.navigate", {"url": url}, session=s)
        if nav.get("errorText"):
            raise BrowserError(f"cannot load {url}: {nav['errorText']}")
        browser.wait_event("Page.loadEventFired", s, LOAD_TIMEOUT)
        # DevTools evaluation is not subject to the page's CSP (tested with default-src 'none'),
        # so no Page.setBypassCSP: the page renders exactly as its policy allows.
        res = browser.call("Runtime.evaluate", {"expression": f"({CHECK_JS})({json.dumps(expects)})",
                           "returnByValue": True, "awaitPromise": True}, session=s)
        if "exceptionDetails" in res:
            raise BrowserError(f"page check failed: {json.dumps(res['exceptionDetails'])[:500]}")
        out = {"width": width, **res["result"]["value"], "screenshot": None}
        if shot_path:
            metrics = browser.call("Page.getLayoutMetrics", session=s)
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            clip = {"x": 0, "y": 0, "width": max(width, size["width"]), "height": size["height"],
                    "scale": 1}  # the whole content, even beyond the viewport
            png = browser.call("Page.captureScreenshot", {"format": "png", "clip": clip,
                               "captureBeyondViewport": True}, session=s, timeout=30)["data"]
            shot_path.write_bytes(base64.b64decode(png))
            out["screenshot"] = str(shot_path)
        return out
    finally:
        with suppress(BrowserError):  # if this fails too (e.g. timed out), closing the browser cleans up
            browser.call("Target.closeTarget", {"targetId": target}, timeout=5)


def failed(w):
    return bool(w["overflow"]) or not all(r["ok"] for r in w["expect"].values())


def summary(w):
    exp = ", ".join(f"{sel} INVALID SELECTOR" if r["count"] is None else f"{sel} {r['count']}"
                    + ("" if r["ok"] else f" (want {r['min']})") for sel, r in w["expect"].items())
    if w["overflow"]:
        more = w["offender_count"] - len(w["offenders"])
        head = f"OVERFLOW by {w['overflow']} px: " + "; ".join(
            f"{o['element']} right {o['right']}" + (f" left {o['left']}" if o["left"] < -1 else "")
            for o in w["offenders"]) + (f" (+{more} more)" if more else "")
        head += f" — {exp}" if exp else ""
    else:
        head = ("FAIL" if failed(w) else "ok") + " — " + (exp + "; " if exp else "") + "no overflow"
    lines = [f"{w['width']} px: {head}"]
    if w["viewport"] != w["width"]:
        lines.append(f"  note: layout viewport is {w['viewport']} px (no <meta name=viewport>?)")
    lines += [f"  scrollable: {s['element']} ({s['scroll_width']} px in {s['client_width']} px)"
              for s in w["scrollable"]]
    lines += [f"  svg: {s['element']} {s['problem']}" for s in w["svg"]]
    if w["scripts"]:
        lines.append(f"  scripts: {w['scripts']} <script> element(s)")
    shot = f"; screenshot {w['screenshot']}" if w["screenshot"] else ""
    lines.append(f"  title: {w['title']!r}{shot}")
    return "\n".join(lines)


def parse_expects(texts):
    expects = {}
    for text in texts:  # attribute selectors contain "=": only a numeric tail is a minimum
        sel, _, n = text.rpartition("=")
        sel, n = (sel, int(n)) if sel and n.isdigit() else (text, 1)
        expects[sel] = max(n, expects.get(sel, 0))  # a repeated selector keeps its highest minimum
    return list(expects.items())


def main():
    ap = argparse.ArgumentParser(description="Check an HTML page's layout in headless Chromium.")
    ap.add_argument("page")
    ap.add_argument("--width", type=int, action="append", help="repeatable; default 1280 and 390")
    ap.add_argument("--height", type=int, default=900)
    ap.add_argument("--expect", action="append", default=[], metavar="SELECTOR[=MIN]")
    ap.add_argument("--screenshot-dir")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()  # exits 2 on a usage error
    page = Path(a.page)
    if not page.is_file():
        ap.error(f"no such file: {page}")
    widths = a.width or [1280, 390]
    if any(w < 100 or w > 10000 for w in widths) or not 100 <= a.height <= 10000:
        ap.error("width and height must be between 100 and 10000")
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        print("page_check: chromium is missing: apt-get install chromium", file=sys.stderr)
        return 2
    shots = Path(a.screenshot_dir) if a.screenshot_dir else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)

    def on_signal(signum, _frame):  # turn SIGTERM/SIGALRM into exceptions so `finally` kills Chromium
        raise BrowserError("overall timeout" if signum == signal.SIGALRM else "terminated")
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGALRM, on_signal)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started with SIGINT ignored
    signal.alarm(OVERALL_TIMEOUT + 5)  # backstop; the select() deadline normally fires first
    browser = None
    try:
        browser = Browser(exe, time.monotonic() + OVERALL_TIMEOUT)
        url = page.resolve().as_uri()
        results = [check_width(browser, url, w, a.height, parse_expects(a.expect),
                               shots / f"{page.stem}-{w}.png" if shots else None) for w in widths]
    except (BrowserError, OSError, subprocess.SubprocessError) as e:
        print(f"page_check: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("page_check: interrupted", file=sys.stderr)
        return 130
    finally:
        signal.alarm(0)
        if browser:
            browser.close()
    if a.json:
        print(json.dumps({"page": str(page), "widths": results}, indent=2, ensure_ascii=False))
    else:
        print("\n".join(summary(w) for w in results))
    return 1 if any(map(failed, results)) else 0


if __name__ == "__main__":
    sys.exit(main())
