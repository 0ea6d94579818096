"""The vocab folder: the learner's glosses and lexicon, validated, sorted, never lost."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from studyaid import paths
from studyaid.core.errors import StudyaidError
from studyaid.core.model import Gloss
from studyaid.core.vocab import JOURNAL
from studyaid.core.vocab.glosses import (
    GLOSS_HEADER,
    GLOSSES,
    LEXICON,
    Vocab,
    parse_reading,
    read_glosses,
)

ROOT = Path(__file__).resolve().parents[2]


def _words_in_file(path: Path) -> list[str]:
    return [
        line.split("\t", 1)[0]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]


# -- Set, remove, list -------------------------------------------------------------------


def test_set_remove_list_round_trip(vocab_dir: Path) -> None:
    vocab = Vocab(vocab_dir)
    assert vocab.glosses() == {}
    vocab.set_gloss("奥特曼", "Altman (Sam Altman)", "ao4 te4 man4", "not Ultraman")
    vocab.set_gloss("断粮", "to cut off supplies")
    assert Vocab(vocab_dir).glosses() == {
        "奥特曼": Gloss("奥特曼", "Altman (Sam Altman)", ("ao4", "te4", "man4"), "not Ultraman"),
        "断粮": Gloss("断粮", "to cut off supplies"),
    }
    # Changing the gloss keeps the reading and note the learner set before.
    vocab.set_gloss("奥特曼", "Sam Altman")
    assert vocab.glosses()["奥特曼"] == Gloss(
        "奥特曼", "Sam Altman", ("ao4", "te4", "man4"), "not Ultraman"
    )
    assert vocab.remove_gloss("断粮") is True
    assert vocab.remove_gloss("断粮") is False
    assert list(Vocab(vocab_dir).glosses()) == ["奥特曼"]


def test_file_is_sorted_with_its_header(vocab_dir: Path) -> None:
    vocab = Vocab(vocab_dir)
    words = ["萨提亚", "议价权", "奥特曼", "纳德拉", "断粮", "OpenAI"]
    for word in words:
        vocab.set_gloss(word, f"gloss of {word}")
    path = vocab_dir / GLOSSES
    assert path.read_text(encoding="utf-8").startswith(GLOSS_HEADER)
    assert _words_in_file(path) == sorted(words)
    vocab.remove_gloss("奥特曼")
    assert path.read_text(encoding="utf-8").startswith(GLOSS_HEADER)
    assert "奥特曼" not in _words_in_file(path)


@pytest.mark.parametrize(
    ("gloss", "stored"),
    [
        # Tabs and line breaks typed into a gloss cannot break the file.
        ("to cut off\tsupplies", "to cut off supplies"),
        ("to cut off\nsupplies\r\n", "to cut off supplies"),
        ("  to cut off supplies  ", "to cut off supplies"),
    ],
)
def test_gloss_is_kept_on_one_line(vocab_dir: Path, gloss: str, stored: str) -> None:
    Vocab(vocab_dir).set_gloss("断粮", gloss, note="fig.\tsense")
    entry = Vocab(vocab_dir).glosses()["断粮"]
    assert (entry.gloss, entry.note) == (stored, "fig. sense")


@pytest.mark.parametrize(
    ("word", "gloss", "reading"),
    [
        ("", "nothing", None),
        ("断粮", "", None),
        ("奥特曼", "Altman", "ao4 te4"),
        ("奥特曼", "Altman", "ao te man"),
    ],
)
def test_bad_input_is_refused(vocab_dir: Path, word: str, gloss: str, reading: str | None) -> None:
    with pytest.raises(StudyaidError):
        Vocab(vocab_dir).set_gloss(word, gloss, reading)
    assert not (vocab_dir / GLOSSES).exists()


@pytest.mark.parametrize(
    ("reading", "word", "syllables"),
    [
        ("ao4 te4 man4", "奥特曼", ("ao4", "te4", "man4")),
        ("lu:4", "绿", ("lu:4",)),
        ("NU:3 REN2", "女人", ("nu:3", "ren2")),
        ("yi1 hui4 r5", "一会儿", ("yi1", "hui4", "r5")),
        ("de5", "的", ("de5",)),
        ("", "断粮", ()),
        ("jin1 tong2 yu4 nu:3", "AI金童玉女", ("jin1", "tong2", "yu4", "nu:3")),
    ],
)
def test_readings_accepted(reading: str, word: str, syllables: tuple[str, ...]) -> None:
    assert parse_reading(reading, word) == syllables


@pytest.mark.parametrize(
    ("reading", "word", "problem"),
    [
        ("hao", "好", "not numbered pinyin"),
        ("hao6", "好", "not numbered pinyin"),
        ("hǎo", "好", "not numbered pinyin"),
        ("ni3hao3", "你好", "not numbered pinyin"),
        ("hao3 hao3", "好", "2 syllables"),
        ("ao4 te4", "奥特曼", "3 Han characters"),
    ],
)
def test_readings_refused(reading: str, word: str, problem: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_reading(reading, word)
    assert problem in str(caught.value)


# -- Broken files: file:line, and never rewritten ------------------------------------------

BROKEN = [
    # Too many fields.
    ("奥特曼\tAltman\tao4 te4 man4\tnote\tseed\textra\n".encode(), 1,
     "6 tab-separated fields"),
    # The same word twice.
    ("断粮\tto run out of food\n断粮\tto cut off supplies\n".encode(), 2, "appears twice"),
    # A reading that is not numbered pinyin, or has the wrong number of syllables.
    ("奥特曼\tAltman\tao te man\n".encode(), 1, "not numbered pinyin"),
    ("奥特曼\tAltman\tao4 te4\n".encode(), 1, "2 syllables"),
    # An empty word, a word with nothing to say.
    (b"\tAltman\n", 1, "the word"),
    ("奥特曼\n".encode(), 1, "no gloss"),
    # Bytes that are not text.
    ("断粮\tto run out of food\n议价权\x00\tbargaining power\n".encode(), 2, "NUL byte"),
    (b"# comment\n\xe6\x96\xad\xe7\xb2\xae\tto run out of food\n\xe5\xa5\tAltman\n", 3,
     "invalid UTF-8"),
    # Line numbers count comments and blank lines.
    ("# my glosses\n\n断粮\tto run out\tduan4\n".encode(), 3, "1 syllables"),
]


@pytest.mark.parametrize(("content", "line", "problem"), BROKEN)
def test_broken_glosses_are_reported_with_file_and_line(
    vocab_dir: Path, content: bytes, line: int, problem: str
) -> None:
    path = vocab_dir / GLOSSES
    path.write_bytes(content)
    with pytest.raises(StudyaidError) as caught:
        Vocab(vocab_dir).glosses()
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: ")
    assert problem in message
    assert "\n" not in message


@pytest.mark.parametrize(("content", "line", "problem"), BROKEN)
def test_broken_glosses_are_never_rewritten(
    vocab_dir: Path, content: bytes, line: int, problem: str
) -> None:
    path = vocab_dir / GLOSSES
    path.write_bytes(content)
    vocab = Vocab(vocab_dir)
    with pytest.raises(StudyaidError):
        vocab.set_gloss("纳德拉", "Nadella")
    with pytest.raises(StudyaidError):
        vocab.remove_gloss("断粮")
    assert path.read_bytes() == content
    assert sorted(p.name for p in vocab_dir.iterdir()) == [".lock", GLOSSES]


def test_hand_edited_file_is_read(vocab_dir: Path) -> None:
    # Windows line ends, a byte-order mark, comments, blank lines, trailing spaces.
    (vocab_dir / GLOSSES).write_bytes(
        "\ufeff# mine\r\n\r\n断粮\tto cut off supplies \tduan4 liang2\r\n"
        "议价权\tbargaining power\r\n".encode()
    )
    glosses = Vocab(vocab_dir).glosses()
    assert glosses["断粮"] == Gloss("断粮", "to cut off supplies", ("duan4", "liang2"))
    assert glosses["议价权"].gloss == "bargaining power"


# -- Safe writes --------------------------------------------------------------------------


def test_atomic_write_leaves_no_temporary_files(vocab_dir: Path) -> None:
    vocab = Vocab(vocab_dir)
    for n, word in enumerate(["奥特曼", "纳德拉", "萨提亚", "议价权", "断粮"]):
        vocab.set_gloss(word, f"gloss {n}")
    vocab.remove_gloss("断粮")
    assert sorted(p.name for p in vocab_dir.iterdir()) == [".lock", GLOSSES, JOURNAL]


def test_write_keeps_the_file_mode(vocab_dir: Path) -> None:
    vocab = Vocab(vocab_dir)
    vocab.set_gloss("奥特曼", "Altman")
    (vocab_dir / GLOSSES).chmod(0o600)
    vocab.set_gloss("纳德拉", "Nadella")
    assert (vocab_dir / GLOSSES).stat().st_mode & 0o777 == 0o600


def test_vocab_folder_is_created_on_first_write(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "vocab"
    Vocab(folder).set_gloss("奥特曼", "Altman")
    assert Vocab(folder).glosses()["奥特曼"].gloss == "Altman"


WRITER = """
import sys
from pathlib import Path
from studyaid.core.vocab.glosses import Vocab
vocab = Vocab(Path(sys.argv[1]))
for n in range(int(sys.argv[3])):
    vocab.set_gloss(f"{sys.argv[2]}{n:02d}", f"gloss {n} from {sys.argv[2]}")
"""


def test_two_processes_writing_at_once_lose_nothing(vocab_dir: Path) -> None:
    writes = 20
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(vocab_dir), prefix, str(writes)])
        for prefix in ("甲", "乙")
    ]
    for writer in writers:
        assert writer.wait(timeout=60) == 0
    glosses = Vocab(vocab_dir).glosses()
    expected = {f"{prefix}{n:02d}" for prefix in ("甲", "乙") for n in range(writes)}
    assert set(glosses) == expected
    assert _words_in_file(vocab_dir / GLOSSES) == sorted(expected)


# -- The lexicon ----------------------------------------------------------------------------


def test_lexicon_merges_and_splits(vocab_dir: Path) -> None:
    (vocab_dir / LEXICON).write_text(
        "# my rules\n议价权\n\n  纳德拉  \n一蹴 而就\n导火 索\n", encoding="utf-8"
    )
    lexicon = Vocab(vocab_dir).lexicon()
    assert lexicon.merges == {"议价权", "纳德拉"}
    assert lexicon.splits == {"一蹴而就": ("一蹴", "而就"), "导火索": ("导火", "索")}


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ("议价权\n议价 权\n", 2, "two rules"),
        ("# rules\n纳德拉\n纳德拉\n", 3, "two rules"),
        ("议价权\x00\n", 1, "NUL byte"),
    ],
)
def test_broken_lexicon_is_reported(vocab_dir: Path, content: str, line: int, problem: str) -> None:
    path = vocab_dir / LEXICON
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StudyaidError) as caught:
        Vocab(vocab_dir).lexicon()
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert problem in str(caught.value)
    with pytest.raises(StudyaidError):
        Vocab(vocab_dir).add_rule(["断粮"])
    assert path.read_text(encoding="utf-8") == content


def test_add_rule_replaces_and_keeps_comments(vocab_dir: Path) -> None:
    path = vocab_dir / LEXICON
    path.write_text("# my rules\n议价权\n", encoding="utf-8")
    vocab = Vocab(vocab_dir)
    vocab.add_rule(["一蹴", "而就"])
    vocab.add_rule(["议价", "权"])
    assert path.read_text(encoding="utf-8").splitlines() == ["# my rules", "一蹴 而就", "议价 权"]
    assert vocab.lexicon().merges == frozenset()


# -- Where the vocab folder is ---------------------------------------------------------------


def test_vocab_folder_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = tmp_path / "project"
    (here / "vocab").mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # The platform folder, under the test's own HOME.
    default = paths.vocab_dir(cwd=elsewhere)
    assert default.is_relative_to(Path(os.environ["HOME"]))
    # ./vocab when the current folder has one.
    assert paths.vocab_dir(cwd=here) == here / "vocab"
    # $STUDYAID_VOCAB beats ./vocab; --vocab beats both.
    monkeypatch.setenv("STUDYAID_VOCAB", str(tmp_path / "env"))
    assert paths.vocab_dir(cwd=here) == tmp_path / "env"
    assert paths.vocab_dir(tmp_path / "flag", cwd=here) == tmp_path / "flag"


# -- The repository's own vocab and seed ------------------------------------------------------


def test_repository_vocab_parses_and_seed_glosses_ship() -> None:
    vocab = Vocab(ROOT / "vocab")
    assert vocab.glosses() == {}  # the learner's folder: nothing of the seed's in it
    vocab.lexicon()
    path = ROOT / "studyaid" / "data" / "seed_glosses.tsv"
    shipped = read_glosses(path)
    assert {text for text, _ in shipped} == {"seed"}
    glosses = {word: g for (_, word), g in shipped.items()}
    assert "Altman" in glosses["奥特曼"].gloss
    assert glosses["奥特曼"].reading == ("ao4", "te4", "man4")
    for word in ("纳德拉", "萨提亚", "议价权", "断粮"):
        assert glosses[word].gloss, word
    assert _words_in_file(path) == sorted(glosses)


def test_seed_copy_matches_the_packaged_seed() -> None:
    (copy,) = (ROOT / "seeds").glob("*.txt")
    packaged = resources.files("studyaid.data").joinpath("seed.txt").read_bytes()
    assert copy.read_bytes() == packaged
