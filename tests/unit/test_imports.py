"""``studyaid import``: each format read, the preview (new / same / conflicting), the
command's questions, bad input named file:line, and the Pleco round trip."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studyaid.cli import build_parser, main
from studyaid.core.errors import StudyaidError
from studyaid.core.model import Gloss
from studyaid.core.vocab.glosses import Vocab
from studyaid.export import pleco
from studyaid.export.items import gather
from studyaid.imports import IMPORT_FORMATS, guess_format, plan

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def read(path: Path, fmt: str) -> list[Gloss]:
    return [item.gloss for item in IMPORT_FORMATS[fmt](path)]


def test_the_command_offers_the_registry_s_formats() -> None:
    parser = build_parser()
    for fmt in IMPORT_FORMATS:
        assert parser.parse_args(["import", "x", "--format", fmt]).format == fmt
    with pytest.raises(SystemExit):
        parser.parse_args(["import", "x", "--format", "xlsx"])


# -- Reading each format ----------------------------------------------------------------


def test_cedict(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.u8", "# my own entries\n"
                 "釜底抽薪 釜底抽薪 [fu3 di3 chou1 xin1] /to cut off the source/drastic action/\n"
                 "廚師 厨师 [chu2 shi1] /cook/chef/\n")
    assert read(path, "cedict") == [
        Gloss("釜底抽薪", "to cut off the source; drastic action", ("fu3", "di3", "chou1", "xin1")),
        Gloss("厨师", "cook; chef", ("chu2", "shi1")),
    ]


def test_pleco(tmp_path: Path) -> None:
    path = write(tmp_path, "cards.txt", "//studyaid/seed\n"
                 "厨师[廚師]\tchu2shi1\tchef\ueab1cook; chef\n"
                 "绿\tlu:4\tgreen\n"
                 "釜底抽薪\tfu3 di3 chou1 xin1\tpull the rug out\ueab1Note: a stratagem\n"
                 "合作\thézuò\tto work together\n")
    assert read(path, "pleco") == [
        Gloss("厨师", "chef", ("chu2", "shi1")),
        Gloss("绿", "green", ("lu:4",)),
        Gloss("釜底抽薪", "pull the rug out", ("fu3", "di3", "chou1", "xin1"), "a stratagem"),
        # Tone marks are not kept: the dictionary's reading applies.
        Gloss("合作", "to work together"),
    ]


def test_csv(tmp_path: Path) -> None:
    path = write(tmp_path, "words.csv", 'word,gloss\n厨师,cook\n银行,"bank, the kind with'
                 ' money",yin2 hang2\n\n')
    assert read(path, "csv") == [
        Gloss("厨师", "cook"),
        Gloss("银行", "bank, the kind with money", ("yin2", "hang2")),
    ]


def test_tab_separated(tmp_path: Path) -> None:
    # word TAB gloss, as a spreadsheet saves it, or glosses.tsv's four columns
    path = write(tmp_path, "words.txt", "厨师\tcook\n银行\tbank, the kind with money\t"
                 "yin2 hang2\n为\tfor\twei4\tbefore a noun\n")
    assert guess_format(path) == "csv"
    assert read(path, "csv") == [
        Gloss("厨师", "cook"),
        Gloss("银行", "bank, the kind with money", ("yin2", "hang2")),
        Gloss("为", "for", ("wei4",), "before a noun"),
    ]


@pytest.mark.parametrize(
    ("name", "text", "fmt"),
    [
        ("a.csv", "厨师,cook\n", "csv"),
        ("a.tsv", "厨师\tcook\tchu2 shi1\n", "csv"),
        ("a.txt", "厨师\tcook\n", "csv"),
        ("a.txt", "厨师\tchef\tchu2 shi1\n", "csv"),
        ("a.txt", "合作\thézuò\tto work together\n", "pleco"),
        ("a.u8", "", "cedict"),
        ("a.txt", "# header\n廚師 厨师 [chu2 shi1] /cook/\n", "cedict"),
        ("a.txt", "//cat\n厨师\tchu2shi1\tcook\n", "pleco"),
    ],
)
def test_guess_format(tmp_path: Path, name: str, text: str, fmt: str) -> None:
    assert guess_format(write(tmp_path, name, text)) == fmt


# -- Bad input: one problem, named file:line; nothing read ------------------------------


@pytest.mark.parametrize(
    ("fmt", "text", "where", "problem"),
    [
        ("csv", "厨师,cook\nabc,letters\n", 2, "has no Chinese characters"),
        ("csv", "厨师,cook\n银行\n", 2, "1 columns"),
        ("csv", "厨师,\n", 1, "has no gloss"),
        ("csv", "厨师,cook,chu2\n", 1, "1 syllables"),
        ("csv", '厨师,cook\n银行,bank\n"银行,x\n', 3, "not CSV: unexpected end of data"),
        ("csv", '厨师,cook\n银行,"bank"x\n', 2, "not CSV"),
        ("pleco", "//c\n厨师 chu2shi1 cook\n", 2, "1 tab-separated fields"),
        ("cedict", "廚師 厨师 [chu2 shi1] /cook/\nnot an entry\n", 2, "not a CC-CEDICT entry"),
    ],
)
def test_bad_lines_are_named(tmp_path: Path, fmt: str, text: str, where: int,
                             problem: str) -> None:
    path = write(tmp_path, "bad.txt", text)
    with pytest.raises(StudyaidError) as caught:
        IMPORT_FORMATS[fmt](path)
    assert str(caught.value).startswith(f"{path}:{where}: ")
    assert problem in str(caught.value)


def test_bad_bytes_are_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes("厨师,cook\n".encode() + b"\xff\xfe,x\n")
    with pytest.raises(StudyaidError, match=r"bad\.csv:2: invalid UTF-8"):
        IMPORT_FORMATS["csv"](path)


# -- The preview --------------------------------------------------------------------------


def test_plan_sorts_new_same_conflicting(tmp_path: Path) -> None:
    path = write(tmp_path, "words.csv", "厨师,chef\n银行,bank\n学习,to study\n学习,to learn\n")
    existing = {"厨师": Gloss("厨师", "chef", ("chu2", "shi1")), "银行": Gloss("银行", "a bank")}
    result = plan(existing, IMPORT_FORMATS["csv"](path))
    assert [g.word for g in result.new] == ["学习"]
    assert [g.word for g in result.same] == ["厨师"]
    assert [(m.gloss, t.gloss) for m, t in result.conflicting] == [("a bank", "bank")]
    assert [i.line for i in result.repeated] == [4]
    assert [g.word for g in result.to_write(False)] == ["学习"]
    assert [g.word for g in result.to_write(True)] == ["学习", "银行"]


# -- The command --------------------------------------------------------------------------


@pytest.fixture
def import_env(tmp_path: Path, vocab_dir: Path) -> tuple[Path, Path]:
    Vocab(vocab_dir).set_gloss("银行", "a bank")
    return write(tmp_path, "words.csv", "厨师,cook\n银行,bank\n"), vocab_dir


def run(vocab: Path, *args: str) -> int:
    return main(["--vocab", str(vocab), "import", *args])


def glosses(vocab: Path) -> dict[str, str]:
    return {w: g.gloss for w, g in Vocab(vocab).glosses().items()}


def test_without_a_terminal_it_only_previews(import_env, capsys) -> None:
    path, vocab = import_env
    assert run(vocab, str(path)) == 0
    out = capsys.readouterr().out
    assert "new:         1" in out and "conflicting: 1" in out and "preview only" in out
    assert "    厨师  cook" in out  # the words, not only their count
    assert glosses(vocab) == {"银行": "a bank"}


def test_the_preview_lists_a_screenful_of_words_and_counts_the_rest(tmp_path, vocab_dir,
                                                                    capsys) -> None:
    words = [chr(0x4E00 + i) + "子" for i in range(25)]
    path = write(tmp_path, "many.csv", "".join(f"{w},gloss {i}\n" for i, w in enumerate(words)))
    assert run(vocab_dir, str(path)) == 0
    out = capsys.readouterr().out
    assert f"    {words[19]}  gloss 19" in out and words[20] not in out
    assert "    … and 5 more" in out


@pytest.mark.parametrize(("answer", "written"), [("y\n", True), ("\n", False), ("n\n", False)])
def test_on_a_terminal_it_asks(import_env, monkeypatch, capsys, answer: str,
                               written: bool) -> None:
    path, vocab = import_env

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal(answer))
    assert run(vocab, str(path)) == 0
    expected = {"银行": "a bank", "厨师": "cook"} if written else {"银行": "a bank"}
    assert glosses(vocab) == expected


def test_yes_adds_new_and_keeps_conflicts(import_env) -> None:
    path, vocab = import_env
    assert run(vocab, str(path), "--yes") == 0
    assert glosses(vocab) == {"银行": "a bank", "厨师": "cook"}


def test_overwrite_replaces_conflicts(import_env) -> None:
    path, vocab = import_env
    assert run(vocab, str(path), "--yes", "--overwrite") == 0
    assert glosses(vocab) == {"银行": "bank", "厨师": "cook"}


def test_a_bad_file_is_one_line_and_exit_2(tmp_path: Path, vocab_dir: Path, capsys) -> None:
    path = write(tmp_path, "bad.csv", "厨师,cook\nabc,x\n")
    assert run(vocab_dir, str(path), "--yes") == 2
    err = capsys.readouterr().err
    assert err == f"studyaid: {path}:2: 'abc' has no Chinese characters\n"
    assert not (vocab_dir / "glosses.tsv").exists()


def test_a_missing_file(tmp_path: Path, vocab_dir: Path, capsys) -> None:
    assert run(vocab_dir, str(tmp_path / "nope.csv")) == 2
    assert "nope.csv: no such file" in capsys.readouterr().err


def test_a_broken_glosses_file_is_never_rewritten(import_env, capsys) -> None:
    path, vocab = import_env
    broken = "银行\ta bank\n银行\tagain\n"
    (vocab / "glosses.tsv").write_text(broken, encoding="utf-8")
    assert run(vocab, str(path), "--yes") == 2
    assert "glosses.tsv:2:" in capsys.readouterr().err
    assert (vocab / "glosses.tsv").read_text(encoding="utf-8") == broken


# -- Round trip: export Pleco, import Pleco, the same glosses ----------------------------


def test_pleco_round_trip(tmp_path: Path, vocab_dir: Path) -> None:
    mine = Vocab(vocab_dir)
    mine.set_gloss("釜底抽薪", "pull the rug out", "fu3 di3 chou1 xin1", "a stratagem")
    mine.set_gloss("厨师", "chef", "chu2 shi1")
    mine.set_gloss("绿", "green", "lu:4")
    mine.set_gloss("微软", "Microsoft; the Redmond one", "wei1 ruan3")
    exported = tmp_path / "pleco.txt"
    exported.write_bytes(pleco.write(gather(vocab_dir), NOW))
    other = tmp_path / "other"
    result = plan({}, IMPORT_FORMATS["pleco"](exported))
    Vocab(other).add_glosses(result.to_write(False))
    assert Vocab(other).glosses() == mine.glosses()
    # ... and importing it again over the same glosses changes nothing.
    again = plan(mine.glosses(), IMPORT_FORMATS["pleco"](exported))
    assert not again.new and not again.conflicting and len(again.same) == 4
