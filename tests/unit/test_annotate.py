"""annotate(): readings and glosses from the tokens, the learner's layer winning."""

from __future__ import annotations

import pytest

from studyaid.core.engine.annotate import Annotator
from studyaid.core.nlp.pinyin import render


def _tokens(annotator: Annotator, text: str) -> dict[str, list[str]]:
    return {
        t.text: render(list(t.info.pinyin), "marks")
        for s in annotator.annotate(text)
        for t in s.tokens
    }


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        # Readings come from tokens, not from re-segmenting the sentence.
        ("微软和OpenAI的关系", "和", ["hé"]),
        ("微软和OpenAI的关系", "的", ["de"]),
        # Variant forms read through their simplified form.
        ("你在說什麽", "什麽", ["shén", "me"]),
        # The dictionary's reading for a word with exactly one.
        ("银行的行长", "银行", ["yín", "háng"]),
        ("银行的行长", "行长", ["háng", "zhǎng"]),
        ("他长大了", "长大", ["zhǎng", "dà"]),
        ("重新开始", "重新", ["chóng", "xīn"]),
        ("我们睡着了", "睡着", ["shuì", "zháo"]),
        # Standalone particles read from their neighbours (studyaid/data/particles.toml).
        ("他跑得很快。", "得", ["de"]),
        ("你得去看看。", "得", ["děi"]),
        ("我们还得走。", "得", ["děi"]),
        ("他慢慢地走了。", "地", ["de"]),
        ("他倒在地。", "地", ["dì"]),
        ("他笑着说。", "着", ["zhe"]),
        ("我还没吃饭。", "还", ["hái"]),
        ("他来了。", "了", ["le"]),
        # Inside a token the dictionary lacks, a particle in a dictionary word of the
        # token's parts reads as that word (所得 suǒdé), unless it is an aspect particle
        # (点着头 is not 点着 diǎnzháo).
        ("又都白挨给于己一无所得的空虚了。", "一无所得", ["yī", "wú", "suǒ", "dé"]),
        ("他点着头说。", "点着头", ["diǎn", "zhe", "tóu"]),
    ],
)
def test_readings_in_context(annotator: Annotator, text: str, word: str, reading: list[str]):
    assert _tokens(annotator, text)[word] == reading


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        # A word the dictionary lacks: its parts that are dictionary words of one reading
        # (or one main reading: 东西 dōngxi) read as the dictionary reads them.
        ("曲尺形", ["qū", "chǐ", "xíng"]),
        ("挑重担", ["tiāo", "zhòng", "dàn"]),
        ("毫不相干", ["háo", "bù", "xiāng", "gān"]),
        ("屋子里", ["wū", "zi", "lǐ"]),
        ("小东西", ["xiǎo", "dōng", "xi"]),
        # A doubled character reads as its twin, in a full tone (老实 is lǎoshi).
        ("老老少少", ["lǎo", "lǎo", "shào", "shào"]),
        ("老老实实", ["lǎo", "lǎo", "shí", "shí"]),
        # A proper noun among the parts is left to pypinyin (CC-CEDICT's 那曲 is Nǎqū).
        ("那曲地区", ["nà", "qū", "dì", "qū"]),
    ],
)
def test_parts_read_as_the_dictionary(annotator: Annotator, word: str, reading: list[str]):
    assert render(list(annotator.word(word).pinyin), "marks") == reading


def test_offsets_index_the_text(annotator: Annotator) -> None:
    text = "标题\n微软与OpenAI的裂痕。训练一个像GPT-4这样的模型！"
    for sentence in annotator.annotate(text):
        assert text[sentence.start : sentence.end] == sentence.text
        for token in sentence.tokens:
            assert text[token.start : token.end] == token.text


@pytest.mark.parametrize(
    ("text", "word", "reading", "gloss_starts"),
    [
        # A preferred reading among the dictionary's several (preferred_readings.toml).
        ("往往不是一蹴而就的。", "不是", ["bù", "shì"], "no; is not"),
        ("我去买东西。", "东西", ["dōng", "xi"], "thing"),
        ("历史告诉我们。", "告诉", ["gào", "su"], "to tell"),
        ("大夫来了。", "大夫", ["dài", "fu"], "doctor"),
        # Entries sharing a reading: OpenCC's usual traditional form first (當, not 噹),
        # in the sense its clause calls for (当…时: when).
        ("当OpenAI的技术变得有价值时。", "当", ["dāng"], "when"),
        ("云计算平台。", "云", ["yún"], "cloud"),
        # 得 before 了 is dé, to get.
        ("他得了第一。", "得", ["dé"], "to obtain"),
        # Glosses from parts follow the token's reading: 场 chǎng, not a threshing floor.
        ("这场风波。", "这场", ["zhè", "chǎng"], "这 (pronoun) this; these + 场 classifier"),
        # pypinyin's spoken 一 (yí gè) is written in citation tone.
        ("一个人。", "一个", ["yī", "gè"], "一 one"),
    ],
)
def test_reading_and_gloss(
    annotator: Annotator, text: str, word: str, reading: list[str], gloss_starts: str
) -> None:
    token = next(t for s in annotator.annotate(text) for t in s.tokens if t.text == word)
    assert render(list(token.info.pinyin), "marks") == reading
    assert token.info.gloss.startswith(gloss_starts)


@pytest.mark.parametrize("query", ["xi'an", "well-known", "one's", '"quoted"', "*", "-"])
def test_search_never_fails_on_punctuation(annotator: Annotator, query: str) -> None:
    assert isinstance(annotator.dictionary.search(query), list)
