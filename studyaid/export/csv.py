"""``csv``: RFC 4180 with a header row, UTF-8 with a BOM (so spreadsheet programs show
Chinese right); a cell that would start a formula is neutralised with a leading ``'``."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from studyaid.export.items import VocabItem

HEADER = (
    "word", "traditional", "pinyin", "pinyin_numbered", "gloss", "definition", "note",
    "sentence", "translation", "source", "status", "added", "tags",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will show as text, never run (OWASP's CSV injection advice)."""
    return "'" + cell if cell.startswith(_FORMULA) else cell


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
