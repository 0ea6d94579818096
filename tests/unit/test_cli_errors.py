"""Every way the command line can be handed bad input: one line on stderr naming the
problem, a non-zero exit status, never a traceback (``--debug`` shows it).

The table runs ``studyaid.cli.main`` in this process (each case would cost a second as a
subprocess); two cases run as ``python -m studyaid`` to check the real thing.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from studyaid.cli import main


@pytest.fixture
def place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of good and bad inputs; the vocab folder is ``vocab`` inside it."""
    (tmp_path / "ok.txt").write_text("你好。\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(codecs.BOM_UTF8 + b"\n  \n")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "noise.txt").write_bytes(bytes(range(0x80, 0x100)) * 2)
    (tmp_path / "torn.txt").write_bytes(codecs.BOM_UTF16_LE + "你好".encode("utf-16-le")[:-1])
    (tmp_path / "folder").mkdir()
    (tmp_path / "a-file").write_text("not a folder\n", encoding="utf-8")
    (tmp_path / "vocab").mkdir()
    broken = tmp_path / "broken-glosses"
    broken.mkdir()
    (broken / "glosses.tsv").write_text("你好\thello\n没有制表符的行\n", encoding="utf-8")
    nul = tmp_path / "broken-cards"
    nul.mkdir()
    (nul / "cards.tsv").write_bytes(b"card\x00\n")
    keys = tmp_path / "config"
    keys.mkdir()
    (keys / "keymap.toml").write_text("word-next = \n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STUDYAID_VOCAB", str(tmp_path / "vocab"))
    monkeypatch.setenv("STUDYAID_CONFIG", str(tmp_path / "no-config"))
    return tmp_path


# (arguments, exit status, what the line says). Paths are relative to ``place``.
CASES = [
    # -- annotate: the text file -----------------------------------------------------
    ("annotate missing.txt", 2, "missing.txt: no such file"),
    ("annotate folder", 2, "folder: is a directory"),
    ("annotate picture.png", 2, "picture.png: binary file"),
    ("annotate noise.txt", 2, "noise.txt: cannot decode"),
    ("annotate torn.txt", 2, "torn.txt: cannot decode as UTF-16"),
    ("annotate empty.txt", 0, "empty.txt: the text is empty"),
    # -- annotate: options -------------------------------------------------------------
    ("annotate ok.txt --bogus", 2, "unrecognized arguments: --bogus"),
    ("annotate ok.txt --format xml", 2, "invalid choice: 'xml'"),
    ("annotate ok.txt --pinyin zz", 2, "invalid choice: 'zz'"),
    ("annotate ok.txt --width wide", 2, "invalid int value: 'wide'"),
    ("annotate ok.txt --cedict missing.u8", 2, "missing.u8: no such CC-CEDICT file"),
    ("annotate ok.txt --cedict picture.png", 2, "picture.png: cannot read CC-CEDICT"),
    # -- a broken or misplaced vocab folder -------------------------------------------
    ("annotate ok.txt --vocab broken-glosses", 2, "broken-glosses/glosses.tsv:2:"),
    ("annotate ok.txt --vocab a-file", 2, "a-file: is a file, not a vocab folder"),
    ("gloss list --vocab broken-glosses", 2, "broken-glosses/glosses.tsv:2:"),
    ("gloss set 你好 hi --vocab broken-glosses", 2, "broken-glosses/glosses.tsv:2:"),
    ("gloss set 你好 hi --vocab a-file", 2, "a-file: is a file, not a vocab folder"),
    ("locate --vocab a-file", 2, "a-file: is a file, not a vocab folder"),
    ("cards --vocab broken-cards", 2, "broken-cards/cards.tsv:1: NUL byte"),
    ("stats --vocab broken-cards", 2, "broken-cards/cards.tsv:1: NUL byte"),
    # (review opens its screen at once and shows a broken file there: tests/tui.)
    ("card add 你好 --vocab broken-cards", 2, "broken-cards/cards.tsv:1: NUL byte"),
    ("export vocab --format csv -o out.csv --vocab broken-glosses", 2,
     "broken-glosses/glosses.tsv:2:"),
    # -- read (stops before the reader opens) ------------------------------------------
    ("read missing.txt", 2, "missing.txt: no such file"),
    ("read folder", 2, "folder: is a directory"),
    ("read picture.png", 2, "picture.png: binary file"),
    ("read noise.txt", 2, "noise.txt: cannot decode"),
    ("read empty.txt", 2, "empty.txt: the text is empty"),
    ("read ok.txt --wrap", 2, "unrecognized arguments: --wrap"),
    # -- lookup, gloss -------------------------------------------------------------------
    ("lookup", 2, "the following arguments are required: query"),
    ("lookup 你好 --limit ten", 2, "invalid int value: 'ten'"),
    ("lookup 你好 --cedict missing.u8", 2, "missing.u8: no such CC-CEDICT file"),
    ("gloss", 2, "the following arguments are required: action"),
    ("gloss set 你好", 2, "the following arguments are required: text"),
    ("gloss set 你好 hello --reading ni9", 2, "reading 'ni9' is not numbered pinyin"),
    ("gloss rm 没有", 2, "no gloss for '没有'"),
    # -- cards ------------------------------------------------------------------------
    ("card add", 2, "the following arguments are required: WORD"),
    ("card add 你好 --text missing.txt", 2, "missing.txt: no such file"),
    ("card add 你好 --text folder", 2, "folder: is a directory"),
    # -- export vocab --------------------------------------------------------------------
    ("export vocab --format xml -o out.xml", 2, "invalid choice: 'xml'"),
    ("export vocab --format csv", 2, "the following arguments are required: -o/--output"),
    ("export vocab --format csv -o out.csv --since 2026-13-45", 2,
     "--since '2026-13-45' is not a date"),
    ("export vocab --format csv -o out.csv --since yesterday", 2,
     "--since 'yesterday' is not a date"),
    ("export vocab --format csv -o out.csv --status forgotten", 2,
     "invalid choice: 'forgotten'"),
    ("export vocab --format csv -o no-folder/out.csv", 2, "no-folder: no such folder"),
    ("export vocab --format csv -o ok.txt/out.csv", 2, "ok.txt: no such folder"),
    ("export vocab --format csv -o folder", 2, "folder: is a folder"),
    ("export vocab --format csv -o ok.txt", 2, "ok.txt: already exists; add --force"),
    ("export vocab --format csv -o /proc/out.csv", 2, "/proc/out.csv: cannot save"),
    # -- export text ---------------------------------------------------------------------
    ("export text missing.txt --format md -o out.md", 2, "missing.txt: no such file"),
    ("export text picture.png --format md -o out.md", 2, "picture.png: binary file"),
    ("export text ok.txt --format pdf -o out.pdf", 2, "invalid choice: 'pdf'"),
    ("export text ok.txt --format md -o ok.txt --force", 2,
     "ok.txt: is the text being exported"),
    ("export", 2, "the following arguments are required: vocab|text"),
    # -- the command itself ------------------------------------------------------------
    ("frobnicate", 2, "invalid choice: 'frobnicate'"),
    ("--frobnicate", 2, "unrecognized arguments: --frobnicate"),
]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse's usage errors
        status = exc.code if isinstance(exc.code, int) else 1
    return status, capsys.readouterr().err


@pytest.mark.parametrize(("args", "status", "problem"), CASES, ids=[c[0] for c in CASES])
def test_error_is_one_line(place: Path, capsys: pytest.CaptureFixture[str],
                           args: str, status: int, problem: str) -> None:
    got, err = _run(args.split(), capsys)
    assert got == status, err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert problem in err
    assert err.startswith("studyaid")
    assert "Traceback" not in err


def test_broken_keymap_stops_the_reader(place: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("STUDYAID_CONFIG", str(place / "config"))
    status, err = _run(["read", "ok.txt"], capsys)
    assert status == 2
    assert err.count("\n") == 1 and "keymap.toml" in err and "Traceback" not in err


def test_through_python_m(run_studyaid, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    done = run_studyaid("annotate", str(missing))
    assert done.returncode == 2
    assert done.stderr == f"studyaid: {missing}: no such file\n"
    done = run_studyaid("annotate", str(missing), "--debug")
    assert done.returncode != 0
    assert "Traceback" in done.stderr and "StudyaidError" in done.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes into read-only folders")
@pytest.mark.parametrize("args", [
    "export vocab --format csv -o locked/out.csv",
    "export text ok.txt --format md -o locked/out.md",
])
def test_read_only_folder(place: Path, capsys: pytest.CaptureFixture[str], args: str) -> None:
    locked = place / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        status, err = _run(args.split(), capsys)
    finally:
        locked.chmod(0o755)
    assert status == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "locked: cannot write here: permission denied" in err
