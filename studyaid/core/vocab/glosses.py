"""The vocab folder: the learner's own glosses and lexicon, as plain validated files.

``glosses.tsv``: one word per line, ``word<TAB>gloss<TAB>reading<TAB>note<TAB>text``
(reading, note and text may be empty; a line of four fields, as older files have, has no
text), sorted by word. ``text`` scopes the line to one text (its id: ``seed`` or the
file's full path): there it wins over the line for everywhere; ``#`` starts a comment
line.
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
from studyaid.core.vocab import GLOSSES, LEXICON, journal
from studyaid.core.vocab.storage import locked, read_lines, write_atomic

GLOSS_HEADER = (
    "# studyaid glosses: one word per line, word TAB gloss TAB reading TAB note TAB text."
    " Reading (numbered pinyin, e.g. ao4 te4 man4), note and text may be empty; a text"
    " (seed, or a file's path) makes the line apply in that text only. Sorted by word.\n"
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


def read_glosses(path: Path) -> dict[tuple[str, str], Gloss]:
    """A glosses file's entries by (text, word), validated; a line without the text
    field (a file from before glosses were scoped) applies everywhere (text "")."""
    glosses: dict[tuple[str, str], Gloss] = {}
    for number, line in enumerate(read_lines(path), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) > 5:
            raise StudyaidError(
                f"{len(fields)} tab-separated fields; expected word, gloss, reading, note,"
                " text", path, number)
        fields += [""] * (5 - len(fields))
        word, gloss, reading, note, text = (f.strip() for f in fields)
        if not word:
            raise StudyaidError("the word (first field) is empty", path, number)
        if not gloss and not reading and not note:
            raise StudyaidError(f"{word!r} has no gloss, reading or note", path, number)
        if (text, word) in glosses:
            raise StudyaidError(f"{word!r} appears twice" + (f" for {text}" if text else ""),
                                path, number)
        try:
            syllables = parse_reading(reading, word)
        except ValueError as exc:
            raise StudyaidError(str(exc), path, number) from None
        glosses[(text, word)] = Gloss(word, gloss, syllables, note)
    return glosses


def _gloss_row(entry: Gloss | None) -> list[str] | None:
    return None if entry is None else [entry.gloss, " ".join(entry.reading), entry.note]


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

    def scoped(self) -> dict[tuple[str, str], Gloss]:
        """Every gloss by (text, word), validated; text "" is everywhere."""
        return read_glosses(self.glosses_path)

    def glosses(self, text_id: str | None = None) -> dict[str, Gloss]:
        """The glosses by word that apply everywhere, and with ``text_id`` those of that
        text over them (the text's gloss wins in the text)."""
        found = self.scoped()
        glosses = {word: g for (text, word), g in found.items() if not text}
        if text_id:
            for (text, word), mine in found.items():
                if text == text_id:
                    base = glosses.get(word) or Gloss(word, "")
                    # Field by field: a reading chosen for the text keeps the gloss for
                    # everywhere, and the other way round.
                    glosses[word] = Gloss(word, mine.gloss or base.gloss,
                                          mine.reading or base.reading, mine.note or base.note)
        return glosses

    def rules(self) -> dict[tuple[str, str], str]:
        """Every segmentation rule by (text, whole word): its parts, space-separated;
        text "" is everywhere. Validated."""
        path = self.lexicon_path
        rules: dict[tuple[str, str], str] = {}
        for number, line in enumerate(read_lines(path), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            rule, _, text = line.partition("\t")
            parts = rule.split()
            whole = "".join(parts)
            text = text.strip()
            if not parts or "\t" in text:
                raise StudyaidError("expected the word's parts, then a text", path, number)
            if (text, whole) in rules:
                raise StudyaidError(f"{whole!r} has two rules", path, number)
            rules[(text, whole)] = " ".join(parts)
        return rules

    def lexicon(self, text_id: str | None = None) -> Lexicon:
        """The segmentation rules for everywhere, and with ``text_id`` that text's over
        them."""
        chosen: dict[str, str] = {}
        for (text, whole), rule in self.rules().items():
            if not text:
                chosen.setdefault(whole, rule)
            elif text == text_id:
                chosen[whole] = rule
        return parse_lexicon_lines(chosen.values())

    def _write_glosses(self, glosses: dict[tuple[str, str], Gloss]) -> None:
        lines = [GLOSS_HEADER]
        for text, word in sorted(glosses, key=lambda key: (key[1], key[0])):
            g = glosses[(text, word)]
            row = f"{word}\t{g.gloss}\t{' '.join(g.reading)}\t{g.note}"
            lines.append((f"{row}\t{text}" if text else row) + "\n")
        write_atomic(self.glosses_path, "".join(lines), sweep=True)

    def _change(self, what: str, glosses: dict[tuple[str, str], Gloss],
                changed: dict[tuple[str, str], Gloss | None]) -> None:
        """Write ``changed`` (key -> new entry, None: removed) over ``glosses`` and journal
        the rows as they were (the caller holds the lock)."""
        edits: list[journal.Edit] = []
        for key, entry in changed.items():
            old = glosses.get(key)
            if old == entry:
                continue
            edits.append((GLOSSES, [key[1], key[0]], _gloss_row(old)))
            if entry is None:
                glosses.pop(key, None)
            else:
                glosses[key] = entry
        if edits:
            self._write_glosses(glosses)
            journal.record(self.folder, what, edits)

    def restore_glosses(self, rows: list[tuple[list[str], list[str] | None]]) -> None:
        """Put gloss rows back as they were (undo; the caller holds the lock)."""
        glosses = self.scoped()
        for (word, text), before in rows:
            if before is None:
                glosses.pop((text, word), None)
            else:
                gloss, reading, note = before
                glosses[(text, word)] = Gloss(word, gloss, tuple(reading.split()), note)
        self._write_glosses(glosses)

    def set_gloss(
        self, word: str, gloss: str, reading: str | None = None, note: str | None = None,
        text: str = "",
    ) -> Gloss:
        """Add or change a word's gloss (and reading/note when given) everywhere, or with
        ``text`` in that text only; return the entry."""
        word, gloss, text = clean_field(word), clean_field(gloss), clean_field(text)
        if not word:
            raise StudyaidError("the word is empty")
        with locked(self.folder):
            glosses = self.scoped()  # raises, and so never rewrites, a broken file
            old = glosses.get((text, word))
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
            self._change(f"gloss of {word}" + (" in one text" if text else ""), glosses,
                         {(text, word): entry})
        return entry

    def change_reading(self, word: str, syllables: tuple[str, ...], text: str = ""
                       ) -> list[journal.Edit]:
        """Read ``word`` as ``syllables`` everywhere, or in ``text``; () removes the choice
        (and the entry, when nothing else is in it). The caller holds the lock and records
        the returned edits in the journal."""
        glosses = self.scoped()
        key = (text, word)
        old = glosses.get(key) or Gloss(word, "")
        entry: Gloss | None = Gloss(word, old.gloss, syllables, old.note)
        if entry is not None and not (entry.gloss or entry.reading or entry.note):
            entry = None
        if glosses.get(key) == entry:
            return []
        self._write_glosses({**glosses, key: entry} if entry else
                            {k: g for k, g in glosses.items() if k != key})
        return [(GLOSSES, [word, text], _gloss_row(glosses.get(key)))]

    def add_glosses(self, entries: list[Gloss], overwrite: bool = False) -> list[Gloss]:
        """Add many glosses in one write; a word already glossed otherwise is kept unless
        ``overwrite``. Returns the glosses written."""
        written = []
        with locked(self.folder):
            scoped = self.scoped()  # raises, and so never rewrites, a broken file
            glosses = {word: g for (text, word), g in scoped.items() if not text}
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
            self._change(f"{len(written)} glosses imported", scoped,
                         {("", g.word): g for g in written})
        return written

    def clear_gloss(self, word: str, text: str = "") -> Gloss | None:
        """Remove a word's gloss text (everywhere, or the one for ``text``) and keep the
        reading and note the learner set (the whole line goes only when there is
        neither); the entry kept, if any."""
        with locked(self.folder):
            glosses = self.scoped()
            old = glosses.get((text, word))
            if old is None:
                return None
            kept = Gloss(old.word, "", old.reading, old.note) if old.reading or old.note \
                else None
            self._change(f"gloss of {word} cleared", glosses, {(text, word): kept})
        return kept

    def remove_gloss(self, word: str, text: str = "") -> bool:
        """Remove a word's gloss (everywhere, or the one for ``text``); False if it had
        none."""
        with locked(self.folder):
            glosses = self.scoped()
            if (text, word) not in glosses:
                return False
            self._change(f"gloss of {word} removed", glosses, {(text, word): None})
        return True

    def add_rule(self, parts: list[str], text: str = "") -> None:
        """Add a lexicon rule, everywhere or for ``text`` only: one part merges a word,
        several split it."""
        whole, text = "".join(parts), clean_field(text)
        with locked(self.folder):
            old = self.rules().get((text, whole))
            rule = " ".join(parts)
            if old == rule:
                return
            self._set_rules({(text, whole): rule})
            journal.record(self.folder, f"{'split' if len(parts) > 1 else 'merge'} of {whole}"
                           + (" in one text" if text else ""),
                           [(LEXICON, [whole, text], None if old is None else [old])])

    def _set_rules(self, changed: dict[tuple[str, str], str | None]) -> None:
        """Replace, add or (None) remove rules, keeping every other line as it is."""
        self.rules()  # raises, and so never rewrites, a broken file
        kept = []
        for line in read_lines(self.lexicon_path):
            if not line.strip():
                continue
            rule, _, text = line.partition("\t")
            if line.lstrip().startswith("#") or (text.strip(), "".join(rule.split())) \
                    not in changed:
                kept.append(line)
        for (scope, _), new in changed.items():
            if new is not None:
                kept.append(f"{new}\t{scope}" if scope else new)
        write_atomic(self.lexicon_path, "\n".join(kept) + "\n", sweep=True)

    def restore_rules(self, rows: list[tuple[list[str], list[str] | None]]) -> None:
        """Put lexicon rules back as they were (undo; the caller holds the lock)."""
        self._set_rules({(text, whole): before[0] if before else None
                         for (whole, text), before in rows})


@journal.restorer(LEXICON)
def _restore_rules(folder: Path, rows: list[tuple[list[str], list[str] | None]]) -> None:
    Vocab(folder).restore_rules(rows)


@journal.restorer(GLOSSES)
def _restore_glosses(folder: Path, rows: list[tuple[list[str], list[str] | None]]) -> None:
    Vocab(folder).restore_glosses(rows)
