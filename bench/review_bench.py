"""How fast the review screen opens and grades with 10,000 cards and 100,000 reviews, driven
through a pty.

The collection is ``study_bench.build``'s (10,000 cards, a ``reviews.log`` of 100,000
reviews made by FSRS over about a year) in a temporary vocab folder. The real program,
``python -m studyaid review --vocab DIR``, runs in a pseudo-terminal of 100x32 with the
same harness as ``reader_bench.py`` (ANSI escapes and whitespace removed from the
output, marker strings searched in what is left; a marker's time is when the read that
completed it returned).

The marker of the first screen is the word of the card the collection shows first, read
through the Collection API (``Collection(...).next_due(now).card.word``); the review
screen spaces its characters out, which the squeezed output undoes. Before anything is
timed the cache is warmed once: the Collection API derives and caches the history, then
one review launch reaches the marker and quits (the interpreter's and the libraries'
files are then in the page cache too).

1. Warm start: spawn -> the first card's word on screen, ``--rounds`` times, alternating
   with a baseline: a bare Textual app (``--bare``, in this file) whose only widget is a
   Static painting the same card's front (the word spaced out, its sentence).
2. Cold start, once: the cache folder deleted first (the derivation is rebuilt from the
   whole log and cached again).
3. Grade latency: on one warm launch, Space (show the answer) then ``3`` (Good),
   ``--grades`` times, each key once the screen has been quiet for ``--pause`` seconds.
   Latency is ``write()`` of ``3`` -> the first output bytes after it (the figure the
   target is judged on); the time until the header's ``· N done`` count of that grade is
   drawn (the next card's screen complete) and Space's latency are shown too. For
   reference, the bare app redraws its Static on ``3`` the same number of times.

Targets (issue 5, "Tests and speed"): opening the review screen <= 0.5 s; each grade ->
next card on screen <= 16 ms median. The machines are shared and noisy: the ratio to the
bare app in the same run holds better than the absolute time.

Everything the children write goes to a temporary folder (``HOME``, ``TMPDIR``, ``XDG_*``,
``STUDYAID_CACHE``, ``--vocab``); every launch ends with ``q``, then SIGTERM, then SIGKILL
to its process group. The run takes about a minute and starts no launch after 150 s.

Run: ``python bench/review_bench.py [--rounds N] [--grades N] [--pause S]``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from reader_bench import COLUMNS, LINES, Terminal, environment, literal, ms, spread
from report import Report, add_json_option
from study_bench import build

TARGET_OPEN_S = 0.5
TARGET_GRADE_MS = 16.0
BUDGET_S = 150.0  # no new launch starts after this many seconds of the run


def bare_app(word: str, sentence: str) -> None:
    """The baseline (runs in the pty): a bare Textual app painting one card's front; ``3``
    paints another text in its place (the key-latency reference)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    front = f"{' '.join(word)}\n\n{sentence}"

    class Bare(App[None]):
        BINDINGS = [("q", "quit", "Quit"), ("3", "flip", "Flip")]
        flips = 0

        def compose(self) -> ComposeResult:
            yield Static(front, id="card")

        def action_flip(self) -> None:
            self.flips += 1
            self.query_one("#card", Static).update(f"{front}\n\n{self.flips} done")

    Bare().run()


class Bench:
    """The launches, the figures and the summary lines."""

    def __init__(self, args: argparse.Namespace, tmp: Path) -> None:
        self.args = args
        self.tmp = tmp
        self.vocab = tmp / "collection"
        self.cache = tmp / "cache"
        self.env = dict(environment(tmp), STUDYAID_CACHE=str(self.cache),
                        STUDYAID_CONFIG=str(tmp / "xdg-config" / "studyaid"))
        self.began = time.perf_counter()
        self.summary: list[str] = []
        self.report = Report("review_bench")
        self.forced: list[str] = []
        self.word = ""
        self.sentence = ""
        self.marker = literal("")
        self.bare_median: float | None = None

    def over_budget(self) -> bool:
        """True once no new launch should start."""
        return time.perf_counter() - self.began > BUDGET_S

    def verdict(self, ok: bool, line: str) -> None:
        """One summary line."""
        self.summary.append(f"  {'PASS' if ok else 'FAIL'}  {line}")

    def review(self) -> Terminal:
        """Spawn ``studyaid review`` on the collection; times the first card's word."""
        return Terminal([sys.executable, "-m", "studyaid", "review", "--vocab", str(self.vocab)],
                        self.env, (self.marker,))

    def bare(self) -> Terminal:
        """Spawn the baseline."""
        return Terminal([sys.executable, __file__, "--bare", self.word, self.sentence],
                        self.env, (self.marker,))

    def close(self, term: Terminal, what: str) -> None:
        """End a launch; note the ones that had to be terminated."""
        ended = term.close()
        if ended != "quit":
            self.forced.append(f"{what} ({ended})")

    def prepare(self) -> None:
        """Build the collection, warm its cache, find the first card (nothing timed)."""
        from studyaid.study import Collection, ReviewLog

        self.vocab.mkdir()
        start = time.perf_counter()
        last = build(self.vocab, self.args.cards, self.args.reviews)
        size = ReviewLog(self.vocab).path.stat().st_size
        print(f"{self.args.cards:,} cards, {self.args.reviews:,} reviews ({size / 1e6:.1f} MB "
              f"log, last review {last:%Y-%m-%d}) made in {time.perf_counter() - start:.1f} s "
              "(not timed)")
        start = time.perf_counter()
        collection = Collection(self.vocab, self.cache)  # derives and caches the history
        now = datetime.now(UTC)
        due = collection.next_due(now)
        if due is None:
            raise SystemExit("review_bench: nothing due in the built collection")
        counts = collection.counts(now)
        self.word, self.sentence = due.card.word, due.card.sentence
        self.marker = literal(self.word)
        print(f"cache warmed through the Collection API in {time.perf_counter() - start:.2f} s;"
              f" first card {self.word} ({due.direction}, {due.state.state}); due now "
              f"{counts.due_now}, later today {counts.due_later_today}")
        term = self.review()
        try:
            shown = term.wait_for(self.marker)
        finally:
            self.close(term, "warm-up")
        print(f"warm-up launch: first card on screen at {ms(shown).strip()} (not timed)\n")

    def startup(self) -> None:
        """Review launch and bare app alternately, warm cache."""
        print("Warm start, spawn -> first card's word on screen:")
        times: dict[str, list[float]] = {"bare": [], "review": []}
        for round_ in range(1, self.args.rounds + 1):
            if self.over_budget():
                print(f"  time budget spent: stopped after {round_ - 1} rounds")
                break
            for label in ("bare", "review"):
                term = self.bare() if label == "bare" else self.review()
                try:
                    times[label].append(term.wait_for(self.marker))
                finally:
                    self.close(term, label)
            print(f"  round {round_}  bare {ms(times['bare'][-1])}   "
                  f"review {ms(times['review'][-1])}")
        bare, warm = (statistics.median(times[k]) for k in ("bare", "review"))
        ratio = warm / bare
        print(f"Medians of {len(times['review'])}: bare {ms(bare).strip()}, review "
              f"{ms(warm).strip()}; review/bare = {ratio:.2f}\n")
        self.verdict(warm <= TARGET_OPEN_S,
                     f"open the review screen, warm cache: {warm * 1000:.0f} ms (target <= "
                     f"{TARGET_OPEN_S * 1000:.0f} ms; median of {len(times['review'])}); "
                     f"{ratio:.2f}x the bare app's {bare * 1000:.0f} ms")
        self.report.figure(f"review screen open, {self.args.cards:,} cards, warm cache",
                           warm * 1000, "ms", "<=", TARGET_OPEN_S * 1000)
        self.bare_median = bare

    def cold(self) -> None:
        """One launch with the cache folder deleted."""
        if self.over_budget():
            self.verdict(False, "cold start: not run, time budget spent")
            self.report.fail("review screen open, cold cache", "not run, time budget spent")
            return
        shutil.rmtree(self.cache, ignore_errors=True)
        term = self.review()
        try:
            shown = term.wait_for(self.marker)
        finally:
            self.close(term, "cold")
        bare = self.bare_median
        extra = f"; {shown / bare:.2f}x the bare app" if bare else ""
        print(f"Cold start (cache folder deleted): first card on screen at "
              f"{ms(shown).strip()}{extra}\n")
        self.verdict(shown <= TARGET_OPEN_S,
                     f"open the review screen, cold cache: {shown * 1000:.0f} ms (target <= "
                     f"{TARGET_OPEN_S * 1000:.0f} ms; one launch{extra})")
        self.report.figure(f"review screen open, {self.args.cards:,} cards, cold cache",
                           shown * 1000, "ms", "<=", TARGET_OPEN_S * 1000)

    def done_drawn(self, term: Terminal, count: int, since: int, sent: float) -> float | None:
        """Seconds from ``sent`` until the header's ``· COUNT done`` shows in what was drawn
        after offset ``since`` (None: not within 2 s)."""
        pattern = re.compile(re.escape(f"·{count}done"))
        deadline = sent + 2.0
        while True:
            if pattern.search(term.text, max(0, since - 16)):
                return term.last_read - sent
            left = deadline - time.perf_counter()
            if left <= 0 or term.closed or not term.read(left):
                return None

    def grades(self) -> None:
        """Space then 3 on a warm launch; then 3 on the bare app for reference."""
        if self.over_budget():
            self.verdict(False, "grade latency: not run, time budget spent")
            self.report.fail("review grade -> next card", "not run, time budget spent")
            return
        pause = self.args.pause
        first: list[float] = []
        complete: list[float] = []
        reveal: list[float] = []
        silent = 0
        term = self.review()
        try:
            term.wait_for(self.marker)
            term.settle(0.3)
            for n in range(1, self.args.grades + 1):
                latency = term.press(b" ")
                if latency is not None:
                    reveal.append(latency)
                term.settle(pause)
                since = len(term.text)
                sent = time.perf_counter()
                latency = term.press(b"3")
                if latency is None:
                    silent += 1
                else:
                    first.append(latency)
                    drawn = self.done_drawn(term, n, since, sent)
                    if drawn is not None:
                        complete.append(drawn)
                term.settle(pause)
        finally:
            self.close(term, "grades")

        reference: list[float] = []
        if not self.over_budget():
            term = self.bare()
            try:
                term.wait_for(self.marker)
                term.settle(0.3)
                for _ in range(self.args.grades):
                    latency = term.press(b"3")
                    if latency is not None:
                        reference.append(latency)
                    term.settle(pause)
            finally:
                self.close(term, "bare keys")

        print(f"Grade latency ({self.args.grades} x Space then 3, {pause * 1000:.0f} ms of quiet "
              "before each key):")
        if not first:
            print("  no grade drew anything\n")
            self.verdict(False, "grade -> next card: no screen updates")
            self.report.fail("review grade -> next card", "no screen updates")
            return
        median, p90 = spread(first)
        print(f"  3 -> first output:       median {ms(median)}, p90 {ms(p90)}, max "
              f"{ms(max(first))}  ({len(first)} grades"
              + (f"; {silent} drew nothing" if silent else "") + ")")
        print(f"  {' '.join(f'{x * 1000:.0f}' for x in first)}")
        if complete:
            c_median, c_p90 = spread(complete)
            print(f"  3 -> '· N done' drawn:   median {ms(c_median)}, p90 {ms(c_p90)}  "
                  f"({len(complete)} of {len(first)} seen)")
        if reveal:
            r_median, r_p90 = spread(reveal)
            print(f"  Space -> first output:   median {ms(r_median)}, p90 {ms(r_p90)}")
        if reference:
            b_median, b_p90 = spread(reference)
            print(f"  bare app, 3 -> first output: median {ms(b_median)}, p90 {ms(b_p90)} "
                  f"(review/bare = {median / b_median:.2f})")
        print()
        self.verdict(median * 1000 <= TARGET_GRADE_MS,
                     f"grade -> next card (3 -> first output): median {median * 1000:.1f} ms, "
                     f"p90 {p90 * 1000:.1f} ms (target <= {TARGET_GRADE_MS:.0f} ms median)")
        self.report.figure("review grade -> next card: median", median * 1000, "ms", "<=",
                           TARGET_GRADE_MS)


def main() -> int:
    """Run the benchmark and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5, help="warm launches of each app")
    parser.add_argument("--grades", type=int, default=60, help="grades timed")
    parser.add_argument("--pause", type=float, default=0.06,
                        help="seconds of quiet screen before each key")
    parser.add_argument("--bare", nargs=2, metavar=("WORD", "SENTENCE"), help=argparse.SUPPRESS)
    add_json_option(parser)
    args = parser.parse_args()
    if args.bare:
        bare_app(*args.bare)
        return 0

    with tempfile.TemporaryDirectory(prefix="studyaid-review-bench-") as name:
        bench = Bench(args, Path(name))
        print(f"pty {COLUMNS}x{LINES}, {sys.executable}\n")
        bench.prepare()
        for part in (bench.startup, bench.cold, bench.grades):
            try:
                part()
            except TimeoutError as exc:
                print(f"{part.__name__}: {exc}\n")
                bench.verdict(False, f"{part.__name__}: {str(exc).split(';')[0]}")
                bench.report.fail(f"review: {part.__name__}", str(exc).split(";")[0])
        took = time.perf_counter() - bench.began

    if bench.forced:
        print(f"Did not quit on q: {'; '.join(bench.forced)}\n")
    print(f"Summary ({took:.0f} s)")
    print("\n".join(bench.summary))
    bench.report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
