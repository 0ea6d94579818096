"""The vocab folder: the learner's own glosses and lexicon, as plain validated files.

``glosses.tsv``: one word per line, ``word<TAB>gloss<TAB>reading<TAB>note`` (reading and
note may be empty), sorted by word; ``#`` starts a comment line.
``lexicon.txt``: one rule per line: a single word to keep whole (``议价权``), or its parts
separated by spaces to split it (``一蹴 而就``); ``#`` starts a comment line.

Every problem is reported as ``file:line: problem`` and a file that does not parse is
never rewritten. Writes hold a lock on the folder and replace files atomically.
"""

from __future__ import annotations

import re
from pathlib import Path

from studyaid.core.errors import StudyaidError
from studyaid.core.model import Gloss
from studyaid.core.nlp.pinyin import han_count
from studyaid.core.nlp.segment import Lexicon, parse_lexicon_lines
from studyaid.core.vocab import GLOSSES, LEXICON
from studyaid.core.vocab.storage import locked, read_lines, write_atomic

GLOSS_HEADER = (
    "# studyaid glosses: one word per line, word TAB gloss TAB reading TAB note."
    " Reading (numbered pinyin, e.g. ao4 te4 man4) and note may be empty. Sorted by word.\n"
)
_SYLLABLE = re.compile(r"^(?:[a-z]+(?:u:)?[a-z]*[1-5]|r5|xx5)$")


def parse_reading(text: str, word: str) -> tuple[str, ...]:
    """Validate a numbered reading for ``word``; raise ValueError saying what is wrong."""
    syllables = tuple(text.lower().split())
    if not syllables:
        return ()
    bad = [s for s in syllables if not _SYLLABLE.match(s)]
    if bad:
        raise ValueError(f"reading {bad[0]!r} is not numbered pinyin like 'hao3' or 'lu:4'")
    if len(syllables) != han_count(word):
        raise ValueError(
            f"reading has {len(syllables)} syllables but {word!r} has "
            f"{han_count(word)} Han characters"
        )
    return syllables


def clean_field(field: str) -> str:
    """A field as one line: tabs and newlines become spaces."""
    return " ".join(field.split())


class Vocab:
    """The learner's vocab folder."""

    def __init__(self, folder: Path):
        self.folder = folder

    @property
    def glosses_path(self) -> Path:
        """Where the glosses live."""
        return self.folder / GLOSSES

    @property
    def lexicon_path(self) -> Path:
        """Where the segmentation rules live."""
        return self.folder / LEXICON

    def glosses(self) -> dict[str, Gloss]:
        """All glosses by word, validated."""
        path = self.glosses_path
        glosses: dict[str, Gloss] = {}
        for number, line in enumerate(read_lines(path), 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) > 4:
                raise StudyaidError(
                    f"{len(fields)} tab-separated fields; expected word, gloss, reading, note",
                    path, number,
                )
            fields += [""] * (4 - len(fields))
            word, gloss, reading, note = (f.strip() for f in fields)
            if not word:
                raise StudyaidError("the word (first field) is empty", path, number)
            if not gloss and not reading and not note:
                raise StudyaidError(f"{word!r} has no gloss, reading or note", path, number)
            if word in glosses:
                raise StudyaidError(f"{word!r} appears twice", path, number)
            try:
                syllables = parse_reading(reading, word)
            except ValueError as exc:
                raise StudyaidError(str(exc), path, number) from None
            glosses[word] = Gloss(word, gloss, syllables, note)
        return glosses

    def lexicon(self) -> Lexicon:
        """The segmentation rules, validated."""
        path = self.lexicon_path
        rules: list[str] = []
        seen: set[str] = set()
        for number, line in enumerate(read_lines(path), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = line.split()
            whole = "".join(parts)
            if whole in seen:
                raise StudyaidError(f"{whole!r} has two rules", path, number)
            if len(parts) > 1 and any(not part for part in parts):
                raise StudyaidError("empty part in a split", path, number)
            seen.add(whole)
            rules.append(line)
        return parse_lexicon_lines(rules)

    def _write_glosses(self, glosses: dict[str, Gloss]) -> None:
        lines = [GLOSS_HEADER]
        for word in sorted(glosses):
            g = glosses[word]
            lines.append(f"{word}\t{g.gloss}\t{' '.join(g.reading)}\t{g.note}\n")
        write_atomic(self.glosses_path, "".join(lines), sweep=True)

    def set_gloss(
        self, word: str, gloss: str, reading: str | None = None, note: str | None = None
    ) -> Gloss:
        """Add or change a word's gloss (and reading/note when given); return the entry."""
        word, gloss = clean_field(word), clean_field(gloss)
        if not word:
            raise StudyaidError("the word is empty")
        with locked(self.folder):
            glosses = self.glosses()  # raises, and so never rewrites, a broken file
            old = glosses.get(word)
            try:
                syllables = (
                    parse_reading(reading, word) if reading is not None
                    else (old.reading if old else ())
                )
            except ValueError as exc:
                raise StudyaidError(str(exc)) from None
            entry = Gloss(
                word,
                gloss,
                syllables,
                clean_field(note) if note is not None else (old.note if old else ""),
            )
            if not entry.gloss and not entry.reading and not entry.note:
                raise StudyaidError("the gloss is empty")
            glosses[word] = entry
            self._write_glosses(glosses)
        return entry

    def add_glosses(self, entries: list[Gloss], overwrite: bool = False) -> list[Gloss]:
        """Add many glosses in one write; a word already glossed otherwise is kept unless
        ``overwrite``. Returns the glosses written."""
        written = []
        with locked(self.folder):
            glosses = self.glosses()  # raises, and so never rewrites, a broken file
            for entry in entries:
                entry = Gloss(clean_field(entry.word), clean_field(entry.gloss),
                              entry.reading, clean_field(entry.note))
                if not entry.word or not (entry.gloss or entry.reading or entry.note):
                    raise StudyaidError(f"{entry.word!r}: the word or its gloss is empty")
                old = glosses.get(entry.word)
                if old == entry or (old is not None and not overwrite):
                    continue
                glosses[entry.word] = entry
                written.append(entry)
            if written:
                self._write_glosses(glosses)
        return written

    def clear_gloss(self, word: str) -> Gloss | None:
        """Remove a word's gloss text and keep the reading and note the learner set (the
        whole line goes only when there is neither); the entry kept, if any."""
        with locked(self.folder):
            glosses = self.glosses()
            old = glosses.get(word)
            if old is None:
                return None
            if old.reading or old.note:
                glosses[word] = Gloss(old.word, "", old.reading, old.note)
            else:
                del glosses[word]
            self._write_glosses(glosses)
        return glosses.get(word)

    def remove_gloss(self, word: str) -> bool:
        """Remove a word's gloss; False if it had none."""
        with locked(self.folder):
            glosses = self.glosses()
            if glosses.pop(word, None) is None:
                return False
            self._write_glosses(glosses)
        return True

    def add_rule(self, parts: list[str]) -> None:
        """Add a lexicon rule: one part merges a word, several split it."""
        with locked(self.folder):
            self.lexicon()
            existing = read_lines(self.lexicon_path)
            whole = "".join(parts)
            kept = [
                line for line in existing
                if line.strip() and "".join(line.split()) != whole
            ]
            write_atomic(self.lexicon_path, "\n".join([*kept, " ".join(parts)]) + "\n",
                         sweep=True)
