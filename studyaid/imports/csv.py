"""``csv``: a spreadsheet of ``word,gloss`` (UTF-8, a header line ``word,gloss`` is
skipped), optionally a third column ``reading`` in numbered pinyin (``fu3 di3``)."""

from __future__ import annotations

import csv as _csv
from pathlib import Path

from studyaid.core.errors import StudyaidError
from studyaid.imports.common import gloss_at, lines
from studyaid.imports.plan import Incoming


def read(path: Path) -> list[Incoming]:
    """Every row of ``path`` as a gloss."""
    text = lines(path)
    found = []
    try:
        rows = list(_csv.reader(text, strict=True))
    except _csv.Error as exc:
        raise StudyaidError(f"not CSV: {exc}", path) from None
    for number, row in enumerate(rows, 1):
        if not any(cell.strip() for cell in row) or row[0].startswith("#"):
            continue
        if number == 1 and [c.strip().lower() for c in row[:2]] == ["word", "gloss"]:
            continue
        if not 2 <= len(row) <= 3:
            raise StudyaidError(f"{len(row)} columns; expected word, gloss (and reading)",
                                path, number)
        found.append(gloss_at(path, number, row[0], row[1], row[2] if len(row) == 3 else ""))
    return found
