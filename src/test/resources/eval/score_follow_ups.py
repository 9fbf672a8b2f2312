#!/usr/bin/env python3
"""Scores follow-up questions against a running bot over HTTP.

Each line of follow-ups.jsonl is a question, a follow-up to it, and the gold source of the follow-up.
The question is asked first, then the follow-up under the same conversationId, so that the bot reads
the follow-up together with it. The follow-up is also asked alone, without a conversation, as the
baseline. A source is a hit when its path is a gold path and, where the gold says so, its question or
section contains the given text. Prints R@1/3/5 per kind, language and fold (fold A: the odd lines,
fold B: the even ones, for choosing a rule on one half and reporting it on the other).

    python3 src/test/resources/eval/score_follow_ups.py http://127.0.0.1:8080 src/test/resources/eval/follow-ups.jsonl
"""
import json
import sys
import urllib.request
import uuid


def ask(base, question, conversation=None):
    body = {"question": question, "topK": 10}
    if conversation:
        body["conversationId"] = conversation
    request = urllib.request.Request(base + "/api/ask", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def norm(text):
    return "".join((text or "").split()).lower()


def hit(source, gold):
    if source.get("path") != gold["path"]:
        return False
    if "question_contains" in gold and norm(gold["question_contains"]) not in norm(source.get("question")):
        return False
    return "section_contains" not in gold or norm(gold["section_contains"]) in norm(source.get("section"))


def rank(answer, golds):
    return next((i + 1 for i, s in enumerate(answer.get("sources", [])[:10]) if any(hit(s, g) for g in golds)), None)


def recall(ranks, k):
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else float("nan")


def main(argv):
    base, path = argv[1].rstrip("/"), argv[2]
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    results = []
    for number, row in enumerate(rows):
        conversation = "eval-" + uuid.uuid4().hex
        ask(base, row["question"], conversation)
        together = ask(base, row["follow_up"], conversation)
        alone = ask(base, row["follow_up"])
        results.append({"row": row, "fold": "A" if number % 2 == 0 else "B", "together": rank(together, row["gold"]),
                        "alone": rank(alone, row["gold"]), "read_as_follow_up": "followUpOf" in together})
    groups = [("all", lambda r: True), ("kind=follow-up", lambda r: r["row"]["kind"] == "follow-up"),
              ("kind=topic-switch", lambda r: r["row"]["kind"] == "topic-switch"),
              ("lang=zh", lambda r: r["row"]["lang"] == "zh"), ("lang=en", lambda r: r["row"]["lang"] == "en"),
              ("fold=A", lambda r: r["fold"] == "A"), ("fold=B", lambda r: r["fold"] == "B")]
    print(f"{'set':<18} {'n':>3}  {'in conversation R@1/R@3/R@5':>28}  {'alone R@1/R@3/R@5':>20}")
    for name, keep in groups:
        chosen = [r for r in results if keep(r)]
        together = [r["together"] for r in chosen]
        alone = [r["alone"] for r in chosen]
        print(f"{name:<18} {len(chosen):>3}  {recall(together, 1):>12.3f} {recall(together, 3):.3f} {recall(together, 5):.3f}"
              f"  {recall(alone, 1):>8.3f} {recall(alone, 3):.3f} {recall(alone, 5):.3f}")
    for r in results:
        if r["together"] != 1:
            print("  miss", r["row"]["qid"], r["fold"], "rank", r["together"], "alone", r["alone"], r["row"]["follow_up"][:40])


if __name__ == "__main__":
    main(sys.argv)
