"""How fast a cached annotation loads: the seed article, 祝福 (the longest shared text)
and 祝福 eight times over, each saved to the annotation cache once and loaded 15 times
(best time kept); the entry's size too.

Issue 7 replaced the pickle entries (format 5) with marshal'd plain tuples behind a
SHA-256 (format 6), so that loading a damaged entry runs nothing. Measured before the
change with the same loop: seed 4.8 ms, 祝福 21.9 ms, 祝福 x8 205 ms.

Target: no slower than the pickle entries (load time ratio <= 1.0 against the figures
above, which are from the same 2-core machine; rerun both when the machine changes).

Run: ``python bench/annotation_cache_bench.py``. Skips (exit 0) when ``../shared/data``
is absent.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "data" / "texts"
PICKLE_MS = {"seed": 4.8, "zhufu": 21.9, "zhufu x8": 205.0}
"""Load times of the pickle entries (format 5), measured with this loop at b2cda2a."""


def main() -> int:
    if not (TEXTS / "zhufu_trad.txt").exists():
        print(f"skipped: {TEXTS} is absent")
        return 0
    work = Path(tempfile.mkdtemp(prefix="studyaid-cache-bench-"))
    os.environ["STUDYAID_CACHE"] = str(work / "cache")
    sys.path.insert(0, str(ROOT))
    from studyaid import paths
    from studyaid.core.annotation_cache import SUFFIX, AnnotationCache
    from studyaid.core.loader import load_text
    from studyaid.core.services import Settings, build_annotator

    annotator = build_annotator(Settings(work / "vocab", paths.cache_dir()))
    zhufu = load_text(TEXTS / "zhufu_trad.txt").content
    texts = {"seed": paths.seed_text(), "zhufu": zhufu, "zhufu x8": "\n".join([zhufu] * 8)}
    cache = AnnotationCache(work / "annotations")
    rows = []
    for name, content in texts.items():
        sentences = list(annotator.iter_annotate(content))
        cache.save(name, sentences)
        size = (cache.folder / f"{name}{SUFFIX}").stat().st_size
        best = float("inf")
        for _ in range(15):
            began = time.perf_counter()
            loaded = cache.load(name)
            best = min(best, time.perf_counter() - began)
        assert loaded is not None and len(loaded) == len(sentences)
        rows.append((name, len(content), len(sentences), size, best * 1000))
    print(f"{'text':10} {'chars':>7} {'sentences':>9} {'entry KiB':>9} {'load ms':>8} "
          f"{'pickle ms':>9} {'ratio':>6}")
    for name, chars, count, size, ms in rows:
        print(f"{name:10} {chars:7} {count:9} {size / 1024:9.1f} {ms:8.2f} "
              f"{PICKLE_MS[name]:9.1f} {ms / PICKLE_MS[name]:6.2f}")
    worst = max(ms / PICKLE_MS[name] for name, _, _, _, ms in rows)
    print(f"\nload time / pickle load time <= 1.0: {worst:.2f} "
          f"{'PASS' if worst <= 1.0 else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
