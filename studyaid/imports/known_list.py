"""Lists of words the learner already knows, from files other programs write.

Formats (:data:`KNOWN_FORMATS`), each ``read(lines, path, field) -> [(word, line)]``:

- ``list``: a word per line (``#`` comments, blank lines skipped);
- ``pleco``: Pleco's flashcard export, ``简体[繁體]<TAB>pinyin<TAB>definition`` under
  ``//category`` lines: the headword's simplified form;
- ``anki``: Anki's notes export (tab-separated, ``#key:value`` header lines, fields may
  hold HTML, which is stripped): the field that is a Chinese word on the most lines, or
  the ``--field N`` the learner names (counting from 1);
- ``csv``: a spreadsheet's first column (a header line that is not a word is skipped).

Files are decoded as texts are (UTF-8, UTF-16 with a BOM, GB18030, Big5). A line that
does not give a Chinese word is ``file:line: problem``, so a bad file marks nothing.
"""

from __future__ import annotations

import csv as _csv
import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from studyaid.core.errors import StudyaidError
from studyaid.core.text.loader import load_text
from studyaid.core.vocab.learner import KNOWN, is_word

Found = list[tuple[str, int]]
"""Words in file order, each with its line number."""
_TAG = re.compile(r"<[^>]*>|\[sound:[^\]]*\]")


def _word(cell: str) -> str:
    """A cell as a word: HTML and sound tags gone, entities decoded, surrounding
    whitespace and punctuation trimmed."""
    text = html.unescape(_TAG.sub(" ", cell)).strip() if "<" in cell or "&" in cell or \
        "[" in cell else cell.strip()
    while text and (unicodedata.category(text[0])[0] in "PZ"):
        text = text[1:]
    while text and (unicodedata.category(text[-1])[0] in "PZ"):
        text = text[:-1]
    return text


def _check(word: str, path: Path, number: int) -> tuple[str, int]:
    if not word:
        raise StudyaidError("no word on this line", path, number)
    if not is_word(word):
        raise StudyaidError(f"{word!r} is not a Chinese word", path, number)
    return word, number


def _content(lines: list[str]) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(lines, 1)
            if line.strip() and not line.startswith("#")]


def read_list(lines: list[str], path: Path, column: int | None = None) -> Found:
    """A word per line."""
    return [_check(_word(line), path, n) for n, line in _content(lines)]


def read_pleco(lines: list[str], path: Path, column: int | None = None) -> Found:
    """Pleco flashcards: the headword (its simplified form) of each card line."""
    return [_check(_word(line.split("\t", 1)[0].split("[", 1)[0]), path, n)
            for n, line in _content(lines) if not line.startswith("//")]


def _rows(lines: list[str], path: Path, delimiter: str) -> list[tuple[int, list[str]]]:
    """Rows with their first line's number; quoted fields may span lines."""
    numbered = [(n, line) for n, line in enumerate(lines, 1) if not line.startswith("#")]
    try:
        reader = _csv.reader((line for _, line in numbered), delimiter=delimiter, strict=True)
        rows = []
        for row in reader:
            number = numbered[reader.line_num - 1][0] if reader.line_num else 1
            if any(cell.strip() for cell in row):
                rows.append((number, row))
    except _csv.Error as exc:
        raise StudyaidError(f"cannot read the fields: {exc}", path,
                            numbered[reader.line_num - 1][0] if reader.line_num else None
                            ) from None
    return rows


def read_anki(lines: list[str], path: Path, column: int | None = None) -> Found:
    """Anki notes: the field ``column`` (from 1), else the one that is a Chinese word on
    the most lines (the leftmost when tied)."""
    rows = _rows(lines, path, "\t")
    if not rows:
        return []
    width = max(len(row) for _, row in rows)
    if column is None:
        counts = [sum(1 for _, row in rows if i < len(row) and is_word(_word(row[i])))
                  for i in range(width)]
        column = counts.index(max(counts)) + 1
    elif not 1 <= column <= width:
        raise StudyaidError(f"there is no field {column}: the notes have {width}", path)
    return [_check(_word(row[column - 1]) if column - 1 < len(row) else "", path, n)
            for n, row in rows]


def read_csv(lines: list[str], path: Path, column: int | None = None) -> Found:
    """A spreadsheet's first column (or ``column``); a first row that is not a word is
    its header."""
    rows = _rows(lines, path, ",")
    index = (column or 1) - 1
    if rows and not is_word(_word(rows[0][1][index] if index < len(rows[0][1]) else "")):
        rows = rows[1:]
    return [_check(_word(row[index]) if index < len(row) else "", path, n) for n, row in rows]


Reader = Callable[[list[str], Path, "int | None"], Found]
KNOWN_FORMATS: dict[str, Reader] = {
    "list": read_list,
    "pleco": read_pleco,
    "anki": read_anki,
    "csv": read_csv,
}
"""Format name -> reader."""


def guess_known_format(path: Path, lines: list[str]) -> str:
    """``.csv`` is csv; Anki's ``#separator``/``#html`` header or tabbed lines without
    Pleco's ``//`` categories are anki; Pleco's ``//`` categories or three tabbed fields
    are pleco; anything else a list."""
    if path.suffix.lower() == ".csv":
        return "csv"
    head = [line for line in lines[:200] if line.strip()]
    if any(line.startswith(("#separator:", "#html:", "#notetype", "#deck", "#columns:"))
           for line in head):
        return "anki"
    if any(line.startswith("//") for line in head) or any(
            line.count("\t") == 2 and "[" in line.split("\t")[0] for line in head):
        return "pleco"
    return "anki" if any("\t" in line for line in head) else "list"


def read_known(path: Path, fmt: str | None = None, column: int | None = None) -> Found:
    """The words of a known-word list, its format given or guessed."""
    text = load_text(path)
    lines = text.content.split("\n")
    chosen = fmt or guess_known_format(path, lines)
    if chosen not in KNOWN_FORMATS:
        raise StudyaidError(f"unknown format {chosen!r}; choose from "
                            f"{', '.join(KNOWN_FORMATS)}")
    return KNOWN_FORMATS[chosen](lines, path, column)


@dataclass
class KnownPlan:
    """What importing a list would do: the words to mark known, those known already."""

    new: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)


def plan_known(found: Found, statuses: dict[str, str]) -> KnownPlan:
    """Sort the file's words (each once, in file order) into new and already known."""
    result = KnownPlan()
    for word in dict.fromkeys(word for word, _ in found):
        (result.known if statuses.get(word) == KNOWN else result.new).append(word)
    return result
