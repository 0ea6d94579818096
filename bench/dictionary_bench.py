"""The dictionary index: build time, lookup and search latency, and annotate's peak memory.

Targets (issue 2, "Speed"):

(a) index build from scratch (CC-CEDICT + chengyu list -> SQLite), median of 3 builds
    in fresh temporary caches: <= 2 s. Shown also as a ratio to a baseline timed
    alternately in the same run: just reading the CC-CEDICT source and splitting it into
    lines (the least any build must do), so a noisy machine can still be read.
(b) lookup by headword (``Dictionary.entries``) on ~2000 distinct words, the seed
    article's first, then the Lu Xun stories in ``../shared/data/texts``, with the
    memo cleared before every call: <= 0.1 ms median. Baseline: the bare SQL query
    the lookup runs, on the same connection.
(c) search (``Dictionary.search``) for English and for pinyin queries, memos cleared
    before every call: <= 5 ms median per kind; p95 is reported too.
(d) peak RSS of ``python -m studyaid annotate SEED --format jsonl`` with the index
    already built: <= 150 MB (10^6 bytes). Baseline: a Python that only loads jieba's
    dictionary.

Everything lives in a temporary folder (``STUDYAID_CACHE``, an empty vocab folder), never
in the home directory. Run: ``python bench/dictionary_bench.py [--profile]`` (``--profile``
adds a cProfile listing of one index build). Skips (exit 0) when
``../shared/data`` is absent.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from report import Report, add_json_option

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
TEXTS = ("kongyiji_simp.txt", "yijian_xiaoshi_simp.txt", "zhufu_trad.txt")
SEEDS = sorted((REPO / "seeds").glob("*.txt")) or [REPO / "studyaid" / "data" / "seed.txt"]
SEED = SEEDS[0]

BUILD_TARGET_S = 2.0
LOOKUP_TARGET_MS = 0.1
SEARCH_TARGET_MS = 5.0
RSS_TARGET_MB = 150.0
LOOKUP_WORDS = 2000
SEARCH_REPEATS = 15

ENGLISH = ["cook", "computer", "horse", "to run", "bargaining", "water", "government",
           "happy", "bank", "to eat", "telephone", "kitchen", "firewood", "negotiate"]
PINYIN = ["fudichouxin", "fu3 di3", "fǔdǐ", "zhongguo", "ma", "shi", "fu3 di3 chou1 xin1",
          "ni3hao3", "lǜ", "xue2sheng5", "yi", "Zhōngguó", "dian4nao3", "nv3ren2"]


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def timed(function: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds one call of ``function`` takes."""
    start, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - start, time.process_time() - cpu


def read_and_split(path: Path) -> list[str]:
    """The baseline for (a): the CC-CEDICT source read, decompressed, decoded, split."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8").split("\n")


def bench_build(
    tmp: Path, cedict_file: Path | None, profile: bool
) -> tuple[float, float, float, Path]:
    """(a): median build time (wall, CPU), median baseline time, the last build's cache."""
    from studyaid.core.dictionary import cedict
    from studyaid.core.dictionary.index import Dictionary

    source = cedict.find_source(cedict_file)
    print(f"(a) index build; CC-CEDICT {source.date or '(undated)'} from {source.origin}: "
          f"{source.path}")
    parse_s, _ = timed(lambda: list(cedict.parse(source.path)))
    builds, cpus, baselines = [], [], []
    cache = tmp
    for number in range(1, 4):
        baselines.append(timed(lambda: read_and_split(source.path))[0])
        cache = tmp / f"build-{number}"
        wall, cpu = timed(lambda: Dictionary.open(cache, cedict_file))  # noqa: B023
        builds.append(wall)
        cpus.append(cpu)
        print(f"    build {number}: {wall:.2f} s wall, {cpu:.2f} s CPU;  read+split baseline "
              f"{baselines[-1] * 1000:.0f} ms")
    build, cpu, baseline = (statistics.median(v) for v in (builds, cpus, baselines))
    size = (cache / "dictionary.sqlite").stat().st_size / 1e6
    print(f"    median build {build:.2f} s ({cpu:.2f} s CPU) = {build / baseline:.1f} x "
          f"read+split ({baseline * 1000:.0f} ms); cedict.parse alone "
          f"{parse_s * 1000:.0f} ms; index {size:.0f} MB")
    if profile:
        import cProfile
        import io
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(Dictionary.open, tmp / "build-profiled", cedict_file)
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(15)
        lines = buffer.getvalue().splitlines()
        first = next(i for i, line in enumerate(lines) if "ncalls" in line)
        print("    cProfile of one build, top 15 by own time:")
        print("\n".join(lines[first:]).rstrip())
    return build, cpu, baseline, cache


def lookup_words() -> tuple[list[str], int]:
    """~2000 distinct words (the seed article's, then the stories'), and how many are the seed's."""
    from studyaid.core.nlp.pinyin import HAN
    from studyaid.core.nlp.segment import Segmenter

    segmenter = Segmenter()
    words: dict[str, None] = {}
    sources = [SEED] + [DATA / "texts" / name for name in TEXTS]
    for path in sources:
        for token in segmenter.cut(path.read_text(encoding="utf-8")):
            if HAN.search(token):
                words[token] = None
        if path == SEED:
            from_seed = len(words)
    return list(words)[:LOOKUP_WORDS], from_seed


def bench_lookup(cache: Path) -> tuple[float, float, float]:
    """(b): median and p95 lookup latency (ms), and the bare SQL baseline median (ms)."""
    from studyaid.core.dictionary.index import Dictionary

    words, from_seed = lookup_words()
    dictionary = Dictionary(cache / "dictionary.sqlite")
    dictionary.entries("中")  # opens the connection
    sql = ("SELECT trad, simp, pinyin, defs, freq FROM entries WHERE simp=?1 OR trad=?1"
           " ORDER BY id")
    lookups: list[float] = []
    baseline: list[float] = []
    hits = 0
    for _ in range(3):
        for word in words:
            start = time.perf_counter_ns()
            dictionary.db.execute(sql, (word,)).fetchall()
            baseline.append((time.perf_counter_ns() - start) / 1e6)
            dictionary.entries.cache_clear()
            start = time.perf_counter_ns()
            found = dictionary.entries(word)
            lookups.append((time.perf_counter_ns() - start) / 1e6)
            hits += bool(found)
    fresh = []
    for word in words[:500]:
        start = time.perf_counter_ns()
        Dictionary(dictionary.path).entries(word)
        fresh.append((time.perf_counter_ns() - start) / 1e6)
    median, p95, base = (statistics.median(lookups), percentile(lookups, 0.95),
                         statistics.median(baseline))
    print(f"\n(b) lookup by headword: {len(words)} distinct words ({min(from_seed, len(words))} "
          f"from the seed), x3, memo cleared; {hits / len(lookups):.0%} found")
    print(f"    median {median:.3f} ms  p95 {p95:.3f} ms  max {max(lookups):.2f} ms;  "
          f"bare SQL {base:.3f} ms -> {median / base:.1f} x")
    print(f"    with a new Dictionary (new connection) per lookup: median "
          f"{statistics.median(fresh):.3f} ms (500 words; for information)")
    return median, p95, base


def bench_search(cache: Path, base_ms: float) -> dict[str, tuple[float, float]]:
    """(c): per kind of query, median and p95 search latency in ms."""
    from studyaid.core.dictionary.index import Dictionary

    dictionary = Dictionary(cache / "dictionary.sqlite")
    dictionary.search("中")  # opens the connection
    results: dict[str, tuple[float, float]] = {}
    print(f"\n(c) search, {SEARCH_REPEATS} calls per query, memos cleared before each")
    for kind, queries in (("English", ENGLISH), ("pinyin", PINYIN)):
        samples: list[float] = []
        for query in queries:
            per_query = []
            for _ in range(SEARCH_REPEATS):
                dictionary.entries.cache_clear()
                start = time.perf_counter_ns()
                found = dictionary.search(query, 10)
                per_query.append((time.perf_counter_ns() - start) / 1e6)
            samples += per_query
            first = f"{found[0].simplified} {found[0].pinyin_marks}" if found else "(none)"
            print(f"    {kind:<7} {query!r:<24} median {statistics.median(per_query):6.2f} ms  "
                  f"max {max(per_query):6.2f} ms  {len(found):2} results, first: {first}")
        median, p95 = statistics.median(samples), percentile(samples, 0.95)
        results[kind] = (median, p95)
        print(f"    {kind}: median {median:.2f} ms  p95 {p95:.2f} ms  "
              f"(= {median / base_ms:.0f} x a bare headword query)")
    return results


# ru_maxrss survives exec: a child forked from this (large) process would report at
# least our own size. A small helper Python starts the command and reports its peak.
_RSS_HELPER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def peak_rss_mb(command: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of ``command`` in MB (10^6 bytes), output discarded."""
    result = subprocess.run(
        [sys.executable, "-c", _RSS_HELPER, *command],
        cwd=REPO, env=env, capture_output=True, text=True,
    )
    try:
        status, kib = (int(field) for field in result.stdout.split())
    except ValueError:
        status, kib = result.returncode or 1, 0
    if status != 0:
        sys.exit(f"failed ({status}): {' '.join(command)}\n{result.stderr}")
    return kib * 1024 / 1e6  # ru_maxrss is in KiB on Linux


def bench_rss(tmp: Path, cache: Path) -> float:
    """(d): peak RSS of annotate on the seed with the index built (max of 3 runs), MB."""
    vocab = tmp / "vocab"
    vocab.mkdir(exist_ok=True)
    env = dict(os.environ)
    env.update(STUDYAID_CACHE=str(cache), STUDYAID_VOCAB=str(vocab),
               XDG_CACHE_HOME=str(tmp / "xdg-cache"), XDG_DATA_HOME=str(tmp / "xdg-data"))
    annotate = [sys.executable, "-m", "studyaid", "annotate", str(SEED), "--format", "jsonl",
                "--vocab", str(vocab)]
    floor = [sys.executable, "-c", "import jieba; jieba.setLogLevel(60); jieba.initialize()"]
    runs, floors = [], []
    for _ in range(3):
        floors.append(peak_rss_mb(floor, env))
        runs.append(peak_rss_mb(annotate, env))
    cold_env = dict(env, STUDYAID_CACHE=str(tmp / "cold-cache"))
    cold = peak_rss_mb(annotate, cold_env)
    peak, base = max(runs), statistics.median(floors)
    print(f"\n(d) peak RSS of annotate {SEED.name} ({len(SEED.read_text(encoding='utf-8')):,} "
          f"chars), index built: {', '.join(f'{r:.0f}' for r in runs)} MB -> max {peak:.0f} MB "
          f"({peak * 1e6 / 2**20:.0f} MiB)")
    print(f"    baseline, Python + jieba's dictionary only: {base:.0f} MB -> "
          f"{peak / base:.2f} x;  first run, building the index: {cold:.0f} MB")
    return peak


def main() -> int:
    """Run (a) to (d) and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="cProfile one index build")
    add_json_option(parser)
    args = parser.parse_args()
    report = Report("dictionary_bench")
    if not (DATA / "texts").is_dir():
        return report.skip(f"no {DATA / 'texts'}", args.json)
    from studyaid import paths

    cedict_file = paths.cedict_file()
    with tempfile.TemporaryDirectory(prefix="studyaid-bench-") as name:
        tmp = Path(name)
        build, build_cpu, build_base, cache = bench_build(tmp, cedict_file, args.profile)
        lookup, lookup_p95, lookup_base = bench_lookup(cache)
        search = bench_search(cache, lookup_base)
        rss = bench_rss(tmp, cache)

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    print("\nSummary")
    print(f"  {verdict(build <= BUILD_TARGET_S)}  index build        {build:6.2f} s    "
          f"(target <= {BUILD_TARGET_S} s; {build_cpu:.2f} s CPU; "
          f"{build / build_base:.1f} x read+split)")
    print(f"  {verdict(lookup <= LOOKUP_TARGET_MS)}  headword lookup    {lookup:6.3f} ms   "
          f"(target <= {LOOKUP_TARGET_MS} ms median; p95 {lookup_p95:.3f} ms; "
          f"{lookup / lookup_base:.1f} x bare SQL)")
    for kind, (median, p95) in search.items():
        print(f"  {verdict(median <= SEARCH_TARGET_MS)}  {kind + ' search':<18} {median:6.2f} ms"
              f"   (target <= {SEARCH_TARGET_MS} ms median; p95 {p95:.2f} ms)")
    print(f"  {verdict(rss <= RSS_TARGET_MB)}  annotate seed RSS  {rss:6.0f} MB   "
          f"(target <= {RSS_TARGET_MB:.0f} MB)")
    report.figure("dictionary index build", build, "s", "<=", BUILD_TARGET_S)
    report.figure("headword lookup (median)", lookup, "ms", "<=", LOOKUP_TARGET_MS)
    for kind, (median, _) in search.items():
        report.figure(f"{kind} search (median)", median, "ms", "<=", SEARCH_TARGET_MS)
    report.figure("annotate seed, peak RSS", rss, "MB", "<=", RSS_TARGET_MB)
    report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
