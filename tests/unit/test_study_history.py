"""The whole log read by pattern (ReviewLog.scan + History.build) gives the same history
as every line parsed (History.feed), on logs with undos, torn and glued lines, duplicates
and concatenated (out-of-order) logs; a line in any other form falls back to the parse."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyaid.study import Card, CardStore, Collection, Scheduler, StudySettings
from studyaid.study.history import History, load
from studyaid.study.log import ReviewLog

T = datetime(2025, 5, 1, 8, 0, tzinfo=UTC)
WORDS = ["釜底抽薪", "合作", "微软", "裂痕", "盟友"]
FIELDS = ("keys", "key_ids", "times", "kid", "grades", "after", "offsets", "lengths", "prev",
          "last", "count", "states", "undone", "offset", "lines", "warnings", "torn")


def _session(vocab: Path, start: datetime, steps: str) -> None:
    """Grade (digits 1-4) and undo (``u``) a minute apart, both directions reviewed."""
    collection = Collection(vocab, None, StudySettings(recall=True, new_per_day=1000),
                            Scheduler(fuzz=False))
    now = start
    for step in steps:
        if step == "u":
            collection.undo(now)
        else:
            due = collection.next_due(now)
            assert due is not None
            collection.grade(due, int(step), now, 1000)
        now += timedelta(minutes=1)


def _log(tmp_path: Path, name: str, start: datetime, steps: str) -> bytes:
    vocab = tmp_path / name
    vocab.mkdir()
    CardStore(vocab).add_many(Card(w, w, "", "", "", "", "", "", T + timedelta(seconds=i))
                              for i, w in enumerate(WORDS))
    _session(vocab, start, steps)
    return (vocab / "reviews.log").read_bytes()


def _built(data: bytes, tmp_path: Path) -> tuple[History, History, bool]:
    """The history of a log with these bytes: by pattern (when it fits) and by parse."""
    vocab = tmp_path / "under-test"
    vocab.mkdir(exist_ok=True)
    log = ReviewLog(vocab)
    log.path.write_bytes(data)
    parsed = History(log)
    parsed.feed(log.read_from(0, 0))
    scan = log.scan()
    if scan is None:
        return load(log, None), parsed, False
    fast = History(log)
    fast.build(scan)
    return fast, parsed, True


LOGS = {
    # name: (how the log is made from the session logs a, b, c; whether it fits the pattern)
    "plain": (lambda a, b, c: a, True),
    "undos": (lambda a, b, c: c, True),
    "torn last line": (lambda a, b, c: c + a.splitlines(keepends=True)[3][:57], True),
    "torn line inside a character": (lambda a, b, c: a + "合".encode()[:2], True),
    "exact duplicates (the same log twice)": (lambda a, b, c: a + a, True),
    "concatenated, out of order": (lambda a, b, c: b + a, True),
    "concatenated with undos": (lambda a, b, c: c + b + a, True),
    "a line duplicated in place": (
        lambda a, b, c: b"".join(x * 2 for x in a.splitlines(keepends=True)), True),
    "torn line glued to the next": (
        lambda a, b, c: a[:-40] + b, False),
    "torn line ended by the next append": (
        lambda a, b, c: a[:-40] + b"\n" + b, False),
    "a blank line": (lambda a, b, c: a + b"\n" + b, False),
    "an escaped card name": (
        lambda a, b, c: a.replace("合作".encode(), b"\\u5408\\u4f5c", 1), False),
    "another writer's spacing": (
        lambda a, b, c: a.replace(b'"grade":3,', b'"grade": 3,', 1), False),
    "a line in the middle that is not JSON": (
        lambda a, b, c: a.replace(b'"grade":3,', b'"grade":3,,', 1), False),
    "a line in the middle that is not a review": (
        lambda a, b, c: a + b'{"card":"x"}\n' + b, False),
    "empty": (lambda a, b, c: b"", True),
}


@pytest.mark.parametrize("name", list(LOGS))
def test_the_pattern_read_equals_the_full_parse(name: str, tmp_path: Path) -> None:
    a = _log(tmp_path, "a", T, "3331343332")
    b = _log(tmp_path, "b", T + timedelta(hours=2), "3143")
    c = _log(tmp_path, "c", T + timedelta(days=1), "33u31uu44u3")
    make, fits = LOGS[name]
    fast, parsed, fitted = _built(make(a, b, c), tmp_path)
    assert fitted == fits
    for field in FIELDS:
        assert getattr(fast, field) == getattr(parsed, field), field
    assert list(fast.states) == list(parsed.states)  # the same order too
    assert list(fast.count) == list(parsed.count)


def test_undo_after_a_cold_open_restores_the_previous_state(tmp_path: Path) -> None:
    a = _log(tmp_path, "a", T, "333134")
    fast, parsed, fitted = _built(a, tmp_path)
    assert fitted
    last = fast.last_review()
    assert last is not None and last == parsed.last_review()
    fast.remove(*last)
    parsed.remove(*last)
    for field in FIELDS:
        assert getattr(fast, field) == getattr(parsed, field), field


def test_a_cold_open_writes_the_cache_a_warm_open_reads(tmp_path: Path) -> None:
    data = _log(tmp_path, "a", T, "3331u343332")
    cold, parsed, _ = _built(data, tmp_path)
    log = cold.log
    first = load(log, tmp_path / "cache")
    warm = load(log, tmp_path / "cache")
    for field in FIELDS:
        assert getattr(first, field) == getattr(parsed, field) == getattr(warm, field), field
