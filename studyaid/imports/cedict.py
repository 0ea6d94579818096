"""``cedict``: a file in CC-CEDICT's format (``傳統 传统 [chuan2 tong3] /tradition/``),
one gloss per entry line: the simplified headword, its reading, its definitions
joined with ``; ``. (The line format is :mod:`studyaid.core.dictionary.cedict`'s.)"""

from __future__ import annotations

import re
from pathlib import Path

from studyaid.core.dictionary import cedict
from studyaid.core.errors import StudyaidError
from studyaid.imports.common import gloss_at
from studyaid.imports.plan import Incoming

LINE = re.compile(r"^\S+ \S+ \[[^\]]*\] /")
"""What an entry line looks like (for guessing a file's format)."""


def read(path: Path) -> list[Incoming]:
    """Every entry line of ``path`` as a gloss."""
    if not path.is_file():
        raise StudyaidError("no such file", path)
    return [
        gloss_at(path, number, simp, "; ".join(d for d in defs.split("/") if d),
                 pinyin.lower(), strict_reading=False)
        for number, _, simp, pinyin, defs in cedict.parse_lines(path)
    ]
