"""``apkg``: an Anki package, through genanki (the one module that imports it).

One note type of our own (:mod:`studyaid.export.note_type`) with fixed model and deck
ids, and each note's GUID derived from its word, so re-importing a newer export updates
the learner's notes instead of duplicating them or losing their scheduling.
"""

from __future__ import annotations

import io
from datetime import datetime

import genanki

from studyaid.export.items import VocabItem
from studyaid.export.note_type import (
    BACK,
    CSS,
    DECK,
    DECK_ID,
    FIELDS,
    FRONT,
    MODEL_ID,
    NOTE_TYPE,
    note_fields,
    note_tags,
)

MODEL = genanki.Model(
    MODEL_ID,
    NOTE_TYPE,
    fields=[{"name": name} for name in FIELDS],
    templates=[{"name": "Recognition", "qfmt": FRONT, "afmt": BACK}],
    css=CSS,
    sort_field_index=0,
)


def guid(item: VocabItem) -> str:
    """The note's GUID: a hash of the word, the item's id, so it never changes."""
    return str(genanki.guid_for(item.word))


def write(items: list[VocabItem], now: datetime) -> bytes:
    """The items as an ``.apkg`` (a zip holding an Anki collection)."""
    deck = genanki.Deck(DECK_ID, DECK)
    for item in items:
        deck.add_note(genanki.Note(model=MODEL, fields=note_fields(item),
                                   tags=note_tags(item), guid=guid(item)))
    buffer = io.BytesIO()
    genanki.Package(deck).write_to_file(buffer, timestamp=now.timestamp())
    return buffer.getvalue()
