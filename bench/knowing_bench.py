"""What the learner knows, at scale (issue 15, "Speed"): each figure against a baseline
measured in the same run, alternating.

- ``known add --hsk 1-6`` and ``known import`` of a 20,000-word list (--yes), each a whole
  command, against the bare command ``studyaid --version`` (Python's start and the
  package's import): target <= 1 s each.
- ``words --text`` on the shared texts (~57,000 characters), cold (nothing cached):
  target <= 2 s on 100,000 characters (scaled to the corpus's length).
- ``J`` and ``u`` in the reader, through a pty: from the key to the screen showing its
  effect (the next sentence's number; "undid"): target <= 50 ms.
- The reader's warm start with 20,000 statuses and 5,000 scoped glosses, to the seed's
  pinyin, against the bare Textual app (reader_bench's): target <= 1.5x.

Run: ``python bench/knowing_bench.py [--rounds N]``; the ``words --text`` part skips
without ``../shared/data/texts``.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader_bench import (
    FIRST_HANZI,
    FIRST_PINYIN,
    PINYIN,
    Terminal,
    environment,
    literal,
)
from report import Report, add_json_option

REPO = Path(__file__).resolve().parents[1]
TEXTS = REPO.parent / "shared" / "data" / "texts"


def run(env: dict[str, str], *args: str) -> float:
    """Seconds one ``studyaid`` command takes (it must succeed)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "studyaid", *args], env=env, cwd=REPO, check=True,
                   capture_output=True)
    return time.perf_counter() - started


def word_list(path: Path, count: int, cache: Path) -> None:
    """``count`` distinct Chinese words, one per line: the index's commonest headwords."""
    sys.path.insert(0, str(REPO))
    from studyaid.core.engine.services import open_dictionary
    from studyaid.core.engine.settings import Settings

    dictionary = open_dictionary(Settings(cache.parent / "no-vocab", cache))
    rows = dictionary.db.execute(
        "SELECT DISTINCT simp FROM entries WHERE simp GLOB '[一-龥]*' ORDER BY freq DESC"
        " LIMIT ?", (count,)).fetchall()
    path.write_text("".join(f"{word}\n" for (word,) in rows), encoding="utf-8")


def vocab_at_scale(folder: Path, statuses: int, glosses: int) -> None:
    """A vocab folder with ``statuses`` known words and ``glosses`` glosses scoped to the
    seed (CC-CEDICT's first headwords)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = (folder.parent / "words.txt").read_text(encoding="utf-8").split()
    status = "".join(f"{w}\tknown\t2026-11-01\n" for w in lines[:statuses])
    (folder / "status.tsv").write_text("# word, status, since\n" + status, encoding="utf-8")
    gloss = "".join(f"{w}\tmy gloss {i}\t\t\tseed\n" for i, w in enumerate(lines[:glosses]))
    (folder / "glosses.tsv").write_text(gloss, encoding="utf-8")


def median_pair(rounds: int, first, second) -> tuple[float, float]:
    """Medians of two timings run alternately."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(rounds):
        a.append(first())
        b.append(second())
    return statistics.median(a), statistics.median(b)


def keys(env: dict[str, str], presses: int) -> tuple[float, float]:
    """Median ms from J to the next sentence on screen, and from u to "undid"."""
    term = Terminal([sys.executable, "-m", "studyaid"], env, (PINYIN,))
    j_times: list[float] = []
    u_times: list[float] = []
    try:
        term.wait_for(PINYIN)
        term.settle(0.5, limit=10)
        for n in range(presses):
            marker = literal(f"sentence {n + 2}/")
            offset = len(term.text)
            sent = time.perf_counter()
            os.write(term.fd, b"J")
            while not marker.search(term.text, max(0, offset - 64)):
                if not term.read(5):
                    raise TimeoutError(f"J {n}: {term.text[-200:]!r}")
            j_times.append((term.last_read - sent) * 1000)
            term.settle(0.15)
        for n in range(presses):
            marker = re.compile("undid")
            offset = len(term.text)
            sent = time.perf_counter()
            os.write(term.fd, b"u")
            while not marker.search(term.text, max(0, offset - 8)):
                if not term.read(5):
                    raise TimeoutError(f"u {n}: {term.text[-200:]!r}")
            u_times.append((term.last_read - sent) * 1000)
            term.settle(0.3)
    finally:
        term.close()
    return statistics.median(j_times), statistics.median(u_times)


def main() -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--presses", type=int, default=10)
    add_json_option(parser)
    args = parser.parse_args()
    report = Report("knowing_bench")
    with tempfile.TemporaryDirectory(prefix="studyaid-knowing-") as name:
        tmp = Path(name)
        env = environment(tmp)
        env["STUDYAID_CACHE"] = str(tmp / "cache")
        run(env, "--version")
        run(env, "lookup", "你好")  # the dictionary index, built once (not measured)
        word_list(tmp / "words.txt", 20_000, tmp / "cache")

        def fresh(tag: str) -> dict[str, str]:
            folder = tmp / f"vocab-{tag}-{time.perf_counter_ns()}"
            folder.mkdir()
            return {**env, "STUDYAID_VOCAB": str(folder)}

        bare, hsk = median_pair(args.rounds, lambda: run(env, "--version"),
                                lambda: run(fresh("hsk"), "known", "add", "--hsk", "1-6"))
        _, imported = median_pair(
            args.rounds, lambda: 0.0,
            lambda: run(fresh("import"), "known", "import", str(tmp / "words.txt"),
                        "--format", "list", "--yes"))
        print(f"studyaid --version: {bare * 1000:.0f} ms (baseline)")
        print(f"known add --hsk 1-6: {hsk * 1000:.0f} ms ({hsk / bare:.1f}x the baseline)")
        print(f"known import, 20,000 words: {imported * 1000:.0f} ms "
              f"({imported / bare:.1f}x the baseline)")
        report.figure("known add --hsk 1-6", hsk, "s", "<=", 1.0)
        report.figure("known import, 20,000 words", imported, "s", "<=", 1.0)

        stories = sorted(p for p in TEXTS.glob("*_simp.txt")) + sorted(TEXTS.glob("*_trad.txt"))
        if stories:
            corpus = "\n".join(p.read_text(encoding="utf-8-sig") for p in stories)
            # Not timed: a first segmentation builds jieba's prefix dictionary into the
            # cache once (the reader's first annotation does it as well); "cold" is a
            # text whose annotation is not cached.
            (tmp / "warm-up.txt").write_text("我们决定釜底抽薪。\n", encoding="utf-8")
            run(fresh("warm-up"), "words", "--text", str(tmp / "warm-up.txt"))
            cold: list[float] = []
            for round_ in range(args.rounds):
                text = tmp / f"corpus-{round_}.txt"  # a new file: nothing cached for it
                text.write_text(corpus + f"\n第{round_}回。\n", encoding="utf-8")
                cold.append(run(fresh("words"), "words", "--text", str(text), "--json"))
            chars = len(corpus)
            print(f"words --text, {chars:,} characters: cold {statistics.median(cold):.2f} s")
            report.figure(f"words --text, {chars:,} chars, cold", statistics.median(cold), "s",
                          "<=", 2.0 * chars / 100_000)
        else:
            print(f"words --text: skipped (no texts in {TEXTS})")

        j_ms, u_ms = keys({**fresh("keys")}, args.presses)
        print(f"J -> next sentence on screen: {j_ms:.0f} ms; u -> 'undid' on screen: "
              f"{u_ms:.0f} ms (medians)")
        report.figure("reader: J on screen", j_ms, "ms", "<=", 50)
        report.figure("reader: u on screen", u_ms, "ms", "<=", 50)

        scaled = tmp / "vocab-scale"
        vocab_at_scale(scaled, 20_000, 5_000)
        scale_env = {**env, "STUDYAID_VOCAB": str(scaled)}
        first = Terminal([sys.executable, "-m", "studyaid"], scale_env, (PINYIN,))
        try:  # the first launch annotates with the 5,000 glosses and caches it
            first.wait_for(PINYIN, 120)
            first.settle(2.0, limit=60)
        finally:
            first.close()

        def launch(command: list[str], environ: dict[str, str]) -> float:
            term = Terminal(command, environ, (PINYIN,))
            try:
                return term.wait_for(PINYIN)
            finally:
                term.close()

        bare_ms, reader_ms = median_pair(
            args.rounds,
            lambda: launch([sys.executable, str(REPO / "bench" / "reader_bench.py"), "--bare",
                            FIRST_PINYIN, FIRST_HANZI], env),
            lambda: launch([sys.executable, "-m", "studyaid"], scale_env))
        ratio = reader_ms / bare_ms
        print(f"reader warm start, 20,000 statuses and 5,000 scoped glosses: "
              f"{reader_ms * 1000:.0f} ms, {ratio:.2f}x the bare app's {bare_ms * 1000:.0f} ms")
        report.figure("reader warm start, 20k statuses + 5k glosses / bare app", ratio, "x",
                      "<=", 1.5)
    report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
