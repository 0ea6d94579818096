"""How fast ``studyaid annotate`` is against the naive pipeline, on ~1,000,000 characters.

The text is real prose: the Lu Xun stories in ``../shared/data/texts`` (孔乙己, 一件小事,
祝福), concatenated and repeated to about a million characters. Two pipelines run
alternately (naive, studyaid, naive, studyaid, ...), each in a fresh subprocess so no
in-memory cache carries over from one run to the next:

- naive: ``jieba.lcut`` per line, one ``pypinyin.lazy_pinyin`` call on the whole word
  list, one JSON object per line written to a file;
- studyaid: ``python -m studyaid annotate FILE --format jsonl > /dev/null`` with an empty
  vocab folder and a temporary ``STUDYAID_CACHE`` whose dictionary index is built once
  beforehand (not timed).

Machines are shared and noisy, so the figure that counts is the ratio of the medians
measured in the same run, not the absolute times.

Target (issue 2, "Speed"): studyaid time / naive time <= 1.0.

Then, in this process, one annotate of the same text is timed phase by phase (sentence
splitting, segmentation, word info, idioms, readings in context, JSON output), so a
failing ratio points at a phase. ``--profile`` adds a cProfile listing (top 15 by own and
by cumulative time) of an in-process annotate + JSON output of the first 200,000
characters.

Run: ``python bench/annotate_bench.py [--rounds N] [--chars N] [--profile] [--no-phases]
[--json FILE]``.
Skips (exit 0) when ``../shared/data`` is absent.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report import Report, add_json_option

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
TEXTS = ("kongyiji_simp.txt", "yijian_xiaoshi_simp.txt", "zhufu_trad.txt")
TARGET_RATIO = 1.0
PROFILE_CHARS = 200_000


def build_corpus(chars: int) -> str:
    """The stories concatenated and repeated to at least ``chars`` characters."""
    stories = [(DATA / "texts" / name).read_text(encoding="utf-8") for name in TEXTS]
    unit = "\n".join(story.strip("\n") for story in stories) + "\n"
    return unit * -(-chars // len(unit))


def naive(path: str, out: str) -> None:
    """The naive pipeline (runs in a subprocess): jieba per line, one lazy_pinyin, JSON."""
    import json

    import jieba
    from pypinyin import lazy_pinyin

    jieba.setLogLevel(60)
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    cut = [jieba.lcut(line) for line in lines]
    words = [word for line in cut for word in line]
    readings = lazy_pinyin(words)
    with open(out, "w", encoding="utf-8") as handle:
        for line, tokens in zip(lines, cut, strict=True):
            handle.write(json.dumps({"text": line, "tokens": tokens}, ensure_ascii=False))
            handle.write("\n")
        handle.write(json.dumps({"pinyin": readings}, ensure_ascii=False))
        handle.write("\n")


def environment(tmp: Path) -> dict[str, str]:
    """The subprocesses' environment: every studyaid and platform folder under ``tmp``."""
    env = dict(os.environ)
    env.update(
        STUDYAID_CACHE=str(tmp / "cache"),
        STUDYAID_VOCAB=str(tmp / "vocab"),
        XDG_CACHE_HOME=str(tmp / "xdg-cache"),
        XDG_DATA_HOME=str(tmp / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp / "xdg-config"),
    )
    return env


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run ``command`` with output discarded; return (wall seconds, CPU seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def phases(text: str, tmp: Path, profile: bool) -> None:
    """Time one in-process annotate phase by phase; with ``profile``, cProfile it too."""
    from studyaid.core.engine.annotate import CONTEXT_BATCH
    from studyaid.core.engine.services import build_annotator
    from studyaid.core.engine.settings import Settings
    from studyaid.core.model import Sentence, Token
    from studyaid.core.output.render import FORMATS
    from studyaid.core.text.sentences import split_sentences

    settings = Settings(vocab=tmp / "vocab", cache=tmp / "cache")
    start = time.perf_counter()
    annotator = build_annotator(settings)
    annotator.segmenter.cut("预热")  # jieba loads its dictionary on first use
    setup = time.perf_counter() - start

    times: dict[str, float] = {}
    start = time.perf_counter()
    spans = list(split_sentences(text))
    times["sentences"] = time.perf_counter() - start

    start = time.perf_counter()
    tokenized = [list(annotator.segmenter.tokenize(text[s.start : s.end], s.start))
                 for s in spans]
    times["segmentation"] = time.perf_counter() - start

    start = time.perf_counter()
    for tokens in tokenized:
        for token, _, _ in tokens:
            if not token.isspace():
                annotator.word(token)
    times["word info"] = time.perf_counter() - start

    start = time.perf_counter()
    idioms = [annotator.idioms.find(text, span.start, span.end) for span in spans]
    times["idioms"] = time.perf_counter() - start

    # The readings that depend on the sentence (the model, the particle and sense rules),
    # in batches of CONTEXT_BATCH sentences as annotate reads them; a sentence met again
    # is remembered, so the model phase shows how many it read.
    sentences = [
        Sentence(index, span.start, span.end, text[span.start : span.end],
                 [Token(t, a, b, annotator.word(t)) for t, a, b in tokens if not t.isspace()],
                 found)
        for index, (span, tokens, found) in enumerate(zip(spans, tokenized, idioms,
                                                           strict=True))]
    distinct = len({s.text for s in sentences})
    start = time.perf_counter()
    for first in range(0, len(sentences), CONTEXT_BATCH):
        annotator._in_context_batch(sentences[first : first + CONTEXT_BATCH])
    times["in context"] = time.perf_counter() - start
    print(f"{len(sentences):,} sentences, {distinct:,} distinct (each read in context once)")

    # The output phase needs the annotated sentences; annotate() again (memos now warm)
    # to get them, and time only the writing.
    sentences = annotator.annotate(text)
    start = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as out:
        FORMATS["jsonl"](sentences, out, "marks", 80)
    times["jsonl output"] = time.perf_counter() - start

    total = sum(times.values())
    print(f"\nIn-process breakdown ({len(text):,} chars, {len(annotator._words):,} distinct "
          f"tokens; setup {setup:.2f} s not included):")
    for name, seconds in times.items():
        print(f"  {name:<14} {seconds:7.2f} s  {seconds / total:6.1%}")
    print(f"  {'total':<14} {total:7.2f} s")

    if profile:
        import cProfile
        import io
        import pstats

        fresh = build_annotator(settings)
        fresh.segmenter.cut("预热")
        sample = text[:PROFILE_CHARS]  # profiling slows Python code several times over
        profiler = cProfile.Profile()
        with open(os.devnull, "w", encoding="utf-8") as out:
            profiler.enable()
            FORMATS["jsonl"](fresh.annotate(sample), out, "marks", 80)
            profiler.disable()
        for order in ("tottime", "cumulative"):
            buffer = io.StringIO()
            pstats.Stats(profiler, stream=buffer).sort_stats(order).print_stats(15)
            lines = buffer.getvalue().splitlines()
            first = next(i for i, line in enumerate(lines) if "ncalls" in line)
            print(f"\ncProfile of annotate + jsonl on {len(sample):,} chars, top 15 by {order}:")
            print("\n".join(line.replace(str(REPO) + "/", "") for line in lines[first:]))


def main() -> int:
    """Run the benchmark and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs of each pipeline")
    parser.add_argument("--chars", type=int, default=1_000_000, help="size of the text")
    parser.add_argument("--profile", action="store_true", help="add a cProfile listing")
    parser.add_argument("--naive", nargs=2, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--no-phases", action="store_true",
                        help="skip the in-process breakdown by phase")
    add_json_option(parser)
    args = parser.parse_args()
    if args.naive:
        naive(*args.naive)
        return 0
    report = Report("annotate_bench")
    if not all((DATA / "texts" / name).is_file() for name in TEXTS):
        return report.skip(f"no texts in {DATA / 'texts'}", args.json)

    with tempfile.TemporaryDirectory(prefix="studyaid-bench-") as name:
        tmp = Path(name)
        (tmp / "vocab").mkdir()
        env = environment(tmp)
        text = build_corpus(args.chars)
        corpus = tmp / "corpus.txt"
        corpus.write_text(text, encoding="utf-8")
        chars = len(text)
        naive_cmd = [sys.executable, __file__, "--naive", str(corpus), str(tmp / "naive.jsonl")]
        studyaid_cmd = [sys.executable, "-m", "studyaid", "annotate", str(corpus),
                        "--format", "jsonl", "--vocab", str(tmp / "vocab")]

        wall, _ = run([sys.executable, "-m", "studyaid", "lookup", "中国", "--json"], env)
        print(f"text: {chars:,} characters; dictionary index built in {wall:.2f} s (not timed)")
        # Warm-up (not timed): both load jieba once, so its cache file and the OS page
        # cache are in the same state for every timed run.
        small = tmp / "small.txt"
        small.write_text(text[:2000], encoding="utf-8")
        run(naive_cmd[:3] + [str(small), os.devnull], env)
        run(studyaid_cmd[:4] + [str(small)] + studyaid_cmd[5:], env)

        results: dict[str, list[tuple[float, float]]] = {"naive": [], "studyaid": []}
        for round_ in range(1, args.rounds + 1):
            for label, command in (("naive", naive_cmd), ("studyaid", studyaid_cmd)):
                wall, cpu = run(command, env)
                results[label].append((wall, cpu))
                print(f"  round {round_} {label:<8} {wall:6.2f} s wall  {cpu:6.2f} s CPU  "
                      f"{chars / wall:9,.0f} chars/s")

        medians = {
            label: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
            for label, runs in results.items()
        }
        print("\nMedians:")
        for label, (wall, cpu) in medians.items():
            print(f"  {label:<8} {wall:6.2f} s wall  {cpu:6.2f} s CPU  "
                  f"{chars / wall:9,.0f} chars/s")
        ratio = medians["studyaid"][0] / medians["naive"][0]
        cpu_ratio = medians["studyaid"][1] / medians["naive"][1]

        if not args.no_phases:
            phases(text, tmp, args.profile)

    verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
    print("\nSummary")
    print(f"  {verdict}  annotate {chars:,} chars: studyaid/naive time = {ratio:.2f} "
          f"(target <= {TARGET_RATIO}; CPU-time ratio {cpu_ratio:.2f})")
    report.figure(f"annotate {chars / 1e6:.1f}M chars: studyaid/naive time", ratio, "x",
                  "<=", TARGET_RATIO)
    report.figure("annotate: studyaid throughput", chars / medians["studyaid"][0] / 1000,
                  "k chars/s")
    report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
