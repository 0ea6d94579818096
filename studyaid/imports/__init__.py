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

from studyaid.imports import cedict
from studyaid.imports.plan import Incoming, Plan, plan
from studyaid.registry import Format, Registry

ImportReader = Callable[[Path], list[Incoming]]
"""A format: a file -> its glosses, in file order, each with its line number."""

IMPORT_FORMATS: Registry[ImportReader] = Registry({
    "cedict": Format("studyaid.imports.cedict:read"),
    "pleco": Format("studyaid.imports.pleco:read", "flashcard text"),
    "csv": Format("studyaid.imports.csv:read", "word,gloss[,reading]"),
})
"""Import formats: name -> reader."""


def guess_format(path: Path) -> str:
    """The format of a file by its name, else by its first entry line: ``.csv`` is csv;
    a line like ``傳統 传统 [chuan2 tong3] /tradition/`` is cedict; else pleco."""
    if path.suffix.lower() == ".csv":
        return "csv"
    if path.suffix.lower() in (".u8", ".gz"):
        return "cedict"
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            for _, line in zip(range(200), handle, strict=False):
                if line.strip() and not line.startswith(("#", "//")):
                    return "cedict" if cedict.LINE.match(line) else "pleco"
    except OSError:
        pass  # reading it properly reports the problem
    return "pleco"


__all__ = ["IMPORT_FORMATS", "ImportReader", "Incoming", "Plan", "guess_format", "plan"]
