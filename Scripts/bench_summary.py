"""Rewrites the summary table of docs/PERFORMANCE.md from the benchmarks' --json reports.

Usage: python3 Scripts/bench_summary.py RESULTS_DIR docs/PERFORMANCE.md
The table sits between <!-- bench:begin --> and <!-- bench:end --> and is replaced whole.
"""
import datetime, json, os, platform, sys

results, doc = sys.argv[1], sys.argv[2]


def load(name):
    try:
        with open(os.path.join(results, name + ".json")) as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def fmt(value, digits=2):
    return "n/a" if value is None else f"{value:.{digits}f}"


rows = []
lint = load("lint")
if lint:
    rows.append(("`beacon lint` a 10,000-question course vs `xmllint --schema`", "Scripts/bench lint",
                 f"{fmt(lint.get('ratio'))}× time", "≤ 1.5×", lint.get("pass")))
verify = load("verify")
if verify:
    r = verify.get("ratios") or {}
    rows.append(("credential verification, eddsa-jcs-2022 proof, vs OpenSSL Ed25519 verify, one core", "Scripts/bench verify",
                 f"{fmt(r.get('jcs_vs_openssl'))}× rate", "≥ 0.8×", (r.get("jcs_vs_openssl") or 0) >= 0.8))
    rows.append(("credential verification, eddsa-rdfc-2022 proof, vs OpenSSL Ed25519 verify, one core", "Scripts/bench verify",
                 f"{fmt(r.get('rdfc_vs_openssl'))}× rate (Beacon's proof set, both checked: {fmt(r.get('proof_set_vs_openssl'))}×)", "≥ 0.25×",
                 (r.get("rdfc_vs_openssl") or 0) >= 0.25))
    rows.append(("RDF canonicalization (RDFC-1.0) of credentials vs pyld 3.3.0", "Scripts/bench verify",
                 f"{fmt(r.get('rdfc_canonicalize_vs_pyld'))}× rate", "≥ 20×", (r.get("rdfc_canonicalize_vs_pyld") or 0) >= 20))
serve = load("serve")
if serve:
    p99 = (serve.get("verify") or {}).get("p99_ms")
    rows.append(("verification API under load vs in-process rate", "Scripts/bench serve",
                 f"{fmt(serve.get('ratio'))}× rate, p99 {fmt(p99, 1)} ms", "≥ 0.5×, p99 < 20 ms", serve.get("pass")))
items = load("items")
if items:
    rows.append(("`beacon report items --from-csv`, 100,000 × 100, vs numpy", "Scripts/bench items",
                 f"{fmt(items.get('ratio'))}× time, max diff {items.get('max_difference')}", "≤ 1×, ≤ 1e-9", items.get("pass")))
ssh = load("ssh")
if ssh:
    b = ssh.get("beacon", {})
    rows.append((f"{ssh.get('sessions')} SSH trainees at human speed vs OpenSSH sshd + ForceCommand", "Scripts/bench ssh",
                 f"held {b.get('sessions_held')}, p99 {b.get('latency_p99_ms')} ms, memory {fmt(ssh.get('memory_ratio'), 3)}×, CPU {fmt(ssh.get('cpu_ratio'))}×, lost {b.get('answers_lost')}",
                 "200 held, p99 < 50 ms, memory ≤ 0.2×, 0 lost", ssh.get("pass")))
startup = load("startup")
if startup:
    result = f"{fmt(startup.get('ratio'))}× time ({startup.get('beacon_ms')} vs {startup.get('hello_ms')} ms, both built as Scripts/release-build ships)"
    floor = startup.get("context", {}).get("parser-hello --version")
    if floor:
        result += f"; a one-command ArgumentParser + Foundation tool built the same way: {fmt(floor.get('ratio'))}×"
    dynamic = startup.get("builds", {}).get("dynamic")
    if dynamic:
        result += f"; SwiftPM's default dynamic build: {fmt(dynamic.get('ratio'))}× ({dynamic.get('beacon_ms')} vs {dynamic.get('hello_ms')} ms)"
    rows.append(("`beacon --version` start-up vs a Swift hello-world", "Scripts/bench startup", result, "≤ 2×", startup.get("pass")))
record = load("record")
if record:
    rows.append(("durable recording, 50 trainees at once, vs raw GRDB inserts", "Scripts/bench record",
                 f"{fmt(record.get('ratio'))}× rate ({record.get('beacon_per_second')} vs {record.get('raw_per_second')}/s)", "≥ 0.5×", record.get("pass")))

lines = [
    "<!-- bench:begin -->",
    f"Measured {datetime.date.today().isoformat()} by `Scripts/bench` on {os.cpu_count()} cores, {cpu_model()}, "
    f"{platform.system()} {platform.release()}. Each figure is Beacon against its reference in the same run.",
    "",
    "| benchmark | command | figure | target | met |",
    "|---|---|---|---|---|",
]
for title, command, figure, target, met in rows:
    lines.append(f"| {title} | `{command}` | {figure} | {target} | {'yes' if met else 'no' if met is not None else 'n/a'} |")
lines.append("<!-- bench:end -->")
table = "\n".join(lines)

text = open(doc).read()
begin, end = text.find("<!-- bench:begin -->"), text.find("<!-- bench:end -->")
if begin >= 0 and end > begin:
    text = text[:begin] + table + text[end + len("<!-- bench:end -->"):]
else:
    marker = "\n## "
    first = text.find(marker)
    summary = "\n## Summary\n\n" + table + "\n"
    text = text[:first] + "\n" + summary + text[first:] if first >= 0 else text + summary
open(doc, "w").write(text)
print(table)
