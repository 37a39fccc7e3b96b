#!/usr/bin/env python3
"""Reference item analysis in numpy: the same figures as the Swift ItemAnalysis engine.

    item_stats.py SCORES.csv > report.json

Reads a score CSV (header `attempt,Q1,...`, optional `max` row, one row per attempt) and prints
{"quiz": {...}, "questions": [...], "warnings": [...]} with sorted keys, nulls where a figure is
undefined. Definitions: /work/shared/design/ITEM-ANALYSIS.md (Moodle: sample variances; KR-20/21:
population). Options are null: a CSV carries no option data. Vectorised over questions; the only
loops are over questions when building the JSON.
"""
import csv
import json
import sys

import numpy as np


def read_scores(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        second = next(rows, None)
    question_ids = [cell.strip() for cell in header[1:]]
    has_max = second is not None and second[0].strip().lower() == "max"
    q = len(question_ids)
    max_marks = np.array([float(v) for v in second[1:]]) if has_max else np.ones(q)
    marks = np.loadtxt(path, delimiter=",", skiprows=2 if has_max else 1, usecols=range(1, q + 1),
                       encoding="utf-8-sig", quotechar='"', ndmin=2, dtype=np.float64)
    return question_ids, max_marks, marks


def none_if(mask, values):
    """Python floats, with None where mask is true."""
    return [None if m else float(v) for m, v in zip(mask, values)]


def analyse(question_ids, max_marks, X):
    # Column-major, so that every per-question sum runs along contiguous memory and numpy uses
    # pairwise summation (sums along axis 0 of a row-major array accumulate row by row, which
    # loses about 100 times more to rounding on 100,000 attempts).
    X = np.asfortranarray(X)
    s, q = X.shape
    n = float(s)
    enough = s > 1
    with np.errstate(divide="ignore", invalid="ignore"):
        T = X.sum(axis=1)
        t_mean = T.mean() if s else 0.0
        t_varies = s > 0 and T.min() != T.max()
        Tc = T - t_mean if t_varies else np.zeros(s)
        d2, d3, d4 = (Tc ** 2).sum(), (Tc ** 3).sum(), (Tc ** 4).sum()
        varies = d2 > 0

        # Per question: centred sums (two passes), with constant columns forced to exactly zero.
        x_mean = X.mean(axis=0) if s else np.zeros(q)
        const = X.min(axis=0) == X.max(axis=0) if s else np.ones(q, bool)
        Xc = X - x_mean
        Xc[:, const] = 0.0
        sxx = (Xc * Xc).sum(axis=0)
        sxt = (Xc * Tc[:, None]).sum(axis=0)
        Y = np.asfortranarray(T[:, None] - X)
        y_mean = Y.mean(axis=0) if s else np.zeros(q)
        y_const = Y.min(axis=0) == Y.max(axis=0) if s else np.ones(q, bool)
        Yc = Y - y_mean
        Yc[:, y_const] = 0.0
        syy = (Yc * Yc).sum(axis=0)
        sxy = (Xc * Yc).sum(axis=0)
        cross_max = ((np.sort(X, axis=0) - x_mean) * (np.sort(Y, axis=0) - y_mean)).sum(axis=0)
        cross_max[const | y_const] = 0.0

        # 27 % groups: rank by total, highest first, a stable sort so earlier rows win ties.
        order = np.argsort(-(T + 0.0), kind="stable")
        ng = max(1, (27 * s + 50) // 100)
        upper_sum = X[order[:ng]].sum(axis=0)
        lower_sum = X[order[-ng:]].sum(axis=0) if s else np.zeros(q)

        cov_t = sxt / (n - 1) if enough else np.zeros(q)
        weight_sum = np.sqrt(cov_t[cov_t >= 0]).sum()
        r = sxy / np.sqrt(sxx * syy)
        r_total = sxt / np.sqrt(sxx * d2)
        facility = x_mean / max_marks
        sd = np.sqrt(sxx / (n - 1))
        sum_max = max_marks.sum()
        effective = 100 * np.sqrt(cov_t) / weight_sum
        efficiency = 100 * sxy / cross_max
        upper_lower = (upper_sum / ng - lower_sum / ng) / max_marks

    no_r = ~(enough & (sxx > 0) & (syy > 0))
    questions = []
    columns = {
        "facility": none_if(~((s > 0) & (max_marks > 0)), facility),
        "sd": none_if([not enough] * q, sd),
        "intendedWeight": none_if([sum_max <= 0] * q, 100 * max_marks / sum_max if sum_max > 0 else max_marks),
        "effectiveWeight": none_if(~(enough & (cov_t >= 0) & (weight_sum > 0)), effective),
        "discriminationIndex": none_if(no_r, 100 * r),
        "discriminativeEfficiency": none_if(~(enough & (cross_max > 0)), efficiency),
        "pointBiserial": none_if(no_r, r),
        "pointBiserialUncorrected": none_if(~(enough & (sxx > 0) & varies), r_total),
        "upperLower27": none_if(~(enough & (max_marks > 0)), upper_lower),
    }
    negative = enough & (cov_t < 0)
    for j, qid in enumerate(question_ids):
        entry = {"id": qid, "n": s, "randomGuessScore": None, "negativeCovariance": bool(negative[j]),
                 "options": None}
        entry.update({key: values[j] for key, values in columns.items()})
        questions.append(entry)

    k2 = d2 / (n - 1) if enough else None
    sd_total = float(np.sqrt(k2)) if k2 is not None else None
    skewness = kurtosis = alpha = kr20 = kr21 = None
    if s > 2 and varies:
        skewness = float((n * d3 / ((n - 1) * (n - 2))) / k2 ** 1.5)
    if s > 3 and varies:
        m2, m4 = d2 / n, d4 / n
        k4 = n * n * ((n + 1) * m4 - 3 * (n - 1) * m2 * m2) / ((n - 1) * (n - 2) * (n - 3))
        kurtosis = float(k4 / (k2 * k2))
    if q > 1 and varies and k2 is not None:
        alpha = float(q / (q - 1) * (1 - (sxx.sum() / (n - 1)) / k2))
    error_factor = float(np.sqrt(max(0.0, 1 - alpha))) if alpha is not None else None
    dichotomous = bool(np.all(max_marks == 1) and np.all((X == 0) | (X == 1)))
    if q > 1 and varies and dichotomous:
        var_pop = d2 / n
        pq = (x_mean * (1 - x_mean)).sum()
        kr20 = float(q / (q - 1) * (1 - pq / var_pop))
        kr21 = float(q / (q - 1) * (1 - t_mean * (q - t_mean) / (q * var_pop)))
    if s:
        ts = np.sort(T)
        median = float((ts[(s - 1) // 2] + ts[s // 2]) / 2)
    quiz = {
        "n": s, "mean": float(t_mean) if s else None, "median": median if s else None, "sd": sd_total,
        "skewness": skewness, "kurtosis": kurtosis, "alpha": alpha,
        "sem": sd_total * error_factor if error_factor is not None and sd_total is not None else None,
        "errorRatio": 100 * error_factor if error_factor is not None else None,
        "kr20": kr20, "kr21": kr21,
    }

    warnings = []
    if s == 0:
        warnings.append("no attempts: there is nothing to analyse")
    elif s == 1:
        warnings.append("only 1 attempt: statistics need at least 2, so most figures are null")
    elif s < 20:
        warnings.append(f"only {s} attempts: treat these figures as indicative")
    for j, entry in enumerate(questions):
        qid = entry["id"]
        if max_marks[j] == 0:
            warnings.append(f"{qid}: the maximum mark is 0, so facility and the 27 % groups are undefined")
        if s >= 2 and const[j]:
            warnings.append(f"{qid}: every attempt has the same mark, so this question cannot discriminate")
        if entry["negativeCovariance"]:
            warnings.append(f"{qid}: negative covariance with the total score, so no effective weight: "
                            "check the key and the wording")
        elif entry["discriminationIndex"] is not None and entry["discriminationIndex"] < 0:
            warnings.append(f"{qid}: negative discrimination index: check the key and the wording")
    return {"quiz": quiz, "questions": questions, "warnings": warnings}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: item_stats.py SCORES.csv")
    report = analyse(*read_scores(sys.argv[1]))
    json.dump(report, sys.stdout, sort_keys=True, allow_nan=False, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
