#!/usr/bin/env python3
"""`beacon report items --from-csv` against the numpy implementation of the same statistics
(Scripts/item_stats.py) on one generated CSV, in the same run.

    Scripts/bench items [--attempts 100000] [--questions 100] [--seed 42] [--runs 3] [--json]

Builds beacon in release mode, generates the CSV with Scripts/gen_items_csv.py (fixed seed), runs
each side `runs` times alternating (wall clock of the whole process, reading the file included),
and checks with Scripts/compare_items.py that every figure agrees to 1e-9.
Targets: beacon no slower than numpy (ratio of medians <= 1); identical figures to 1e-9.
"""
import argparse, json, os, re, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(command, output):
    start = time.perf_counter()
    with open(output, "w") as out:
        subprocess.run(command, stdout=out, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(prog="Scripts/bench items")
    parser.add_argument("--attempts", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    subprocess.run([os.path.join(ROOT, "Scripts", "release-build"), "beacon"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    beacon = os.path.join(ROOT, ".build", "release", "beacon")
    work = tempfile.mkdtemp(prefix="beacon-bench-items-")
    csv = os.path.join(work, f"items-{args.attempts}x{args.questions}-seed{args.seed}.csv")
    subprocess.run([sys.executable, os.path.join(HERE, "gen_items_csv.py"), "--attempts", str(args.attempts),
                    "--questions", str(args.questions), "--seed", str(args.seed), csv], check=True, stdout=sys.stderr)
    ours, theirs = csv + ".beacon.json", csv + ".numpy.json"
    beacon_times, numpy_times = [], []
    for run in range(args.runs):
        sides = [("beacon", [beacon, "report", "items", "--from-csv", csv, "--json"], ours, beacon_times),
                 ("numpy", [sys.executable, os.path.join(HERE, "item_stats.py"), csv], theirs, numpy_times)]
        for name, command, output, times in (sides if run % 2 == 0 else reversed(sides)):
            times.append(timed(command, output))
    compared = subprocess.run([sys.executable, os.path.join(HERE, "compare_items.py"), ours, theirs],
                              capture_output=True, text=True)
    match = re.search(r"max(?:imum)? (?:absolute )?diff(?:erence)?[^0-9]*([0-9.eE+-]+)", compared.stdout)
    b, n = statistics.median(beacon_times), statistics.median(numpy_times)
    report = {"benchmark": "items", "attempts": args.attempts, "questions": args.questions, "seed": args.seed,
              "csv_megabytes": round(os.path.getsize(csv) / 1e6, 1),
              "beacon_seconds": round(b, 3), "numpy_seconds": round(n, 3), "ratio": round(b / n, 3),
              "figures_agree": compared.returncode == 0, "max_difference": match.group(1) if match else None,
              "target": "ratio <= 1, figures equal to 1e-9", "pass": b <= n and compared.returncode == 0,
              "command": f"Scripts/bench items --attempts {args.attempts} --questions {args.questions} --seed {args.seed} --runs {args.runs}"}
    for path in (csv, ours, theirs):
        os.remove(path)
    os.rmdir(work)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(compared.stdout.strip())
        print(f"beacon report items --from-csv: median {b:.3f} s; numpy (Scripts/item_stats.py): {n:.3f} s; ratio {b / n:.3f} "
              f"(target <= 1: {'met' if b <= n else 'NOT met'}); figures agree to 1e-9: {'yes' if compared.returncode == 0 else 'NO'}")
    sys.exit(0 if compared.returncode == 0 else 1)


if __name__ == "__main__":
    main()
