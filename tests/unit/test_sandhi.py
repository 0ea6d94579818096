"""Spoken tones (a display option): 一/不 sandhi, third-tone sandhi and erhua.

Each row: a sentence, a target in it, the target's reading as stored (citation tones,
as CC-CEDICT writes them) and as shown in spoken tones. The annotation itself never
changes: spoken tones are a transform of what is shown.
"""

from __future__ import annotations

import pytest

from studyaid.core.engine.annotate import Annotator
from studyaid.core.model import Sentence
from studyaid.core.nlp.pinyin import HAN, join_word, retone
from studyaid.core.output.sandhi import Word, spoken_marks, spoken_sentence, spoken_tones

ROWS: list[tuple[str, str, str, str]] = [
    # -- 一: yí before a 4th tone, yì before 1st/2nd/3rd --------------------------------
    ("训练一个像GPT-4这样的模型", "一个", "yi1 ge4", "yi2 ge4"),
    ("这事一样难。", "一样", "yi1 yang4", "yi2 yang4"),
    ("一天比一天的看不起人", "一天", "yi1 tian1", "yi4 tian1"),
    ("过了一年。", "一年", "yi1 nian2", "yi4 nian2"),
    ("我们一起去吧。", "一起", "yi1 qi3", "yi4 qi3"),
    ("孔乙己一到店，所有喝酒的人便都看着他笑", "一到", "yi1 dao4", "yi2 dao4"),
    ("不一会，北风小了", "不一会", "bu4 yi1 hui4", "bu4 yi2 hui4"),
    # -- 一 keeps yī: ordinal, numbers, the end of a word or phrase, 看一看 ---------------
    ("他在比赛中得了第一名。", "第一", "di4 yi1", "di4 yi1"),
    ("一九九一年", "一九九一", "yi1 jiu3 jiu3 yi1", "yi1 jiu3 jiu3 yi1"),
    ("他是十一岁的孩子。", "十一", "shi2 yi1", "shi2 yi1"),
    ("两国统一了。", "统一", "tong3 yi1", "tong3 yi1"),
    ("这是原因之一。", "之一", "zhi1 yi1", "zhi1 yi1"),
    ("你看一看。", "一", "yi1", "yi5"),
    # -- 不: bú before a 4th tone, bù elsewhere; CC-CEDICT's neutral bu is kept ------------
    ("传闻中的失和往往不是一蹴而就的", "不是", "bu4 shi4", "bu2 shi4"),
    ("我不要。", "不要", "bu4 yao4", "bu2 yao4"),
    ("这样做不对。", "不对", "bu4 dui4", "bu2 dui4"),
    ("今天天气不好。", "不好", "bu4 hao3", "bu4 hao3"),
    ("我不去。", "不去", "bu4 qu4", "bu2 qu4"),
    ("我不知道。", "不知道", "bu4 zhi1 dao4", "bu4 zhi1 dao4"),
    ("对不起，我来晚了。", "对不起", "dui4 bu5 qi3", "dui4 bu5 qi3"),
    # -- Third tone: 3-3 -> 2-3 inside a word; runs 2-2-3 -----------------------------
    ("你好！", "你好", "ni3 hao3", "ni2 hao3"),
    ("我喜欢吃水果。", "水果", "shui3 guo3", "shui2 guo3"),
    ("这是一个展览馆。", "展览馆", "zhan3 lan3 guan3", "zhan2 lan2 guan3"),
    ("我也可以。", "可以", "ke3 yi3", "ke2 yi3"),
    # -- ... and across two one-syllable words, paired from the end; not before longer words
    ("天气很好。", "很好", "hen3 hao3", "hen2 hao3"),
    ("我很好。", "我很好", "wo3 hen3 hao3", "wo3 hen2 hao3"),
    ("我也很好。", "我也很好", "wo3 ye3 hen3 hao3", "wo2 ye3 hen2 hao3"),
    ("我喜欢中文。", "我喜欢", "wo3 xi3 huan5", "wo3 xi3 huan5"),
    # -- Erhua: CC-CEDICT's r5 is joined to the word in both modes --------------------
    ("请你说慢一点儿。", "一点儿", "yi1 dian3 r5", "yi4 dian3 r5"),
    ("你去哪儿？", "哪儿", "na3 r5", "na3 r5"),
    ("我在这儿。", "这儿", "zhe4 r5", "zhe4 r5"),
    ("我们出去玩儿吧。", "玩儿", "wan2 r5", "wan2 r5"),
    ("她是我的女儿。", "女儿", "nu:3 er2", "nu:3 er2"),
]


def _target(sentence: Sentence, piece: str, spoken: list[tuple[str, ...]]) -> tuple[str, str]:
    """The citation and spoken readings of the Han characters of ``piece``."""
    start = sentence.text.index(piece) + sentence.start
    end = start + len(piece)
    citation, said = [], []
    for token, syllables in zip(sentence.tokens, spoken, strict=True):
        han = [token.start + i for i, ch in enumerate(token.text) if HAN.match(ch)]
        for at, old, new in zip(han, token.info.pinyin, syllables, strict=True):
            if start <= at < end:
                citation.append(old)
                said.append(new)
    return " ".join(citation), " ".join(said)


@pytest.fixture(scope="module")
def annotated(plain_annotator: Annotator) -> dict[str, Sentence]:
    """Every row's sentence, annotated in one batch."""
    texts = list(dict.fromkeys(row[0] for row in ROWS))
    sentences = plain_annotator.annotate("\n".join(texts))
    by_text = {s.text: s for s in sentences}
    assert set(texts) <= set(by_text), "a row's text is more than one sentence"
    return by_text


@pytest.mark.parametrize(("text", "target", "citation", "spoken"), ROWS)
def test_spoken_tones(
    annotated: dict[str, Sentence], text: str, target: str, citation: str, spoken: str
) -> None:
    sentence = annotated[text]
    before = [t.info.pinyin for t in sentence.tokens]
    said = spoken_tones([Word(t.text, t.info.pinyin, bool(t.info.readings))
                         for t in sentence.tokens])
    assert _target(sentence, target, said) == (citation, spoken)
    assert [t.info.pinyin for t in sentence.tokens] == before  # display only


@pytest.mark.parametrize(
    ("text", "word", "citation", "spoken"),
    [
        ("请你说慢一点儿。", "一点儿", "yīdiǎnr", "yìdiǎnr"),
        ("你去哪儿？", "哪儿", "nǎr", "nǎr"),
        ("你好！", "你好", "nǐhǎo", "níhǎo"),
        ("传闻中的失和往往不是一蹴而就的", "不是", "bùshì", "búshì"),
        ("她是我的女儿。", "女儿", "nǚ'ér", "nǚ'ér"),
    ],
)
def test_spoken_marks_as_shown(
    annotated: dict[str, Sentence], text: str, word: str, citation: str, spoken: str
) -> None:
    sentence = annotated[text]
    index = [t.text for t in sentence.tokens].index(word)
    assert join_word(sentence.tokens[index].info.marks) == citation
    assert join_word(spoken_marks(sentence)[index][1]) == spoken
    copy = spoken_sentence(sentence)
    assert join_word(copy.tokens[index].info.marks) == spoken
    assert join_word(sentence.tokens[index].info.marks) == citation  # the original kept


def test_erhua_of_a_word_the_dictionary_lacks_only_in_spoken_tones() -> None:
    words = [Word("小猫儿", ("xiao3", "mao1", "er2"), in_dictionary=False),
             Word("女儿", ("nu:3", "er2"), in_dictionary=True)]
    assert spoken_tones(words) == [("xiao3", "mao1", "r5"), ("nu:3", "er2")]


@pytest.mark.parametrize(
    ("marked", "syllable", "out"),
    [("yī", "yi2", "yí"), ("yī", "yi4", "yì"), ("bù", "bu2", "bú"), ("nǐ", "ni2", "ní"),
     ("lǚ", "lu:2", "lǘ"), ("ér", "r5", "r")],
)
def test_retone(marked: str, syllable: str, out: str) -> None:
    assert retone(marked, syllable) == out
