#!/usr/bin/env python3
"""Write a realistic attempts x questions matrix of marks as a score CSV, from a fixed seed.

    gen_items_csv.py --attempts 100000 --questions 100 --seed 42 OUT.csv

Marks follow a 3-parameter logistic model: each trainee has an ability, each question a
difficulty, a discrimination (a few questions are flawed and discriminate negatively) and,
for multiple-choice questions, a guessing floor. About a fifth of the questions give partial
credit: max mark 2, marks 0/0.5/1/1.5/2. The file has a `max` row. The same arguments always
write the same bytes (numpy Generator, PCG64).
"""
import argparse

import numpy as np


def generate(attempts, questions, seed, all_correct=0):
    rng = np.random.default_rng(seed)
    ability = rng.normal(0.0, 1.0, attempts)
    difficulty = rng.normal(0.0, 1.0, questions)
    discrimination = rng.uniform(0.4, 2.0, questions)
    flawed = rng.random(questions) < 0.03
    discrimination[flawed] = -rng.uniform(0.1, 0.5, flawed.sum())
    guess = np.where(rng.random(questions) < 0.7, rng.choice([0.2, 0.25, 0.5], questions), 0.0)
    partial = rng.random(questions) < 0.2
    max_marks = np.where(partial, 2.0, 1.0)

    logit = discrimination[None, :] * (ability[:, None] - difficulty[None, :])
    chance = guess[None, :] + (1.0 - guess[None, :]) / (1.0 + np.exp(-logit))
    steps = np.where(
        partial[None, :],
        rng.binomial(4, chance),  # half-mark steps: 0..4 -> 0..2
        2 * (rng.random((attempts, questions)) < chance),  # 0 or 1 -> 0 or 2 half-marks
    ).astype(np.int64)
    if all_correct:
        steps[:, -all_correct:] = 2
        max_marks[-all_correct:] = 1.0
    return steps, max_marks


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--attempts", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--all-correct", type=int, default=0,
                        help="make the last K questions ones everybody gets right (to exercise null figures)")
    parser.add_argument("--decimals", type=int, default=None,
                        help="write every mark with this many decimals (1.00) instead of the shortest form (1)")
    parser.add_argument("out")
    args = parser.parse_args()

    steps, max_marks = generate(args.attempts, args.questions, args.seed, args.all_correct)
    forms = ["0", "0.5", "1", "1.5", "2"] if args.decimals is None else [
        f"{v:.{args.decimals}f}" for v in (0, 0.5, 1, 1.5, 2)]
    text = np.array(forms)[steps]
    ids = [f"Q{j + 1}" for j in range(args.questions)]
    with open(args.out, "w", newline="") as out:
        out.write("attempt," + ",".join(ids) + "\n")
        out.write("max," + ",".join("2" if m == 2 else "1" for m in max_marks) + "\n")
        for i, row in enumerate(text):
            out.write(f"A{i + 1:06d}," + ",".join(row) + "\n")


if __name__ == "__main__":
    main()
