"""The learner's word list: every word they glossed, marked or made a card of, in one row
each, and deleting a word from all three files.

Reads ``glosses.tsv``, ``status.tsv`` and ``cards.tsv`` (each validated; a broken file
raises StudyaidError naming file:line) and the review log for each card's due time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import LEARNING, NEW, Learner, WordStatus, word_status
from studyaid.core.vocab.storage import locked
from studyaid.study.cards import CardStore
from studyaid.study.collection import Collection


@dataclass(frozen=True)
class WordRow:
    """One word of the list."""

    word: str
    reading: tuple[str, ...]
    """Numbered syllables: the learner's, else the card's, else the dictionary's."""
    gloss: str
    """The learner's gloss, else what their card was made with."""
    status: WordStatus
    """Set by hand, else the card's, else ``new``."""
    due: datetime | None
    """When the card is next due (None: no card)."""
    source: str
    """The text the card was made from (its file name), or empty."""
    glossed: bool = False
    marked: bool = False
    carded: bool = False

    def matches(self, needle: str) -> bool:
        """Whether a filter (any case, part of any column) lets this row through."""
        needle = needle.strip().lower()
        if not needle:
            return True
        reading = " ".join(self.reading)
        hay = (self.word, reading, reading.replace(" ", ""),
               "".join(c for c in reading if not c.isdigit()).replace(" ", ""),
               self.gloss.lower(), self.status, self.source.lower())
        return any(needle in h for h in hay)


def _title(source: str) -> str:
    if not source:
        return ""
    return "seed article" if source == "seed" else Path(source).name


def word_rows(vocab: Path, cache: Path | None, now: datetime,
              reading_of: Callable[[str], tuple[str, ...]] | None = None) -> list[WordRow]:
    """Every word glossed, marked or carded, sorted by word. ``reading_of`` gives the
    dictionary's reading of a word that has neither the learner's nor a card's."""
    glosses = Vocab(vocab).glosses()
    statuses = Learner(vocab).statuses()
    cards = CardStore(vocab).cards()
    due: dict[str, datetime] = {}
    card_status: dict[str, str] = {}
    if cards:
        collection = Collection(vocab, cache)
        for row in collection.cards(now):
            due[row["word"]] = datetime.fromisoformat(row["due"])
            card_status[row["word"]] = row["status"] or LEARNING
    rows = []
    for word in sorted(set(glosses) | set(statuses) | set(cards)):
        own, card = glosses.get(word), cards.get(word)
        reading: tuple[str, ...] = own.reading if own and own.reading else ()
        if not reading and card is not None and card.reading:
            reading = tuple(card.reading.split())
        if not reading and reading_of is not None:
            reading = tuple(reading_of(word))
        status = statuses.get(word) or card_status.get(word) or NEW
        rows.append(WordRow(
            word, reading, own.gloss if own and own.gloss else (card.gloss if card else ""),
            word_status(status) or NEW, due.get(word),
            _title(card.source) if card else "", own is not None, word in statuses,
            card is not None,
        ))
    return rows


def delete_word(vocab: Path, word: str) -> list[str]:
    """Remove ``word``'s gloss, status and card (its reviews stay in the log); the files
    it was removed from."""
    removed = []
    with locked(vocab):
        # Read all three first: a broken file stops the delete before anything changes.
        Vocab(vocab).glosses()
        statuses = Learner(vocab).statuses()
        CardStore(vocab).cards()
    if Vocab(vocab).remove_gloss(word):
        removed.append("glosses")
    if word in statuses:
        Learner(vocab).set_status(word, NEW)
        removed.append("status")
    if CardStore(vocab).remove(word):
        removed.append("cards")
    return removed
