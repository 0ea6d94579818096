"""The command line: the contract other tools rely on, run as ``python -m studyaid``."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from studyaid import __version__
from studyaid.cli import main
from studyaid.core.nlp.pinyin import han_count

ROOT = Path(__file__).resolve().parents[2]

SOURCE = (
    "微软与OpenAI的裂痕\n"
    "微软CEO和奥特曼失和,萨提亚·纳德拉公开表态。\n"
    "训练一个像GPT-4这样的模型!这等于是“杀敌一千，自损八百”的招数。\n"
    "他说：“你来了。”我说……绿色的女人屈指可数。\n"
)
TOKEN_KEYS = {"text", "start", "end", "pinyin", "gloss", "gloss_source"}
IDIOM_KEYS = {"text", "start", "end", "english", "chinese", "source"}
SENTENCE_KEYS = {"sentence", "start", "end", "text", "tokens", "idioms"}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A text to annotate and a copy of the repository's vocab folder."""
    folder = tmp_path_factory.mktemp("cli")
    (folder / "article.txt").write_text(SOURCE, encoding="utf-8")
    shutil.copytree(ROOT / "vocab", folder / "vocab")
    # The seed's shipped glosses, as the learner's own for every text.
    shipped = (ROOT / "studyaid" / "data" / "seed_glosses.tsv").read_text(encoding="utf-8")
    (folder / "vocab" / "glosses.tsv").write_text(
        "".join(line.rsplit("\t", 1)[0] + "\n" for line in shipped.splitlines()[1:]),
        encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def jsonl(run_studyaid, workspace: Path) -> list[dict]:
    """``annotate article.txt --format jsonl``, parsed."""
    done = run_studyaid("annotate", str(workspace / "article.txt"), "--format", "jsonl",
                        "--vocab", str(workspace / "vocab"))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return [json.loads(line) for line in done.stdout.splitlines()]


# -- annotate --format jsonl -------------------------------------------------------------


def test_jsonl_sentences(jsonl: list[dict]) -> None:
    assert [s["sentence"] for s in jsonl] == list(range(len(jsonl)))
    assert [s["text"] for s in jsonl] == [
        "微软与OpenAI的裂痕",
        "微软CEO和奥特曼失和,萨提亚·纳德拉公开表态。",
        "训练一个像GPT-4这样的模型!",
        "这等于是“杀敌一千，自损八百”的招数。",
        "他说：“你来了。”",
        "我说……",
        "绿色的女人屈指可数。",
    ]
    for sentence in jsonl:
        assert set(sentence) == SENTENCE_KEYS
        assert SOURCE[sentence["start"] : sentence["end"]] == sentence["text"]


# The same word in two senses in one text: each occurrence keeps its own gloss in the
# JSON (a word's JSON was once made for its first occurrence and reused).
SENSES_BY_PLACE = [
    # text, word, the sense of each occurrence in order
    ("门前是巡警分驻所。这是我所知道的。", "所", ["place", "that which"]),
    ("他比我高。我们来比。", "比", ["than", "to compare"]),
]


@pytest.mark.parametrize(("text", "word", "senses"), SENSES_BY_PLACE)
def test_jsonl_gloss_per_occurrence(run_studyaid, tmp_path: Path, text: str, word: str,
                                    senses: list[str]) -> None:
    done = run_studyaid("annotate", "-", "--format", "jsonl", "--vocab", str(tmp_path),
                        stdin=text.encode("utf-8"))
    assert done.returncode == 0, done.stderr
    glosses = [t["gloss"] for line in done.stdout.splitlines()
               for t in json.loads(line)["tokens"] if t["text"] == word]
    assert len(glosses) == len(senses)
    for gloss, sense in zip(glosses, senses, strict=True):
        assert sense in gloss.split(";")[0], glosses


def test_jsonl_tokens(jsonl: list[dict]) -> None:
    for sentence in jsonl:
        position = sentence["start"]
        for token in sentence["tokens"]:
            assert set(token) == TOKEN_KEYS
            assert SOURCE[token["start"] : token["end"]] == token["text"]
            assert token["start"] >= position
            position = token["end"]
            assert len(token["pinyin"]) == han_count(token["text"])
            if token["pinyin"]:
                assert token["gloss"]
                assert token["gloss_source"] in ("user", "cc-cedict", "parts", "name")
            else:
                assert token["gloss_source"] in ("", "user")
        assert position <= sentence["end"]


def test_jsonl_idioms(jsonl: list[dict]) -> None:
    idioms = [i for s in jsonl for i in s["idioms"]]
    assert [i["text"] for i in idioms] == ["杀敌一千，自损八百", "屈指可数"]
    for idiom in idioms:
        assert set(idiom) == IDIOM_KEYS
        assert SOURCE[idiom["start"] : idiom["end"]] == idiom["text"]
        assert idiom["source"] == "studyaid"
        assert idiom["english"]


@pytest.mark.parametrize(
    ("word", "pinyin", "gloss", "source"),
    [
        # The repository's vocab wins over CC-CEDICT (which says Ultraman).
        ("奥特曼", ["ào", "tè", "màn"], "Altman", "user"),
        ("纳德拉", ["nà", "dé", "lā"], "Nadella", "user"),
        # Words the learner has not glossed come from CC-CEDICT.
        ("微软", ["wēi", "ruǎn"], "Microsoft", "cc-cedict"),
        ("和", ["hé"], "and", "cc-cedict"),
        # Latin words have no reading and no gloss.
        ("OpenAI", [], "", ""),
        ("GPT-4", [], "", ""),
    ],
)
def test_jsonl_token_values(
    jsonl: list[dict], word: str, pinyin: list[str], gloss: str, source: str
) -> None:
    tokens = {t["text"]: t for s in jsonl for t in s["tokens"]}
    token = tokens[word]
    assert token["pinyin"] == pinyin
    assert gloss in token["gloss"]
    assert token["gloss_source"] == source


# -- annotate --format text --pinyin numbers --------------------------------------------


def test_text_format_with_numbered_pinyin(run_studyaid, workspace: Path) -> None:
    done = run_studyaid("annotate", str(workspace / "article.txt"), "--format", "text",
                        "--pinyin", "numbers", "--width", "100",
                        "--vocab", str(workspace / "vocab"))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("[1] 微软与OpenAI的裂痕\n")
    assert "[7] 绿色的女人屈指可数。" in out
    # Numbered syllables, neutral tone 5, u: for ü; no tone marks anywhere.
    for reading in ("wei1ruan3", "lie4hen2", "de5", "lu:4se4", "nu:3ren2"):
        assert reading in out
    assert "wēi" not in out
    # The learner's gloss is marked; idiom notes are shown.
    (line,) = [line for line in out.splitlines() if line.startswith("    奥特曼 ")]
    assert "ao4te4man4" in line and "* Altman" in line
    assert "◆ 杀敌一千，自损八百: lit." in out
    assert max(len(line) for line in out.splitlines()) <= 100


# -- annotate --tones citation|spoken ---------------------------------------------------


def test_spoken_tones_are_an_output_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "tones.txt"
    text.write_text("你好，我不是一个人。\n", encoding="utf-8")
    readings = {}
    for tones in ("citation", "spoken"):
        assert main(["annotate", str(text), "--pinyin", "numbers", "--tones", tones]) == 0
        (line,) = capsys.readouterr().out.splitlines()
        readings[tones] = {t["text"]: " ".join(t["pinyin"]) for t in json.loads(line)["tokens"]}
    assert [readings["citation"][w] for w in ("你好", "不是", "一个")] == [
        "ni3 hao3", "bu4 shi4", "yi1 ge4"]
    assert [readings["spoken"][w] for w in ("你好", "不是", "一个")] == [
        "ni2 hao3", "bu2 shi4", "yi2 ge4"]


# -- lookup ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "simplified", "traditional", "pinyin"),
    [
        (["釜底抽薪"], "釜底抽薪", "釜底抽薪", "fu3 di3 chou1 xin1"),
        (["fu3", "di3", "chou1", "xin1"], "釜底抽薪", "釜底抽薪", "fu3 di3 chou1 xin1"),
        (["巧婦難為無米之炊"], "巧妇难为无米之炊", "巧婦難為無米之炊",
         "qiao3 fu4 nan2 wei2 wu2 mi3 zhi1 chui1"),
    ],
)
def test_lookup_json(
    run_studyaid, query: list[str], simplified: str, traditional: str, pinyin: str
) -> None:
    done = run_studyaid("lookup", *query, "--json")
    assert done.returncode == 0, done.stderr
    entries = json.loads(done.stdout)
    assert isinstance(entries, list) and entries
    first = entries[0]
    assert {"simplified", "traditional", "pinyin", "definitions"} <= set(first)
    assert (first["simplified"], first["traditional"], first["pinyin"]) == (
        simplified, traditional, pinyin,
    )
    assert first["definitions"] and all(isinstance(d, str) for d in first["definitions"])


def test_lookup_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "fudichouxin"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("釜底抽薪  fǔdǐchōuxīn\n")
    assert "1. to take drastic measures" in out


# -- gloss -----------------------------------------------------------------------------------


def test_gloss_set_rm_list(vocab_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vocab = ["--vocab", str(vocab_dir)]
    assert main(["gloss", "set", "奥特曼", "Sam", "Altman", "--reading", "ao4 te4 man4",
                 "--note", "not Ultraman", *vocab]) == 0
    assert main(["gloss", "set", "断粮", "to cut off supplies", *vocab]) == 0
    assert main(["gloss", "set", "议价权", "bargaining power", *vocab]) == 0
    assert main(["gloss", "rm", "议价权", *vocab]) == 0
    capsys.readouterr()
    assert main(["gloss", "list", "--json", *vocab]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(g["word"], g["gloss"]) for g in listed] == [
        ("奥特曼", "Sam Altman"), ("断粮", "to cut off supplies"),
    ]
    assert listed[0]["reading"] == "ao4 te4 man4"
    assert main(["gloss", "list", *vocab]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "奥特曼 [ao4 te4 man4]\tSam Altman\t(not Ultraman)",
        "断粮\tto cut off supplies",
    ]


def test_gloss_list_json_through_python_m(run_studyaid, workspace: Path) -> None:
    done = run_studyaid("gloss", "list", "--json", "--vocab", str(workspace / "vocab"))
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert {"word", "gloss"} <= set(listed[0])
    assert "奥特曼" in {g["word"] for g in listed}


def test_gloss_rm_of_an_unknown_word(vocab_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gloss", "rm", "不存在", "--vocab", str(vocab_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("studyaid: ") and err.count("\n") == 1


# -- version and help ------------------------------------------------------------------------


def test_version_and_help_through_python_m(run_studyaid) -> None:
    done = run_studyaid("--version")
    assert (done.returncode, done.stdout.strip()) == (0, f"studyaid {__version__}")
    done = run_studyaid("--help")
    assert done.returncode == 0
    for command in ("annotate", "lookup", "gloss"):
        assert command in done.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["annotate", "--help"],
        ["lookup", "--help"],
        ["gloss", "--help"],
        ["gloss", "set", "--help"],
        ["gloss", "rm", "--help"],
        ["gloss", "list", "--help"],
    ],
)
def test_help_for_every_command(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("usage: studyaid")


# -- Errors: one line on stderr, exit status 2, no traceback -----------------------------------


def _broken_vocab(folder: Path) -> Path:
    vocab = folder / "broken-vocab"
    vocab.mkdir(exist_ok=True)
    (vocab / "glosses.tsv").write_text("奥特曼\tAltman\tao4 te4\n", encoding="utf-8")
    return vocab


def _one_line_error(done: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("studyaid")
    for fragment in fragments:
        assert fragment in done.stderr


@pytest.mark.parametrize(
    ("make_args", "fragments"),
    [
        # Inputs that are not a text file.
        (lambda d: ["annotate", str(d / "missing.txt")], ["missing.txt", "no such file"]),
        (lambda d: ["annotate", str(d)], ["is a directory"]),
        (lambda d: ["annotate", str(d / "picture.png")], ["picture.png", "binary"]),
        # A vocab file that does not parse: reported, and left as it was.
        (lambda d: ["annotate", str(d / "article.txt"), "--vocab", str(_broken_vocab(d))],
         ["glosses.tsv:1:", "syllables"]),
        (lambda d: ["gloss", "set", "纳德拉", "Nadella", "--vocab", str(_broken_vocab(d))],
         ["glosses.tsv:1:"]),
        # A usage error.
        (lambda d: ["annotate", "--pinyin", "bopomofo", str(d / "article.txt")], ["bopomofo"]),
    ],
    ids=["missing", "directory", "binary", "broken-vocab-annotate", "broken-vocab-gloss-set",
         "bad-option"],
)
def test_errors(run_studyaid, workspace: Path, make_args, fragments: list[str]) -> None:
    (workspace / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    vocab = _broken_vocab(workspace)
    before = (vocab / "glosses.tsv").read_bytes()
    args = make_args(workspace)
    if "--vocab" not in args:
        args += ["--vocab", str(workspace / "vocab")]
    _one_line_error(run_studyaid(*args), *fragments)
    assert (vocab / "glosses.tsv").read_bytes() == before


@pytest.mark.parametrize(
    "argv",
    [
        ["--vocab", "{dir}", "gloss", "list", "--json"],
        ["gloss", "--vocab", "{dir}", "list", "--json"],
        ["gloss", "list", "--vocab", "{dir}", "--json"],
    ],
)
def test_vocab_option_before_or_after_the_command(tmp_path: Path, capsys, argv: list[str]):
    from studyaid.core.vocab.glosses import Vocab

    Vocab(tmp_path).set_gloss("奥特曼", "Sam Altman")
    assert main([a.replace("{dir}", str(tmp_path)) for a in argv]) == 0
    assert json.loads(capsys.readouterr().out)[0]["word"] == "奥特曼"
