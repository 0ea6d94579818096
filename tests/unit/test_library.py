"""The library: its settings file, the texts it lists, and ``studyaid add`` /
``studyaid profile`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studyaid.cli import main
from studyaid.core.errors import StudyaidError
from studyaid.core.text.library import (
    FOLDER,
    LIBRARY,
    RECENT,
    SEED,
    Shelves,
    add_text,
    list_texts,
    load_folders,
    title_of,
)
from studyaid.core.vocab.learner import Learner

TEXT = "小猫钓鱼\n\n我喜欢猫。我的猫喜欢我！\n"

# -- library.toml -------------------------------------------------------------------------


def test_folders_setting(tmp_path: Path) -> None:
    path = tmp_path / "library.toml"
    path.write_text('# mine\nfolders = ["/texts/a", "~/b"]\n', encoding="utf-8")
    assert load_folders(path) == (Path("/texts/a"), Path("~/b").expanduser())
    assert load_folders(tmp_path / "missing.toml") == ()


BROKEN = [
    # content, line, problem
    ('folders = ["a"\n', None, "not valid TOML"),
    ('\n\nfolders = "a"\n', 3, "must be a list of folder names"),
    ('folders = ["a", 3]\n', 1, "must be a list of folder names"),
    ('folders = []\nshelves = 2\n', 2, "unknown setting 'shelves'"),
]


@pytest.mark.parametrize(("content", "line", "problem"), BROKEN)
def test_broken_setting_names_file_and_line(tmp_path: Path, content: str, line: int | None,
                                            problem: str) -> None:
    path = tmp_path / "library.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StudyaidError) as caught:
        load_folders(path)
    assert problem in str(caught.value)
    assert caught.value.path == str(path)
    if line is not None:
        assert caught.value.line == line
    assert path.read_text(encoding="utf-8") == content  # never rewritten


# -- Listing ------------------------------------------------------------------------------


def test_title_is_the_first_line() -> None:
    assert title_of(TEXT) == "小猫钓鱼"
    assert title_of("\n\n  第一章  \n正文") == "第一章"
    assert title_of("   ", "fallback.txt") == "fallback.txt"


def test_list_texts_from_every_place(tmp_path: Path, vocab_dir: Path) -> None:
    library, mine, elsewhere = tmp_path / "library", tmp_path / "mine", tmp_path / "else"
    for folder in (library, mine, elsewhere):
        folder.mkdir()
    (library / "a.txt").write_text(TEXT, encoding="utf-8")
    (library / "notes.md").write_text(TEXT, encoding="utf-8")  # not a .txt: not listed
    (mine / "b.txt").write_text(TEXT, encoding="utf-8")
    (elsewhere / "c.txt").write_text(TEXT, encoding="utf-8")
    learner = Learner(vocab_dir)
    learner.set_position(str((elsewhere / "c.txt").resolve()), 3)
    learner.set_position(str((library / "a.txt").resolve()), 1)  # listed once
    learner.set_position(str(tmp_path / "gone.txt"), 2)  # no longer there: not listed
    learner.set_position("seed", 4)
    entries, problems = list_texts(Shelves(library, (mine, tmp_path / "missing")), learner)
    assert [(e.name, e.source) for e in entries] == [
        ("seed article", SEED), ("a.txt", LIBRARY), ("b.txt", FOLDER), ("c.txt", RECENT),
    ]
    assert len(problems) == 1 and "missing: no such folder" in problems[0]


def test_a_broken_positions_file_is_a_problem_not_a_crash(tmp_path: Path,
                                                         vocab_dir: Path) -> None:
    (vocab_dir / "positions.tsv").write_text("only one field\n", encoding="utf-8")
    entries, problems = list_texts(Shelves(tmp_path / "none"), Learner(vocab_dir))
    assert [e.source for e in entries] == [SEED]
    assert problems and "positions.tsv:1:" in problems[0]


# -- Adding -------------------------------------------------------------------------------


def test_add_converts_to_utf8(tmp_path: Path) -> None:
    source = tmp_path / "gbk.txt"
    source.write_bytes(TEXT.replace("\n", "\r\n").encode("gb18030"))
    target, text = add_text(source, tmp_path / "library")
    assert target == tmp_path / "library" / "gbk.txt"
    assert target.read_text(encoding="utf-8") == TEXT
    assert text.encoding == "gb18030"


def test_add_never_overwrites(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    library = tmp_path / "library"
    add_text(source, library)
    (library / "a.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StudyaidError, match="already in the library"):
        add_text(source, library)
    assert (library / "a.txt").read_text(encoding="utf-8") == "mine"


# -- The command line ---------------------------------------------------------------------


@pytest.fixture
def library_env(tmp_path: Path, vocab_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A library folder and config folder of the test's own."""
    monkeypatch.setenv("STUDYAID_LIBRARY", str(tmp_path / "library"))
    monkeypatch.setenv("STUDYAID_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("STUDYAID_VOCAB", str(vocab_dir))
    return tmp_path / "library"


def test_cli_add_then_refuse(library_env: Path, tmp_path: Path, capsys) -> None:
    source = tmp_path / "story.txt"
    source.write_bytes(TEXT.encode("gb18030"))
    assert main(["add", str(source)]) == 0
    out = capsys.readouterr().out
    assert "added 小猫钓鱼" in out and "GB18030" in out
    assert (library_env / "story.txt").read_text(encoding="utf-8") == TEXT
    assert main(["add", str(source)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("studyaid: ") and "already in the library" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("command", ["add", "profile"])
def test_cli_bad_input(library_env: Path, tmp_path: Path, capsys, command: str) -> None:
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert main([command, str(tmp_path / "missing.txt")]) == 2
    assert capsys.readouterr().err == f"studyaid: {tmp_path / 'missing.txt'}: no such file\n"
    assert main([command, str(binary)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"studyaid: {binary}: binary file") and err.count("\n") == 1


def test_cli_profile(library_env: Path, vocab_dir: Path, tmp_path: Path, capsys) -> None:
    source = tmp_path / "story.txt"
    source.write_text(TEXT, encoding="utf-8")
    (vocab_dir / "status.tsv").write_text("我\tknown\n", encoding="utf-8")
    assert main(["profile", str(source), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # 小猫 钓鱼 / 我 喜欢 猫 / 我 的 猫 喜欢 我
    assert data["title"] == "小猫钓鱼"
    assert data["characters"] == 16
    assert data["words"] == {"tokens": 10, "distinct": 6}
    assert data["known_share"] == {"tokens": 0.3, "distinct": round(1 / 6, 4)}
    assert set(data["hsk"]) == {"1", "2", "3", "4", "5", "6", "7-9", "beyond"}
    assert sum(data["hsk"].values()) == pytest.approx(1.0, abs=1e-3)
    assert data["idioms"] == 0
    assert main(["profile", str(source)]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0] == "小猫钓鱼"
    assert "known      30.0% of the words" in text


def test_locate_shows_the_library(library_env: Path, capsys) -> None:
    assert main(["locate"]) == 0
    assert f"library: {library_env}" in capsys.readouterr().out.splitlines()
