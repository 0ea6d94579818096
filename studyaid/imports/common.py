"""What every import format shares: reading a file's lines and checking a gloss."""

from __future__ import annotations

import re
from pathlib import Path

from studyaid.core.errors import StudyaidError
from studyaid.core.model import Gloss
from studyaid.core.nlp.pinyin import has_han
from studyaid.core.vocab.glosses import clean_field, parse_reading, read_lines
from studyaid.imports.plan import Incoming

_SYLLABLE = re.compile(r"[a-zA-Z]+(?::|ü)?[a-zA-Z]*[1-5]")


def lines(path: Path) -> list[str]:
    """The file's lines (UTF-8); a missing file or bad bytes name the file (and line)."""
    if not path.is_file():
        raise StudyaidError("no such file", path)
    return read_lines(path)


def numbered(text: str) -> str:
    """Numbered pinyin with or without spaces (``fu3di3``, ``fu3 di3``) as spaced
    syllables; '' when it is not all numbered syllables (tone marks: not kept)."""
    compact = text.replace(" ", "").replace("ü", "u:").replace("v", "u:")
    found = _SYLLABLE.findall(compact)
    return " ".join(found).lower() if "".join(found) == compact else ""


def gloss_at(path: Path, number: int, word: str, gloss: str, reading: str = "",
             note: str = "", strict_reading: bool = True) -> Incoming:
    """A validated gloss from line ``number``; problems name file:line.

    ``strict_reading``: a reading that does not fit the word is an error (else dropped).
    """
    word, gloss, note = clean_field(word), clean_field(gloss), clean_field(note)
    if not word:
        raise StudyaidError("the word is empty", path, number)
    if not has_han(word):
        raise StudyaidError(f"{word!r} has no Chinese characters", path, number)
    if not gloss:
        raise StudyaidError(f"{word!r} has no gloss", path, number)
    try:
        syllables = parse_reading(reading, word)
    except ValueError as exc:
        if strict_reading:
            raise StudyaidError(str(exc), path, number) from None
        syllables = ()
    return Incoming(Gloss(word, gloss, syllables, note), number)
