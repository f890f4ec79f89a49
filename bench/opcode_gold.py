#!/usr/bin/env python3
"""Scores entente's VICS coder against the hand-coded gold standard.

Reads tests/gold/sentences.tsv (id, speaker ISO3, source, sentence) and
tests/gold/verbs.tsv (id, verb, subject, category, mode, rationale), runs
`entente opcode --sentences FILE --speaker ISO3 --format csv` once per speaker
state, pairs coded verbs with gold verbs of the same sentence by the verb's
first word (in order of appearance), and prints precision and recall of
codable verbs and, on the matched verbs, accuracy of attribution (self/other),
valence (sign), category (7 classes) and mode (word/deed).

Usage: bench/opcode_gold.py ENTENTE_BINARY [extra entente opcode options...]
"""
import collections
import csv
import io
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary, extra = sys.argv[1], sys.argv[2:]
    sentences = read_tsv(os.path.join(ROOT, "tests/gold/sentences.tsv"))
    gold = collections.defaultdict(list)
    for id_, verb, subject, category, mode, _why in read_tsv(os.path.join(ROOT, "tests/gold/verbs.tsv")):
        gold[id_].append((verb.split()[0].lower(), subject, int(category), mode))
    by_speaker = collections.defaultdict(list)
    for id_, iso3, _source, sentence in sentences:
        by_speaker[iso3].append((id_, sentence))
    coded = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for iso3, rows in sorted(by_speaker.items()):
            path = os.path.join(tmp, iso3 + ".tsv")
            with open(path, "w", encoding="utf-8") as f:
                for id_, sentence in rows:
                    f.write(f"{id_}\t{sentence}\n")
            out = subprocess.run([binary, "-q", "opcode", "--sentences", path, "--speaker", iso3,
                                  "--format", "csv", *extra],
                                 check=True, capture_output=True, text=True).stdout
            for row in csv.DictReader(io.StringIO(out)):
                coded[row["id"]].append((row["verb"].split()[0].lower(), row["subject"],
                                         int(row["category"]), row["mode"]))
    matched = []
    n_gold = sum(len(v) for v in gold.values())
    n_coded = sum(len(v) for v in coded.values())
    misses = []
    extras = []
    for id_, _iso3, _source, _sentence in sentences:
        remaining = list(coded.get(id_, []))
        for g in gold.get(id_, []):
            hit = next((c for c in remaining if c[0] == g[0]), None)
            if hit is None:
                misses.append((id_, g))
                continue
            remaining.remove(hit)
            matched.append((id_, g, hit))
        extras.extend((id_, c) for c in remaining)
    sign = lambda x: (x > 0) - (x < 0)
    n = len(matched)
    attribution = sum(g[1] == c[1] for _, g, c in matched)
    valence = sum(sign(g[2]) == sign(c[2]) for _, g, c in matched)
    category = sum(g[2] == c[2] for _, g, c in matched)
    mode = sum(g[3] == c[3] for _, g, c in matched)
    pct = lambda a, b: f"{100.0 * a / b:5.1f}%" if b else "  n/a"
    print(f"gold: {len(sentences)} sentences, {n_gold} codable verbs; coder: {n_coded} verbs coded")
    print(f"recall of codable verbs   {pct(n, n_gold)}  ({n}/{n_gold})")
    print(f"precision of coded verbs  {pct(n, n_coded)}  ({n}/{n_coded})")
    print(f"attribution (self/other)  {pct(attribution, n)}  ({attribution}/{n} matched)")
    print(f"valence (sign)            {pct(valence, n)}  ({valence}/{n})")
    print(f"category (7 classes)      {pct(category, n)}  ({category}/{n})")
    print(f"mode (word/deed)          {pct(mode, n)}  ({mode}/{n})")
    if os.environ.get("GOLD_VERBOSE"):
        for id_, g in misses:
            print("MISS", id_, g)
        for id_, c in extras:
            print("EXTRA", id_, c)
        for id_, g, c in matched:
            if g[1:] != c[1:]:
                print("DIFF", id_, "gold", g, "coder", c)


if __name__ == "__main__":
    main()
