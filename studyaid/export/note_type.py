"""Our Anki note type, shared by the ``apkg`` and ``anki`` formats: its name, its fields
and how an item fills them (as HTML), so the package and the text file always agree.

The ids are fixed for good: Anki recognises the note type and the deck by them, and a
note by its GUID (derived from the word), so importing a newer export updates the
learner's notes in place, scheduling and all.
"""

from __future__ import annotations

import html

from studyaid.core.nlp.pinyin import to_marks
from studyaid.core.output.tones import PAPER, PAPER_NIGHT, tone_of
from studyaid.export.items import VocabItem

NOTE_TYPE = "studyaid vocabulary"
DECK = "studyaid"
MODEL_ID = 1_607_245_913
"""Hard-coded (genanki's advice): a new id would make Anki see a new note type."""
DECK_ID = 1_912_467_031

FIELDS = (
    "Simplified", "Traditional", "Pinyin", "PinyinNumbered", "Gloss", "Definition",
    "Note", "Sentence", "Translation", "Source", "Recall", "Audio", "SentenceAudio",
)
"""The note type's fields, in order."""



def _tone_css(prefix: str) -> str:
    """The paper palette as CSS rules, three tones to a line."""
    rules = [f".{prefix}{t} {{ color: {c}; }}" for t, c in PAPER.items()]
    return " ".join(rules[:3]) + "\n" + " ".join(rules[3:])


def escape(text: str) -> str:
    """Plain text as an HTML field: escaped, newlines as ``<br>``, never a tab."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(html.escape(line.replace("\t", " ")) for line in lines)


def coloured_pinyin(syllables: tuple[str, ...]) -> str:
    """Tone-marked pinyin with each syllable in a ``tone1``..``tone5`` span."""
    spans = []
    for syllable in syllables:
        spans.append(f'<span class="tone{tone_of(syllable)}">'
                     f"{html.escape(to_marks(syllable))}</span>")
    return "".join(spans)


def sound(name: str | None) -> str:
    """Anki's reference to a media file in the package (empty without one)."""
    return f"[sound:{name}]" if name else ""


def note_fields(item: VocabItem, audio: str | None = None,
                sentence_audio: str | None = None) -> list[str]:
    """The item's fields in :data:`FIELDS` order, as HTML; ``audio`` and
    ``sentence_audio`` name the media files of the word and its sentence, if any."""
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
        "y" if item.recall else "",
        sound(audio),
        sound(sentence_audio),
    ]


def note_tags(item: VocabItem) -> list[str]:
    """The item's tags (Anki's tags have no spaces)."""
    return [tag.replace(" ", "_") for tag in item.tags]


FRONT = """<div class="word">{{Simplified}}</div>
{{#Traditional}}<div class="trad">{{Traditional}}</div>{{/Traditional}}"""

BACK = """{{FrontSide}}
<hr id="answer">
<div class="pinyin">{{Pinyin}} {{Audio}}</div>
{{#Gloss}}<div class="gloss">{{Gloss}}</div>{{/Gloss}}
{{#Definition}}<div class="definition">{{Definition}}</div>{{/Definition}}
{{#Note}}<div class="note">{{Note}}</div>{{/Note}}
{{#Sentence}}<div class="sentence">{{Sentence}} {{SentenceAudio}}</div>{{/Sentence}}
{{#Translation}}<div class="translation">{{Translation}}</div>{{/Translation}}
{{#Source}}<div class="source">{{Source}}</div>{{/Source}}"""

RECALL_FRONT = """{{#Recall}}<div class="gloss">{{Gloss}}</div>
{{^Gloss}}<div class="definition">{{Definition}}</div>{{/Gloss}}
<div class="hint">hanzi?</div>{{/Recall}}"""
"""English -> hanzi, only for the words carded with recall (the ``Recall`` field): Anki
makes no card of a template whose front is empty."""

RECALL_BACK = """{{FrontSide}}
<hr id="answer">
<div class="word">{{Simplified}}</div>
{{#Traditional}}<div class="trad">{{Traditional}}</div>{{/Traditional}}
<div class="pinyin">{{Pinyin}} {{Audio}}</div>
{{#Note}}<div class="note">{{Note}}</div>{{/Note}}
{{#Sentence}}<div class="sentence">{{Sentence}} {{SentenceAudio}}</div>{{/Sentence}}
{{#Translation}}<div class="translation">{{Translation}}</div>{{/Translation}}"""

TEMPLATES = (("Recognition", FRONT, BACK), ("Recall", RECALL_FRONT, RECALL_BACK))
"""The card templates, in Anki's order (``ord`` 0, 1): the study directions."""

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
.hint { font-size: 16px; color: #999; margin-top: 0.6em; }
""" + _tone_css("tone") + """
.nightMode .card, .night_mode .card { color: #eee; background: #222; }
""" + " ".join(f".nightMode .tone{t}, .night_mode .tone{t} {{ color: {c}; }}"
              for t, c in PAPER_NIGHT.items())
"""The tone colours are the one palette's (``core.output.tones``): Pleco's."""
