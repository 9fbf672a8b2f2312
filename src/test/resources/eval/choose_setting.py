#!/usr/bin/env python3
"""Chooses one retrieval setting by cross-validation, from the evaluation command's verbose output.

Run the evaluation command (README, "Evaluate") once per candidate value with --qa.eval.verbose=true,
each into its own log, then:

    python3 src/test/resources/eval/choose_setting.py 0=run-0.log 8=run-8.log ...

Every answerable query's rank of the first right source is read from the "query ..." lines. Each value
is scored by the mean reciprocal rank; 5 folds, shuffled 20 times, each choose the value that is best
on the other four and are scored at it. Printed: every value on all the queries, the held-out figures,
and how often each value was chosen. Ties go to the smaller value.
"""
import random
import re
import sys

QUERY = re.compile(r"query (\S+) answerable=true rank=(\d+)")


def ranks(log):
    found = {}
    with open(log, encoding="utf-8") as lines:
        for line in lines:
            match = QUERY.match(line)
            if match:
                found[match.group(1)] = int(match.group(2))
    return found


def mrr(run, queries):
    return sum(1 / run[q] if run[q] else 0 for q in queries) / len(queries)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    runs = {}
    for arg in argv[1:]:
        value, _, log = arg.partition("=")
        runs[float(value)] = ranks(log)
    values = sorted(runs)
    queries = sorted(runs[values[0]])
    if any(sorted(runs[v]) != queries for v in values):
        sys.exit("the logs do not hold the same answerable queries")
    for v in values:
        run = runs[v]
        print(f"{v:g}: MRR {mrr(run, queries):.3f} R@1 {sum(run[q] == 1 for q in queries) / len(queries):.3f} "
              f"R@5 {sum(0 < run[q] <= 5 for q in queries) / len(queries):.3f}")
    totals = {"MRR": 0.0, "R@1": 0.0, "R@5": 0.0}
    chosen = {v: 0 for v in values}
    shuffles = 20
    for seed in range(shuffles):
        order = queries[:]
        random.Random(seed).shuffle(order)
        for fold in range(5):
            held_out = order[fold::5]
            rest = [q for q in order if q not in held_out]
            best = max(values, key=lambda v: (round(mrr(runs[v], rest), 9), -v))
            chosen[best] += 1
            for q in held_out:
                rank = runs[best][q]
                totals["MRR"] += 1 / rank if rank else 0
                totals["R@1"] += rank == 1
                totals["R@5"] += 0 < rank <= 5
    held = ", ".join(f"{k} {t / (shuffles * len(queries)):.3f}" for k, t in totals.items())
    print(f"held out (5 folds x {shuffles} shuffles): {held}")
    print("chosen: " + ", ".join(f"{v:g} x {n}" for v, n in chosen.items() if n))


if __name__ == "__main__":
    main(sys.argv)
