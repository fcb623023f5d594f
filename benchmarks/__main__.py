"""``python -m benchmarks``: both suites, then one summary table of every target.

``benchmarks.run`` measures the blocking client and batches, ``benchmarks.perf`` the
async per-call overhead, the reference samples, import time and memory. Each prints
its detailed tables as it goes; the summary at the end gives every target with the
ratio measured in this run, its verdict and the raw medians behind it.
"""

from __future__ import annotations

import argparse

from . import _table, perf, run


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    run.add_arguments(parser)
    args = parser.parse_args()
    figures = run.run_suite(args.quick, args.server)
    print()
    perf.run_suite(args.quick, set(perf.SUITES))
    _table.print_table("summary: every target, measured in this run")
    if args.json:
        run.write_json(args.json, figures)
    return 0


raise SystemExit(main())
