"""The undo journal: every change to the learner's files, so the last can be undone.

``undo.log`` holds one change per line, oldest first, as JSON (a row's fields may hold
tabs): ``{"what": ..., "at": ..., "edits": [[file, key, before], ...]}``. ``key`` names a
row of ``file`` the way that file's owner keys it (a word; a word and a text; ...) and
``before`` is the row's fields before the change, or null when it had no row. Undoing a
change puts every row it touched back as it was, through the file's owner (a
:data:`RESTORERS` entry), and drops the change from the journal: again and again, last
first. Both are written under the folder's lock, atomically, like any write.

Only the newest changes are kept (:data:`KEEP_BYTES`): undo is for the last few
mistakes, not a history (the files themselves can live in git).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from studyaid.core.errors import StudyaidError
from studyaid.core.vocab import JOURNAL
from studyaid.core.vocab.storage import read_lines, write_atomic

Row = list[str]
Edit = tuple[str, Row, Row | None]
"""One row a change touched: the file, the row's key, the row before (None: none)."""
Restore = Callable[[Path, list[tuple[Row, Row | None]]], None]
"""Put rows of one file back (called holding the folder's lock): ``(key, before)`` pairs."""

RESTORERS: dict[str, Restore] = {}
"""File name -> the function of its owner that puts rows back."""
KEEP_BYTES = 4_000_000
"""The journal keeps its newest changes up to about this size (at least the last one)."""


def restorer(name: str) -> Callable[[Restore], Restore]:
    """Register the owner of file ``name`` as the one that puts its rows back."""
    def register(function: Restore) -> Restore:
        RESTORERS[name] = function
        return function
    return register


@dataclass(frozen=True)
class Change:
    """One change in the journal."""

    what: str
    at: str
    edits: tuple[Edit, ...]


def _parse(line: str, path: Path, number: int) -> Change:
    try:
        raw = json.loads(line)
        edits = tuple((str(f), [str(k) for k in key],
                       None if before is None else [str(b) for b in before])
                      for f, key, before in raw["edits"])
        return Change(str(raw["what"]), str(raw["at"]), edits)
    except (ValueError, KeyError, TypeError):
        raise StudyaidError("not a change of the undo journal", path, number) from None


def changes(folder: Path) -> list[Change]:
    """The journal's changes, oldest first."""
    path = folder / JOURNAL
    return [_parse(line, path, number)
            for number, line in enumerate(read_lines(path), 1) if line.strip()]


def _line(change: Change) -> str:
    return json.dumps({"what": change.what, "at": change.at,
                       "edits": [list(e) for e in change.edits]}, ensure_ascii=False) + "\n"


def _write(folder: Path, lines: list[str]) -> None:
    size, start = 0, len(lines)
    while start > 0 and (size + len(lines[start - 1]) <= KEEP_BYTES or start == len(lines)):
        start -= 1
        size += len(lines[start])
    write_atomic(folder / JOURNAL, "".join(lines[start:]), sweep=True)


def record(folder: Path, what: str, edits: list[Edit], now: datetime | None = None) -> None:
    """Add a change to the journal; the caller holds the folder's lock and has just
    written the change. A change that touched nothing is not recorded."""
    if not edits:
        return
    at = (now or datetime.now()).isoformat(timespec="seconds")
    # The lines as they are (not parsed: a J press must not read a big import's change).
    kept = [f"{line}\n" for line in read_lines(folder / JOURNAL) if line.strip()]
    _write(folder, [*kept, _line(Change(what, at, tuple(edits)))])


def undo_last(folder: Path) -> Change | None:
    """Undo the newest change (the caller holds the folder's lock); None when there is
    none. A file the change touched that no longer parses stops the undo before anything
    is written."""
    found = changes(folder)
    if not found:
        return None
    last = found[-1]
    by_file: dict[str, list[tuple[Row, Row | None]]] = {}
    for name, key, before in last.edits:
        if name not in RESTORERS:
            raise StudyaidError(f"cannot undo a change to {name}")
        by_file.setdefault(name, []).append((key, before))
    for name, rows in by_file.items():
        RESTORERS[name](folder, rows)
    _write(folder, [_line(c) for c in found[:-1]])
    return last
