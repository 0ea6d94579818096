"""How fast a cached annotation loads: the seed article, 祝福 (the longest shared text)
and 祝福 eight times over, each saved to the annotation cache once and loaded 15 times
(best time kept, file read included); the entry's size too.

Issue 7 replaced the pickle entries (format 5) with marshal'd plain tuples behind a
SHA-256 (format 6), so that loading a damaged entry runs nothing. The baseline, measured
in the same run the same way: the same sentences as a pickle file, read and unpickled
(what format 5 did; only this script still uses pickle, on data it wrote itself).

Target: no slower than the pickle entries (load time / pickle load time <= 1.0).

Run: ``python bench/annotation_cache_bench.py``. Skips (exit 0) when ``../shared/data``
is absent.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from report import Report, add_json_option

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "data" / "texts"


def _best(load: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(15):
        began = time.perf_counter()
        load()
        best = min(best, time.perf_counter() - began)
    return best * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_json_option(parser)
    args = parser.parse_args()
    report = Report("annotation_cache_bench")
    if not (TEXTS / "zhufu_trad.txt").exists():
        return report.skip(f"{TEXTS} is absent", args.json)
    work = Path(tempfile.mkdtemp(prefix="studyaid-cache-bench-"))
    os.environ["STUDYAID_CACHE"] = str(work / "cache")
    sys.path.insert(0, str(ROOT))
    from studyaid import paths
    from studyaid.core.engine.annotation_cache import SUFFIX, AnnotationCache
    from studyaid.core.engine.services import build_annotator
    from studyaid.core.engine.settings import Settings
    from studyaid.core.text.loader import load_text

    annotator = build_annotator(Settings(work / "vocab", paths.cache_dir()))
    zhufu = load_text(TEXTS / "zhufu_trad.txt").content
    texts = {"seed": paths.seed_text(), "zhufu": zhufu, "zhufu x8": "\n".join([zhufu] * 8)}
    cache = AnnotationCache(work / "annotations")
    rows = []
    for name, content in texts.items():
        sentences = list(annotator.iter_annotate(content))
        cache.save(name, sentences)
        size = (cache.folder / f"{name}{SUFFIX}").stat().st_size
        loaded = cache.load(name)
        assert loaded is not None and len(loaded) == len(sentences)
        old = work / f"{name}.pickle"
        old.write_bytes(pickle.dumps(sentences, pickle.HIGHEST_PROTOCOL))
        rows.append((name, len(content), len(sentences), size, old.stat().st_size,
                     _best(lambda name=name: cache.load(name)),
                     _best(lambda old=old: pickle.loads(old.read_bytes()))))
    print(f"{'text':10} {'chars':>7} {'sentences':>9} {'KiB':>7} {'pickle KiB':>10} "
          f"{'load ms':>8} {'pickle ms':>9} {'ratio':>6}")
    for name, chars, count, size, old_size, ms, old_ms in rows:
        print(f"{name:10} {chars:7} {count:9} {size / 1024:7.1f} {old_size / 1024:10.1f} "
              f"{ms:8.2f} {old_ms:9.2f} {ms / old_ms:6.2f}")
    worst = max(ms / old_ms for *_, ms, old_ms in rows)
    print(f"\nload time / pickle load time <= 1.0: {worst:.2f} "
          f"{'PASS' if worst <= 1.0 else 'FAIL'}")
    report.figure("annotation cache load / pickle load (worst text)", worst, "x", "<=", 1.0)
    report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
