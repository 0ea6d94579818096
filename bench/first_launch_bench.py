"""How soon a newcomer sees pinyin on the very first launch, driven through a pty.

Each run starts as a fresh install does: an empty ``HOME``, ``XDG_*`` and ``TMPDIR``
(so an empty cache: no dictionary index, no annotation), no ``STUDYAID_*`` variables
and a working folder without ``vocab/``, then ``python -m studyaid`` (the bundled seed
article in the reader). Time from spawn to the pinyin of the seed's first sentence
(``wēiruǎn``) on screen, with ``reader_bench.py``'s pty harness (100x32, escapes and
whitespace removed before searching).

Baseline in the same run, alternating with it: the bare Textual app of
``reader_bench.py`` painting the same sentence with precomputed pinyin.

Target (issue 17): first launch / bare app <= 4 (medians of ``--rounds`` runs each).
Also printed: the raw text's time, and the index's time to be ready (the launch is
kept open until ``dictionary.sqlite`` appears in the cache, at most ``--hold``
seconds, so a launch that shows pinyin at once but then builds the index is seen).

Run: ``python bench/first_launch_bench.py [--rounds N] [--json FILE]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reader_bench import (  # noqa: E402
    FIRST_HANZI,
    FIRST_PINYIN,
    HANZI,
    PINYIN,
    REPO,
    SEED,
    Terminal,
    environment,
    ms,
)
from report import Report, add_json_option  # noqa: E402

TARGET_RATIO = 4.0


def fresh_environment(tmp: Path) -> dict[str, str]:
    """A newcomer's environment under ``tmp``: empty home, caches and temp folder, and
    none of studyaid's variables (so the cache is the platform's, inside ``tmp``)."""
    env = environment(tmp)
    for name in [k for k in env if k.startswith("STUDYAID_")]:
        del env[name]
    (tmp / "work").mkdir(exist_ok=True)
    return env


def first_launch(tmp: Path, hold: float) -> tuple[float, float, float | None]:
    """One first launch in ``tmp``: seconds to the raw text, to the pinyin, and to the
    dictionary index appearing in the cache (None: not within ``hold`` s of the pinyin)."""
    env = fresh_environment(tmp)
    # From a folder of its own (the repository has a vocab/), the code found by path.
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [env.get("PYTHONPATH")])])
    term = Terminal([sys.executable, "-m", "studyaid"], env, (HANZI, PINYIN), cwd=tmp / "work")
    index = tmp / "xdg-cache" / "studyaid" / "dictionary.sqlite"
    try:
        pinyin = term.wait_for(PINYIN)
        text = term.wait_for(HANZI, 0.5)
        ready = None
        deadline = time.perf_counter() + hold
        while time.perf_counter() < deadline:
            if index.exists():
                ready = time.perf_counter() - term.start
                break
            term.read(0.05)
    finally:
        term.close()
    return text, pinyin, ready


def bare(tmp: Path) -> float:
    """One launch of the bare app: seconds to the pinyin."""
    here = Path(__file__).resolve().parent
    term = Terminal([sys.executable, str(here / "reader_bench.py"), "--bare", FIRST_PINYIN,
                     FIRST_HANZI], environment(tmp), (HANZI, PINYIN))
    try:
        return term.wait_for(PINYIN)
    finally:
        term.close()


def main() -> int:
    """Run the benchmark and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="launches of each app")
    parser.add_argument("--hold", type=float, default=15.0,
                        help="seconds to wait for the dictionary index after the pinyin")
    add_json_option(parser)
    args = parser.parse_args()
    report = Report("first_launch_bench")
    first = next((line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()
                  if line.strip()), "")
    if first != FIRST_HANZI:
        return report.skip(f"the seed no longer starts with {FIRST_HANZI}", args.json)

    times: dict[str, list[float]] = {"bare": [], "first": [], "text": []}
    index_ready: list[float] = []
    print(f"python {sys.executable}; each first launch in an empty HOME and cache\n")
    try:
        for round_ in range(1, args.rounds + 1):
            with tempfile.TemporaryDirectory(prefix="studyaid-first-") as name:
                elapsed = bare(Path(name))
            times["bare"].append(elapsed)
            with tempfile.TemporaryDirectory(prefix="studyaid-first-") as name:
                text, pinyin, ready = first_launch(Path(name), args.hold)
            times["first"].append(pinyin)
            times["text"].append(text)
            if ready is not None:
                index_ready.append(ready)
            print(f"  round {round_}: bare {ms(elapsed)}   first launch: text {ms(text)}, "
                  f"pinyin {ms(pinyin)}, index "
                  + (ms(ready) if ready is not None else f"not within {args.hold:.0f} s"))
    except TimeoutError as exc:
        print(f"a marker never showed: {exc}")
        report.fail("first launch / bare app", str(exc).split(";")[0])
        report.write(args.json)
        return 0
    base, first_ = statistics.median(times["bare"]), statistics.median(times["first"])
    ratio = first_ / base
    print(f"\nMedians: bare {ms(base)}, first launch pinyin {ms(first_)}, "
          f"raw text {ms(statistics.median(times['text']))}")
    print(f"Summary\n  {'PASS' if ratio <= TARGET_RATIO else 'FAIL'}  first launch to the "
          f"seed's pinyin: {ratio:.2f}x the bare app (target <= {TARGET_RATIO:g}x)")
    report.figure("first launch to pinyin / bare app", ratio, "x", "<=", TARGET_RATIO)
    report.figure("first launch to pinyin", first_ * 1000, "ms")
    report.figure("first launch: dictionary index ready",
                  statistics.median(index_ready) * 1000 if index_ready else None, "ms")
    report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
