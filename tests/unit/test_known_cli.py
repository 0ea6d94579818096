"""``studyaid known``, ``gloss --text`` and ``undo`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studyaid.cli import main
from studyaid.core.vocab import STATUS
from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import KNOWN, Learner
from studyaid.study import CardStore


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_known_add_rm_list(vocab_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    v = ("--vocab", str(vocab_dir))
    assert _run(capsys, "known", "add", "经济", "合作", *v)[1].startswith("2 words now known")
    assert _run(capsys, "known", "rm", "合作", *v)[0] == 0
    status, out, _ = _run(capsys, "known", "list", "--json", *v)
    listed = json.loads(out)
    assert status == 0 and [r["word"] for r in listed] == ["经济"]
    assert len(listed[0]["since"]) == 10


def test_known_add_hsk(vocab_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "known", "add", "--hsk", "1", "--vocab", str(vocab_dir))
    known = Learner(vocab_dir).statuses()
    assert status == 0 and "爱" in known and "经济" not in known
    assert out.startswith(f"{len(known)} words now known")


BAD = [
    (["known", "add", "--hsk", "10"], "HSK level '10'"),
    (["known", "add", "OpenAI"], "not a Chinese word"),
    (["known", "import", "/no/such/file.txt"], "no such file"),
    (["gloss", "set", "投资", "stake", "--text", "/no/such/text.txt"], "no such file"),
]


@pytest.mark.parametrize(("argv", "problem"), BAD)
def test_bad_input_one_line_exit_2_nothing_written(vocab_dir: Path, argv: list[str],
                                                  problem: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, *argv, "--vocab", str(vocab_dir))
    assert status == 2 and err.count("\n") == 1 and problem in err
    assert not (vocab_dir / STATUS).exists() and not (vocab_dir / "glosses.tsv").exists()


def test_import_previews_then_writes_with_yes(vocab_dir: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "known.txt"
    path.write_bytes("经济\n合作\n盟友\n".encode("gb18030"))  # read as texts are
    Learner(vocab_dir).set_status("合作", KNOWN)
    v = ("--vocab", str(vocab_dir))
    status, out, _ = _run(capsys, "known", "import", str(path), *v)  # no terminal: preview
    assert status == 0 and "new, to mark known: 2: 经济 盟友" in out
    assert "already known: 1: 合作" in out and "preview only" in out
    assert set(Learner(vocab_dir).statuses()) == {"合作"}
    assert _run(capsys, "known", "import", str(path), "--yes", *v)[0] == 0
    assert set(Learner(vocab_dir).statuses()) == {"合作", "经济", "盟友"}


def test_import_bad_line_writes_nothing(vocab_dir: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "known.txt"
    path.write_text("经济\nhello\n", encoding="utf-8")
    status, _, err = _run(capsys, "known", "import", str(path), "--yes", "--vocab",
                          str(vocab_dir))
    assert status == 2 and f"{path}:2:" in err
    assert not (vocab_dir / STATUS).exists()


def test_pleco_round_trip(vocab_dir: Path, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    words = ["经济", "合作", "盟友", "对手"]
    v = ("--vocab", str(vocab_dir))
    assert _run(capsys, "card", "add", *words, *v)[0] == 0
    out = tmp_path / "cards.txt"
    assert _run(capsys, "export", "vocab", "--format", "pleco", "-o", str(out), *v)[0] == 0
    other = tmp_path / "other"
    assert _run(capsys, "known", "import", str(out), "--yes", "--vocab", str(other))[0] == 0
    assert sorted(Learner(other).statuses()) == sorted(words)


def test_gloss_for_one_text_and_undo(vocab_dir: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text("微软对OpenAI的投资。", encoding="utf-8")
    v = ("--vocab", str(vocab_dir))
    assert _run(capsys, "gloss", "set", "投资", "investment", *v)[0] == 0
    assert _run(capsys, "gloss", "set", "投资", "stake", "--text", str(article), *v)[0] == 0
    vocab = Vocab(vocab_dir)
    assert vocab.glosses(str(article.resolve()))["投资"].gloss == "stake"
    assert vocab.glosses()["投资"].gloss == "investment"
    assert _run(capsys, "card", "add", "投资", *v)[0] == 0
    assert "undone: card for 投资" in _run(capsys, "undo", *v)[1]
    assert CardStore(vocab_dir).cards() == {}
    assert _run(capsys, "gloss", "rm", "投资", "--text", str(article), *v)[0] == 0
    assert "投资" not in {w for t, w in vocab.scoped() if t}
    _run(capsys, "undo", *v)
    _run(capsys, "undo", *v)
    assert vocab.scoped() == {("", "投资"): vocab.glosses()["投资"]}
