"""Every write to the vocab folder under a full disk or a read-only folder fails with a
clear message and leaves the old file as it was; a broken file is named by file:line and
never rewritten; the derived caches heal themselves."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studyaid import cli
from studyaid.core.errors import StudyaidError
from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import KNOWN, Learner
from studyaid.study import Card, CardStore, Collection
from studyaid.study.log import ReviewLog

T = datetime(2025, 5, 1, 8, 0, tzinfo=UTC)


def _card(word: str) -> Card:
    return Card(word, word, "", "", "", "", "", "", T)


# Each write, and the file it changes (made to exist first, so there is an old file).
WRITES: dict[str, tuple[str, Callable[[Path], object]]] = {
    "gloss": ("glosses.tsv", lambda v: Vocab(v).set_gloss("裂痕", "rift")),
    "gloss removed": ("glosses.tsv", lambda v: Vocab(v).remove_gloss("微软")),
    "lexicon rule": ("lexicon.txt", lambda v: Vocab(v).add_rule(["一蹴", "而就"])),
    "status": ("status.tsv", lambda v: Learner(v).set_status("合作", KNOWN)),
    "translation": ("translations.tsv",
                    lambda v: Learner(v).set_translation("seed", 2, "盟友还是对手?", "Ally?")),
    "position": ("positions.tsv", lambda v: Learner(v).set_position("seed", 9)),
    "card": ("cards.tsv", lambda v: CardStore(v).add(_card("合作"))),
}


def _filled(vocab: Path) -> dict[str, bytes]:
    Vocab(vocab).set_gloss("微软", "Microsoft")
    Vocab(vocab).add_rule(["议价权"])
    Learner(vocab).set_status("微软", KNOWN)
    Learner(vocab).set_translation("seed", 1, "微软与OpenAI的裂痕", "The rift")
    Learner(vocab).set_position("seed", 3)
    CardStore(vocab).add(_card("微软"))
    return {p.name: p.read_bytes() for p in vocab.iterdir() if not p.name.startswith(".")}


def _refuse(code: int) -> Callable[..., None]:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))
    return refuse


FAILURES = [
    (errno.ENOSPC, "the disk is full"),
    (errno.EROFS, "read-only file system"),
    (errno.EACCES, "permission denied"),
]


@pytest.mark.parametrize(("code", "says"), FAILURES, ids=["full", "read-only fs", "denied"])
@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_a_failed_write_says_why_and_keeps_the_old_file(
    vocab_dir: Path, monkeypatch: pytest.MonkeyPatch, write, code: int, says: str
) -> None:
    name, change = write
    before = _filled(vocab_dir)
    monkeypatch.setattr("studyaid.core.vocab.storage.os.replace", _refuse(code))
    with pytest.raises(StudyaidError, match=f"{name}: cannot save: .*{says}.*; the old file is "
                       "unchanged"):
        change(vocab_dir)
    after = {p.name: p.read_bytes() for p in vocab_dir.iterdir() if not p.name.startswith(".")}
    assert after == before  # nothing changed, and no temporary file left behind
    assert not [p for p in vocab_dir.iterdir() if p.name.endswith(".tmp")]


def test_a_review_on_a_full_disk_leaves_the_log_as_it_was(
    vocab_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = ReviewLog(vocab_dir)
    log.append({"card": "微软", "direction": "recognition", "grade": 3})
    before = log.path.read_bytes()
    real_write = os.write

    def half_then_full(fd: int, data: bytes) -> int:  # part of the line fits, then no more
        if len(data) > 10:
            return real_write(fd, bytes(data[:10]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("studyaid.study.log.os.write", half_then_full)
    with pytest.raises(StudyaidError, match="reviews.log: cannot save the review: the disk "
                       "is full; the log is unchanged"):
        log.append({"card": "合作", "direction": "recognition", "grade": 3})
    assert log.path.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder(vocab_dir: Path) -> None:
    before = _filled(vocab_dir)
    vocab_dir.chmod(0o555)
    try:
        for _name, change in WRITES.values():
            with pytest.raises(StudyaidError, match="permission denied"):
                change(vocab_dir)
    finally:
        vocab_dir.chmod(0o755)
    assert {p.name: p.read_bytes() for p in vocab_dir.iterdir()
            if not p.name.startswith(".")} == before


def test_the_cli_says_one_line_and_exits_2_on_a_full_disk(
    vocab_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _filled(vocab_dir)
    monkeypatch.setattr("studyaid.core.vocab.storage.os.replace", _refuse(errno.ENOSPC))
    assert cli.main(["--vocab", str(vocab_dir), "gloss", "set", "裂痕", "rift"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "glosses.tsv: cannot save: the disk is full" in err
    assert (vocab_dir / "glosses.tsv").read_bytes() == before["glosses.tsv"]


# -- Files broken by hand: file:line from the CLI, exit 2, never rewritten ----------------

BAD_UTF8 = "微软\tMicrosoft\n".encode() + b"\xff\xfe bad\n"
BROKEN = [
    # file, content, the line named, what is wrong, a command that reads it
    ("glosses.tsv", "微软\tMicrosoft\n微软\tMS\n", 2, "appears twice", ["gloss", "list"]),
    ("glosses.tsv", "微软\tMicrosoft\n\n断粮\ta\tb\tc\td\te\n", 3, "tab-separated",
     ["gloss", "list"]),
    ("glosses.tsv", BAD_UTF8, 2, "invalid UTF-8", ["gloss", "set", "裂痕", "rift"]),
    ("glosses.tsv", "微软\tMicro\x00soft\n", 1, "NUL byte", ["gloss", "set", "裂痕", "rift"]),
    ("lexicon.txt", "议价权\n一蹴 而就\n议价 权\n", 3, "two rules", ["annotate", "TEXT"]),
    ("lexicon.txt", b"\xc3\n", 1, "invalid UTF-8", ["annotate", "TEXT"]),
    ("translations.tsv", "seed\tone\t微软\tMicrosoft\n", 1, "not a whole number",
     ["export", "text", "--format", "md", "-o", "OUT"]),
    ("translations.tsv", "seed\t1\t微软\n", 1, "tab-separated",
     ["export", "text", "--format", "md", "-o", "OUT"]),
    ("cards.tsv", "# header\n微软\t" + "\t" * 9 + "\n", 2, "tab-separated", ["cards"]),
    ("cards.tsv", "微软\t微軟\t\t\t\t\t\t\tyesterday\tno\n", 1, "ISO-8601", ["cards"]),
    ("cards.tsv", "微软\t微軟\t\t\t\t\t\t\t2025-05-01T08:00:00+00:00\tno\n" * 2, 2,
     "appears twice", ["card", "add", "合作"]),
    ("cards.tsv", "\x00", 1, "NUL byte", ["card", "add", "合作"]),
    ("study.toml", "recall = true\nnew_per_day = [\n", 3, "not valid TOML", ["stats"]),
    ("study.toml", "recall = true\nrecall = false\n", 2, "not valid TOML", ["cards"]),
    ("study.toml", b"recall = true\n\xff\n", 2, "invalid UTF-8", ["cards"]),
]


@pytest.mark.parametrize(("name", "content", "line", "problem", "argv"), BROKEN)
def test_a_broken_file_is_named_and_never_rewritten(
    vocab_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    name: str, content: str | bytes, line: int, problem: str, argv: list[str],
) -> None:
    path = vocab_dir / name
    data = content.encode() if isinstance(content, str) else content
    path.write_bytes(data)
    (tmp_path / "text.txt").write_text("微软与OpenAI的裂痕。", encoding="utf-8")
    argv = [str(tmp_path / "text.txt") if a == "TEXT" else str(tmp_path / "out") if a == "OUT"
            else a for a in argv]
    assert cli.main(["--vocab", str(vocab_dir), *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert f"{path}:{line}: " in err and problem in err
    assert path.read_bytes() == data
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("content", "line", "problem"), [
    ('word-next = "right"\nquit = \n', 2, "not valid TOML"),
    ('word-next = "right"\nfly = "f"\n', 2, "not a binding id"),
    (b'quit = "q"\n\x00', 2, "NUL byte"),
])
def test_a_broken_keymap_stops_the_reader_before_it_opens(
    vocab_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], content: str | bytes, line: int, problem: str,
) -> None:
    monkeypatch.setenv("STUDYAID_CONFIG", str(tmp_path))
    keymap = tmp_path / "keymap.toml"
    keymap.write_bytes(content.encode() if isinstance(content, str) else content)
    assert cli.main(["--vocab", str(vocab_dir), "read"]) == 2
    err = capsys.readouterr().err
    assert f"{keymap}:{line}: " in err and problem in err


def test_a_torn_review_line_is_a_warning_not_an_error(vocab_dir: Path) -> None:
    CardStore(vocab_dir).add(_card("微软"))
    collection = Collection(vocab_dir, None)
    due = collection.next_due(T)
    assert due is not None
    collection.grade(due, 3, T, 1000)
    with open(vocab_dir / "reviews.log", "ab") as log:
        log.write(b'{"card":"\xe5\xbe')  # a crash in the middle of the next grade
    again = Collection(vocab_dir, None)
    assert any("reviews.log:2: incomplete last line" in w for w in again.warnings)
    assert len(again.history.times) == 1


# -- Derived caches: deleted, cut short or overwritten, they are rebuilt silently ----------

CACHE_DAMAGE: dict[str, Callable[[Path], None]] = {
    "deleted": lambda p: p.unlink(),
    "emptied": lambda p: p.write_bytes(b""),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
    "garbage": lambda p: p.write_bytes(bytes(range(256)) * 64),
}


@pytest.mark.parametrize("damage", CACHE_DAMAGE.values(), ids=CACHE_DAMAGE.keys())
def test_the_dictionary_index_heals(tmp_path: Path, damage) -> None:
    from studyaid.core.dictionary.index import Dictionary
    from tests.unit.test_dictionary import _write_cedict

    source = _write_cedict(tmp_path / "src")
    first = Dictionary.open(tmp_path / "cache", cedict_file=source)
    expected = [e.as_json() for e in first.entries("釜底抽薪")]
    assert expected
    damage(first.path)
    again = Dictionary.open(tmp_path / "cache", cedict_file=source)
    assert [e.as_json() for e in again.entries("釜底抽薪")] == expected
    assert [e.pinyin for e in again.entries("行")] == ["hang2", "xing2"]


HISTORY_DAMAGE = {**CACHE_DAMAGE, "other json": lambda p: p.write_text('{"version": 2}')}


@pytest.mark.parametrize("damage", HISTORY_DAMAGE.values(), ids=HISTORY_DAMAGE.keys())
def test_the_card_state_cache_heals(vocab_dir: Path, tmp_path: Path, damage) -> None:
    from datetime import timedelta

    from studyaid.study.history import cache_file

    cache = tmp_path / "cache"
    CardStore(vocab_dir).add_many(_card(w) for w in ("微软", "合作", "裂痕"))
    collection = Collection(vocab_dir, cache)
    now = T
    for grade in (3, 1, 4, 3):
        due = collection.next_due(now)
        assert due is not None
        collection.grade(due, grade, now, 1000)
        now += timedelta(minutes=1)
    expected = Collection(vocab_dir, None).history.states
    where = cache_file(cache, ReviewLog(vocab_dir))
    Collection(vocab_dir, cache)  # the cache written, up to date
    assert where.exists()
    damage(where)
    healed = Collection(vocab_dir, cache)
    assert healed.history.states == expected and not healed.warnings
    assert Collection(vocab_dir, cache).history.states == expected  # and written again
