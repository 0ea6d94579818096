"""Idiom notes: found by span (across tokens and punctuation), from three sources."""

from __future__ import annotations

import pytest

from studyaid.core.dictionary.idioms import load_notes
from studyaid.core.engine.annotate import Annotator
from studyaid.core.errors import StudyaidError
from studyaid.core.model import IdiomMatch
from studyaid.core.nlp.pinyin import han_count
from studyaid.paths import seed_text

SEED_IDIOMS = [
    "釜底抽薪",
    "巧妇难为无米之炊",
    "一蹴而就",
    "屈指可数",
    "分道扬镳",
    "合纵连横",
    "金童玉女",
    "显而易见",
    "杀敌一千，自损八百",
]


def _idioms(annotator: Annotator, text: str) -> list[IdiomMatch]:
    return [idiom for sentence in annotator.annotate(text) for idiom in sentence.idioms]


@pytest.fixture(scope="module")
def seed_idioms(plain_annotator: Annotator) -> dict[str, IdiomMatch]:
    """The idioms found in the seed article, by headword."""
    return {idiom.word: idiom for idiom in _idioms(plain_annotator, seed_text())}


@pytest.mark.parametrize("word", SEED_IDIOMS)
def test_seed_idioms_have_our_notes(seed_idioms: dict[str, IdiomMatch], word: str) -> None:
    text = seed_text()
    idiom = seed_idioms[word]
    assert idiom.source == "studyaid"
    assert idiom.english.startswith("lit. ")
    assert "; fig. " in idiom.english
    assert text[idiom.start : idiom.end] == idiom.text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Inside one token, across tokens jieba cut, at the start and at the end.
        ("学好一门外语不是一蹴而就的事。", "一蹴而就"),
        ("这无疑是釜底抽薪式的打击。", "釜底抽薪"),
        ("其脆弱性也是显而易见的。", "显而易见"),
        ("显而易见，这不可能。", "显而易见"),
        ("否则就如同巧妇难为无米之炊。", "巧妇难为无米之炊"),
        # A proverb with a comma in it: full-width, half-width, with a space.
        ("这等于是“杀敌一千，自损八百”的招数。", "杀敌一千，自损八百"),
        ("这等于是“杀敌一千,自损八百”的招数。", "杀敌一千,自损八百"),
        ("这等于是杀敌一千, 自损八百的招数。", "杀敌一千, 自损八百"),
        # Spaces and line-internal punctuation between the characters.
        ("屈指 可数", "屈指 可数"),
        ("一蹴·而就", "一蹴·而就"),
        # Traditional characters.
        ("就如同巧婦難為無米之炊。", "巧婦難為無米之炊"),
        ("雲端廠商屈指可數。", "屈指可數"),
    ],
)
def test_idiom_spans(plain_annotator: Annotator, text: str, found: str) -> None:
    idioms = _idioms(plain_annotator, text)
    assert [idiom.text for idiom in idioms] == [found]
    (idiom,) = idioms
    assert text[idiom.start : idiom.end] == found
    assert idiom.source == "studyaid"


def test_offsets_index_the_whole_text(plain_annotator: Annotator) -> None:
    text = "断粮的重量\n前言。这无疑是釜底抽薪式的打击。\n这等于是“杀敌一千，自损八百”的招数。"
    idioms = _idioms(plain_annotator, text)
    assert [i.text for i in idioms] == ["釜底抽薪", "杀敌一千，自损八百"]
    for idiom in idioms:
        assert text[idiom.start : idiom.end] == idiom.text
    assert idioms[0].start == text.index("釜底抽薪")


@pytest.mark.parametrize(
    "text",
    [
        # Latin words or numbers between the characters are not punctuation: no idiom.
        "一蹴abc而就",
        "屈指OK可数",
        "杀敌一千AI自损八百",
        "屈指3可数",
        # A sentence end between them: no idiom across sentences.
        "他说一蹴。而就是另一回事。",
        # Too short to be marked, and ordinary text.
        "微软与OpenAI的裂痕",
        "",
    ],
)
def test_no_idiom(plain_annotator: Annotator, text: str) -> None:
    assert _idioms(plain_annotator, text) == []


def test_longest_idiom_wins(plain_annotator: Annotator) -> None:
    # 无米之炊 is an idiom too, but the whole proverb is what the writer quoted.
    assert [i.text for i in _idioms(plain_annotator, "巧妇难为无米之炊")] == ["巧妇难为无米之炊"]


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        # CC-CEDICT idioms we have no note for: its English and the Xinhua explanation.
        ("他这是画蛇添足。", "画蛇添足", "draw legs on a snake"),
        ("做事不能半途而废。", "半途而废", "give up halfway"),
        ("他这是对牛弹琴。", "对牛弹琴", "play the lute to a cow"),
        ("不能守株待兔。", "守株待兔", "waiting for rabbits"),
    ],
)
def test_cc_cedict_idioms(plain_annotator: Annotator, text: str, word: str, english: str) -> None:
    (idiom,) = _idioms(plain_annotator, text)
    assert (idiom.text, idiom.source) == (word, "cc-cedict")
    assert english in idiom.english
    assert han_count(idiom.chinese) > 4


def test_xinhua_only_chengyu(plain_annotator: Annotator) -> None:
    # 一丝不紊 is in the chinese-xinhua list but not in CC-CEDICT: the Chinese explanation,
    # and English built from the characters, marked literal (tests/unit/test_idiom_english).
    (idiom,) = _idioms(plain_annotator, "他做事一丝不紊。")
    assert (idiom.text, idiom.source) == ("一丝不紊", "xinhua")
    assert idiom.english.startswith("lit., character by character: 一 one + 丝 silk")
    assert "条理" in idiom.chinese


def test_json_contract(plain_annotator: Annotator) -> None:
    (idiom,) = _idioms(plain_annotator, "这无疑是釜底抽薪式的打击。")
    assert idiom.as_json() == {
        "text": "釜底抽薪",
        "start": 4,
        "end": 8,
        "english": idiom.english,
        "chinese": idiom.chinese,
        "source": "studyaid",
    }


# -- The project's own notes --------------------------------------------------------------


NOTES = load_notes()


def test_notes_cover_the_seed_idioms() -> None:
    assert set(SEED_IDIOMS) <= set(NOTES)


@pytest.mark.parametrize("word", sorted(NOTES))
def test_note_is_complete(word: str) -> None:
    note = NOTES[word]
    assert len(note.reading.split()) == han_count(word), note.reading
    assert han_count(note.traditional) == han_count(word)
    # Literal meaning, figurative meaning and usage are what the issue asks of a note;
    # the origin may be left empty when there is nothing reliable to say.
    for field in (note.literal, note.figurative, note.usage):
        assert field.strip()


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ('["釜底抽薪"]\nreading = "fu3 di3 chou1 xin1"\n', "lacks"),
        ('["釜底抽薪"\nreading = 1\n', "invalid TOML"),
    ],
)
def test_broken_notes_are_reported(toml: str, problem: str) -> None:
    with pytest.raises(StudyaidError) as caught:
        load_notes(toml, "notes.toml")
    assert str(caught.value).startswith("notes.toml: ")
    assert problem in str(caught.value)
