"""Every idiom has English: where neither the project's notes nor CC-CEDICT translate it
(it comes only from the chengyu list), a literal gloss built from its characters, marked
as literal, beside the Chinese explanation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studyaid.cli import main
from studyaid.core.dictionary.idioms import LITERAL, character_sense, literal_gloss
from studyaid.core.dictionary.index import Dictionary
from studyaid.core.engine.annotate import Annotator
from studyaid.core.text.library import title_of
from studyaid.export import TEXT_FORMATS
from studyaid.export.text import UNTITLED, build_document


@pytest.mark.parametrize(
    ("sentence", "word", "literal"),
    [
        # chengyu only in the chinese-xinhua list
        ("那些强盗杀人如草，百姓苦不堪言。", "杀人如草",
         "杀 to kill + 人 person + 如 as + 草 grass"),
        ("他做事一丝不紊。", "一丝不紊", "一 one + 丝 silk + 不 no + 紊 involved"),
        ("两国之间浆水不交。", "浆水不交",
         "浆 thick liquid + 水 water + 不 no + 交 to hand over"),
        ("这样做无异于驱羊战狼。", "驱羊战狼",
         "驱 to expel + 羊 sheep + 战 to fight + 狼 wolf"),
        ("此人一日九迁，官运亨通。", "一日九迁", "一 one + 日 sun + 九 nine + 迁 to move"),
        ("这真是头足倒置。", "头足倒置", "头 head + 足 foot + 倒 to invert + 置 to install"),
        # 之: a sense all in brackets is unwrapped, its [pinyin] dropped
        ("他立下了不世之业。", "不世之业", "不 no + 世 life"
         " + 之 possessive particle, literary equivalent of 的 + 业 line of business"),
    ],
)
def test_chengyu_only_idioms_get_a_literal_gloss(plain_annotator: Annotator, sentence: str,
                                                 word: str, literal: str) -> None:
    (idiom,) = [i for s in plain_annotator.annotate(sentence) for i in s.idioms
                if i.word == word]
    assert idiom.source == "xinhua"
    assert idiom.english == LITERAL + literal
    assert idiom.chinese  # beside the Chinese explanation


@pytest.mark.parametrize(
    ("char", "reading", "sense"),
    [
        # the reading the chengyu list gives picks the entry
        ("重", "chóng", "to repeat"),
        ("重", "zhòng", "heavy"),
        ("倒", "dào", "to invert"),
        ("倒", "dǎo", "to fall"),
        # a cross-reference entry or a surname is passed over for a sense of its own
        ("草", "cǎo", "grass"),
        ("人", "", "person"),
        # classifiers and bracketed notes go
        ("杀", "", "to kill"),
        # not in CC-CEDICT
        ("摋", "", ""),
    ],
)
def test_character_sense(dictionary: Dictionary, char: str, reading: str, sense: str) -> None:
    assert character_sense(dictionary, char, reading) == sense


def test_a_character_the_dictionary_lacks_stands_bare(dictionary: Dictionary) -> None:
    assert literal_gloss(dictionary, "一笔抹摋", "yī bǐ mǒ sà") == (
        LITERAL + "一 one + 笔 pen + 抹 to smear + 摋")


def test_every_chengyu_has_english(dictionary: Dictionary) -> None:
    # Every idiom of the chengyu list that CC-CEDICT lacks: about 24,000.
    rows = dictionary.db.execute(
        "SELECT word, pinyin FROM chengyu WHERE word NOT IN (SELECT simp FROM entries)"
        " ORDER BY word LIMIT 2000").fetchall()
    assert len(rows) == 2000
    for word, reading in rows:
        english = literal_gloss(dictionary, word, reading)
        assert english.startswith(LITERAL) and len(english) > len(LITERAL) + len(word)


# -- Where the English goes: annotate's JSON, text output, exports ---------------------------


def test_annotate_json_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "idiom.txt"
    text.write_text("那些强盗杀人如草，百姓苦不堪言。\n", encoding="utf-8")
    assert main(["annotate", str(text), "--no-context-model"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    idioms = {i["text"]: i for i in json.loads(line)["idioms"]}
    assert idioms["杀人如草"]["english"].startswith(LITERAL + "杀 to kill")
    assert idioms["杀人如草"]["chinese"]
    assert main(["annotate", str(text), "--no-context-model", "--format", "text"]) == 0
    assert "◆ 杀人如草: lit., character by character: 杀 to kill" in capsys.readouterr().out


def test_exports_show_the_literal_gloss(plain_annotator: Annotator) -> None:
    text = "那些强盗杀人如草。"
    doc = build_document(title_of(text, UNTITLED), plain_annotator.iter_annotate(text),
                         lambda index, sentence: None, {})
    [note] = doc.footnotes
    assert note.word == "杀人如草" and note.english.startswith(LITERAL) and note.chinese
    assert LITERAL + "杀 to kill" in TEXT_FORMATS["html"](doc)
    assert LITERAL + "杀 to kill" in TEXT_FORMATS["md"](doc)
