"""``export text``: the annotated text as HTML and Markdown, byte for byte.

Regenerate the golden files with ``STUDYAID_UPDATE_GOLDEN=1 pytest tests/unit/test_export_text.py``
and read the diff before keeping it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studyaid.core.dictionary.index import Dictionary
from studyaid.core.engine.services import build_annotator
from studyaid.core.engine.settings import Settings
from studyaid.core.text.library import title_of
from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import Learner
from studyaid.export import TEXT_FORMATS
from studyaid.export.text import UNTITLED, TextDocument, build_document
from studyaid.export.text_md import escape as md_escape

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden" / "text"
TEXT_ID = "fixture"
# A heading, an idiom with our note (釜底抽薪) next to a learner's gloss (断粮), a saying
# across punctuation, and a sentence with no translation.
FIXTURE = (
    "断粮的重量\n"
    "对于OpenAI而言，“断粮”无疑是釜底抽薪式的打击。这等于是“杀敌一千，自损八百”的招数。\n"
    "双方的博弈仍有待观察。\n"
)
TRANSLATIONS = [
    (0, "断粮的重量", "The weight of cutting off supplies"),
    (1, "对于OpenAI而言，“断粮”无疑是釜底抽薪式的打击。",
     "For OpenAI, being \"starved\" would be a blow that cuts off the very source."),
    # sentence 2 has changed since it was translated: shown, marked stale
    (2, "这等于是“杀敌一千”的招数。", "It is a move that hurts both sides."),
]


def _document(vocab: Path, dictionary: Dictionary, text: str, gloss: str) -> TextDocument:
    Vocab(vocab).set_gloss("断粮", gloss, "duan4 liang2", "in quotes: a metaphor for compute")
    learner = Learner(vocab)
    for index, sentence, english in TRANSLATIONS:
        learner.set_translation(TEXT_ID, index, sentence, english)
    annotator = build_annotator(Settings(vocab, dictionary.path.parent), dictionary)
    return build_document(
        title_of(text, UNTITLED), annotator.iter_annotate(text),
        lambda index, sentence: learner.translation(TEXT_ID, index, sentence),
        annotator.glosses,
    )


@pytest.fixture
def document(vocab_dir: Path, dictionary: Dictionary) -> TextDocument:
    """The fixture text with a learner's gloss and translations."""
    return _document(vocab_dir, dictionary, FIXTURE, "to cut off supplies (here: compute) & money")


# -- Golden files: every format, byte for byte ----------------------------------------------


@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
def test_golden(document: TextDocument, fmt: str) -> None:
    content = TEXT_FORMATS[fmt](document).encode("utf-8")
    golden = GOLDEN / f"fixture.{fmt}"
    if os.environ.get("STUDYAID_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(content)
    assert content == golden.read_bytes()


# -- The document ------------------------------------------------------------------------------


def test_document_model(document: TextDocument) -> None:
    assert document.title == "断粮的重量"
    assert [line.index for line in document.lines] == [0, 1, 2, 3]
    # every piece of every sentence is kept, gaps and punctuation included
    assert all("".join(w.text for w in line.words) == line.text for line in document.lines)
    assert [(line.translation != "", line.stale) for line in document.lines] == [
        (True, False), (True, False), (True, True), (False, False)]
    assert [(n.number, n.word) for n in document.footnotes] == [
        (1, "釜底抽薪"), (2, "杀敌一千，自损八百")]
    assert document.footnotes[0].literal  # our own note: literal / figurative / usage
    # the footnote mark follows the idiom's last word
    marked = [w.text for line in document.lines for w in line.words if w.notes]
    assert marked == ["釜底抽薪", "八百"]
    assert [(e.word, e.gloss) for e in document.glossary] == [
        ("断粮", "to cut off supplies (here: compute) & money")]
    assert [s.marks for s in document.glossary[0].reading] == ["duàn", "liáng"]


@pytest.mark.parametrize(("text", "title"), [
    ("\n  盟友还是对手?  \n正文。", "盟友还是对手?"),           # a short first line
    ("", "Untitled text"),
    ("孔乙己⑴\n\n　　鲁镇的酒店的格局……", "孔乙己"),           # its footnote marker goes
    ("　　伤　　逝\n\n　　——涓生的手记", "伤逝"),              # spaced out for typesetting
    ("```\n　　　孔乙己\n\n　　鲁镇的酒店", "孔乙己"),        # markup alone is passed over
    ("# 社戏\n\n我在倒数上去的二十年中。", "社戏"),           # a Markdown heading
    ("---\ntitle: 祝福\nauthor: 鲁迅\n---\n舊曆的年底。", "祝福"),  # front matter
    # a paragraph first (祝福 has no title line): the file's name instead
    ("舊曆的年底畢竟最像年底，村鎮上不必說，就在天空中也顯出將到新年的氣象來。\n", "Untitled text"),
    ("我们走吧。\n", "Untitled text"),                          # a sentence, however short
])
def test_title_of_a_text(text: str, title: str) -> None:
    assert title_of(text, UNTITLED) == title


# -- Escaping: what the learner typed is text, never markup -------------------------------


def test_script_in_a_gloss_shows_as_text(vocab_dir: Path, dictionary: Dictionary) -> None:
    doc = _document(vocab_dir, dictionary, FIXTURE, "<script>alert(1)</script>")
    page = TEXT_FORMATS["html"](doc)
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    md = TEXT_FORMATS["md"](doc)
    assert "<script>" not in md and r"\<script\>alert(1)\</script\>" in md


HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def test_everything_the_learner_typed_is_escaped_in_html(vocab_dir: Path,
                                                          dictionary: Dictionary) -> None:
    # Gloss, note, translations (fresh and stale) and the title line all hostile.
    Vocab(vocab_dir).set_gloss("断粮", HOSTILE, "duan4 liang2", HOSTILE)
    learner = Learner(vocab_dir)
    text = f"{HOSTILE}\n" + FIXTURE
    annotator = build_annotator(Settings(vocab_dir, dictionary.path.parent), dictionary)
    sentences = list(annotator.iter_annotate(text))
    for sentence in sentences:
        learner.set_translation(TEXT_ID, sentence.index, sentence.text, HOSTILE)
    learner.set_translation(TEXT_ID, 99, "不在了。", HOSTILE)
    doc = build_document(title_of(text, UNTITLED), sentences,
                         lambda index, sentence: learner.translation(TEXT_ID, index, sentence),
                         annotator.glosses)
    page = TEXT_FORMATS["html"](doc)
    assert "<img" not in page and "<script" not in page and 'onerror="' not in page
    escaped = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(2)"
    assert page.count(escaped) >= 5  # title, its sentence and translation, gloss, note


@pytest.mark.parametrize("text, escaped", [
    ("Q*项目", r"Q\*项目"),
    ("a | b", r"a \| b"),
    ("[link](x)", r"\[link\](x)"),
    ("snake_case & <b>", r"snake\_case \& \<b\>"),
    ("盟友还是对手?", "盟友还是对手?"),
])
def test_markdown_escape(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


def test_empty_text_is_a_valid_empty_document(vocab_dir: Path, dictionary: Dictionary) -> None:
    doc = _document(vocab_dir, dictionary, "", "gloss")
    assert doc.lines == () and doc.glossary == () and doc.footnotes == ()
    page = TEXT_FORMATS["html"](doc)
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    assert "The text is empty." in page
    assert TEXT_FORMATS["md"](doc) == "# Untitled text\n\nThe text is empty.\n"


# -- The command ------------------------------------------------------------------------------


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "text.txt"
    path.write_text(FIXTURE, encoding="utf-8")
    return path


def test_cli_exports_html_with_the_readers_translations(
    run_studyaid, tmp_path: Path, text_file: Path
) -> None:
    vocab = tmp_path / "vocab"
    Learner(vocab).set_translation(str(text_file.resolve()), 3, "双方的博弈仍有待观察。",
                                   "How the contest ends remains to be seen.")
    out = tmp_path / "out.html"
    done = run_studyaid("export", "text", str(text_file), "--format", "html", "-o", str(out),
                        "--vocab", str(vocab))
    assert done.returncode == 0, done.stderr
    # the title line is the heading, not a sentence repeated under it
    assert done.stdout == (f"exported 3 sentences (1 translated, 2 idiom notes, 0 glossed "
                           f"words) to {out}\n")
    page = out.read_text(encoding="utf-8")
    assert page.count(FIXTURE.split("\n")[0]) == 2  # <title> and <h1>
    assert "How the contest ends remains to be seen." in page
    assert "<ruby>釜底抽薪<rt>" in page


def test_cli_seed_uses_the_seed_text_id(run_studyaid, tmp_path: Path) -> None:
    vocab = tmp_path / "vocab"
    Learner(vocab).set_translation("seed", 0, "微软与OpenAI的裂痕",
                                   "The rift between Microsoft and OpenAI")
    out = tmp_path / "seed.md"
    done = run_studyaid("export", "text", "--format", "md", "-o", str(out), "--vocab", str(vocab))
    assert done.returncode == 0, done.stderr
    content = out.read_text(encoding="utf-8")
    assert content.startswith("# 微软与OpenAI的裂痕\n")
    assert "*The rift between Microsoft and OpenAI*" in content


def test_cli_empty_text_says_so(run_studyaid, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "empty.html"
    done = run_studyaid("export", "text", str(empty), "--format", "html", "-o", str(out),
                        "--vocab", str(tmp_path / "vocab"))
    assert done.returncode == 0
    assert done.stderr == f"studyaid: the text is empty; wrote an empty html file to {out}\n"
    assert out.read_text(encoding="utf-8").endswith("</html>\n")


def _one_line_error(done, *words: str) -> None:
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("studyaid: ")
    assert all(word in done.stderr for word in words), done.stderr


def test_cli_bad_output_paths(run_studyaid, tmp_path: Path, text_file: Path) -> None:
    base = ("export", "text", str(text_file), "--format", "md", "--vocab", str(tmp_path / "v"))
    _one_line_error(run_studyaid(*base, "-o", str(tmp_path / "missing" / "out.md")),
                    "no such folder")
    existing = tmp_path / "existing.md"
    existing.write_text("keep me", encoding="utf-8")
    _one_line_error(run_studyaid(*base, "-o", str(existing)), "already exists", "--force")
    assert existing.read_text(encoding="utf-8") == "keep me"
    _one_line_error(run_studyaid(*base, "-o", str(text_file), "--force"), "being exported")
    assert text_file.read_text(encoding="utf-8") == FIXTURE
    done = run_studyaid(*base, "-o", str(existing), "--force")
    assert done.returncode == 0, done.stderr
    assert existing.read_text(encoding="utf-8").startswith("# 断粮的重量\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_cli_unwritable_folder(run_studyaid, tmp_path: Path, text_file: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        done = run_studyaid("export", "text", str(text_file), "--format", "html",
                            "-o", str(locked / "out.html"))
        _one_line_error(done, "permission denied")
    finally:
        locked.chmod(0o755)


def test_cli_format_choices_are_the_registry() -> None:
    from studyaid.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["export", "text", "--format", "md", "-o", "x.md"])
    assert args.path is None
    for fmt in TEXT_FORMATS:
        assert parser.parse_args(["export", "text", "--format", fmt, "-o", "x"]).format == fmt
    with pytest.raises(SystemExit):
        parser.parse_args(["export", "text", "--format", "pdf", "-o", "x"])


def test_idiom_without_our_note_has_the_dictionaries_explanations(plain_annotator) -> None:
    text = "他这样做是画蛇添足。"
    doc = build_document(title_of(text, UNTITLED), plain_annotator.iter_annotate(text),
                         lambda index, sentence: None, {})
    [note] = doc.footnotes
    assert note.word == "画蛇添足" and not note.literal
    assert note.english and note.chinese
    assert [s.marks for s in note.reading] == ["huà", "shé", "tiān", "zú"]
    page = TEXT_FORMATS["html"](doc)
    assert "<dt>English</dt>" in page and "<dt>Chinese</dt>" in page
    assert "*English:*" in TEXT_FORMATS["md"](doc)
