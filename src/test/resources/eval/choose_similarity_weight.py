#!/usr/bin/env python3
"""Chooses qa.retrieval.similarity-weight and english-similarity-weight by cross-validation, from a dump
of the dev rankings.

Dump each kind's first 30 entries with their BM25 scores and similarities (README, "Re-fit"):

    java -jar $JAR $SITE --qa.retrieval.dump-rankings-to=target/rankings.jsonl --qa.retrieval.dump-limit=30 \
      --qa.retrieval.vector-candidates=1000 --qa.retrieval.dump-queries=../shared/eval/dev.jsonl,../shared/eval/dev-docs.jsonl
    python3 src/test/resources/eval/choose_similarity_weight.py target/rankings.jsonl

Each answerable query's entries of the kind that answers it (threads for dev.jsonl, docs pages for
dev-docs.jsonl) are ranked again by BM25 score / best BM25 score + weight x cosine similarity, the
weight being the Chinese or the English one by the query's "lang". A pair of weights is scored by the
mean reciprocal rank of the first right entry within its kind (the mixed list also depends on the
choice between kinds, which the evaluation command measures); 5 folds, shuffled 20 times, each choose
the pair that is best on the other four and are scored at it; the same is done with one weight for
both languages. Ties go to the smaller weights. Printed: each weight on each language and kind, the
held-out figures, and how often each choice was made.
"""
import json
import random
import re
import sys
import unicodedata

GRID = [0, 0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6]


def norm(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "")).lower()


def is_hit(entry, gold):
    # As ../shared/eval/score.py judges a source at page level.
    return entry["path"] == gold["path"] and (
        "question_contains" not in gold or norm(gold["question_contains"]) in norm(entry.get("question")))


def read(dump):
    queries = []
    with open(dump, encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            query = row["query"]
            if not query.get("answerable"):
                continue
            kind = "doc" if query.get("kind") == "docs" else "qa"
            entries = [e for e in row["entries"] if e["kind"] == kind]
            queries.append({
                "kind": kind,
                "english": query.get("lang") == "en",
                "lexical": [e["lexicalScore"] for e in entries],
                "similarity": [e["similarity"] for e in entries],
                "hit": [any(is_hit(e, g) for g in query["gold"]) for e in entries],
            })
    return queries


def rank(query, weight):
    best = max(query["lexical"], default=0) or 1
    scores = [lexical / best + weight * similarity for lexical, similarity in zip(query["lexical"], query["similarity"])]
    order = sorted(range(len(scores)), key=lambda i: -scores[i])  # stable: ties keep BM25's order
    return next((position + 1 for position, i in enumerate(order) if query["hit"][i]), 0)


def figures(queries, weights):
    chinese, english = weights
    ranks = [rank(q, english if q["english"] else chinese) for q in queries]
    n = max(1, len(ranks))
    return (sum(r == 1 for r in ranks) / n, sum(0 < r <= 5 for r in ranks) / n,
            sum(1 / r for r in ranks if 0 < r <= 10) / n)


def cross_validated(queries, choices, shuffles=20):
    totals = [0.0, 0.0, 0.0]
    chosen = {}
    for seed in range(shuffles):
        order = list(range(len(queries)))
        random.Random(seed).shuffle(order)
        for fold in range(5):
            held_out = [queries[i] for k, i in enumerate(order) if k % 5 == fold]
            rest = [queries[i] for k, i in enumerate(order) if k % 5 != fold]
            best = max(choices, key=lambda pair: (round(figures(rest, pair)[2], 9), -sum(pair)))
            chosen[best] = chosen.get(best, 0) + 1
            for total, value in enumerate(figures(held_out, best)):
                totals[total] += value * len(held_out)
    held = [t / (shuffles * len(queries)) for t in totals]
    return held, chosen


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    queries = read(argv[1])
    for english in (False, True):
        for kind in ("qa", "doc"):
            some = [q for q in queries if q["english"] == english and q["kind"] == kind]
            print(("en " if english else "zh ") + kind + f" ({len(some)}): " + ", ".join(
                f"{w:g}: R@1 %.3f MRR %.3f" % figures(some, (w, w))[0:3:2] for w in GRID))
    for name, choices in (("one weight", [(w, w) for w in GRID]),
                          ("a weight per language", [(c, e) for c in GRID for e in GRID])):
        held, chosen = cross_validated(queries, choices)
        print(f"{name}, held out (5 folds x 20 shuffles): R@1 {held[0]:.3f}, R@5 {held[1]:.3f}, MRR {held[2]:.3f}; chosen (zh, en): "
              + ", ".join(f"({c:g}, {e:g}) x {n}" for (c, e), n in sorted(chosen.items(), key=lambda item: -item[1])[:4]))


if __name__ == "__main__":
    main(sys.argv)
