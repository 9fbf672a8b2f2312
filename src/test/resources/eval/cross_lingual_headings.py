#!/usr/bin/env python3
"""Writes English questions that only the Chinese site can answer, for choosing how English questions
are ranked against Chinese knowledge (README, "Re-fit", step 4).

Each English docs page of the site with a Chinese twin (the same path under content/zh) gives up to
two of its section headings ("<heading> in <page title>", headings of at least two words, shuffled
with a fixed seed); the gold is the twin's page. Ask them of an index of content/zh alone:

    python3 src/test/resources/eval/cross_lingual_headings.py ../shared/corpus/sofastack.tech > target/cross-lingual.jsonl
    mkdir -p target/zh-only/content && cp -r ../shared/corpus/sofastack.tech/content/zh target/zh-only/content/
    java -jar $JAR --spring.main.web-application-type=none --qa.corpus.paths=target/zh-only \\
      --qa.index.dir=target/zh-only-index --qa.retrieval.english-similarity-weight=W --qa.eval.queries=target/cross-lingual.jsonl
"""
import json
import os
import random
import re
import sys


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    root = argv[1]
    shuffle = random.Random(7)
    count = 0
    for folder, _, files in sorted(os.walk(os.path.join(root, "content", "en"))):
        for name in sorted(files):
            if not name.endswith(".md") or name.startswith("_"):
                continue
            english = os.path.relpath(os.path.join(folder, name), root)
            chinese = english.replace(os.path.join("content", "en"), os.path.join("content", "zh"), 1)
            if not os.path.exists(os.path.join(root, chinese)):
                continue
            with open(os.path.join(root, english), encoding="utf-8") as page:
                text = page.read()
            title = re.search(r"^title:\s*[\"']?(.+?)[\"']?\s*$", text, re.M)
            headings = [re.sub(r"\{#.*?\}", "", h).strip() for h in re.findall(r"^#{2,4}\s+(.+)$", text, re.M)]
            headings = [h for h in headings
                        if len(h.split()) >= 2 and re.search("[A-Za-z]{3}", h) and not re.search("[\u4e00-\u9fff]", h)]
            shuffle.shuffle(headings)
            for heading in headings[:2]:
                query = f"{heading} in {title.group(1)}" if title else heading
                print(json.dumps({"qid": f"x{count:03d}", "query": query, "lang": "en", "answerable": True,
                                  "kind": "docs", "gold": [{"path": chinese}]}, ensure_ascii=False))
                count += 1


if __name__ == "__main__":
    main(sys.argv)
