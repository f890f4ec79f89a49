#!/usr/bin/python3
"""Checks that two dyad-period panels (CSV) agree value by value.

  /usr/bin/python3 bench/compare_panels.py A.csv B.csv [--tolerance 1e-6] [--drop-empty]

Rows are matched on the first three columns (ccode1, ccode2 and year or
session). The two files must have the same columns and the same rows; every
value must agree within the tolerance, and a value must be missing (an empty
cell) in one file exactly where it is missing in the other. Prints a summary
and exits 0 when the panels agree, 1 when they do not.

--drop-empty first removes the rows whose n is 0 (a dyad-period in which the
two states voted, but never on the same roll call) from both files, for
panels that differ only in whether they list such rows.
"""

import argparse
import sys

import numpy as np
import pandas as pd


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--tolerance", type=float, default=1e-6)
    parser.add_argument("--show", type=int, default=10, help="differences to list")
    parser.add_argument("--drop-empty", action="store_true",
                        help="ignore rows with n == 0 in either file")
    args = parser.parse_args()

    a = pd.read_csv(args.a)
    b = pd.read_csv(args.b)
    problems = []
    print(f"A: {args.a}: {len(a)} rows x {a.shape[1]} columns, {int((a['n'] == 0).sum())} with n = 0")
    print(f"B: {args.b}: {len(b)} rows x {b.shape[1]} columns, {int((b['n'] == 0).sum())} with n = 0")
    if args.drop_empty:
        a = a[a["n"] != 0]
        b = b[b["n"] != 0]
        print(f"--drop-empty: comparing the {len(a)} and {len(b)} rows with n > 0")

    if list(a.columns) != list(b.columns):
        only_a = [c for c in a.columns if c not in b.columns]
        only_b = [c for c in b.columns if c not in a.columns]
        problems.append(f"columns differ (only in A: {only_a}; only in B: {only_b}; "
                        f"or in another order)")
    key = list(a.columns[:3])
    for name, frame in (("A", a), ("B", b)):
        duplicates = frame.duplicated(key).sum()
        if duplicates:
            problems.append(f"{name} has {duplicates} duplicate {key} rows")
    a = a.set_index(key).sort_index()
    b = b.set_index(key).sort_index()

    only_a = a.index.difference(b.index)
    only_b = b.index.difference(a.index)
    if len(only_a) or len(only_b):
        empty_a = int((a.loc[only_a, "n"] == 0).sum())
        empty_b = int((b.loc[only_b, "n"] == 0).sum())
        problems.append(f"rows differ: {len(only_a)} only in A ({empty_a} of them with n = 0; "
                        f"e.g. {list(only_a[:3])}), {len(only_b)} only in B ({empty_b} with "
                        f"n = 0; e.g. {list(only_b[:3])})")
    rows = a.index.intersection(b.index)
    columns = [c for c in a.columns if c in b.columns]
    va = a.loc[rows, columns].to_numpy(dtype=float)
    vb = b.loc[rows, columns].to_numpy(dtype=float)

    missing_a, missing_b = np.isnan(va), np.isnan(vb)
    missing_mismatch = missing_a != missing_b
    both = ~missing_a & ~missing_b
    diff = np.where(both, np.abs(va - vb), 0.0)
    too_far = diff > args.tolerance
    bad = missing_mismatch | too_far

    print(f"compared {va.size} values in {len(rows)} common rows x {len(columns)} columns: "
          f"{int(both.sum())} present in both, {int((missing_a & missing_b).sum())} missing in "
          f"both")
    print(f"largest absolute difference {diff.max() if diff.size else 0.0:.3g} "
          f"(tolerance {args.tolerance:g})")
    if missing_mismatch.any():
        problems.append(f"{int(missing_mismatch.sum())} values missing in one file only")
    if too_far.any():
        problems.append(f"{int(too_far.sum())} values differ by more than {args.tolerance:g}")
    if bad.any():
        per_column = bad.sum(axis=0)
        print("columns with differences: " +
              ", ".join(f"{c} {int(k)}" for c, k in zip(columns, per_column) if k))
        for r, c in list(zip(*np.nonzero(bad)))[:args.show]:
            print(f"  {rows[r]} {columns[c]}: A={va[r, c]!r} B={vb[r, c]!r}")

    if problems:
        for p in problems:
            print("DIFFER: " + p)
        return 1
    print(f"AGREE: same {len(columns) + 3} columns, same {len(rows)} rows, every value within "
          f"{args.tolerance:g}, missing exactly where missing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
