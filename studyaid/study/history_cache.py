"""The card-state cache: a :class:`~studyaid.study.history.History` as a few flat arrays.

A warm open reads this file instead of the log. JSON of 100,000 reviews' columns took
longer to load than the rest of the open together; as typed arrays (the ``array``
module: raw numbers, read by ``frombytes``) and newline-joined strings it loads in a few
milliseconds. Loading parses data only (a JSON header, numbers, ASCII): a damaged or
foreign file cannot run anything; it fails a check and the history is rebuilt from the
log.

The layout: a magic line, one line of JSON (what is small, and each column's type and
size), then the columns' bytes one after another.
"""

from __future__ import annotations

import json
import math
import sys
from array import array
from datetime import datetime
from typing import TYPE_CHECKING, Any

from studyaid.study.scheduler import STATES, CardState, iso

if TYPE_CHECKING:
    from studyaid.study.history import History

MAGIC = b"studyaid card-state cache\n"
VERSION = 3
_NONE = -1  # a missing step
_STATE_CODE: dict[str, int] = {name: i for i, name in enumerate(STATES)}


class CacheMismatch(ValueError):
    """The cache is not one of this log as it is now (or is damaged): rebuild it."""


def _array(code: str, values: Any) -> bytes:
    return array(code, values).tobytes()


def _strings(values: list[str]) -> bytes:
    return "\n".join(values).encode("utf-8")


def pack(history: History) -> bytes:
    """The history as cache bytes."""
    stat = history.log.stat()
    key_ids = history.key_ids
    states = list(history.states.items())
    reviews, pairs = len(history.times), 2 * len(history.last)
    columns: dict[str, tuple[str, bytes]] = {
        "times": ("s", _strings(history.times)),
        "kid": ("i", _array("i", history.kid)),
        "grades": ("b", _array("b", history.grades)),
        "after": ("b", _array("b", map(_STATE_CODE.__getitem__, history.after))),
        "offsets": ("q", _array("q", history.offsets)),
        "lengths": ("i", _array("i", history.lengths)),
        "prev": ("i", _array("i", history.prev)),
        "last": ("i", _array("i", (x for k, i in history.last.items()
                                   for x in (key_ids[k], i)))),
        "count": ("i", _array("i", (x for k, n in history.count.items()
                                    for x in (key_ids[k], n)))),
        "state_key": ("i", _array("i", (key_ids[k] for k, _ in states))),
        "state_name": ("b", _array("b", (_STATE_CODE[s.state] for _, s in states))),
        "state_step": ("i", _array("i", (_NONE if s.step is None else s.step
                                         for _, s in states))),
        "state_stability": ("d", _array("d", (math.nan if s.stability is None else s.stability
                                              for _, s in states))),
        "state_difficulty": ("d", _array("d", (math.nan if s.difficulty is None
                                               else s.difficulty for _, s in states))),
        "state_due": ("s", _strings([iso(s.due) for _, s in states])),
        "state_last": ("s", _strings([iso(s.last_review) if s.last_review else ""
                                      for _, s in states])),
    }
    # How many items each column holds (a string column of one empty string is empty).
    items = {name: reviews for name in ("times", "kid", "grades", "after", "offsets",
                                        "lengths", "prev")}
    items.update(last=pairs, count=2 * len(history.count))
    items.update((name, len(states)) for name in columns if name.startswith("state_"))
    header = {
        "version": VERSION, "byteorder": sys.byteorder,
        "log": str(history.log.path), "inode": stat.st_ino if stat else 0,
        "offset": history.offset, "lines": history.lines, "tail": history.tail(),
        "keys": history.keys, "undone": sorted(history.undone),
        "warnings": history.warnings, "reviews": len(history.times),
        "columns": [[name, code, len(blob), items[name]] for name, (code, blob)
                    in columns.items()],
    }
    return b"".join((MAGIC, json.dumps(header, ensure_ascii=False).encode("utf-8"), b"\n",
                     *(blob for _, blob in columns.values())))


def _columns(header: dict[str, Any], data: bytes, start: int) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, code, size, items in header["columns"]:
        blob = data[start:start + size]
        if len(blob) != size:
            raise CacheMismatch("cut short")
        start += size
        if code == "s":
            found[name] = blob.decode("utf-8").split("\n") if items else []
        else:
            column = array(code)
            column.frombytes(blob)
            found[name] = column.tolist()
        if len(found[name]) != items:
            raise CacheMismatch(f"column {name} holds the wrong number of items")
    if start != len(data):
        raise CacheMismatch("trailing bytes")
    return found


def unpack(history: History, data: bytes) -> None:
    """Fill the empty ``history`` from cache bytes; CacheMismatch (or another
    ValueError, KeyError, TypeError, IndexError) when they are not of its log as it is
    now: rebuild it then."""
    if not data.startswith(MAGIC):
        raise CacheMismatch("not a cache file")
    end = data.index(b"\n", len(MAGIC))
    header = json.loads(data[len(MAGIC):end])
    stat = history.log.stat()
    if (header["version"] != VERSION or header["byteorder"] != sys.byteorder
            or header["log"] != str(history.log.path) or stat is None
            or header["inode"] != stat.st_ino or header["offset"] > stat.st_size):
        raise CacheMismatch("another log, or another version")
    history.offset, history.lines = header["offset"], header["lines"]
    if history.tail() != header["tail"]:
        raise CacheMismatch("the log changed before the cached offset")
    c = _columns(header, data, end + 1)
    count = header["reviews"]
    names = ("times", "kid", "grades", "after", "offsets", "lengths", "prev")
    if any(len(c[name]) != count for name in names):
        raise CacheMismatch("columns of different lengths")
    history.times, history.kid, history.grades = c["times"], c["kid"], c["grades"]
    history.after = [STATES[i] for i in c["after"]]
    history.offsets, history.lengths, history.prev = c["offsets"], c["lengths"], c["prev"]
    keys = history.keys = [(card, direction) for card, direction in header["keys"]]
    history.key_ids = {key: i for i, key in enumerate(keys)}
    pairs = c["last"]
    history.last = {keys[pairs[i]]: pairs[i + 1] for i in range(0, len(pairs), 2)}
    pairs = c["count"]
    history.count = {keys[pairs[i]]: pairs[i + 1] for i in range(0, len(pairs), 2)}
    history.states = {
        keys[k]: CardState(STATES[name], None if step == _NONE else step,
                           None if math.isnan(stability) else stability,
                           None if math.isnan(difficulty) else difficulty,
                           _time(due), _time(last) if last else None)
        for k, name, step, stability, difficulty, due, last in zip(
            c["state_key"], c["state_name"], c["state_step"], c["state_stability"],
            c["state_difficulty"], c["state_due"], c["state_last"], strict=True)}
    history.undone = {(card, direction, time) for card, direction, time in header["undone"]}
    history.warnings = list(header["warnings"])


def _time(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    if moment.utcoffset() is None or moment.utcoffset():
        raise CacheMismatch("a time not in UTC")
    return moment
