#!/usr/bin/env python3
"""How well link-grammar (Debian's link-parser 5.12) would serve the VICS
coder, measured on a gold set: its speed, how often it parses a sentence
completely, and for each hand-coded verb whether it links the verb to a
subject and whether that subject gives the gold attribution.

This measures the parser's share of the job (finding each verb's subject),
not a full link-grammar VICS coder: no lexicon is applied, so there is no
valence or category for it. The subject is read from the linkage: the S link
of the verb, or of the auxiliary or control verb that heads its chain (PP, I,
Pv, Pg, TO, VJ links walked leftward, and from the first of two coordinated
verbs to the conjunction); a relative pronoun subject is replaced by
its antecedent (the word that the R link starts from). Self = a first-person
pronoun, a subject determined by "our"/"my", or a subject phrase matching the
speaker state's English name (countrycode regex); everything else other.

Usage: bench/opcode_linkgrammar.py [--set main|heldout|third] [--timeout SECONDS]
Prints the figures; LG_VERBOSE=1 lists every gold verb with what was found.
"""
import argparse
import collections
import csv
import os
import re
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = {
    "main": ("tests/gold/sentences.tsv", "tests/gold/verbs.tsv"),
    "heldout": ("tests/gold/heldout_sentences.tsv", "tests/gold/heldout_verbs.tsv"),
    "third": ("tests/gold/third_sentences.tsv", "tests/gold/third_verbs.tsv"),
}
FIRST_PERSON = {"i", "we", "us", "me", "myself", "ourselves"}
CHAIN = re.compile(r"^(PP|I|Pv|Pg|TO|IV|VJ|MVi)")


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]


def state_regexes():
    out = {}
    with open(os.path.join(ROOT, "../shared/data/countries/codelist.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row.get("iso3c") and row.get("country.name.en.regex"):
                out[row["iso3c"]] = re.compile(row["country.name.en.regex"], re.I)
    return out


def parse_postscript(block):
    """[(w0)(w1)...][[l r x (LABEL)]...] -> (words, links)."""
    words_part, _, links_part = block.partition("]\n[[")
    words = re.findall(r"\(([^()]*(?:\([^()]*\))?[^()]*)\)", words_part.split("[", 1)[1])
    links = [(int(l), int(r), lab) for l, r, lab in re.findall(r"\[(\d+) (\d+) -?\d+ \(([^)]*)\)\]", links_part)]
    return words, links


def run_parser(sentences, timeout):
    script = (f"!postscript=1\n!graphics=0\n!verbosity=0\n!echo=1\n!timeout={timeout}\n"
              + "".join(s + "\n" for s in sentences))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    out = subprocess.run(["link-parser", "en"], input=script, capture_output=True, text=True).stdout
    wall = time.time() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # The parser echoes each sentence before its linkage: split the output there.
    chunks, k = [], -1
    for line in out.split("\n"):
        if k + 1 < len(sentences) and line.strip() == sentences[k + 1].strip():
            k += 1
            chunks.append([])
        elif k >= 0:
            chunks[k].append(line)
    parses = []
    for chunk in chunks:
        m = re.search(r"(\[\(LEFT-WALL\).*?\]\n\[\[.*?\]\]\n\[(-?\d+)\])", "\n".join(chunk), re.S)
        if m is None:
            parses.append((([], []), -1))
            continue
        words, links = parse_postscript(m.group(1))
        # Words left out of the linkage (null links) are shown in brackets: "[the]".
        nulls = sum(w.startswith("[") and w.endswith("]") for w in words)
        parses.append(((words, links), nulls))
    return parses, wall, cpu


def base(word):
    return re.sub(r"\.[a-z-]+$|\[[!?~a-z]*\]$", "", word).lower()


def subject_of(words, links, verb_index):
    """The subject word index of the verb at verb_index, walking its chain left."""
    seen = set()
    frontier = [verb_index]
    while frontier:
        v = frontier.pop()
        if v in seen:
            continue
        seen.add(v)
        for l, r, lab in links:
            if r == v and lab.startswith("S") and not lab.startswith("SJ"):
                return l
        for l, r, lab in links:
            if r == v and CHAIN.match(lab):
                frontier.append(l)
            elif l == v and lab.startswith("VJl"):  # first verb of a coordination: go to "and"
                frontier.append(r)
    return None


def antecedent(words, links, i):
    if base(words[i]) in {"which", "who", "that"}:
        for l, r, lab in links:
            if lab.startswith("R") and r == i:
                return l
    return i


def attribution(words, links, head, iso3, regexes):
    w = base(words[head])
    if w in FIRST_PERSON:
        return "self"
    for l, r, lab in links:
        if r == head and lab.startswith("D") and base(words[l]) in {"our", "my"}:
            return "self"
    phrase = " ".join(base(words[k]) for k in range(max(1, head - 4), head + 1))
    rx = regexes.get(iso3)
    if rx and rx.search(phrase):
        return "self"
    return "other"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="main", choices=SETS)
    ap.add_argument("--timeout", type=int, default=10)
    args = ap.parse_args()
    sentences_file, verbs_file = SETS[args.set]
    sentences = read_tsv(os.path.join(ROOT, sentences_file))
    gold = collections.defaultdict(list)
    for id_, verb, subject, _c, _m, _why in read_tsv(os.path.join(ROOT, verbs_file)):
        gold[id_].append((verb.split()[0].lower(), subject))
    regexes = state_regexes()
    parses, wall, cpu = run_parser([s[3] for s in sentences], args.timeout)
    if len(parses) != len(sentences):
        sys.exit(f"link-parser returned {len(parses)} parses for {len(sentences)} sentences")
    n_words = sum(len(s[3].split()) for s in sentences)
    complete = sum(nulls == 0 for _, nulls in parses)
    unparsed = sum(nulls < 0 for _, nulls in parses)
    n_gold = found_verb = found_subject = right = 0
    for (id_, iso3, _src, _text), ((words, links), _nulls) in zip(sentences, parses):
        used = set()
        for verb, subject in gold.get(id_, []):
            n_gold += 1
            idx = next((k for k, w in enumerate(words) if k not in used and base(w) == verb), None)
            if idx is None:
                if os.environ.get("LG_VERBOSE"):
                    print("NOVERB", id_, verb)
                continue
            used.add(idx)
            found_verb += 1
            s = subject_of(words, links, idx)
            if s is None:
                if os.environ.get("LG_VERBOSE"):
                    print("NOSUBJ", id_, verb)
                continue
            s = antecedent(words, links, s)
            found_subject += 1
            a = attribution(words, links, s, iso3, regexes)
            right += a == subject
            if os.environ.get("LG_VERBOSE"):
                print("SUBJ", id_, verb, words[s], a, "gold", subject)
    pct = lambda a, b: f"{100 * a / b:.1f}%" if b else "n/a"
    print(f"link-parser en (link-grammar 5.12), --set {args.set}, timeout {args.timeout} s per sentence")
    print(f"sentences {len(sentences)}, words {n_words}: wall {wall:.1f} s, CPU {cpu:.1f} s"
          f" = {n_words / cpu:.0f} words/s of CPU")
    print(f"complete linkages (no null links) {pct(complete, len(sentences))} ({complete}/{len(sentences)}),"
          f" no linkage at all {unparsed}")
    print(f"gold verbs {n_gold}: verb token in the linkage {pct(found_verb, n_gold)};"
          f" verb linked to a subject {pct(found_subject, n_gold)} ({found_subject}/{n_gold})")
    print(f"attribution of the subjects found (self/other) {pct(right, found_subject)} ({right}/{found_subject})")


if __name__ == "__main__":
    main()
