"""``apkg``: an Anki package, through genanki (the one module that imports it).

One note type of our own (:mod:`studyaid.export.note_type`) with fixed model and deck
ids, and each note's GUID derived from its word, so re-importing a newer export updates
the learner's notes instead of duplicating them or losing their scheduling.

Both study directions are card templates (recall only for words carded with it), and a
card reviewed here goes into the package with its schedule: Anki's own columns (a
review card due on its FSRS due date, its interval from the stability) and FSRS's memory
state in the card's data (``{"s": stability, "d": difficulty}``, as Anki keeps it), so
an import "with scheduling" does not start it from zero.
"""

from __future__ import annotations

import io
import json
import math
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import genanki

from studyaid.export.items import Schedule, VocabItem
from studyaid.export.note_type import (
    CSS,
    DECK,
    DECK_ID,
    FIELDS,
    MODEL_ID,
    NOTE_TYPE,
    TEMPLATES,
    note_fields,
    note_tags,
)
from studyaid.export.sounds import Sounds

MODEL = genanki.Model(
    MODEL_ID,
    NOTE_TYPE,
    fields=[{"name": name} for name in FIELDS],
    templates=[{"name": name, "qfmt": front, "afmt": back} for name, front, back in TEMPLATES],
    css=CSS,
    sort_field_index=0,
)
DIRECTION_ORD = {name.lower(): ord_ for ord_, (name, _, _) in enumerate(TEMPLATES)}
"""A study direction's card template (``ord``)."""
COLLECTION_CREATED = 1_411_124_400
"""genanki's collection creation time (``col.crt``): review cards' due days count from it."""
# Anki's card type and queue for each FSRS state (learning cards are due at a time).
_ANKI_STATE = {"learning": (1, 1), "review": (2, 2), "relearning": (3, 1)}
_FACTOR = 2500  # Anki's default ease; FSRS ignores it


def guid(item: VocabItem) -> str:
    """The note's GUID: a hash of the word, the item's id, so it never changes."""
    return str(genanki.guid_for(item.word))


class _ScheduledCard(genanki.Card):
    """A card written with its FSRS schedule instead of as new."""

    def __init__(self, ord_: int, schedule: Schedule):
        super().__init__(ord_)
        self.schedule = schedule

    def write_to_db(self, cursor, timestamp: float, deck_id, note_id, id_gen, due=0):  # type: ignore[no-untyped-def]
        s = self.schedule
        kind, queue = _ANKI_STATE[s.state]
        due_at = s.due.astimezone(UTC)
        if kind == 2:
            anki_due = math.floor((due_at.timestamp() - COLLECTION_CREATED) / 86400)
        else:
            anki_due = int(due_at.timestamp())
        interval = max(1, round(s.stability or 1)) if kind == 2 else 0
        data = json.dumps({"s": round(s.stability, 4), "d": round(s.difficulty, 4)},
                          separators=(",", ":")) if s.stability and s.difficulty else ""
        cursor.execute("INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);", (
            next(id_gen), note_id, deck_id, self.ord, int(timestamp), -1, kind, queue,
            anki_due, interval, _FACTOR, s.reviews, 0, 0, 0, 0, 0, data,
        ))


class _Note(genanki.Note):
    """A note whose started cards carry their schedules."""

    def __init__(self, item: VocabItem, fields: list[str]):
        super().__init__(model=MODEL, fields=fields, tags=note_tags(item),
                         guid=guid(item))
        self.schedules = {DIRECTION_ORD[s.direction]: s for s in item.schedules
                          if s.state in _ANKI_STATE}

    @property
    def cards(self):  # type: ignore[no-untyped-def,override]
        return [_ScheduledCard(card.ord, self.schedules[card.ord])
                if card.ord in self.schedules else card
                for card in self._front_back_cards()]


def write(items: list[VocabItem], now: datetime, sounds: Sounds | None = None) -> bytes:
    """The items as an ``.apkg`` (a zip holding an Anki collection); with ``sounds``, a
    sound file for each word and example sentence as media, ``[sound:…]`` on the card."""
    deck = genanki.Deck(DECK_ID, DECK)
    media: dict[str, Path] = {}
    for item in items:
        audio = sentence_audio = None
        if sounds is not None:
            audio, path = sounds.word(item)
            media[audio] = path
            found = sounds.sentence(item)
            if found:
                sentence_audio, media[found[0]] = found
        deck.add_note(_Note(item, note_fields(item, audio, sentence_audio)))
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory(prefix="studyaid-media-") as folder:
        # genanki names a media file by its base name: each is linked under its media name
        files = []
        for name, path in sorted(media.items()):
            files.append(os.path.join(folder, name))
            shutil.copyfile(path, files[-1])
        genanki.Package(deck, media_files=files).write_to_file(buffer,
                                                               timestamp=now.timestamp())
    return buffer.getvalue()
