"""``csv``: a spreadsheet of ``word,gloss`` (UTF-8, a header line ``word,gloss`` is
skipped), optionally a third column ``reading`` in numbered pinyin (``fu3 di3``).

A tab-separated file (``.tsv``, or lines with tabs and no commas) reads the same way,
with a fourth column allowed: ``word<TAB>gloss<TAB>reading<TAB>note``, the columns of
studyaid's own ``glosses.tsv``."""

from __future__ import annotations

import csv as _csv
from pathlib import Path

from studyaid.core.errors import StudyaidError
from studyaid.imports.common import gloss_at, lines
from studyaid.imports.plan import Incoming


def is_tab_separated(path: Path, text: list[str]) -> bool:
    """Whether the file's columns are separated by tabs rather than commas."""
    if path.suffix.lower() == ".tsv":
        return True
    first = next((line for line in text if line.strip() and not line.startswith("#")), "")
    return "\t" in first and "," not in first


def read(path: Path) -> list[Incoming]:
    """Every row of ``path`` as a gloss; a row that is not CSV names its line."""
    text = lines(path)
    tabs = is_tab_separated(path, text)
    most = 4 if tabs else 3
    reader = _csv.reader(text, delimiter="\t" if tabs else ",", strict=True)
    found = []
    while True:
        starts = reader.line_num + 1  # a quoted field may run over several lines
        try:
            row = next(reader)
        except StopIteration:
            break
        except _csv.Error as exc:
            where = "a quote opened here is never closed" if "end of data" in str(exc) else ""
            raise StudyaidError(f"not CSV: {exc}" + (f" ({where})" if where else ""),
                                path, starts) from None
        number = reader.line_num
        if not any(cell.strip() for cell in row) or row[0].startswith("#"):
            continue
        if number == 1 and [c.strip().lower() for c in row[:2]] == ["word", "gloss"]:
            continue
        if not 2 <= len(row) <= most:
            expected = "word, gloss (and reading, note)" if tabs else "word, gloss (and reading)"
            raise StudyaidError(f"{len(row)} columns; expected {expected}", path, number)
        row += [""] * (4 - len(row))
        found.append(gloss_at(path, number, row[0], row[1], row[2], row[3]))
    return found
