"""Our Anki note type, shared by the ``apkg`` and ``anki`` formats: its name, its fields
and how an item fills them (as HTML), so the package and the text file always agree.

The ids are fixed for good: Anki recognises the note type and the deck by them, and a
note by its GUID (derived from the word), so importing a newer export updates the
learner's notes in place, scheduling and all.
"""

from __future__ import annotations

import html
import re

from studyaid.core.reading import to_marks
from studyaid.export.items import VocabItem

NOTE_TYPE = "studyaid vocabulary"
DECK = "studyaid"
MODEL_ID = 1_607_245_913
"""Hard-coded (genanki's advice): a new id would make Anki see a new note type."""
DECK_ID = 1_912_467_031

FIELDS = (
    "Simplified", "Traditional", "Pinyin", "PinyinNumbered", "Gloss", "Definition",
    "Note", "Sentence", "Translation", "Source",
)
"""The note type's fields, in order."""

_TONE = re.compile(r"([1-5])$")


def escape(text: str) -> str:
    """Plain text as an HTML field: escaped, newlines as ``<br>``, never a tab."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(html.escape(line.replace("\t", " ")) for line in lines)


def coloured_pinyin(syllables: tuple[str, ...]) -> str:
    """Tone-marked pinyin with each syllable in a ``tone1``..``tone5`` span."""
    spans = []
    for syllable in syllables:
        tone = _TONE.search(syllable)
        spans.append(f'<span class="tone{tone.group(1) if tone else 5}">'
                     f"{html.escape(to_marks(syllable))}</span>")
    return "".join(spans)


def note_fields(item: VocabItem) -> list[str]:
    """The item's fields in :data:`FIELDS` order, as HTML."""
    return [
        escape(item.word),
        escape(item.traditional if item.traditional != item.word else ""),
        coloured_pinyin(item.reading),
        escape(item.numbered),
        escape(item.gloss),
        escape(item.definition),
        escape(item.note),
        escape(item.sentence),
        escape(item.translation),
        escape(item.source_title),
    ]


def note_tags(item: VocabItem) -> list[str]:
    """The item's tags (Anki's tags have no spaces)."""
    return [tag.replace(" ", "_") for tag in item.tags]


FRONT = """<div class="word">{{Simplified}}</div>
{{#Traditional}}<div class="trad">{{Traditional}}</div>{{/Traditional}}"""

BACK = """{{FrontSide}}
<hr id="answer">
<div class="pinyin">{{Pinyin}}</div>
{{#Gloss}}<div class="gloss">{{Gloss}}</div>{{/Gloss}}
{{#Definition}}<div class="definition">{{Definition}}</div>{{/Definition}}
{{#Note}}<div class="note">{{Note}}</div>{{/Note}}
{{#Sentence}}<div class="sentence">{{Sentence}}</div>{{/Sentence}}
{{#Translation}}<div class="translation">{{Translation}}</div>{{/Translation}}
{{#Source}}<div class="source">{{Source}}</div>{{/Source}}"""

CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: center;
  color: #222; background: #fdfdfb; }
.word { font-size: 56px; margin: 0.3em 0 0.1em; }
.trad { font-size: 28px; color: #777; }
.pinyin { font-size: 28px; margin: 0.3em 0; }
.gloss { font-size: 24px; font-weight: bold; }
.definition { color: #555; }
.note { font-style: italic; color: #555; margin-top: 0.6em; }
.sentence { font-size: 24px; margin-top: 0.8em; }
.translation { color: #555; }
.source { font-size: 14px; color: #999; margin-top: 1em; }
.tone1 { color: #e30000; } .tone2 { color: #d89000; } .tone3 { color: #00a000; }
.tone4 { color: #1510f0; } .tone5 { color: #777; }
.nightMode .card, .night_mode .card { color: #eee; background: #222; }
.nightMode .tone4, .night_mode .tone4 { color: #6fa8ff; }"""
"""The colours are Pleco's (and the Chinese Support add-on's): red, orange, green, blue,
grey for tones 1-5."""
