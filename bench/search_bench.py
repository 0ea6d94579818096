"""How fast the dictionary search screen answers each keystroke, with the full CC-CEDICT,
driven through a pty as a learner types.

The real program (``python -m studyaid dict``) runs in a pseudo-terminal of 100x32, with
the pty helpers of ``reader_bench.py`` (output searched after ANSI escapes and
whitespace are removed). Queries are typed one key at a time; for each key, the time
from ``write()`` of the key to the output that carries the results for the text now in
the search box: the status line ``N results for <typed>``, drawn in the same refresh as
the list. Each key is pressed once the previous one's results are on screen and the
screen has been quiet for ``--pause`` seconds.

Baselines in the same run:

* echo: a bare Textual app with one Input in the same pty, the same keys: write to the
  typed text drawn in the box (what any Textual screen costs for a keystroke);
* sql: ``Dictionary.search`` alone for every prefix typed, in this process.

Prints the median and p90 of each and the ratios. Target (issue 8): the search screen's
median <= 30 ms. Everything goes to a temporary folder (the dictionary index is built
there first, not measured).

Run: ``python bench/search_bench.py [--rounds N]``.
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

from reader_bench import Terminal, environment, literal  # noqa: E402
from report import Report, add_json_option  # noqa: E402

QUERIES = ["cook", "fudichouxin", "fu3di3", "釜底抽薪", "斷糧", "bank", "to eat", "nihao",
           "hello", "zhongguo"]
TARGET_MEDIAN_MS = 30.0
READY = literal("Dictionary")


def echo_app() -> None:
    """The baseline (runs in the pty): one Input, nothing else; Esc quits."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input

    class Echo(App[None]):
        BINDINGS = [("escape", "quit", "Quit")]

        def compose(self) -> ComposeResult:
            yield Input(id="box")

    Echo().run()


def keystrokes(term: Terminal, marker: object, pause: float, rounds: int) -> list[float]:
    """Type every query ``rounds`` times into ``term``; per key, ms from the write to the
    output holding ``marker(typed)``. The box is emptied between queries (ctrl+u)."""
    times: list[float] = []
    for _ in range(rounds):
        for query in QUERIES:
            os.write(term.fd, b"\x15")  # ctrl+u: clear the box
            term.settle(pause)
            typed = ""
            for ch in query:
                typed += ch
                term.settle(pause)
                if ch == " ":  # the same search: nothing new to show, nothing timed
                    os.write(term.fd, b" ")
                    continue
                pattern = marker(typed)  # type: ignore[operator]
                offset = len(term.text)
                sent = time.perf_counter()
                os.write(term.fd, ch.encode("utf-8"))
                deadline = sent + 5.0
                while not pattern.search(term.text, max(0, offset - 64)):
                    if time.perf_counter() > deadline:
                        raise TimeoutError(f"{typed!r} not on screen: {term.text[-200:]!r}")
                    term.read(deadline - time.perf_counter())
                times.append((term.last_read - sent) * 1000)
    return times


def summary(name: str, times: list[float]) -> str:
    """Median and p90 of a series, in ms."""
    ordered = sorted(times)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    return (f"{name:7} median {statistics.median(times):7.2f} ms   p90 {p90:7.2f} ms"
            f"   ({len(times)} keys)")


def close(term: Terminal) -> None:
    """Esc leaves both apps (q would only be typed into the box)."""
    os.write(term.fd, b"\x1b")
    term.settle(0.3)
    term.close()


def main() -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="times each query is typed")
    parser.add_argument("--pause", type=float, default=0.05,
                        help="seconds of quiet screen before each key")
    parser.add_argument("--echo", action="store_true", help=argparse.SUPPRESS)
    add_json_option(parser)
    args = parser.parse_args()
    if args.echo:
        echo_app()
        return 0
    with tempfile.TemporaryDirectory(prefix="studyaid-search-bench-") as name:
        tmp = Path(name)
        env = environment(tmp)
        env["STUDYAID_CACHE"] = str(tmp / "cache")
        from studyaid.core.engine.services import open_dictionary
        from studyaid.core.engine.settings import Settings
        from studyaid.tui.screens.search_screen import RESULTS

        dictionary = open_dictionary(Settings(tmp / "vocab", tmp / "cache"))  # not measured
        sql = []
        for _ in range(args.rounds):
            for query in QUERIES:
                for end in range(1, len(query) + 1):
                    dictionary.entries.cache_clear()
                    start = time.perf_counter()
                    dictionary.search(query[:end].strip(), RESULTS)
                    sql.append((time.perf_counter() - start) * 1000)

        term = Terminal([sys.executable, "-m", "studyaid", "dict"], env, (READY,))
        try:
            term.wait_for(READY)
            term.settle(1.0, limit=30.0)  # the dictionary opens in its worker
            search = keystrokes(term, lambda typed: literal(f"for {typed}"), args.pause,
                                args.rounds)
        finally:
            close(term)
        term = Terminal([sys.executable, __file__, "--echo"], env, ())
        try:
            term.settle(1.0, limit=10.0)
            echo = keystrokes(term, literal, args.pause, args.rounds)
        finally:
            close(term)
    print(f"pty 100x32, {sys.executable}; {', '.join(QUERIES)} typed {args.rounds}x\n")
    print(summary("search", search))
    print(summary("echo", echo))
    print(summary("sql", sql))
    middle = statistics.median(search)
    print(f"\nsearch / echo: {middle / statistics.median(echo):.2f}   "
          f"search - echo: {middle - statistics.median(echo):.2f} ms")
    verdict = "met" if middle <= TARGET_MEDIAN_MS else "NOT met"
    print(f"target: median <= {TARGET_MEDIAN_MS:.0f} ms per keystroke: {verdict}")
    report = Report("search_bench")
    report.figure("dictionary search screen, keystroke -> results (median)", middle, "ms",
                  "<=", TARGET_MEDIAN_MS)
    report.figure("search / bare echo app", middle / statistics.median(echo), "x")
    report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
