"""Card states derived from the review log, cached where they can be rebuilt.

Each log line stores the state a review left the card in (with FSRS's fuzzed due date),
so a card's state is the state of its last review by time that no undo line cancels.
The derivation is cached in the cache folder with the byte offset it has read up to;
opening reads only the lines appended since. A cache that does not match the log (the
log replaced, shortened, merged anew) or does not parse is rebuilt from the log.

Rebuilding reads the log by pattern (:meth:`ReviewLog.scan`) and json.loads only each
card's last kept line (:meth:`History.build`), with the same result as :meth:`History.feed`
over every line parsed; a log the pattern does not fit is parsed line by line.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from studyaid import paths
from studyaid.core.errors import StudyaidError
from studyaid.core.vocab.storage import write_atomic
from studyaid.study import history_cache
from studyaid.study.cards import DIRECTIONS
from studyaid.study.log import Chunk, ReviewLog, Scan
from studyaid.study.scheduler import GRADES, NEW, STATES, CardState, iso

Key = tuple[str, str]
"""A card and a direction: what FSRS schedules."""

_TAIL = 64  # bytes before the cached offset that must still be there, unchanged


def _canonical(value: Any) -> str:
    if type(value) is not str:
        raise ValueError("time is not a string")
    if len(value) == 32 and value.endswith("+00:00"):
        return value
    return iso(datetime.fromisoformat(value))  # another writer's form: normalised


class History:
    """Every kept review, in time order, and each card's current state, as the log says.

    Columns (one item per review, sorted by time) rather than objects: 100,000 reviews
    load from the cache as a few flat JSON lists. A review that was undone stays in the
    columns with grade 0; ``prev`` links each review to its card's previous kept one."""

    def __init__(self, log: ReviewLog):
        self.log = log
        self.keys: list[Key] = []
        self.key_ids: dict[Key, int] = {}
        self.times: list[str] = []
        self.kid: list[int] = []
        self.grades: list[int] = []
        self.after: list[str] = []
        """The state name each review left its card in."""
        self.offsets: list[int] = []
        self.lengths: list[int] = []
        self.prev: list[int] = []
        self.last: dict[Key, int] = {}
        self.count: dict[Key, int] = {}
        self.states: dict[Key, CardState] = {}
        self.undone: set[tuple[str, str, str]] = set()
        self.offset = 0
        self.lines = 0
        self.warnings: list[str] = []
        """Lines of the log that could not be read (kept in the cache: they stay)."""
        self.torn: str | None = None
        """The warning about an incomplete last line, if the log has one now."""
        self.unsaved: Path | None = None
        """Where the cache goes, while it lags behind (see :func:`save_cache`)."""

    # -- Feeding lines -------------------------------------------------------------------

    def feed(self, chunk: Chunk) -> bool:
        """Apply the lines of ``chunk`` (read from the log at :attr:`offset`); False, and
        nothing applied, when they go back in time (a merged log): rebuild then."""
        reviews, undos, bad = [], [], []
        for offset, length, obj in chunk.lines:
            try:
                card, direction = obj["card"], obj["direction"]
                if type(card) is not str or direction not in DIRECTIONS:
                    raise ValueError("card or direction")
                time = _canonical(obj["time"])
                if "undo" in obj:
                    undos.append((time, (card, direction), _canonical(obj["undo"])))
                    continue
                grade, state = obj["grade"], obj["state"]
                if grade not in GRADES or state["state"] not in STATES:
                    raise ValueError("grade or state")
                reviews.append((time, (card, direction), grade, state, offset, length))
            except (KeyError, TypeError, ValueError):
                bad.append(offset)
        # Logs merged by concatenation are out of time order: reviews go by time, and
        # before the undos, so that an undo finds its review.
        reviews.sort(key=lambda r: r[0])
        if reviews and self.times and reviews[0][0] < self.times[-1]:
            return False
        self.warnings.extend(chunk.warnings)
        self.warnings.extend(f"{self.log.path}:{self._line_of(o)}: not a review line; ignored"
                             for o in bad)
        self.torn = chunk.torn
        latest: dict[Key, dict[str, Any]] = {}
        for time, key, grade, state, offset, length in reviews:
            if self._add(key, time, grade, state["state"], offset, length):
                latest[key] = state
        for key, state in latest.items():
            self._set_state(key, state)
        for _time, key, undone in sorted(undos):
            self.remove(key, undone)
        self.offset, self.lines = chunk.end, chunk.line_count
        return True

    def build(self, scan: Scan) -> None:
        """Apply the whole log, read by pattern, to this empty history: what :meth:`feed`
        does with every line parsed, but only the last kept line of each card is read
        in full (for its state)."""
        assert not self.times and not self.undone, "build() starts from nothing"
        times = scan.times
        prev = _previous(scan.kid)
        if _in_order(times, prev):
            # One device's log: in time order, no review twice. The columns as they are.
            self.keys, self.kid, self.times = scan.keys, scan.kid, times
            self.grades, self.after = scan.grades, scan.after
            self.offsets, self.lengths = scan.offsets, scan.lengths
            self.key_ids = {key: i for i, key in enumerate(scan.keys)}
            self.prev = prev
            keys = scan.keys
            self.last = {keys[k]: i for k, i in _last(scan.kid, len(keys))}
            self.count = {keys[k]: n for k, n in Counter(scan.kid).items()}
        else:
            # Merged logs: by time, as feed() sorts them, and each review once (_add).
            for i in sorted(range(len(times)), key=times.__getitem__):
                self._add(scan.keys[scan.kid[i]], times[i], scan.grades[i], scan.after[i],
                          scan.offsets[i], scan.lengths[i])
        self.torn = scan.torn
        # Each card's state is its last kept review's (in key order, as feed() sets them).
        data, offsets, lengths = scan.data, self.offsets, self.lengths
        lines = json.loads(b"[" + b",".join(data[offsets[i]:offsets[i] + lengths[i]]
                                            for i in self.last.values()) + b"]")
        for key, line in zip(self.last, lines, strict=True):
            self._set_state(key, line["state"])
        for _time, key, undone in sorted(scan.undos):
            self.remove(key, undone)
        self.offset, self.lines = scan.end, scan.line_count

    def _add(self, key: Key, time: str, grade: int, after: str, offset: int,
             length: int) -> bool:
        """Keep a review (never earlier than the last one); False for a duplicate."""
        last = self.last.get(key, -1)
        if (last >= 0 and self.times[last] == time) or (*key, time) in self.undone:
            return False  # the same review twice (merged logs), or one undone already
        kid = self.key_ids.get(key)
        if kid is None:
            kid = self.key_ids[key] = len(self.keys)
            self.keys.append(key)
        self.last[key] = len(self.times)
        self.count[key] = self.count.get(key, 0) + 1
        self.times.append(time)
        self.after.append(after)
        self.kid.append(kid)
        self.grades.append(grade)
        self.offsets.append(offset)
        self.lengths.append(length)
        self.prev.append(last)
        return True

    def add(self, key: Key, time: str, grade: int, offset: int, length: int,
            state: CardState) -> None:
        """Keep a review just appended to the log by this process."""
        if self.times and time < self.times[-1]:
            raise ValueError("a review earlier than the last one")
        if self._add(key, time, grade, state.state, offset, length):
            self.states[key] = state

    def before(self, index: int) -> str:
        """The state name of the card before review ``index``."""
        prev = self.prev[index]
        return self.after[prev] if prev >= 0 else NEW

    def remove(self, key: Key, time: str) -> None:
        """Drop the review of ``key`` at ``time`` (undone); the card's state goes back."""
        self.undone.add((key[0], key[1], time))
        index, successor = self.last.get(key, -1), -1
        while index >= 0 and self.times[index] != time:
            index, successor = self.prev[index], index
        if index < 0:
            return
        self.grades[index] = 0
        self.count[key] -= 1
        if successor >= 0:
            self.prev[successor] = self.prev[index]
            return
        previous = self.prev[index]
        if previous < 0:
            del self.last[key], self.count[key]
            self.states.pop(key, None)
            return
        self.last[key] = previous
        line = self.log.read_at(self.offsets[previous], self.lengths[previous])
        self._set_state(key, json.loads(line)["state"])

    def _set_state(self, key: Key, state: dict[str, Any]) -> None:
        try:
            self.states[key] = CardState.from_json(state)
        except (KeyError, TypeError, ValueError) as exc:
            self.warnings.append(f"{self.log.path}: bad state for {key[0]} ({key[1]}): {exc}")

    def _line_of(self, offset: int) -> int:
        # Only for warnings: count the newlines before ``offset``.
        return self.log.read_at(0, offset).count(b"\n") + 1

    def last_review(self) -> tuple[Key, str] | None:
        """The latest kept review: its card and direction, and its time."""
        for index in range(len(self.times) - 1, -1, -1):
            if self.grades[index]:
                return self.keys[self.kid[index]], self.times[index]
        return None

    def since(self, start: str, end: str | None = None) -> range:
        """The indexes of the reviews (kept or undone) from ``start`` to before ``end``."""
        lo = bisect.bisect_left(self.times, start)
        return range(lo, len(self.times) if end is None else
                     bisect.bisect_left(self.times, end, lo))

    # -- The cache -----------------------------------------------------------------------

    def tail(self) -> str:
        """The log's bytes just before :attr:`offset` (hex): a cache whose tail differs
        was made from another log."""
        start = max(0, self.offset - _TAIL)
        return self.log.read_at(start, self.offset - start).hex()


def _in_order(times: list[str], prev: list[int]) -> bool:
    """Whether the reviews are in time order with no card reviewed twice at one time
    (``prev``: each review's card's review before it, from :func:`_previous`)."""
    if times != sorted(times):
        return False
    # In time order, a card's reviews at one time would follow each other in its chain.
    return not any(p >= 0 and times[p] == t for p, t in zip(prev, times, strict=True))


def _previous(kid: list[int]) -> list[int]:
    """For each review, the index of the same card's review before it (-1: none)."""
    seen: dict[int, int] = {}
    prev = [-1] * len(kid)
    for i, k in enumerate(kid):
        prev[i] = seen.get(k, -1)
        seen[k] = i
    return prev


def _last(kid: list[int], count: int) -> list[tuple[int, int]]:
    """``(card, its last review)``, in the order of the cards' first reviews."""
    last = [0] * count
    for i, k in enumerate(kid):
        last[k] = i
    return list(enumerate(last))


def _rebuild(history: History) -> None:
    """Read the whole log into an empty history: by pattern, else line by line."""
    scan = history.log.scan()
    if scan is not None:
        history.build(scan)
    else:
        history.feed(history.log.read_from(0, 0))


def cache_file(cache: Path, log: ReviewLog) -> Path:
    """Where the derivation of ``log`` is cached (one file per vocab folder)."""
    digest = hashlib.sha1(str(log.path.resolve()).encode()).hexdigest()[:16]
    return paths.study_cache_dir(cache) / f"history-{digest}.bin"


def load(log: ReviewLog, cache: Path | None, save: bool = True) -> History:
    """The history of ``log``: the cache, updated with the lines appended since (or the
    log read from the start), and the cache saved again when it moved on (``save=False``:
    left to :func:`save`, so that a screen can show its first card before writing it)."""
    history = History(log)
    if log.stat() is None:
        return history  # no reviews yet: nothing to read or cache
    where = cache_file(cache, log) if cache is not None else None
    restored = False
    if where is not None:
        try:
            history_cache.unpack(history, where.read_bytes())
            restored = True
        except (OSError, ValueError, KeyError, TypeError, IndexError, UnicodeDecodeError):
            restored = False
        if not restored:
            history = History(log)
    start = history.offset
    if not restored or not history.feed(log.read_from(history.offset, history.lines)):
        history, restored = History(log), False  # no cache, or lines from the past
        _rebuild(history)
    if where is not None and (not restored or history.offset != start):
        history.unsaved = where
        if save:
            save_cache(history)
    return history


def save_cache(history: History) -> None:
    """Write the cache of ``history`` if it has moved on since it was read."""
    where, history.unsaved = history.unsaved, None
    if where is None:
        return
    try:
        write_atomic(where, history_cache.pack(history))
    except StudyaidError:
        pass  # a cache we cannot write is rebuilt next time; the log is what counts
