"""``reviews.log`` in the vocab folder: every grade, appended, flushed and fsynced.

JSON Lines, one object per line; times are ISO 8601 in UTC::

    {"card": "釜底抽薪", "direction": "recognition", "grade": 3,
     "time": "2025-05-01T08:00:00.000000+00:00", "duration_ms": 5300,
     "state": {...the card's state after the review, incl. the scheduled (fuzzed) due...}}
    {"undo": "<time of the review it undoes>", "card": ..., "direction": ..., "time": ...}

The log is never rewritten. A line that does not parse (the torn last line of a crash, or
a line glued to it) is skipped with a warning, never fatal. Logs from two devices merge by
concatenation: readers sort by time and drop exact duplicates (see ``history.py``).
"""

from __future__ import annotations

import errno
import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from studyaid.core.errors import StudyaidError
from studyaid.core.storage import locked
from studyaid.study.scheduler import CardState, iso

LOG = "reviews.log"


def review_record(card: str, direction: str, grade: int, now: datetime, duration_ms: int,
                  state: CardState) -> dict[str, Any]:
    """The log line of one review."""
    return {"card": card, "direction": direction, "grade": grade, "time": iso(now),
            "duration_ms": int(duration_ms), "state": state.as_json()}


def undo_record(card: str, direction: str, undone: str, now: datetime) -> dict[str, Any]:
    """The log line that undoes the review of ``card`` at time ``undone``."""
    return {"undo": undone, "card": card, "direction": direction, "time": iso(now)}


@dataclass
class Chunk:
    """Lines read from the log: ``(offset, length, object)`` each, where reading stopped
    (after the last complete line), the lines that could not be read, and the warning
    about an incomplete last line if there is one."""

    lines: list[tuple[int, int, dict[str, Any]]] = field(default_factory=list)
    end: int = 0
    line_count: int = 0
    warnings: list[str] = field(default_factory=list)
    torn: str | None = None


class ReviewLog:
    """The append-only review log of a vocab folder."""

    def __init__(self, vocab: Path):
        self.vocab = vocab
        self.path = vocab / LOG

    def append(self, record: dict[str, Any]) -> tuple[int, int]:
        """Append one line; flushed and fsynced on return. Returns its (offset, length)."""
        body = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
        data = body + b"\n"
        with locked(self.vocab):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
            except OSError as exc:
                raise StudyaidError(f"cannot open: {exc.strerror or exc}", self.path) from None
            try:
                size = os.fstat(fd).st_size
                # A crash may have left a torn line without its newline: end it, so the
                # torn bytes stay one unreadable line and do not spoil this one.
                if size and os.pread(fd, 1, size - 1) != b"\n":
                    data = b"\n" + data
                    size += 1
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
                os.fsync(fd)
            except OSError as exc:
                reason = ("the disk is full" if exc.errno == errno.ENOSPC
                          else exc.strerror or str(exc))
                raise StudyaidError(f"cannot save the review: {reason}", self.path) from None
            finally:
                os.close(fd)
            if size == 0:
                _fsync_folder(self.vocab)  # the new file's name is durable too
        return size, len(body)

    def stat(self) -> os.stat_result | None:
        """The log's stat, or None when there is no log yet."""
        try:
            return self.path.stat()
        except FileNotFoundError:
            return None

    def read_at(self, offset: int, length: int) -> bytes:
        """``length`` bytes at ``offset`` (one line, as :meth:`read_from` placed it)."""
        with open(self.path, "rb") as handle:
            handle.seek(offset)
            return handle.read(length)

    def read_from(self, offset: int = 0, line: int = 0) -> Chunk:
        """Every complete line after byte ``offset`` (which starts line ``line + 1``).

        An incomplete last line is left unread, with a warning: it is the grade a crash
        interrupted, and its fsync never returned."""
        try:
            with open(self.path, "rb") as handle:
                handle.seek(offset)
                data = handle.read()
        except FileNotFoundError:
            return Chunk(end=offset, line_count=line)
        except OSError as exc:
            raise StudyaidError(f"cannot read: {exc.strerror or exc}", self.path) from None
        chunk = Chunk()
        cut = data.rfind(b"\n") + 1
        raw = data[:cut].split(b"\n")[:-1]
        chunk.end = offset + cut
        chunk.line_count = line + len(raw)
        if data[cut:].strip():
            chunk.torn = (f"{self.path}:{chunk.line_count + 1}: incomplete last line ignored "
                          "(a review interrupted by a crash)")
        places: list[tuple[int, int, int]] = []  # offset, length, line number
        kept: list[bytes] = []
        position = offset
        for number, text in enumerate(raw, line + 1):
            if text.strip():
                places.append((position, len(text), number))
                kept.append(text)
            position += len(text) + 1
        chunk.lines = self._parse(kept, places, chunk.warnings)
        return chunk

    def _parse(self, kept: list[bytes], places: list[tuple[int, int, int]],
               warnings: list[str]) -> list[tuple[int, int, dict[str, Any]]]:
        # One json.loads over the whole array is several times faster than one per line;
        # any bad line makes it fail (or miscount), and then each line is read alone.
        try:
            objects = json.loads(b"[" + b",".join(kept) + b"]")
            if len(objects) == len(kept) and all(type(o) is dict for o in objects):
                return [(p[0], p[1], o) for p, o in zip(places, objects, strict=True)]
        except ValueError:
            pass
        parsed = []
        for text, (position, length, number) in zip(kept, places, strict=True):
            try:
                obj = json.loads(text)
            except ValueError:
                obj = None
            if type(obj) is not dict:
                warnings.append(f"{self.path}:{number}: unreadable line ignored")
                continue
            parsed.append((position, length, obj))
        return parsed


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
