#!/usr/bin/env python3
"""Check that two item-analysis reports agree: compare_items.py A.json B.json

Every number must agree within 1e-9: absolutely for fractions and percentages (facility,
correlations, weights, indices, alpha, ...), or relatively for figures in marks that can be large
(mean, median, sd, sem, meanTotal) when that is looser. Nulls, booleans, strings, keys and list
lengths must match exactly. Prints the largest differences; exits 1 on any disagreement.
"""
import json
import sys

TOLERANCE = 1e-9
IN_MARKS = {"mean", "median", "sd", "sem", "meanTotal"}


def walk(a, b, path, out):
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            out["problems"].append(f"{path}: keys differ: {sorted(set(a) ^ set(b))}")
        for key in sorted(set(a) & set(b)):
            walk(a[key], b[key], f"{path}.{key}", out)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out["problems"].append(f"{path}: {len(a)} vs {len(b)} items")
        for i, (x, y) in enumerate(zip(a, b)):
            walk(x, y, f"{path}[{i}]", out)
    elif isinstance(a, bool) or isinstance(b, bool) or a is None or b is None or isinstance(a, str):
        if a != b or type(a) is not type(b):
            out["problems"].append(f"{path}: {a!r} vs {b!r}")
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)):
        out["count"] += 1
        diff = abs(a - b)
        scale = max(abs(a), abs(b))
        key = path.rsplit(".", 1)[-1]
        relative = diff / scale if scale > 0 else 0.0
        if diff > out["max_abs"][0]:
            out["max_abs"] = (diff, path)
        if key in IN_MARKS and relative > out["max_rel"][0]:
            out["max_rel"] = (relative, path)
        if diff > TOLERANCE and not (key in IN_MARKS and relative <= TOLERANCE):
            out["problems"].append(f"{path}: {a!r} vs {b!r} (diff {diff:.3e})")
    else:
        out["problems"].append(f"{path}: {a!r} vs {b!r}")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: compare_items.py A.json B.json")
    with open(sys.argv[1]) as f:
        a = json.load(f)
    with open(sys.argv[2]) as f:
        b = json.load(f)
    out = {"problems": [], "count": 0, "max_abs": (0.0, "-"), "max_rel": (0.0, "-")}
    walk(a, b, "$", out)
    print(f"compared {out['count']} numbers")
    print(f"max absolute difference: {out['max_abs'][0]:.3e} at {out['max_abs'][1]}")
    print(f"max relative difference (figures in marks): {out['max_rel'][0]:.3e} at {out['max_rel'][1]}")
    for problem in out["problems"][:20]:
        print("MISMATCH", problem)
    if out["problems"]:
        print(f"FAIL: {len(out['problems'])} disagreements")
        sys.exit(1)
    print("OK: every figure agrees within 1e-9")


if __name__ == "__main__":
    main()
