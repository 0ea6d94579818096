"""``csv``: RFC 4180 with a header row, UTF-8 with a BOM (so spreadsheet programs show
Chinese right); a cell that would start a formula is neutralised with a leading ``'``.

A cell starting with ``=`` ``+`` ``-`` ``@``, a tab or a line break is one a spreadsheet
may run as a formula (Excel reads ``-ish`` as ``=-ish``), so it gets the ``'`` OWASP
advises: a gloss such as ``-ish (suffix)`` reads ``'-ish (suffix)``, still plain to read.
A plain number (``-5``, ``+3.5``) is left as it is: no spreadsheet runs a number."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

from studyaid.export.items import VocabItem

HEADER = (
    "word", "traditional", "pinyin", "pinyin_numbered", "gloss", "definition", "note",
    "sentence", "translation", "source", "status", "added", "tags",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will show as text, never run (OWASP's CSV injection advice)."""
    if not cell.startswith(_FORMULA) or _NUMBER.fullmatch(cell):
        return cell
    return "'" + cell


def _row(item: VocabItem) -> list[str]:
    return [
        item.word, item.traditional, item.marks, item.numbered, item.gloss, item.definition,
        item.note, item.sentence, item.translation, item.source_title, item.status,
        item.added.date().isoformat() if item.added else "", " ".join(item.tags),
    ]


def write(items: list[VocabItem], now: datetime) -> bytes:
    """The items as CSV: CRLF line ends, fields quoted when they need it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for item in items:
        writer.writerow([neutralise(cell) for cell in _row(item)])
    return buffer.getvalue().encode("utf-8-sig")
