"""``anki``: tab-separated text for Anki's importer (File > Import), with header lines.

The header names our note type and deck (:mod:`studyaid.export.note_type`), so Anki
neither falls back to "Basic" nor drops columns past a smaller note type's fields: the
note type must exist in the collection first (import any ``apkg`` export once). Fields
are HTML: escaped, newlines as ``<br>``, never a raw tab or newline in a field. The GUID
column is the one the ``apkg`` export uses, so either updates the same notes.
"""

from __future__ import annotations

from datetime import datetime

from studyaid.export.apkg import guid
from studyaid.export.items import VocabItem
from studyaid.export.note_type import DECK, FIELDS, NOTE_TYPE, note_fields, note_tags

COLUMNS = (*FIELDS, "GUID", "Tags")
"""The note type's fields, then the GUID and the tags. The GUID is not first: GUIDs can
begin with ``#``, and Anki reads a line that begins with ``#`` as a comment."""


def _row(item: VocabItem) -> str:
    fields = note_fields(item)
    if fields[0].startswith("#"):
        fields[0] = "&#35;" + fields[0][1:]
    return "\t".join([*fields, guid(item), " ".join(note_tags(item))]) + "\n"


def header() -> str:
    """The header lines: separator first, since the columns line is split by it."""
    return (
        "#separator:Tab\n"
        "#html:true\n"
        f"#notetype:{NOTE_TYPE}\n"
        f"#deck:{DECK}\n"
        f"#guid column:{COLUMNS.index('GUID') + 1}\n"
        f"#tags column:{COLUMNS.index('Tags') + 1}\n"
        f"#columns:{chr(9).join(COLUMNS)}\n"
    )


def write(items: list[VocabItem], now: datetime) -> bytes:
    """The items as Anki import text, UTF-8."""
    return (header() + "".join(_row(item) for item in items)).encode("utf-8")
