"""Run every benchmark and print one table: figure, value, target, PASS/FAIL/SKIP.

``python -m bench`` (from the repository root) runs each benchmark of :data:`BENCHES`
in a subprocess of its own, in quick mode (fewer rounds: a few minutes in all) unless
``--full`` is given, asks each for its figures as JSON (``--json FILE``, see
``bench/report.py``) and prints them as one table. Each benchmark's own output goes to a
log file, named at the end. ``--only NAME ...`` runs some of them.

A benchmark whose data (``../shared/data``) is absent is a SKIP row; one that crashes or
times out is a FAIL row pointing at its log. The run exits 0 when every benchmark
finished (whether their targets pass or not), 1 when one crashed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TIMEOUT_S = 900


@dataclass(frozen=True)
class Bench:
    """One benchmark script and the arguments of its quick and full modes."""

    script: str
    quick: tuple[str, ...] = ()
    full: tuple[str, ...] = ()
    what: str = ""

    @property
    def name(self) -> str:
        """The script's name without ``.py``."""
        return self.script.removesuffix(".py")


BENCHES = [
    Bench("annotate_bench.py", ("--rounds", "1", "--no-phases"), (),
          "annotate throughput against the naive pipeline (issue 2)"),
    Bench("dictionary_bench.py", (), (), "index build, lookups, search, RSS (issue 2)"),
    Bench("reader_bench.py", ("--rounds", "2", "--presses", "30", "--window", "3",
                              "--hold", "3"), (),
          "reader first paint, key latency, the 1M-character text (issue 3)"),
    Bench("study_bench.py", ("--rounds", "2", "--grades", "100"), (),
          "10,000 cards: open and grade (issue 5)"),
    Bench("review_bench.py", ("--rounds", "2", "--grades", "30"), (),
          "the review screen with 10,000 cards (issue 5)"),
    Bench("polyphone_bench.py", ("--sentences", "2000"), (),
          "polyphone accuracy on CPP dev (issue 4)"),
    Bench("running_text_bench.py", (), (),
          "polyphones in running text, fitted and held out (issue 14)"),
    Bench("profile_bench.py", ("--rounds", "1"), (), "a text's profile for the library (issue 8)"),
    Bench("search_bench.py", ("--rounds", "1"), (), "the dictionary search screen (issue 8)"),
    Bench("annotation_cache_bench.py", (), (), "a cached annotation's load time (issue 7)"),
    Bench("senses_bench.py", (), (), "the sense that fits the sentence (issue 14)"),
    Bench("boundary_bench.py", ("--rounds", "1"), (),
          "word boundaries that cut through dictionary words (issue 14)"),
    Bench("speech_bench.py", ("--rounds", "50"), (), "a word or sentence heard (issue 18)"),
    Bench("first_launch_bench.py", ("--rounds", "3"), (),
          "a fresh install's first screen with pinyin (issue 17)"),
    Bench("knowing_bench.py", ("--rounds", "2", "--presses", "5"), (),
          "known words in bulk, a text's words, J and u, a big vocab folder (issue 15)"),
]
"""Every benchmark the runner knows. A new one: write ``bench/NAME.py`` that takes
``--json FILE`` (see ``bench/report.py``), then add one line here."""


def run_one(bench: Bench, full: bool, logs: Path) -> tuple[list[dict[str, object]], str]:
    """Run one benchmark; its figures (rows) and one status word for the progress line."""
    args = bench.full if full else bench.quick
    out = logs / f"{bench.name}.json"
    log = logs / f"{bench.name}.log"
    command = [sys.executable, str(HERE / bench.script), *args, "--json", str(out)]
    started = time.perf_counter()
    try:
        with log.open("w", encoding="utf-8") as handle:
            done = subprocess.run(command, cwd=REPO, stdout=handle, stderr=subprocess.STDOUT,
                                  timeout=TIMEOUT_S, check=False)
        status = done.returncode
    except subprocess.TimeoutExpired:
        status = None
    took = time.perf_counter() - started
    if status != 0 or not out.is_file():
        why = (f"timed out after {TIMEOUT_S} s" if status is None
               else f"exit {status}" if status else "wrote no figures")
        row = {"figure": f"{bench.name} did not finish", "value": None, "unit": "",
               "target": f"{why}; see {log}", "passed": False}
        return [row], f"FAILED ({why}, {took:.0f} s)"
    data = json.loads(out.read_text(encoding="utf-8"))
    if data.get("skipped"):
        row = {"figure": bench.name, "value": None, "unit": "",
               "target": f"skipped: {data['skipped']}", "passed": None}
        return [row], f"skipped ({took:.0f} s)"
    return list(data["figures"]), f"done ({took:.0f} s)"


def number(value: object) -> str:
    """A figure's value, to a sensible precision."""
    if not isinstance(value, int | float):
        return "-"
    size = abs(value)
    if size == 0 or size >= 100:
        return f"{value:,.0f}"
    if size >= 10:
        return f"{value:.1f}"
    if size >= 1:
        return f"{value:.2f}"
    return f"{value:.3g}"


def table(rows: list[tuple[str, dict[str, object]]]) -> list[str]:
    """The rows as aligned text: bench, figure, value, target, result."""
    cells = [("bench", "figure", "value", "target", "result")]
    for bench, row in rows:
        value = number(row.get("value"))
        if value != "-" and row.get("unit"):
            value += f" {row['unit']}"
        passed = row.get("passed")
        target = str(row.get("target") or "")
        result = ("PASS" if passed else "FAIL" if passed is False
                  else "SKIP" if target.startswith("skipped") else "info")
        cells.append((bench.removesuffix("_bench"), str(row["figure"]), value, target, result))
    widths = [max(len(c[i]) for c in cells) for i in range(4)]
    lines = []
    for i, c in enumerate(cells):
        lines.append("  ".join(c[j].ljust(widths[j]) if j != 2 else c[j].rjust(widths[j])
                               for j in range(4)) + "  " + c[4])
        if i == 0:
            lines.append("-" * len(lines[0]))
    return lines


def main() -> int:
    """Run the benchmarks and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true",
                        help="every benchmark's own default rounds (much longer)")
    parser.add_argument("--only", nargs="+", metavar="NAME",
                        help="only these benchmarks (annotate, reader, ...)")
    args = parser.parse_args()
    chosen = [b for b in BENCHES
              if not args.only or b.name in args.only or b.name.removesuffix("_bench")
              in args.only]
    known = {b.script for b in BENCHES}
    unknown = sorted(p.name for p in HERE.glob("*_bench.py") if p.name not in known)
    if unknown:
        print(f"not in the runner's list (bench/__main__.py BENCHES): {', '.join(unknown)}")
    missing = [b for b in chosen if not (HERE / b.script).is_file()]
    chosen = [b for b in chosen if b not in missing]

    logs = Path(tempfile.mkdtemp(prefix="studyaid-bench-run-"))
    mode = "full" if args.full else "quick"
    print(f"{len(chosen)} benchmarks, {mode} mode; logs in {logs}")
    rows: list[tuple[str, dict[str, object]]] = []
    crashed = False
    began = time.perf_counter()
    for bench in chosen:
        print(f"  {bench.name:<20} ...", end="", flush=True)
        figures, status = run_one(bench, args.full, logs)
        crashed |= status.startswith("FAILED")
        print(f" {status}")
        rows += [(bench.name, row) for row in figures]
    for bench in missing:
        rows.append((bench.name, {"figure": bench.name, "value": None,
                                  "target": "skipped: not in this tree", "passed": None}))
    print(f"\nAll benchmarks ({mode} mode, {time.perf_counter() - began:.0f} s):\n")
    print("\n".join(table(rows)))
    counts = {word: sum(1 for line in table(rows)[2:] if line.endswith(word))
              for word in ("PASS", "FAIL", "SKIP")}
    print(f"\n{counts['PASS']} PASS, {counts['FAIL']} FAIL, {counts['SKIP']} SKIP; "
          f"each benchmark's output: {logs}/NAME.log")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
