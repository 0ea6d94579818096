"""Exports: the learner's words as files other programs read (Anki, Pleco, spreadsheets).

Each format is one module with ``write(items, now) -> bytes``, found through
:data:`VOCAB_FORMATS`; :mod:`studyaid.export.items` gathers what they write.
Plain Python over the study layer; never imports textual or rich.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from studyaid.export import anki, apkg, csv, md, pleco
from studyaid.export.items import Filters, VocabItem, gather

VocabWriter = Callable[[list[VocabItem], datetime], bytes]
"""A format: the items (sorted by word) and the time of export -> the file's bytes."""

VOCAB_FORMATS: dict[str, VocabWriter] = {
    "apkg": apkg.write,
    "anki": anki.write,
    "pleco": pleco.write,
    "csv": csv.write,
    "md": md.write,
}

# `export text` (the annotated text as a document) will register its formats here.

__all__ = ["VOCAB_FORMATS", "Filters", "VocabItem", "VocabWriter", "gather"]
