"""Readings the learner chose for one occurrence of a word, and choosing a reading at any
scope.

``readings.tsv``: ``text<TAB>offset<TAB>word<TAB>reading``, sorted by text and offset:
``word`` at character ``offset`` of the text reads ``reading`` (numbered pinyin), there
only (承诺为他 wéi, while 为 elsewhere stays as read). A line whose word is no longer at
its offset (the text changed) is ignored, not lost. A reading for one text or for
everywhere is a line of ``glosses.tsv`` (:mod:`.glosses`).
"""

from __future__ import annotations

from pathlib import Path

from studyaid.core.errors import StudyaidError
from studyaid.core.vocab import READINGS, journal
from studyaid.core.vocab.glosses import Vocab, clean_field, parse_reading
from studyaid.core.vocab.storage import locked, read_lines, write_atomic

OCCURRENCE, TEXT, EVERYWHERE, AUTOMATIC = "occurrence", "text", "everywhere", "automatic"
SCOPES = (OCCURRENCE, TEXT, EVERYWHERE, AUTOMATIC)
"""Where a reading choice applies; ``automatic`` removes every choice that applies to the
occurrence, so studyaid reads it again."""
_HEADER = ("# studyaid readings chosen for one occurrence: text TAB character offset TAB"
           " word TAB reading (numbered pinyin).\n")
Key = tuple[str, int]


class Readings:
    """The occurrence readings of the vocab folder."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.path = folder / READINGS

    def all(self) -> dict[Key, tuple[str, tuple[str, ...]]]:
        """Every chosen reading by (text, offset): (word, syllables), validated."""
        found: dict[Key, tuple[str, tuple[str, ...]]] = {}
        for number, line in enumerate(read_lines(self.path), 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = [f.strip() for f in line.split("\t")]
            if len(fields) != 4:
                raise StudyaidError(f"{len(fields)} tab-separated fields; expected 4 (text,"
                                    " offset, word, reading)", self.path, number)
            text, offset, word, reading = fields
            if not offset.isdigit():
                raise StudyaidError(f"offset {offset!r} is not a whole number", self.path,
                                    number)
            try:
                syllables = parse_reading(reading, word)
            except ValueError as exc:
                raise StudyaidError(str(exc), self.path, number) from None
            if not syllables or (text, int(offset)) in found:
                raise StudyaidError("no reading, or a second one for this occurrence",
                                    self.path, number)
            found[(text, int(offset))] = (word, syllables)
        return found

    def of_text(self, text_id: str) -> dict[int, tuple[str, tuple[str, ...]]]:
        """One text's chosen readings by offset."""
        return {offset: chosen for (text, offset), chosen in self.all().items()
                if text == text_id}

    def _write(self, found: dict[Key, tuple[str, tuple[str, ...]]]) -> None:
        body = "".join(f"{text}\t{offset}\t{word}\t{' '.join(reading)}\n"
                       for (text, offset), (word, reading) in sorted(found.items()))
        write_atomic(self.path, _HEADER + body, sweep=True)

    def change(self, key: Key, chosen: tuple[str, tuple[str, ...]] | None) -> list[journal.Edit]:
        """Set or (None) remove one occurrence's reading; the edit for the journal (the
        caller holds the lock)."""
        found = self.all()
        old = found.get(key)
        if old == chosen:
            return []
        if chosen is None:
            del found[key]
        else:
            found[key] = chosen
        self._write(found)
        return [(READINGS, [key[0], str(key[1])],
                 None if old is None else [old[0], " ".join(old[1])])]

    def restore(self, rows: list[tuple[list[str], list[str] | None]]) -> None:
        """Put occurrence readings back (undo; the caller holds the lock)."""
        found = self.all()
        for (text, offset), before in rows:
            if before is None:
                found.pop((text, int(offset)), None)
            else:
                found[(text, int(offset))] = (before[0], tuple(before[1].split()))
        self._write(found)


@journal.restorer(READINGS)
def _restore(folder: Path, rows: list[tuple[list[str], list[str] | None]]) -> None:
    Readings(folder).restore(rows)


def choose_reading(folder: Path, word: str, reading: str, scope: str, text_id: str = "",
                   offset: int = -1) -> None:
    """Read ``word`` as ``reading`` at ``scope``: this occurrence (``text_id`` at
    ``offset``), this text, or everywhere; ``automatic`` removes all three. One change of
    the undo journal."""
    word, text_id = clean_field(word), clean_field(text_id)
    if scope not in SCOPES:
        raise StudyaidError(f"unknown scope {scope!r}; choose from {', '.join(SCOPES)}")
    if scope in (OCCURRENCE, TEXT, AUTOMATIC) and not text_id:
        raise StudyaidError(f"a reading for one {scope} needs its text")
    try:
        syllables = parse_reading(reading, word) if scope != AUTOMATIC else ()
    except ValueError as exc:
        raise StudyaidError(str(exc)) from None
    if scope != AUTOMATIC and not syllables:
        raise StudyaidError("the reading is empty")
    vocab, readings = Vocab(folder), Readings(folder)
    with locked(folder):
        edits: list[journal.Edit] = []
        if scope == OCCURRENCE:
            edits += readings.change((text_id, offset), (word, syllables))
        elif scope == AUTOMATIC:
            if offset >= 0:
                edits += readings.change((text_id, offset), None)
            for text in (text_id, ""):
                edits += vocab.change_reading(word, (), text)
        else:
            edits += vocab.change_reading(word, syllables, text_id if scope == TEXT else "")
        where = {OCCURRENCE: " here", TEXT: " in one text", EVERYWHERE: "",
                 AUTOMATIC: " (automatic)"}[scope]
        journal.record(folder, f"reading of {word}{where}", edits)

