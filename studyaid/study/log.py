"""``reviews.log`` in the vocab folder: every grade, appended, flushed and fsynced.

JSON Lines, one object per line; times are ISO 8601 in UTC::

    {"card": "釜底抽薪", "direction": "recognition", "grade": 3,
     "time": "2025-05-01T08:00:00.000000+00:00", "duration_ms": 5300,
     "state": {...the card's state after the review, incl. the scheduled (fuzzed) due...}}
    {"undo": "<time of the review it undoes>", "card": ..., "direction": ..., "time": ...}

The log is never rewritten. A line that does not parse (the torn last line of a crash, or
a line glued to it) is skipped with a warning, never fatal. Logs from two devices merge by
concatenation: readers sort by time and drop exact duplicates (see ``history.py``).

Reading the whole log (no cache yet, or a log replaced or merged) need not json.loads
every line: :meth:`ReviewLog.scan` checks each line against the exact form this module
writes and takes its fields by pattern. A line in any other form (another writer's
spacing, an escaped card name, a broken line) sends the reader back to :meth:`read_from`.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate
from pathlib import Path
from typing import Any

from studyaid.core.errors import StudyaidError
from studyaid.core.vocab import LOG
from studyaid.core.vocab.storage import failure, locked
from studyaid.study.scheduler import CardState, iso

# The lines review_record() and undo_record() write: compact JSON, keys in this order, no
# escapes in the card name. A review line's fields up to its state's name are matched
# exactly; the rest (numbers, null and times: ASCII) must be printable ASCII ending the
# two objects. Run over bytes, the pattern cannot cross a newline.
_TIME = rb"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}\+00:00"
_KEY = rb'"card":"([^"\\\x00-\x1f]*","direction":"(?:recognition|recall))"'
_REVIEW = re.compile(
    rb'^\{' + _KEY + rb',"grade":([1-4]),"time":"(' + _TIME + rb')","duration_ms":[0-9]+,'
    rb'"state":\{"state":"(new|learning|review|relearning)",[\x20-\x7e]*\}\}$', re.MULTILINE)
_UNDO = re.compile(rb'^\{"undo":"(' + _TIME + rb')",' + _KEY + rb',"time":"(' + _TIME
                   + rb')"\}$', re.MULTILINE)
_SPLIT_KEY = '","direction":"'
_GRADE = {b"1": 1, b"2": 2, b"3": 3, b"4": 4}
_STATE = {name.encode(): name for name in ("new", "learning", "review", "relearning")}


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


@dataclass
class Scan:
    """The whole log read by pattern (:meth:`ReviewLog.scan`): its review lines as
    columns, in line order, and its undo lines."""

    data: bytes
    """The log's bytes, for the few lines that are then read in full."""
    keys: list[tuple[str, str]]
    """Each (card, direction), in the order of their first review line."""
    kid: list[int]
    times: list[str]
    grades: list[int]
    after: list[str]
    offsets: list[int]
    lengths: list[int]
    undos: list[tuple[str, tuple[str, str], str]]
    """``(time, (card, direction), time undone)`` each."""
    end: int
    line_count: int
    torn: str | None


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
                raise StudyaidError(f"cannot save the review: {failure(exc)}",
                                    self.path) from None
            try:
                size = os.fstat(fd).st_size
                # A crash may have left a torn line without its newline: end it, so the
                # torn bytes stay one unreadable line and do not spoil this one.
                if size and os.pread(fd, 1, size - 1) != b"\n":
                    data = b"\n" + data
                    size += 1
                view = memoryview(data)
                try:
                    while view:
                        view = view[os.write(fd, view):]
                    os.fsync(fd)
                except OSError:
                    # Part of the line may be on disk (a full disk): take it back, so the
                    # log stays what it was.
                    with contextlib.suppress(OSError):
                        os.ftruncate(fd, os.fstat(fd).st_size - (len(data) - len(view)))
                    raise
            except OSError as exc:
                raise StudyaidError(f"cannot save the review: {failure(exc)}; the log is "
                                    "unchanged", self.path) from None
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

    def _read(self, offset: int) -> bytes | None:
        try:
            with open(self.path, "rb") as handle:
                handle.seek(offset)
                return handle.read()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StudyaidError(f"cannot read: {exc.strerror or exc}", self.path) from None

    def _torn(self, data: bytes, cut: int, line_count: int) -> str | None:
        if not data[cut:].strip():
            return None
        return (f"{self.path}:{line_count + 1}: incomplete last line ignored "
                "(a review interrupted by a crash)")

    def scan(self) -> Scan | None:
        """The whole log read by pattern, with a json.loads of no line: what
        :meth:`read_from` (0, 0) reads, as columns. None when a line is not in the form
        this module writes (or is blank, or two lines are glued together): read the log
        with :meth:`read_from` then."""
        data = self._read(0)
        if data is None:
            return None
        cut = data.rfind(b"\n") + 1
        body = data[:cut]
        raw = body.split(b"\n")[:-1]
        undo_lines = []
        if b'{"undo":' in body:
            undo_lines = [(m.start(), m.groups()) for m in _UNDO.finditer(body)]
        matches = _REVIEW.findall(body)
        # Each match is one whole line: every line matched when they add up, and no
        # line holds another's start (a torn line glued to the next: one "{" too many).
        if (len(matches) + len(undo_lines) != len(raw)
                or body.count(b'{"') != 2 * len(matches) + len(undo_lines)):
            return None
        lengths = list(map(len, raw))
        offsets = list(accumulate((n + 1 for n in lengths), initial=0))[:-1]
        if undo_lines:
            skip = {bisect.bisect_left(offsets, start) for start, _ in undo_lines}
            offsets = [o for i, o in enumerate(offsets) if i not in skip]
            lengths = [n for i, n in enumerate(lengths) if i not in skip]
        if not matches:
            raw_keys: tuple[bytes, ...] = ()
            grades: tuple[bytes, ...] = ()
            times: tuple[bytes, ...] = ()
            states: tuple[bytes, ...] = ()
        else:
            raw_keys, grades, times, states = zip(*matches, strict=True)
        ids: dict[bytes, int] = {}
        kid = [ids.setdefault(k, len(ids)) for k in raw_keys]
        try:
            keys = [_key(k) for k in ids]
            undos = [(_ascii(time), _key(key), _ascii(undone))
                     for _, (undone, key, time) in undo_lines]
        except UnicodeDecodeError:
            return None
        return Scan(data, keys, kid, _ascii(b"\n".join(times)).split("\n") if times else [],
                    list(map(_GRADE.__getitem__, grades)), list(map(_STATE.__getitem__, states)),
                    offsets, lengths, undos, cut, len(raw), self._torn(data, cut, len(raw)))

    def read_from(self, offset: int = 0, line: int = 0) -> Chunk:
        """Every complete line after byte ``offset`` (which starts line ``line + 1``).

        An incomplete last line is left unread, with a warning: it is the grade a crash
        interrupted, and its fsync never returned."""
        data = self._read(offset)
        if data is None:
            return Chunk(end=offset, line_count=line)
        chunk = Chunk()
        cut = data.rfind(b"\n") + 1
        raw = data[:cut].split(b"\n")[:-1]
        chunk.end = offset + cut
        chunk.line_count = line + len(raw)
        chunk.torn = self._torn(data, cut, chunk.line_count)
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


def _key(raw: bytes) -> tuple[str, str]:
    card, direction = raw.decode("utf-8").split(_SPLIT_KEY)
    return card, direction


def _ascii(raw: bytes) -> str:
    return raw.decode("ascii")


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
