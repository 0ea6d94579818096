"""How a benchmark hands its figures to the runner (``python -m bench``).

A benchmark prints what it likes for people; with ``--json FILE`` it also writes its
figures to FILE, through a :class:`Report`::

    report = Report("annotate_bench")
    if not texts:                                      # when it cannot run: exit 0
        return report.skip("no texts in ../shared/data/texts", args.json)
    report.figure("annotate 1M chars, studyaid/naive time", ratio, "x", "<=", 1.0)
    report.write(args.json)                            # a no-op without --json

The file is one JSON object: ``{"bench": NAME, "skipped": REASON or null, "figures":
[{"figure", "value", "unit", "target", "passed"}, ...]}``. ``target`` is text such as
``"<= 1.0 x"`` (empty when the figure is for information); ``passed`` is true, false, or
null for information only.
"""

from __future__ import annotations

import argparse
import json
import operator
from pathlib import Path

_OPERATORS = {"<=": operator.le, "<": operator.lt, ">=": operator.ge, ">": operator.gt}


def add_json_option(parser: argparse.ArgumentParser) -> None:
    """The ``--json FILE`` option every benchmark takes."""
    parser.add_argument("--json", metavar="FILE",
                        help="also write the figures as JSON to FILE (for python -m bench)")


class Report:
    """The figures of one benchmark run."""

    def __init__(self, bench: str) -> None:
        self.bench = bench
        self.figures: list[dict[str, object]] = []
        self.skipped: str | None = None

    def figure(self, name: str, value: float | None, unit: str = "", op: str = "",
               target: float | None = None, passed: bool | None = None) -> None:
        """One figure; with ``op`` and ``target`` it passes when ``value op target`` holds
        (``passed`` given explicitly wins: a figure measured as a comparison of two)."""
        if passed is None and op and target is not None:
            passed = value is not None and bool(_OPERATORS[op](value, target))
        self.figures.append({
            "figure": name,
            "value": value,
            "unit": unit,
            "target": f"{op} {target:g} {unit}".strip() if op and target is not None else op,
            "passed": passed,
        })

    def fail(self, name: str, why: str) -> None:
        """A figure that could not be measured (a timeout, a budget spent): a failure."""
        self.figures.append({"figure": name, "value": None, "unit": "", "target": why,
                             "passed": False})

    def skip_figure(self, name: str, reason: str) -> None:
        """One figure not measured because its data is absent (the rest ran)."""
        self.figures.append({"figure": name, "value": None, "unit": "",
                             "target": f"skipped: {reason}", "passed": None})

    def skip(self, reason: str, path: str | None) -> int:
        """The whole benchmark did not run (its data is absent): say so, write the JSON
        file (see :meth:`write`), and give the exit status, 0."""
        print(f"{self.bench}: skipped, {reason}")
        self.skipped = reason
        self.write(path)
        return 0

    def write(self, path: str | None) -> None:
        """Write the JSON file (nothing without a path)."""
        if path:
            data = {"bench": self.bench, "skipped": self.skipped, "figures": self.figures}
            Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1),
                                  encoding="utf-8")
