"""What the learner knows and has written: word status, translations, place.

Plain tab-separated files in the vocab folder, next to ``glosses.tsv``; ``#`` starts a
comment line and blank lines are ignored:

``status.tsv``: ``word<TAB>status<TAB>since``, status ``learning`` or ``known`` (a word
with no line is ``new``), ``since`` the day it took that status (``2025-03-01``; empty in
a file written before studyaid dated them, whose two-field lines still read), sorted by
word. Only words have a status: Latin words, numbers and punctuation never do.
``translations.tsv``: ``text<TAB>sentence number<TAB>sentence<TAB>translation``. The
sentence's own text anchors the translation: when the text changes so that the sentence
at that number reads differently, the translation is reported as stale, not lost.
``positions.tsv``: ``text<TAB>sentence number``: where the learner left each text.
(Flashcards, ``cards.tsv``, belong to ``studyaid.study.cards``.)

Every problem is reported as ``file:line: problem``; a file that does not parse is
never rewritten. Writes hold the folder's lock and replace files atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal, TypeVar

from studyaid.core.errors import StudyaidError
from studyaid.core.nlp.pinyin import HAN
from studyaid.core.nlp.script import to_simplified
from studyaid.core.vocab import POSITIONS, STATUS, TRANSLATIONS, journal
from studyaid.core.vocab.glosses import clean_field
from studyaid.core.vocab.storage import Identity, identity, locked, read_lines, write_atomic

WordStatus = Literal["new", "learning", "known"]
"""A word's status, as LingQ and Lute have it; ``new`` is never stored. (Not a card's
FSRS state, which has a ``learning`` too: ``studyaid.study.scheduler.FsrsState``.)"""
NEW: WordStatus = "new"
LEARNING: WordStatus = "learning"
KNOWN: WordStatus = "known"
STATUSES: tuple[WordStatus, ...] = (NEW, LEARNING, KNOWN)


def word_status(value: str) -> WordStatus | None:
    """``value`` as a word status, or None when it is not one."""
    return next((status for status in STATUSES if status == value), None)

_HEADERS = {
    STATUS: "# studyaid word status: word TAB learning|known TAB since (the date it took that"
    " status; a word not listed is new).\n",
    TRANSLATIONS: "# studyaid translations: text TAB sentence number TAB sentence TAB"
    " translation.\n",
    POSITIONS: "# studyaid reading positions: text TAB sentence number TAB the word's"
    " character offset in that sentence.\n",
}

Row = TypeVar("Row")


@dataclass(frozen=True)
class Status:
    """A word's stored status and the day it took it ("" when not recorded)."""

    status: WordStatus
    since: str = ""


def is_word(text: str) -> bool:
    """Whether ``text`` can have a status: Han characters only (with ``·`` between
    names), never Latin, digits or punctuation. (Not one more regular expression: a
    second pattern over the Han ranges costs 7 ms to compile in every process.)"""
    match = HAN.match
    return bool(text) and match(text) is not None and all(
        char == "·" or match(char) is not None for char in text)


def status_of(statuses: dict[str, str], word: str) -> str:
    """``word``'s status in ``statuses``, matched as written or through its simplified form
    (a traditional text's 經濟 is the 经济 the learner marked known), with or without a
    final 儿 (HSK lists 一会儿 where a text has 一会)."""
    found = statuses.get(word)
    if found is None and word:
        simplified = to_simplified(word)
        for form in (simplified, simplified + "儿",
                     simplified[:-1] if len(simplified) > 1 and simplified[-1] == "儿" else ""):
            found = statuses.get(form) if form else None
            if found is not None:
                break
    return found or NEW


def known_growth(rows: dict[str, Status], today: date, weeks: int = 12) -> list[tuple[date, int]]:
    """How many words were known at the end of each of the last ``weeks`` weeks, oldest
    first, the last ending ``today`` (a word with no date counts from the start)."""
    days = sorted(date.fromisoformat(s.since) if s.since else date.min
                  for s in rows.values() if s.status == KNOWN)
    ends = [today - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]
    from bisect import bisect_right

    return [(end, bisect_right(days, end)) for end in ends]


@dataclass(frozen=True)
class Translation:
    """The learner's English for one sentence of one text."""

    text_id: str
    index: int
    sentence: str
    english: str


@dataclass(frozen=True)
class Shown:
    """A translation as the reader shows it: stale when the sentence has changed since."""

    english: str
    stale: bool


def _fields(line: str, count: int, names: str, path: Path, number: int,
            fewer: int = 0) -> list[str]:
    """The line's ``count`` fields (the last ``fewer`` may be left out: older files),
    padded with empty ones."""
    fields = line.split("\t")
    if count - fewer <= len(fields) < count:
        fields += [""] * (count - len(fields))
    if len(fields) != count:
        raise StudyaidError(
            f"{len(fields)} tab-separated fields; expected {count} ({names})", path, number
        )
    return [f.strip() for f in fields]


def _number(field: str, path: Path, number: int) -> int:
    if not field.isdigit():
        raise StudyaidError(f"sentence number {field!r} is not a whole number", path, number)
    return int(field)


def _parse_status(fields: list[str], path: Path, number: int) -> tuple[str, WordStatus]:
    word, value = fields
    if not word:
        raise StudyaidError("the word (first field) is empty", path, number)
    status = word_status(value)
    if status not in (LEARNING, KNOWN):
        raise StudyaidError(f"status {value!r} is not 'learning' or 'known'", path, number)
    return word, status


def _parse_translation(fields: list[str], path: Path, number: int) -> Translation:
    text_id, index, sentence, english = fields
    if not text_id:
        raise StudyaidError("the text (first field) is empty", path, number)
    if not sentence or not english:
        raise StudyaidError("the sentence or its translation is empty", path, number)
    return Translation(text_id, _number(index, path, number), sentence, english)


@dataclass(frozen=True)
class Place:
    """Where the learner left a text: the sentence, and the word in it (its first
    character's offset in the sentence: a word boundary may move, the text does not)."""

    sentence: int
    offset: int = 0


def _parse_position(fields: list[str], path: Path, number: int) -> tuple[str, Place]:
    text_id, index, offset = fields
    if not text_id:
        raise StudyaidError("the text (first field) is empty", path, number)
    if offset and not offset.isdigit():
        raise StudyaidError(f"word offset {offset!r} is not a whole number", path, number)
    return text_id, Place(_number(index, path, number), int(offset or 0))


class Learner:
    """The learner's progress files in the vocab folder."""

    def __init__(self, folder: Path):
        self.folder = folder
        # name -> (the file's identity when read, its rows): a reader asks for the
        # translation on every key press, and the file is parsed again only when it
        # changed (written here, or by another process).
        self._memo: dict[str, tuple[Identity, list]] = {}

    def forget(self) -> None:
        """Read every file afresh next time. A write calls this inside the lock: a file
        replaced twice within the clock's resolution, at the same size and on a reused
        inode, would look unchanged to the memo."""
        self._memo.clear()

    def path(self, name: str) -> Path:
        """Where one of the learner's files lives."""
        return self.folder / name

    # -- Reading and writing tables ------------------------------------------------

    def _read(
        self, name: str, count: int, names: str,
        parse: Callable[[list[str], Path, int], Row], fewer: int = 0,
    ) -> list[Row]:
        path = self.path(name)
        ident = identity(path)
        memo = self._memo.get(name)
        if memo is not None and memo[0] == ident:
            return list(memo[1])
        rows = []
        for number, line in enumerate(read_lines(path), 1):
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(parse(_fields(line, count, names, path, number, fewer), path, number))
        self._memo[name] = (ident, rows)
        return list(rows)

    def _write(self, name: str, rows: list[tuple[str, ...]]) -> None:
        body = "".join("\t".join(clean_field(f) for f in row) + "\n" for row in rows)
        write_atomic(self.path(name), _HEADERS[name] + body, sweep=True)

    # -- Word status -----------------------------------------------------------------

    def status_rows(self) -> dict[str, Status]:
        """Every word's stored status and its date, validated."""
        path = self.path(STATUS)
        ident = identity(path)
        memo = self._memo.get(STATUS)
        if memo is not None and memo[0] == ident:
            return dict(memo[1])
        found: dict[str, Status] = {}
        # One Status per (status, date): a learner's 20,000 rows share a few hundred, and
        # each date is checked once (the reader reads this file before its first paint).
        made: dict[tuple[str, str], Status] = {}
        for number, line in enumerate(read_lines(path), 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) == 2:  # written before statuses were dated
                fields.append("")
            elif len(fields) != 3:
                fields = _fields(line, 3, "word, status, since", path, number)  # raises
            word, value, since = (f.strip() for f in fields)
            row = made.get((value, since))
            if row is None:
                _, status = _parse_status([word, value], path, number)
                if since:
                    try:
                        date.fromisoformat(since)
                    except ValueError:
                        raise StudyaidError(f"date {since!r} is not like 2025-03-01", path,
                                            number) from None
                row = made[(value, since)] = Status(status, since)
            if not word:
                _parse_status([word, value], path, number)  # raises: the word is empty
            if word in found:
                raise StudyaidError(f"{word!r} appears twice", path, number)
            found[word] = row
        self._memo[STATUS] = (ident, list(found.items()))
        return found

    def statuses(self) -> dict[str, str]:
        """Every word's stored status (``learning`` or ``known``), validated."""
        return {word: row.status for word, row in self.status_rows().items()}

    def set_status(self, word: str, status: str, today: date | None = None) -> None:
        """Set a word's status; ``new`` removes its line."""
        self.set_statuses([word], status, today)

    def set_statuses(self, words: Iterable[str], status: str, today: date | None = None,
                     what: str = "") -> list[str]:
        """Give every word of ``words`` ``status`` (``new`` removes their lines), dated
        ``today``, as one change of the undo journal; the words that changed. A word that
        cannot have a status (Latin, a number, punctuation) stops it before anything is
        written."""
        if status not in STATUSES:
            raise StudyaidError(f"unknown status {status!r}")
        chosen = list(dict.fromkeys(clean_field(w) for w in words))
        for word in chosen:
            if not word:
                raise StudyaidError("the word is empty")
            if not is_word(word):
                raise StudyaidError(f"{word!r} is not a Chinese word (only words written in"
                                    " Chinese characters have a status)")
        since = (today or date.today()).isoformat()
        with locked(self.folder):
            self.forget()
            found = self.status_rows()
            edits: list[journal.Edit] = []
            for word in chosen:
                old = found.get(word)
                if (old.status if old else NEW) == status:
                    continue
                edits.append((STATUS, [word], [old.status, old.since] if old else None))
                if status == NEW:
                    del found[word]
                else:
                    found[word] = Status(status, since)
            if not edits:
                return []
            self._write_statuses(found)
            journal.record(self.folder, what or _what(status, [e[1][0] for e in edits]),
                           edits)
        return [e[1][0] for e in edits]

    def _write_statuses(self, found: dict[str, Status]) -> None:
        # Every field is clean already (validated when read or set): 20,000 rows.
        body = "".join(f"{w}\t{found[w].status}\t{found[w].since}\n" for w in sorted(found))
        write_atomic(self.path(STATUS), _HEADERS[STATUS] + body, sweep=True)
        self.forget()

    def restore_statuses(self, rows: list[tuple[list[str], list[str] | None]]) -> None:
        """Put status rows back as they were (undo; the caller holds the lock)."""
        self.forget()
        found = self.status_rows()
        for (word,), before in rows:
            if before is None:
                found.pop(word, None)
            else:
                found[word] = Status(word_status(before[0]) or LEARNING, before[1])
        self._write_statuses(found)

    # -- Translations --------------------------------------------------------------

    def translations(self) -> list[Translation]:
        """Every stored translation, validated."""
        return self._read(
            TRANSLATIONS, 4, "text, sentence number, sentence, translation", _parse_translation
        )

    def translation(self, text_id: str, index: int, sentence: str) -> Shown | None:
        """The translation of sentence ``index`` of a text, if any.

        One stored for this very sentence (by its text) wins, so a sentence that moved
        keeps it; else one stored for this number is shown as stale.
        """
        sentence = clean_field(sentence)
        mine = [t for t in self.translations() if t.text_id == text_id]
        for t in mine:
            if t.sentence == sentence:
                return Shown(t.english, stale=False)
        for t in mine:
            if t.index == index:
                return Shown(t.english, stale=True)
        return None

    def set_translation(self, text_id: str, index: int, sentence: str, english: str) -> None:
        """Store (or, with empty ``english``, remove) the translation of one sentence."""
        sentence, english = clean_field(sentence), clean_field(english)
        with locked(self.folder):
            self.forget()  # read inside the lock: what another process wrote is kept
            kept = [
                t for t in self.translations()
                if not (t.text_id == text_id and (t.index == index or t.sentence == sentence))
            ]
            if english:
                kept.append(Translation(clean_field(text_id), index, sentence, english))
            kept.sort(key=lambda t: (t.text_id, t.index))
            self._write(
                TRANSLATIONS, [(t.text_id, str(t.index), t.sentence, t.english) for t in kept]
            )

    # -- Positions ---------------------------------------------------------------------

    def places(self) -> dict[str, Place]:
        """Where the learner left each text: the sentence and the word."""
        return dict(self._read(POSITIONS, 3, "text, sentence number, word offset",
                               _parse_position, fewer=1))

    def positions(self) -> dict[str, int]:
        """The sentence number the learner was last at, per text."""
        return {text_id: place.sentence for text_id, place in self.places().items()}

    def position(self, text_id: str) -> int:
        """The sentence where the learner left a text (0 when never opened)."""
        return self.place(text_id).sentence

    def place(self, text_id: str) -> Place:
        """Where the learner left a text (its start when never opened)."""
        return self.places().get(text_id, Place(0))

    def set_position(self, text_id: str, index: int, offset: int = 0) -> None:
        """Remember where the learner is in a text: sentence ``index``, the word at
        character ``offset`` of it."""
        with locked(self.folder):
            self.forget()
            found = self.places()
            place = Place(index, offset)
            if found.get(text_id) == place:
                return
            found[clean_field(text_id)] = place
            self._write(POSITIONS, [(t, str(found[t].sentence), str(found[t].offset))
                                    for t in sorted(found)])


def _what(status: str, words: list[str]) -> str:
    shown = "、".join(words[:5]) + (f" and {len(words) - 5} more" if len(words) > 5 else "")
    return f"{shown} {'no longer marked' if status == NEW else status}"


@journal.restorer(STATUS)
def _restore_statuses(folder: Path, rows: list[tuple[list[str], list[str] | None]]) -> None:
    Learner(folder).restore_statuses(rows)
