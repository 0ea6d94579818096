"""The learner's cards: ``cards.tsv`` in the vocab folder, and building a card from the core.

``cards.tsv`` is one card per line, sorted by word, after a ``#`` header line::

    word  traditional  reading  gloss  note  sentence  translation  source  added  recall

tab-separated; ``reading`` is numbered pinyin, ``added`` an ISO-8601 time with its
timezone, ``recall`` ``yes`` or ``no``. Blank lines and ``#`` lines are ignored. A word is
its card's id: one card per word, never duplicated. Problems are reported as
``file:line: problem``; a file that does not parse is never rewritten; writes hold the
folder's lock and replace the file atomically.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from studyaid.core.dictionary.lookup import Lookup
from studyaid.core.errors import StudyaidError
from studyaid.core.model import Gloss, Sentence, Token, WordInfo
from studyaid.core.nlp.script import to_simplified, to_traditional
from studyaid.core.vocab import CARDS, journal
from studyaid.core.vocab.glosses import clean_field, read_lines
from studyaid.core.vocab.storage import Identity, identity, locked, write_atomic
from studyaid.study.scheduler import iso, utc

if TYPE_CHECKING:  # the annotation pipeline is not imported to read or write cards
    from studyaid.core.engine.annotate import Annotator

DIRECTIONS = ("recognition", "recall")
"""Recognition (hanzi -> meaning) for every card; recall (English -> hanzi) when chosen."""
RECOGNITION, RECALL = DIRECTIONS
HEADER = (
    "# studyaid cards: word TAB traditional TAB reading TAB gloss TAB note TAB sentence TAB"
    " translation TAB source TAB added (ISO 8601) TAB recall (yes|no). Sorted by word.\n"
)
_YES_NO = {"yes": True, "no": False}


@dataclass(frozen=True)
class Card:
    """One word to review, with what the learner knew of it when they met it."""

    word: str
    traditional: str
    reading: str
    gloss: str
    note: str
    sentence: str
    translation: str
    source: str
    added: datetime
    recall: bool = False

    def directions(self, recall: bool = False) -> tuple[str, ...]:
        """The directions this card is reviewed in (``recall``: the deck setting)."""
        return DIRECTIONS if self.recall or recall else (RECOGNITION,)

    def as_json(self) -> dict[str, object]:
        """The card's fields, the time as ISO 8601 with its timezone."""
        data: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        data["added"] = iso(self.added)
        return data


_COLUMNS = len(fields(Card))


def _parse(line: str, path: Path, number: int) -> Card:
    parts = [p.strip() for p in line.split("\t")]
    if len(parts) != _COLUMNS:
        raise StudyaidError(f"{len(parts)} tab-separated fields; expected {_COLUMNS} "
                            "(see the header line)", path, number)
    word, traditional, reading, gloss, note, sentence, translation, source, added, recall = parts
    if not word:
        raise StudyaidError("the word (first field) is empty", path, number)
    try:
        when = datetime.fromisoformat(added)
        moment = utc(when)
    except ValueError:
        raise StudyaidError(f"added {added!r} is not an ISO-8601 time with a timezone",
                            path, number) from None
    if recall not in _YES_NO:
        raise StudyaidError(f"recall {recall!r} is not 'yes' or 'no'", path, number)
    return Card(word, traditional, reading, gloss, note, sentence, translation, source,
                moment, _YES_NO[recall])


def _line(card: Card) -> str:
    row = [card.word, card.traditional, card.reading, card.gloss, card.note, card.sentence,
           card.translation, card.source, iso(card.added), "yes" if card.recall else "no"]
    return "\t".join(clean_field(f) for f in row) + "\n"


class CardStore:
    """``cards.tsv`` in a vocab folder."""

    def __init__(self, vocab: Path):
        self.vocab = vocab
        self.path = vocab / CARDS
        # The file's identity when last parsed, and its cards: the review screen asks
        # for the cards on every open, and 10,000 lines need not be parsed twice.
        self._memo: tuple[Identity, dict[str, Card]] | None = None

    def cards(self) -> dict[str, Card]:
        """Every card by word, validated (a copy: change it freely)."""
        ident = identity(self.path)
        if self._memo is not None and self._memo[0] == ident:
            return dict(self._memo[1])
        found: dict[str, Card] = {}
        for number, line in enumerate(read_lines(self.path), 1):
            if not line.strip() or line.startswith("#"):
                continue
            card = _parse(line, self.path, number)
            if card.word in found:
                raise StudyaidError(f"{card.word!r} appears twice", self.path, number)
            found[card.word] = card
        self._memo = (ident, found)
        return dict(found)

    def add(self, card: Card) -> bool:
        """Add a card; False (and nothing written) if its word is already a card."""
        return bool(self.add_many([card]))

    def add_many(self, cards: Iterable[Card]) -> list[Card]:
        """Add cards in one write; the ones added (a word already a card is skipped)."""
        added: list[Card] = []
        with locked(self.vocab):
            self._memo = None  # read inside the lock (see Learner.forget)
            found = self.cards()
            for card in cards:
                if not clean_field(card.word):
                    raise StudyaidError("the word is empty")
                if card.word not in found:
                    found[card.word] = card
                    added.append(card)
            if added:
                self._write(found)
                journal.record(self.vocab, f"card for {'、'.join(c.word for c in added[:5])}"
                               + (" …" if len(added) > 5 else ""),
                               [(CARDS, [c.word], None) for c in added])
        return added

    def remove(self, word: str) -> bool:
        """Remove a card (its reviews stay in the log); False if there was none."""
        with locked(self.vocab):
            self._memo = None  # read inside the lock (see Learner.forget)
            found = self.cards()
            old = found.pop(word, None)
            if old is None:
                return False
            self._write(found)
            journal.record(self.vocab, f"card for {word} removed",
                           [(CARDS, [word], _line(old).rstrip("\n").split("\t"))])
        return True

    def restore(self, rows: list[tuple[list[str], list[str] | None]]) -> None:
        """Put cards back as they were (undo; the caller holds the lock)."""
        self._memo = None
        found = self.cards()
        for (word,), before in rows:
            if before is None:
                found.pop(word, None)
            else:
                found[word] = _parse("\t".join(before), self.path, 0)
        self._write(found)
        self._memo = None


    def _write(self, found: dict[str, Card]) -> None:
        write_atomic(self.path, HEADER + "".join(_line(found[w]) for w in sorted(found)),
                     sweep=True)


@journal.restorer(CARDS)
def _restore(folder: Path, rows: list[tuple[list[str], list[str] | None]]) -> None:
    CardStore(folder).restore(rows)


def _note_of(annotator: Annotator, word: str) -> str:
    # An idiom note only when the whole word is the idiom (not an idiom inside it).
    for match in annotator.idioms.find(word):
        if match.start == 0 and match.end == len(word):
            return match.english
    return ""


def _card(
    source: Annotator | Lookup | None,
    word: str,
    *,
    now: datetime,
    sentence: str = "",
    translation: str = "",
    text_id: str = "",
    info: WordInfo | None = None,
    note: str | None = None,
    recall: bool = False,
    reading: str | None = None,
    gloss: str | None = None,
) -> Card:
    """A card for ``word`` from the core: reading and gloss (the learner's gloss first,
    else CC-CEDICT's), the idiom note, the sentence it was met in and its translation.

    ``info`` (a token's reading and gloss in its sentence, as the reader shows them) wins
    over a fresh lookup, and ``reading``/``gloss`` win over both; ``note`` wins over the
    idiom notes (a Lookup has none). Without a ``source`` (the dictionary still loading),
    ``info`` is all there is."""
    word = clean_field(word)
    simplified = to_simplified(word)
    entries = source.dictionary_entries(word) if source is not None else ()
    traditional = entries[0].traditional if entries else (
        word if word != simplified else to_traditional(word))
    annotator = source if source is not None and not isinstance(source, Lookup) else None
    if info is None and annotator is not None:
        info = annotator.word(word)
    found_reading = found_gloss = ""
    if info is not None:
        found_reading, found_gloss = " ".join(info.pinyin), info.gloss
    elif source is not None:
        own = source.glosses.get(word) or source.glosses.get(simplified)
        found_reading = " ".join(own.reading) if own and own.reading else (
            " ".join(entries[0].syllables) if entries else "")
        found_gloss = own.gloss if own and own.gloss else (
            "; ".join(entries[0].definitions[:4]) if entries else "")
    # A reading or gloss passed in (an idiom span's, read from its tokens) wins.
    reading = found_reading if reading is None else reading
    gloss = found_gloss if gloss is None else gloss
    if note is None:
        note = _note_of(annotator, word) if annotator is not None else ""
    return Card(simplified, traditional, reading, gloss, note, clean_field(sentence),
                clean_field(translation), text_id, utc(now), recall)


def card_from_token(
    source: Annotator | Lookup | None,
    sentence: Sentence,
    token: Token,
    *,
    now: datetime,
    translation: str = "",
    text_id: str = "",
    recall: bool = False,
) -> Card:
    """The card for a token met in a sentence: its reading and gloss as the sentence
    shows them, the sentence, its translation and the text it came from.

    The whole-idiom rule: a token inside an idiom the segmenter cut up (杀敌 of 杀敌一千，
    自损八百) makes a card of the whole idiom, read from its tokens; a token that is the
    idiom gets its note."""
    idiom = next((i for i in sentence.idioms
                  if i.start <= token.start and token.end <= i.end), None)
    word, note, reading, gloss = token.text, None, None, None
    if idiom is not None:
        note = idiom.english
        if (idiom.start, idiom.end) != (token.start, token.end):
            word, gloss = idiom.word, idiom.english
            reading = " ".join(s for t in sentence.tokens
                               if idiom.start <= t.start and t.end <= idiom.end
                               for s in t.info.pinyin)
    return _card(source, word, now=now, sentence=sentence.text, translation=translation,
                 text_id=text_id, info=token.info if word == token.text else None,
                 note=note, recall=recall, reading=reading, gloss=gloss)


def card_from_entry(
    source: Annotator | Lookup | None,
    word: str,
    example: str = "",
    *,
    now: datetime,
    translation: str = "",
    text_id: str = "",
    recall: bool = False,
) -> Card:
    """The card for a dictionary entry (a word looked up, not met in a sentence), with an
    example sentence of the learner's if there is one."""
    return _card(source, word, now=now, sentence=example, translation=translation,
                 text_id=text_id, recall=recall)


def current_gloss(glosses: dict[str, Gloss], card: Card) -> str:
    """The gloss a review shows: the learner's as it is now (by the card's simplified or
    traditional form), else the one the card was made with."""
    own = glosses.get(card.word) or glosses.get(card.traditional)
    return own.gloss if own is not None and own.gloss else card.gloss
