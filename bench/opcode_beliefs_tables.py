#!/usr/bin/env python3
"""Prints the balance-of-beliefs tables of docs/opcode.md and docs/METHODS.md
from `entente beliefs ... --format json`, so that every number in them comes
from the command printed above each table.

Usage: bench/opcode_beliefs_tables.py ENTENTE STORE
STORE must hold the UN General Debate corpus and the leader corpora:
  entente --store STORE opcode --corpus ../shared/data/ungd
  entente --store STORE opcode --corpus ../shared/data/speeches
"""
import json
import subprocess
import sys

SUMMARY = [  # (side a, side b, years, extra options)
    ("USA", "AUS", "2013:2015", []),
    ("CHN", "RUS", "2013:2015", []),
    ("USA", "AUS", "2013:2015", ["--corpus", "ungd"]),
    ("CHN", "RUS", "2013:2015", ["--corpus", "ungd"]),
    ("Barack Obama", "Tony Abbott", "2013:2015", []),
    ("Xi Jinping", "Vladimir Putin", "2013:2015", []),
    ("Xi Jinping", "Vladimir Putin", "2016:2022", []),
]
SERIES = [("USA", "AUS"), ("CHN", "RUS")]


def beliefs(binary, store, a, b, years, extra):
    args = [binary, "-q", "--store", store, "beliefs", a, b, "--years", years, *extra, "--format", "json"]
    result = subprocess.run(args, check=True, capture_output=True, text=True)
    shown = " ".join(f'"{x}"' if " " in x else x for x in args[5:])
    return json.loads(result.stdout), "entente --store S beliefs " + shown


def num(x):
    return "-" if x is None else f"{x:.2f}"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, store = sys.argv[1:]
    print("| command (`entente --store S beliefs ...`) | texts a + b | P-1 a | P-1 b | dP-1 (z) | I-1 a | I-1 b"
          " | dI-1 (z) | congruent |")
    print("|---|---|---|---|---|---|---|---|---|")
    for a, b, years, extra in SUMMARY:
        d, command = beliefs(binary, store, a, b, years, extra)
        p, i = d["p1"], d["i1"]
        yes = lambda c: "yes" if c else "no"
        print(f"| `{command[len('entente --store S beliefs '):]}` | {d['a']['speeches']} + {d['b']['speeches']}"
              f" | {num(d['a']['p1'])} | {num(d['b']['p1'])} | {p['difference']:+.2f} ({p['z']:+.1f}) {yes(p['congruent'])}"
              f" | {num(d['a']['i1'])} | {num(d['b']['i1'])} | {i['difference']:+.2f} ({i['z']:+.1f}) {yes(i['congruent'])}"
              f" | {yes(d['congruent'])} |")
    for a, b in SERIES:
        d, command = beliefs(binary, store, a, b, "1992:2024", ["--corpus", "ungd"])
        print(f"\n{a}-{b}, `{command}`:\n")
        print(f"| year | {a} speaker | P-1 | I-1 | {b} speaker | P-1 | I-1 | dP-1 | dI-1 | congruent |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        years_a = {s["year"]: s for s in d["a"]["series"]}
        years_b = {s["year"]: s for s in d["b"]["series"]}
        for row in d["series"]:
            y = row["year"]
            sa, sb = years_a.get(y, {}), years_b.get(y, {})
            flag = lambda s: "" if s.get("reliable", True) else " (unreliable)"
            dp = "-" if row.get("d_p1") is None else f"{row['d_p1']:+.2f}"
            di = "-" if row.get("d_i1") is None else f"{row['d_i1']:+.2f}"
            print(f"| {y} | {'; '.join(sa.get('speakers', []))}{flag(sa)} | {num(sa.get('p1'))} | {num(sa.get('i1'))}"
                  f" | {'; '.join(sb.get('speakers', []))}{flag(sb)} | {num(sb.get('p1'))} | {num(sb.get('i1'))}"
                  f" | {dp} | {di} | {'yes' if row.get('congruent') else 'no'} |")
        print(f"\nWhole period pooled: {a} P-1 {num(d['a']['p1'])}, I-1 {num(d['a']['i1'])}; "
              f"{b} P-1 {num(d['b']['p1'])}, I-1 {num(d['b']['i1'])}; dP-1 {d['p1']['difference']:+.2f} "
              f"(z {d['p1']['z']:+.1f}), dI-1 {d['i1']['difference']:+.2f} (z {d['i1']['z']:+.1f}); "
              f"congruent {'yes' if d['congruent'] else 'no'}")


if __name__ == "__main__":
    main()
