#!/usr/bin/env python3
"""Scores entente's VICS coder against the hand-coded gold standard.

Reads tests/gold/sentences.tsv (id, speaker ISO3, source, sentence) and
tests/gold/verbs.tsv (id, verb, subject, category, mode, rationale), runs
`entente opcode --sentences FILE --speaker ISO3 --format csv` once per speaker
state, pairs coded verbs with gold verbs of the same sentence by the verb's
first word (in order of appearance), and prints precision and recall of
codable verbs and, on the matched verbs, accuracy of attribution (self/other),
valence (sign), category (7 classes) and mode (word/deed).

On the matched verbs it also prints, for each class of attribution (self,
other), valence (-, 0, +) and category (-3..+3), the precision (of the verbs
the coder put in the class, the share the gold puts there) and the recall (of
the gold verbs of the class, the share the coder puts there), and their
unweighted (macro) means.

Usage: bench/opcode_gold.py ENTENTE_BINARY [--set main|heldout|third|fourth|fifth] [extra entente opcode options...]
  --set main     tests/gold/sentences.tsv + verbs.tsv (default; used to tune the lexicon)
  --set heldout  tests/gold/heldout_sentences.tsv + heldout_verbs.tsv
  --set third    tests/gold/third_sentences.tsv + third_verbs.tsv (drawn after tuning on heldout)
  --set fourth   tests/gold/fourth_sentences.tsv + fourth_verbs.tsv (drawn before the default-neutral rule)
  --set fifth    tests/gold/fifth_sentences.tsv + fifth_verbs.tsv (drawn after tuning on all four sets)
"""
import collections
import csv
import io
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = {
    "main": ("tests/gold/sentences.tsv", "tests/gold/verbs.tsv"),
    "heldout": ("tests/gold/heldout_sentences.tsv", "tests/gold/heldout_verbs.tsv"),
    "third": ("tests/gold/third_sentences.tsv", "tests/gold/third_verbs.tsv"),
    "fourth": ("tests/gold/fourth_sentences.tsv", "tests/gold/fourth_verbs.tsv"),
    "fifth": ("tests/gold/fifth_sentences.tsv", "tests/gold/fifth_verbs.tsv"),
}


def per_class(matched, key, classes, label):
    """Prints precision and recall of each class of one dimension over the matched verbs."""
    cells = []
    precisions, recalls = [], []
    for cls in classes:
        gold_n = sum(key(g) == cls for _, g, _c in matched)
        coded_n = sum(key(c) == cls for _, _g, c in matched)
        both = sum(key(g) == cls and key(c) == cls for _, g, c in matched)
        p = both / coded_n if coded_n else None
        r = both / gold_n if gold_n else None
        if p is not None:
            precisions.append(p)
        if r is not None:
            recalls.append(r)
        fmt = lambda x: "  n/a" if x is None else f"{100 * x:5.1f}"
        cells.append(f"{cls}: P {fmt(p)} R {fmt(r)} (gold {gold_n}, coder {coded_n})")
    mean = lambda xs: f"{100 * sum(xs) / len(xs):5.1f}%" if xs else "  n/a"
    print(f"{label:<26}macro P {mean(precisions)}  macro R {mean(recalls)}")
    for cell in cells:
        print("    " + cell)


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary, extra = sys.argv[1], sys.argv[2:]
    gold_set = "main"
    if "--set" in extra:
        k = extra.index("--set")
        if k + 1 >= len(extra) or extra[k + 1] not in SETS:
            sys.exit("--set takes one of: " + ", ".join(SETS))
        gold_set = extra[k + 1]
        del extra[k:k + 2]
    sentences_file, verbs_file = SETS[gold_set]
    sentences = read_tsv(os.path.join(ROOT, sentences_file))
    gold = collections.defaultdict(list)
    for id_, verb, subject, category, mode, _why in read_tsv(os.path.join(ROOT, verbs_file)):
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
    print(f"gold set: {gold_set} ({sentences_file}, {verbs_file})")
    print(f"gold: {len(sentences)} sentences, {n_gold} codable verbs; coder: {n_coded} verbs coded")
    print(f"recall of codable verbs   {pct(n, n_gold)}  ({n}/{n_gold})")
    print(f"precision of coded verbs  {pct(n, n_coded)}  ({n}/{n_coded})")
    print(f"attribution (self/other)  {pct(attribution, n)}  ({attribution}/{n} matched)")
    print(f"valence (sign)            {pct(valence, n)}  ({valence}/{n})")
    print(f"category (7 classes)      {pct(category, n)}  ({category}/{n})")
    print(f"mode (word/deed)          {pct(mode, n)}  ({mode}/{n})")
    print("per class, on the matched verbs (P = precision, R = recall, %):")
    per_class(matched, lambda v: v[1], ["self", "other"], "attribution")
    per_class(matched, lambda v: {-1: "-", 0: "0", 1: "+"}[sign(v[2])], ["-", "0", "+"], "valence")
    per_class(matched, lambda v: f"{v[2]:+d}" if v[2] else "0", ["-3", "-2", "-1", "0", "+1", "+2", "+3"],
              "category (7 classes)")
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
