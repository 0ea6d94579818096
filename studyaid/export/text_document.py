"""The document a text export writes: its title, sentences with readings, idiom notes
and the learner's glossary. Built by ``text.build_document``; written by one writer per
format (``text_html``, ``text_md``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Syllable:
    """One syllable of a reading: tone-marked, and its tone (1-4, 5 for neutral)."""

    marks: str
    tone: int


@dataclass(frozen=True)
class Word:
    """A piece of a sentence: a token with its reading (none for non-Han text and gaps),
    and the numbers of the idiom notes that end with it."""

    text: str
    reading: tuple[Syllable, ...] = ()
    notes: tuple[int, ...] = ()


@dataclass(frozen=True)
class Line:
    """A sentence as the document shows it, with the learner's translation if any."""

    index: int
    text: str
    words: tuple[Word, ...]
    translation: str = ""
    stale: bool = False
    """The sentence has changed since the learner translated it."""


@dataclass(frozen=True)
class Footnote:
    """An idiom note: our own (literal, figurative, usage) or the dictionaries'
    (English, Chinese)."""

    number: int
    word: str
    reading: tuple[Syllable, ...]
    literal: str = ""
    figurative: str = ""
    usage: str = ""
    english: str = ""
    chinese: str = ""


@dataclass(frozen=True)
class GlossaryEntry:
    """A word of the text the learner glossed: their gloss, its reading, their note."""

    word: str
    reading: tuple[Syllable, ...]
    gloss: str
    note: str


@dataclass(frozen=True)
class TextDocument:
    """Everything a text format writes."""

    title: str
    lines: tuple[Line, ...]
    footnotes: tuple[Footnote, ...]
    glossary: tuple[GlossaryEntry, ...]
