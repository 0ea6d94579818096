"""What a vocabulary export carries: one item per word, gathered from the vocab folder.

The words are the learner's cards (``cards.tsv``) and, unless only cards are asked for,
every word they glossed (``glosses.tsv``). Each item has the learner's gloss and the
dictionary's definitions side by side, so no format has to guess which is which.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from studyaid.core.dictionary.index import Entry
from studyaid.core.nlp.pinyin import han_count, join_word, pypinyin_reading, to_marks
from studyaid.core.nlp.script import to_simplified, to_traditional
from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import KNOWN, LEARNING, NEW, STATUSES, Learner
from studyaid.study.cards import Card, CardStore

Entries = Callable[[str], Sequence[Entry]]
"""Dictionary entries for a word (``lookup.entries_for`` over a Dictionary)."""


@dataclass(frozen=True)
class Schedule:
    """Where one direction of a word's card stands in FSRS, for formats that carry it."""

    direction: str
    """``recognition`` or ``recall``."""
    state: str
    """FSRS's: ``new``, ``learning``, ``review`` or ``relearning``."""
    due: datetime
    stability: float | None = None
    """Days (FSRS's S)."""
    difficulty: float | None = None
    """1-10 (FSRS's D)."""
    reviews: int = 0


@dataclass(frozen=True)
class VocabItem:
    """One word as every export format sees it."""

    word: str
    """Simplified; also the item's id (one card per word, one gloss per word)."""
    traditional: str
    reading: tuple[str, ...]
    """Numbered syllables, one per Han character: ``("fu3", "di3")``."""
    gloss: str
    """The learner's own English (their gloss, else what their card was made with)."""
    definition: str
    """The dictionary's English, definitions joined with ``; ``."""
    note: str = ""
    """The idiom note."""
    sentence: str = ""
    translation: str = ""
    source: str = ""
    """The text the word was met in (its path), or empty."""
    status: str = NEW
    card: bool = False
    added: datetime | None = None
    tags: tuple[str, ...] = field(default=())
    recall: bool = False
    """The card is also reviewed English -> hanzi."""
    schedules: tuple[Schedule, ...] = ()
    """Each direction's schedule, if the card has been reviewed (else empty)."""

    @property
    def marks(self) -> str:
        """The reading with tone marks, written as one word: ``fǔdǐ chōuxīn`` -> ``fǔdǐchōuxīn``."""
        return join_word([to_marks(s) for s in self.reading])

    @property
    def numbered(self) -> str:
        """The reading as numbered syllables separated by spaces: ``fu3 di3``."""
        return " ".join(self.reading)

    @property
    def source_title(self) -> str:
        """The text's title as the learner knows it (its file name without suffix)."""
        return Path(self.source).stem if self.source else ""


@dataclass(frozen=True)
class Filters:
    """Which words to export; every filter left empty lets every word through."""

    text: str | None = None
    """A text's path (matched resolved) or title."""
    status: str | None = None
    since: date | None = None
    """Added on or after this day (UTC); words without a card have no date and drop out."""
    cards_only: bool = False


def _definition(entries: Sequence[Entry]) -> str:
    return "; ".join(entries[0].definitions) if entries else ""


def _tags(status: str, card: bool, note: str) -> tuple[str, ...]:
    tags = ["studyaid", status]
    if card:
        tags.append("card")
    if note:
        tags.append("idiom")
    return tuple(tags)


def _reading(word: str, *candidates: Sequence[str]) -> tuple[str, ...]:
    for candidate in candidates:
        if candidate and len(candidate) == han_count(word) and all(candidate):
            return tuple(candidate)
    return tuple(pypinyin_reading(word))


def _from_card(card: Card, own: str, entries: Sequence[Entry], status: str) -> VocabItem:
    definition = _definition(entries)
    # A card keeps the gloss it was made with: the learner's then, else the dictionary's
    # first few definitions (see study.cards._card), which is no gloss of the learner's.
    gloss = own or ("" if definition.startswith(card.gloss) else card.gloss)
    if not definition and card.gloss != gloss:
        definition = card.gloss
    return VocabItem(
        card.word, card.traditional or card.word,
        _reading(card.word, card.reading.split(), entries[0].syllables if entries else ()),
        gloss, definition, card.note, card.sentence, card.translation, card.source, status,
        True, card.added, _tags(status, True, card.note), card.recall,
    )


def _matches_text(item: VocabItem, wanted: str) -> bool:
    if not item.source:
        return False
    return item.source in (wanted, str(Path(wanted).resolve())) or item.source_title == wanted


def gather(
    vocab: Path,
    *,
    filters: Filters | None = None,
    entries: Entries | None = None,
    card_statuses: Callable[[], dict[str, str]] | None = None,
    schedules: Callable[[], dict[str, tuple[Schedule, ...]]] | None = None,
) -> list[VocabItem]:
    """The items to export, sorted by word.

    ``entries`` gives the dictionary's readings and definitions (None: only what the
    vocab folder has). A word's status is the one the learner set by hand, else its
    card's (``card_statuses``, e.g. ``Collection.statuses``), else ``new``. ``schedules``
    gives each card's directions with their FSRS state (see :func:`schedules_of`).
    """
    filters = filters or Filters()
    if filters.status is not None and filters.status not in STATUSES:
        raise ValueError(f"unknown status {filters.status!r}")
    lookup: Entries = entries or (lambda word: ())
    glosses = Vocab(vocab).glosses()
    cards = CardStore(vocab).cards()
    by_hand = Learner(vocab).statuses()
    from_cards = card_statuses() if card_statuses and cards else {}
    scheduled = schedules() if schedules and cards else {}

    def status_of(word: str) -> str:
        status = by_hand.get(word) or from_cards.get(word)
        if status is None and word in cards:
            status = LEARNING
        return status if status in (LEARNING, KNOWN) else NEW

    items: dict[str, VocabItem] = {}
    for word, card in cards.items():
        own = glosses.get(word) or glosses.get(to_simplified(word))
        items[word] = replace(
            _from_card(card, own.gloss if own else "", lookup(word), status_of(word)),
            schedules=scheduled.get(word, ()))
    if not filters.cards_only:
        for word, gloss in glosses.items():
            simplified = to_simplified(word)
            if word in items or simplified in items:
                continue
            found = lookup(word)
            status = status_of(simplified)
            items[simplified] = VocabItem(
                simplified,
                found[0].traditional if found else (
                    word if word != simplified else to_traditional(word)),
                _reading(word, gloss.reading, found[0].syllables if found else ()),
                gloss.gloss, _definition(found), gloss.note, status=status,
                tags=_tags(status, False, gloss.note),
            )
    chosen = []
    for word in sorted(items):
        item = items[word]
        if filters.text is not None and not _matches_text(item, filters.text):
            continue
        if filters.status is not None and item.status != filters.status:
            continue
        if filters.since is not None and (
                item.added is None or item.added.date() < filters.since):
            continue
        chosen.append(item)
    return chosen


def schedules_of(rows: list[dict[str, Any]]) -> dict[str, tuple[Schedule, ...]]:
    """Each word's schedules from ``Collection.cards`` rows (``studyaid cards --json``);
    a direction never reviewed is left out (it starts new wherever it goes)."""
    found: dict[str, tuple[Schedule, ...]] = {}
    for row in rows:
        found[row["word"]] = tuple(
            Schedule(direction, d["state"], datetime.fromisoformat(d["due"]),
                     d["stability"], d["difficulty"], d["reviews"])
            for direction, d in row["directions"].items() if d["reviews"])
    return found
