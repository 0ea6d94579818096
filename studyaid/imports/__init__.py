"""Imports: the learner's glosses from files other programs write (CC-CEDICT, Pleco,
a spreadsheet), previewed before anything is written.

Each format is one module with ``read(path) -> list[Incoming]``, found through
:data:`IMPORT_FORMATS`; a line that does not parse raises StudyaidError naming
file:line, so a bad file adds nothing. Plain Python over the core; never imports
textual or rich (and sits below ``studyaid.export`` in the layers).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from studyaid.core.nlp.pinyin import has_marks
from studyaid.imports import cedict
from studyaid.imports.common import numbered
from studyaid.imports.plan import Incoming, Plan, plan, preview_lines
from studyaid.registry import Format, Registry

ImportReader = Callable[[Path], list[Incoming]]
"""A format: a file -> its glosses, in file order, each with its line number."""

IMPORT_FORMATS: Registry[ImportReader] = Registry({
    "cedict": Format("studyaid.imports.cedict:read"),
    "pleco": Format("studyaid.imports.pleco:read", "flashcard text"),
    "csv": Format("studyaid.imports.csv:read", "word,gloss[,reading] (or tab-separated)"),
})
"""Import formats: name -> reader."""


def guess_format(path: Path) -> str:
    """The format of a file by its name, else by its first entry line: ``.csv`` and
    ``.tsv`` are csv; a line like ``傳統 传统 [chuan2 tong3] /tradition/`` is cedict;
    ``word<TAB>gloss…`` (English where Pleco has the reading) is csv;
    else pleco."""
    if path.suffix.lower() in (".csv", ".tsv"):
        return "csv"
    if path.suffix.lower() in (".u8", ".gz"):
        return "cedict"
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            for _, line in zip(range(200), handle, strict=False):
                if line.strip() and not line.startswith(("#", "//")):
                    if cedict.LINE.match(line):
                        return "cedict"
                    # Pleco's second field is the reading; word TAB gloss is a
                    # spreadsheet's (or glosses.tsv's) row.
                    fields = line.rstrip("\n").split("\t")
                    if len(fields) > 1 and not _is_reading(fields[1]):
                        return "csv"
                    return "pleco"
    except OSError:
        pass  # reading it properly reports the problem
    return "pleco"


def _is_reading(field: str) -> bool:
    """Whether a field is pinyin (numbered or with tone marks), as Pleco's second is."""
    return bool(numbered(field.strip()) or has_marks(field))


__all__ = ["IMPORT_FORMATS", "ImportReader", "Incoming", "Plan", "guess_format", "plan",
           "preview_lines"]
