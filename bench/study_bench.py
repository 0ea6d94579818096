"""How fast the review screen's model is with 10,000 cards and 100,000 logged reviews.

A temporary vocab folder gets 10,000 cards (``cards.tsv``) and a ``reviews.log`` of
100,000 reviews made by FSRS itself (a seeded random learner reviewing each card when it
is due, over about a year; fuzz on, as in real use), sorted by time. Then, in this
process, each figure alternates with its baseline (the same number of rounds each):

- open, cold: ``Collection(...)`` + ``counts(now)`` + ``next_due(now)`` with no cache
  (the derivation is rebuilt from the whole log); baseline: reading the log and
  ``json.loads`` of each line, which any reader of a JSON Lines log must do. The cache is
  written afterwards (the review screen writes it once its first card is shown): that
  write is timed apart;
- open, warm: the same with the cache written by the cold open (and the lines appended
  since read incrementally); same baseline;
- grade -> next card: ``grade(due, 3, now, ...)`` (the log line appended and fsynced)
  then ``next_due(now)``, 200 times; baseline: appending one line of the same size to a
  file and fsyncing it, the floor of a durable grade.

Machines are shared and noisy, so the ratios to the baselines measured in the same run
hold better than the absolute times.

Targets (issue 5, "Tests and speed"): open <= 0.5 s (cold and warm); grade -> next card
<= 16 ms median (the model's share; the screen's redraw comes on top).

Run: ``python bench/study_bench.py [--cards N] [--reviews N] [--rounds N] [--grades N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from report import Report, add_json_option

from studyaid.study import Card, CardStore, Collection, Scheduler, StudySettings
from studyaid.study.history import cache_file
from studyaid.study.log import ReviewLog, review_record

OPEN_TARGET = 0.5
GRADE_TARGET = 0.016
START = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
GRADE_WEIGHTS = (1, 1, 6, 1)  # Again, Hard, Good, Easy: a learner who mostly remembers


def build(vocab: Path, cards: int, reviews: int) -> datetime:
    """Write the cards and the log; return the time just after the last review."""
    rng = random.Random(5)
    scheduler = Scheduler(fuzz=True)
    words = [f"词{i:05d}" for i in range(cards)]
    added = [START + timedelta(minutes=30 * i) for i in range(cards)]
    CardStore(vocab).add_many(
        Card(w, w, "ci2", f"word {i}", "", f"这是{w}的句子。", "", "bench", a)
        for i, (w, a) in enumerate(zip(words, added, strict=True)))
    per_card = reviews // cards
    lines: list[tuple[str, str]] = []
    for word, first in zip(words, added, strict=True):
        state = scheduler.new_state(first)
        when = first
        for _ in range(per_card):
            grade = rng.choices((1, 2, 3, 4), GRADE_WEIGHTS)[0]
            duration = rng.randint(1500, 12000)
            state = scheduler.grade(state, grade, when)
            record = review_record(word, "recognition", grade, when, duration, state)
            lines.append((record["time"], json.dumps(record, ensure_ascii=False,
                                                     separators=(",", ":"))))
            # Reviewed when due, or early (a learner catching up): a year of reviews.
            soon = when + timedelta(days=rng.randint(1, 40))
            when = max(min(state.due, soon), when + timedelta(minutes=1))
    lines.sort()
    ReviewLog(vocab).path.write_text("".join(text + "\n" for _, text in lines),
                                     encoding="utf-8")
    return datetime.fromisoformat(lines[-1][0]) + timedelta(minutes=1)


def open_collection(vocab: Path, cache: Path, now: datetime) -> tuple[float, float]:
    """Seconds to open the collection and know what to show (as the review screen does),
    and seconds to write the cache after that."""
    start = time.perf_counter()
    collection = Collection(vocab, cache, StudySettings(timezone="Asia/Shanghai"),
                            save_cache=False)
    collection.counts(now)
    collection.next_due(now)
    opened = time.perf_counter()
    collection.save_cache()
    return opened - start, time.perf_counter() - opened


def parse_log(vocab: Path) -> float:
    """The baseline: read the log, one json.loads per line."""
    start = time.perf_counter()
    with open(ReviewLog(vocab).path, encoding="utf-8") as handle:
        parsed = [json.loads(line) for line in handle]
    assert parsed
    return time.perf_counter() - start


def append_fsync(path: Path, line: bytes) -> float:
    """The baseline: append one line and fsync it."""
    start = time.perf_counter()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)
    return time.perf_counter() - start


def ms(seconds: float) -> str:
    """Seconds as milliseconds, for the table."""
    return f"{seconds * 1000:8.2f} ms"


def main() -> int:
    """Run the benchmark and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5, help="opens of each kind")
    parser.add_argument("--grades", type=int, default=200, help="grades timed")
    parser.add_argument("--keep", metavar="DIR", help=argparse.SUPPRESS)  # build only
    add_json_option(parser)
    args = parser.parse_args()
    report = Report("study_bench")

    if args.keep:
        (Path(args.keep) / "vocab").mkdir(parents=True)
        print(build(Path(args.keep) / "vocab", args.cards, args.reviews).isoformat())
        return 0
    with tempfile.TemporaryDirectory(prefix="studyaid-study-bench-") as name:
        tmp = Path(name)
        vocab, cache = tmp / "vocab", tmp / "cache"
        vocab.mkdir()
        start = time.perf_counter()
        now = build(vocab, args.cards, args.reviews)
        size = ReviewLog(vocab).path.stat().st_size
        print(f"{args.cards:,} cards, {args.reviews:,} reviews ({size / 1e6:.1f} MB log) "
              f"made in {time.perf_counter() - start:.1f} s (not timed); now = {now:%Y-%m-%d}")

        where = cache_file(cache, ReviewLog(vocab))
        times: dict[str, list[float]] = {"cold": [], "warm": [], "parse": [], "write": []}
        for _ in range(args.rounds):
            where.unlink(missing_ok=True)
            cold, write = open_collection(vocab, cache, now)
            times["cold"].append(cold)
            times["write"].append(write)
            times["parse"].append(parse_log(vocab))
            times["warm"].append(open_collection(vocab, cache, now)[0])
            times["parse"].append(parse_log(vocab))
        collection = Collection(vocab, cache, StudySettings(timezone="Asia/Shanghai"))
        counts = collection.counts(now)
        print(f"counts at now: {counts.due_now} due now, {counts.due_later_today} later today,"
              f" {counts.new_left_today} new left; warnings: {len(collection.warnings)}")

        grades: list[float] = []
        floor: list[float] = []
        scratch = tmp / "scratch.log"
        line = ReviewLog(vocab).path.read_bytes().splitlines()[-1] + b"\n"
        due = collection.next_due(now)
        for i in range(args.grades):
            if due is None:
                print(f"  nothing left to grade after {i} grades")
                break
            moment = now + timedelta(seconds=i)
            start = time.perf_counter()
            collection.grade(due, 3, moment, 4000)
            due = collection.next_due(moment)
            grades.append(time.perf_counter() - start)
            floor.append(append_fsync(scratch, line))

    med = {k: statistics.median(v) for k, v in times.items()}
    grade_median = statistics.median(grades)
    p90 = statistics.quantiles(grades, n=10)[-1]
    floor_median = statistics.median(floor)
    print("\nMedians:")
    print(f"  open, cold cache      {ms(med['cold'])}  ({med['cold'] / med['parse']:.2f}x "
          "the baseline)")
    print(f"  then the cache written {ms(med['write'])}  (after the first card is shown)")
    print(f"  open, warm cache      {ms(med['warm'])}  ({med['warm'] / med['parse']:.2f}x)")
    print(f"  baseline: json.loads per log line {ms(med['parse'])}")
    print(f"  grade -> next card    {ms(grade_median)}  (p90 {ms(p90).strip()}; "
          f"{grade_median / floor_median:.2f}x the baseline)")
    print(f"  baseline: append + fsync one line {ms(floor_median)}")

    print("\nSummary")
    for label, value, target in (("open, cold cache", med["cold"], OPEN_TARGET),
                                 ("open, warm cache", med["warm"], OPEN_TARGET),
                                 ("grade -> next card (median)", grade_median, GRADE_TARGET)):
        verdict = "PASS" if value <= target else "FAIL"
        print(f"  {verdict}  {label}: {value * 1000:.1f} ms (target <= {target * 1000:.0f} ms)")
        report.figure(f"{args.cards:,} cards: {label}", value * 1000, "ms", "<=",
                      target * 1000)
    report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
