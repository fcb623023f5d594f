"""The one summary table both suites add their target figures to.

Each suite prints its detailed sections as it goes; :func:`record` also keeps a row
for the summary that ``python -m benchmarks`` prints at the end: every target with
the ratio measured in this run, its verdict, and the raw medians behind it.
"""

from __future__ import annotations

import operator
from typing import NamedTuple

__all__ = ["Row", "meets", "print_table", "record", "rows"]


class Row(NamedTuple):
    case: str
    name: str
    value: str  # "0.912x", "12.2x faster", "0 failures"
    target: str  # "<= 1.15", "(report)", ...
    verdict: str  # "met", "MISSED", or "" for a figure without a target
    raw: str


rows: list[Row] = []


def record(case: str, name: str, value: str, target: str, met: bool | None, raw: str) -> None:
    """Keep a row for the summary and print it where it was measured."""
    verdict = "" if met is None else ("met" if met else "MISSED")
    rows.append(Row(case, name, value, target, verdict, raw))
    print(f"  {name}: {value} (target {target}{', ' + verdict if verdict else ''}); {raw}")


def meets(value: float, target: str) -> bool | None:
    """Whether ``value`` meets a target written as ``"<= 1.05"``; None for ``"(report)"``."""
    comparisons = {"<=": operator.le, "<": operator.lt, ">=": operator.ge, ">": operator.gt}
    op, _, bound = target.partition(" ")
    return comparisons[op](value, float(bound)) if op in comparisons else None


def print_table(title: str) -> None:
    print(f"\n== {title}")
    print(f"{'case':<28} {'ratio':<50} {'value':>13}  {'target':<9} {'':<6} raw medians")
    for row in rows:
        print(
            f"{row.case:<28} {row.name:<50} {row.value:>13}  {row.target:<9} "
            f"{row.verdict:<6} {row.raw}"
        )
