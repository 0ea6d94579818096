"""What the learner knows, in bulk: dated statuses, HSK levels, known-word lists, undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from studyaid.core.dictionary.hsk import parse_levels, word_levels, words_at
from studyaid.core.errors import StudyaidError
from studyaid.core.vocab import JOURNAL, STATUS
from studyaid.core.vocab.journal import changes, undo_last
from studyaid.core.vocab.learner import (
    KNOWN,
    LEARNING,
    NEW,
    Learner,
    Status,
    is_word,
    known_growth,
    status_of,
)
from studyaid.core.vocab.storage import locked
from studyaid.imports.known_list import plan_known, read_known

DAY = date(2025, 3, 1)

# -- What can have a status ---------------------------------------------------------------
WORDS = [
    ("经济", True),
    ("經濟", True),
    ("萨提亚·纳德拉", True),
    ("OpenAI", False),
    ("2023", False),
    ("，", False),
    ("AI安全", False),
    ("", False),
]


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_is_word(text: str, expected: bool) -> None:
    assert is_word(text) is expected


# -- Matching a text's word to what the learner marked --------------------------------------
MATCHES = [
    ({"经济": KNOWN}, "經濟", KNOWN),      # traditional through simplified
    ({"一会儿": KNOWN}, "一会", KNOWN),    # HSK lists the 儿 form
    ({"哪": LEARNING}, "哪儿", LEARNING),
    ({"经济": KNOWN}, "经验", NEW),
]


@pytest.mark.parametrize(("statuses", "word", "expected"), MATCHES)
def test_status_of(statuses: dict[str, str], word: str, expected: str) -> None:
    assert status_of(statuses, word) == expected


def test_statuses_are_dated_and_old_files_read(vocab_dir: Path) -> None:
    (vocab_dir / STATUS).write_text("# old\n微软\tknown\n断粮\tlearning\n", encoding="utf-8")
    learner = Learner(vocab_dir)
    assert learner.status_rows() == {"微软": Status(KNOWN), "断粮": Status(LEARNING)}
    learner.set_statuses(["合作", "盟友"], KNOWN, DAY)
    assert learner.status_rows()["合作"] == Status(KNOWN, "2025-03-01")
    assert learner.status_rows()["微软"] == Status(KNOWN)  # kept undated, not invented
    lines = (vocab_dir / STATUS).read_text(encoding="utf-8").splitlines()[1:]
    assert lines == sorted(lines)


def test_latin_word_stops_a_bulk_change_before_writing(vocab_dir: Path) -> None:
    learner = Learner(vocab_dir)
    with pytest.raises(StudyaidError, match="not a Chinese word"):
        learner.set_statuses(["合作", "OpenAI"], KNOWN, DAY)
    assert not (vocab_dir / STATUS).exists()


def test_broken_status_file_is_never_rewritten(vocab_dir: Path) -> None:
    (vocab_dir / STATUS).write_text("微软\tknown\tyesterday\n", encoding="utf-8")
    with pytest.raises(StudyaidError, match=r"status.tsv:1: date 'yesterday'"):
        Learner(vocab_dir).set_statuses(["合作"], KNOWN, DAY)
    assert (vocab_dir / STATUS).read_text(encoding="utf-8") == "微软\tknown\tyesterday\n"


def test_undo_last_first_again_and_again(vocab_dir: Path) -> None:
    learner = Learner(vocab_dir)
    learner.set_statuses(["合作"], LEARNING, DAY)
    learner.set_statuses(["合作", "盟友"], KNOWN, date(2025, 3, 2))
    learner.set_statuses(["盟友"], NEW, date(2025, 3, 3))
    assert learner.statuses() == {"合作": KNOWN}
    with locked(vocab_dir):
        undone = undo_last(vocab_dir)
    assert undone is not None and "盟友" in undone.what
    assert learner.status_rows() == {"合作": Status(KNOWN, "2025-03-02"),
                                     "盟友": Status(KNOWN, "2025-03-02")}
    with locked(vocab_dir):
        undo_last(vocab_dir)
    assert learner.status_rows() == {"合作": Status(LEARNING, "2025-03-01")}
    with locked(vocab_dir):
        undo_last(vocab_dir)
        assert undo_last(vocab_dir) is None
    assert learner.statuses() == {}
    assert changes(vocab_dir) == []
    assert (vocab_dir / JOURNAL).exists()


def test_known_growth_per_week() -> None:
    rows = {"微软": Status(KNOWN), "合作": Status(KNOWN, "2025-02-20"),
            "盟友": Status(KNOWN, "2025-03-01"), "断粮": Status(LEARNING, "2025-01-01")}
    growth = known_growth(rows, DAY, weeks=3)
    assert growth == [(date(2025, 2, 15), 1), (date(2025, 2, 22), 2), (DAY, 3)]


# -- HSK levels -----------------------------------------------------------------------------
LEVELS = [
    ("1-3", ("1", "2", "3")),
    ("1,2,4", ("1", "2", "4")),
    ("7-9", ("7-9",)),
    ("4-9", ("4", "5", "6", "7-9")),
    ("6", ("6",)),
]


@pytest.mark.parametrize(("text", "expected"), LEVELS)
def test_parse_levels(text: str, expected: tuple[str, ...]) -> None:
    assert parse_levels(text) == expected


@pytest.mark.parametrize("text", ["0", "10", "3-1", "one", "1-", ""])
def test_bad_levels(text: str) -> None:
    with pytest.raises(ValueError, match="HSK level"):
        parse_levels(text)


def test_words_at_levels() -> None:
    words = words_at(("1",))
    assert "爱" in words and "经济" not in words
    assert all(word_levels()[w] == "1" for w in words)


# -- Known-word lists -----------------------------------------------------------------------
FILES = [
    ("list", "known.txt", "# mine\n经济\n\n合作\n", ["经济", "合作"]),
    ("pleco", "cards.txt", "//HSK/1\n经济[經濟]\tjing1ji4\teconomy\n合作\the2zuo4\tto cooperate\n",
     ["经济", "合作"]),
    ("anki", "notes.txt", "#separator:tab\n#html:true\nto cooperate\t<b>合作</b>\the2zuo4\n"
     "economy\t经济&nbsp;\tjing1ji4\n", ["合作", "经济"]),
    ("csv", "words.csv", "hanzi,english\n经济,economy\n\"合作\",\"to cooperate, work\"\n",
     ["经济", "合作"]),
]


@pytest.mark.parametrize(("fmt", "name", "content", "words"), FILES)
def test_read_known_lists(tmp_path: Path, fmt: str, name: str, content: str,
                          words: list[str]) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert [w for w, _ in read_known(path, fmt)] == words
    assert [w for w, _ in read_known(path)] == words  # the format guessed


def test_anki_field_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("#separator:tab\n合作\t盟友\n经济\t对手\n", encoding="utf-8")
    assert [w for w, _ in read_known(path, "anki", 2)] == ["盟友", "对手"]
    with pytest.raises(StudyaidError, match="no field 3"):
        read_known(path, "anki", 3)


def test_list_in_gb18030_reads_as_texts_do(tmp_path: Path) -> None:
    path = tmp_path / "known.txt"
    path.write_bytes("经济\n合作\n盟友\n对手\n".encode("gb18030"))
    assert [w for w, _ in read_known(path, "list")] == ["经济", "合作", "盟友", "对手"]


def test_bad_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "known.txt"
    path.write_text("经济\nOpenAI\n", encoding="utf-8")
    with pytest.raises(StudyaidError, match=r"known.txt:2: 'OpenAI' is not a Chinese word"):
        read_known(path, "list")


def test_plan_known() -> None:
    found = [("经济", 1), ("合作", 2), ("经济", 3), ("盟友", 4)]
    plan = plan_known(found, {"合作": KNOWN, "盟友": LEARNING})
    assert plan.new == ["经济", "盟友"] and plan.known == ["合作"]
