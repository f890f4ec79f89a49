#!/usr/bin/python3
"""Peer implementation of `entente votes --all-dyads [--by-issue]` in pandas.

The same dyad-year vote-similarity panel written the way a researcher would
write it in pandas (self-merge of the votes on rcid, then groupby), used by
bench/run_benchmarks.sh as the speed baseline and by bench/compare_panels.py
as an independent check of entente's numbers.

Conventions (the same as entente's; see include/entente/vote_similarity.h):
  - Voeten vote codes 1 yes, 2 abstain, 3 no are kept; 8 absent and 9
    non-member are dropped;
  - year = calendar year of the roll call's date in un_roll_calls.csv;
  - a dyad-year row exists when both states voted yes/abstain/no on at least
    one common roll call that year; ccode1 < ccode2;
  - n, agree, s = 1 - 2*sum|d|/(2n), s2 = 1 - 2*sum d^2/(4n), Scott's pi
    (pooled marginals; missing when the expected agreement is 1), kappa with
    quadratic weights (|i-j|/2)^2 and each state's own marginals (missing when
    the expected weighted disagreement is 0);
  - --by-issue: the same six columns, suffixed _me _nu _di _hr _co _ec
    _important, over the roll calls tagged with that issue
    (un_roll_call_issues.csv) or with importantvote == 1.

Usage:
  /usr/bin/python3 bench/peer_votes_pandas.py VOETEN.csv OUT.csv \
      [--years 1946:2015] [--by-issue] [--chunk-years N]

un_roll_calls.csv and un_roll_call_issues.csv are read from beside VOETEN.csv.
--chunk-years N computes N calendar years at a time (dyad-years are
independent), which bounds the memory the self-merge needs.
"""

import argparse
import os
import sys

import numpy as np
import pandas as pd

ISSUES = ["me", "nu", "di", "hr", "co", "ec"]
SUBSETS = ISSUES + ["important"]
MEASURES = ["n", "agree", "s", "s2", "pi", "kappa"]
KEY = ["year", "ccode1", "ccode2"]


def load(voeten_path, first, last):
    """Votes (rcid, ccode, vote, year) and per-roll-call subset flags."""
    folder = os.path.dirname(os.path.abspath(voeten_path))
    votes = pd.read_csv(voeten_path, usecols=["rcid", "ccode", "vote"])
    roll_calls = pd.read_csv(os.path.join(folder, "un_roll_calls.csv"),
                             usecols=["rcid", "importantvote", "date"])
    issues = pd.read_csv(os.path.join(folder, "un_roll_call_issues.csv"))

    roll_calls["year"] = pd.to_datetime(roll_calls["date"]).dt.year
    roll_calls["important"] = roll_calls["importantvote"] == 1
    tags = pd.crosstab(issues["rcid"], issues["short_name"]).reindex(columns=ISSUES, fill_value=0)
    roll_calls = roll_calls.merge(tags > 0, left_on="rcid", right_index=True, how="left")
    roll_calls[ISSUES] = roll_calls[ISSUES].fillna(False).astype(bool)
    roll_calls = roll_calls[roll_calls["year"].between(first, last)]

    votes = votes[votes["vote"].isin([1, 2, 3])]
    votes = votes.merge(roll_calls[["rcid", "year"]], on="rcid")
    return votes, roll_calls.set_index("rcid")[SUBSETS]


def dyad_votes(votes):
    """One row per dyad and roll call both voted on, ccode1 < ccode2."""
    pairs = votes.merge(votes, on=["rcid", "year"], suffixes=("1", "2"))
    pairs = pairs[pairs["ccode1"] < pairs["ccode2"]]
    d = (pairs["vote1"] - pairs["vote2"]).abs()
    out = pd.DataFrame({
        "rcid": pairs["rcid"], "year": pairs["year"],
        "ccode1": pairs["ccode1"], "ccode2": pairs["ccode2"],
        "n": 1, "same": (d == 0).astype(int), "d": d, "d2": d * d,
    })
    for code in (1, 2, 3):
        out[f"a{code}"] = (pairs["vote1"] == code).astype(int)
        out[f"b{code}"] = (pairs["vote2"] == code).astype(int)
    return out


def similarity(pairs):
    """n, agree, s, s2, pi, kappa per dyad-year of `pairs`."""
    g = pairs.drop(columns="rcid").groupby(KEY).sum()
    n = g["n"]
    out = pd.DataFrame(index=g.index)
    out["n"] = n
    out["agree"] = g["same"] / n
    out["s"] = 1 - 2 * g["d"] / (2 * n)
    out["s2"] = 1 - 2 * g["d2"] / (4 * n)

    pooled = [(g[f"a{c}"] + g[f"b{c}"]) / (2 * n) for c in (1, 2, 3)]
    pe = sum(p * p for p in pooled)
    out["pi"] = ((out["agree"] - pe) / (1 - pe)).where(pe < 1 - 1e-12)

    observed = g["d2"] / 4 / n
    expected = 0
    for a in (1, 2, 3):
        for b in (1, 2, 3):
            expected = expected + ((a - b) / 2) ** 2 * (g[f"a{a}"] / n) * (g[f"b{b}"] / n)
    out["kappa"] = (1 - observed / expected).where(expected > 1e-12)
    return out


def panel(votes, flags, by_issue):
    pairs = dyad_votes(votes)
    result = similarity(pairs)
    if by_issue:
        for subset in SUBSETS:
            tagged = flags.index[flags[subset]]
            part = similarity(pairs[pairs["rcid"].isin(tagged)]).add_suffix("_" + subset)
            result = result.join(part, how="left")
            result["n_" + subset] = result["n_" + subset].fillna(0).astype(int)
    return result.reset_index()[["ccode1", "ccode2", "year"] + list(result.columns)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("voeten")
    parser.add_argument("out")
    parser.add_argument("--years", default="1946:2015")
    parser.add_argument("--by-issue", action="store_true")
    parser.add_argument("--chunk-years", type=int, default=0,
                        help="compute this many years at a time (0: all at once)")
    args = parser.parse_args()
    first, last = (int(y) for y in args.years.split(":"))

    votes, flags = load(args.voeten, first, last)
    step = args.chunk_years if args.chunk_years > 0 else last - first + 1
    rows = 0
    with open(args.out, "w", newline="") as out:
        for start in range(first, last + 1, step):
            chunk = votes[votes["year"].between(start, start + step - 1)]
            result = panel(chunk, flags, args.by_issue)
            result.to_csv(out, index=False, header=(start == first))
            rows += len(result)
    print(f"wrote {rows} dyad-year rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
