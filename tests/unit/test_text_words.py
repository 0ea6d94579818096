"""A text's words before reading it: ``studyaid words --text PATH [--json]`` (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import Learner

# 一件小事's opening (Lu Xun, public domain) and a line of our own with Latin and numbers.
TEXT = (
    "我从乡下跑到京城里，一转眼已经六年了。\n"
    "但有一件小事，却于我有意义，将我从坏脾气里拖开，使我至今忘记不得。\n"
    "我在2020年用过Copilot，我很喜欢它。\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "xiaoshi.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _rows(run_studyaid, vocab: Path, article: Path) -> list[dict]:
    done = run_studyaid("words", "--text", str(article), "--json", "--vocab", str(vocab))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_word_counted_most_frequent_first(run_studyaid, tmp_path: Path,
                                                article: Path) -> None:
    rows = _rows(run_studyaid, tmp_path / "vocab", article)
    by_word = {r["word"]: r for r in rows}
    assert rows[0]["word"] == "我" and rows[0]["count"] == 6
    counts = [r["count"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    # Not words: numbers, Latin words, punctuation.
    assert not {"2020", "Copilot", "，", "。"} & set(by_word)
    assert by_word["乡下"]["first_sentence"] == 1 and by_word["坏脾气"]["first_sentence"] == 2
    assert by_word["已经"]["hsk"] == "2" and by_word["我"]["hsk"] == "1"
    assert set(rows[0]) == {"word", "count", "hsk", "status", "gloss", "gloss_source",
                            "first_sentence", "due"}


def test_status_and_the_learners_gloss(run_studyaid, tmp_path: Path, article: Path) -> None:
    vocab = tmp_path / "vocab"
    vocab.mkdir()
    Learner(vocab).set_statuses(["我", "已经"], "known")
    Vocab(vocab).set_gloss("坏脾气", "a foul temper")
    by_word = {r["word"]: r for r in _rows(run_studyaid, vocab, article)}
    assert (by_word["我"]["status"], by_word["乡下"]["status"]) == ("known", "new")
    assert (by_word["坏脾气"]["gloss"], by_word["坏脾气"]["gloss_source"]) == (
        "a foul temper", "yours")
    assert by_word["乡下"]["gloss_source"] == "dictionary"
    assert by_word["乡下"]["gloss"].startswith("countryside")


def test_a_table_without_json(run_studyaid, tmp_path: Path, article: Path) -> None:
    done = run_studyaid("words", "--text", str(article), "--vocab", str(tmp_path / "v"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["word", "count", "HSK", "status", "sentence", "gloss"]
    assert lines[1].split()[:2] == ["我", "6"]


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("missing.txt", None, "missing.txt"),
    ("binary.txt", b"\x00\x01\x02\xff" * 50, "binary.txt"),
])
def test_a_text_it_cannot_read(run_studyaid, tmp_path: Path, name: str,
                               content: bytes | None, problem: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    done = run_studyaid("words", "--text", str(path), "--vocab", str(tmp_path / "v"))
    assert done.returncode == 2
    assert done.stderr.startswith("studyaid: ") and problem in done.stderr
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr


# -- mine: sentences with exactly one word not known (i+1) ------------------------------

MINE_TEXT = (
    "我有一个朋友。\n"        # every word known: not listed
    "我的朋友喜欢喝茶。\n"    # 喝茶 not known: listed for it
    "他们在公园里散步聊天。\n"  # several not known: not listed
    "我喜欢你。\n"            # 喜欢 learning: not known, the only one
)


def test_mine_lists_the_sentences_with_one_new_word(run_studyaid, tmp_path: Path) -> None:
    path = tmp_path / "mine.txt"
    path.write_text(MINE_TEXT, encoding="utf-8")
    vocab = tmp_path / "vocab"
    vocab.mkdir()
    Learner(vocab).set_statuses(["我", "有", "一个", "朋友", "的", "你"], "known")
    Learner(vocab).set_statuses(["喜欢"], "learning")
    done = run_studyaid("mine", "--text", str(path), "--json", "--vocab", str(vocab))
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert [(m["sentence"], m["word"]) for m in found] == [("我喜欢你。", "喜欢")]
    Learner(vocab).set_statuses(["喜欢"], "known")
    done = run_studyaid("mine", "--text", str(path), "--json", "--vocab", str(vocab))
    found = json.loads(done.stdout)
    assert [(m["sentence"], m["word"]) for m in found] == [("我的朋友喜欢喝茶。", "喝茶")]
    assert found[0]["text"] == str(path.resolve())
