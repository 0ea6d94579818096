"""Segmentation: jieba's precise mode, Latin runs kept whole, the learner's lexicon."""

from __future__ import annotations

import pytest

from studyaid.core.nlp.script import simplified_for_segmentation
from studyaid.core.nlp.segment import Lexicon, Segmenter, parse_lexicon_lines


@pytest.fixture(scope="module")
def learner_segmenter() -> Segmenter:
    """A segmenter with the kind of lexicon a learner writes for the seed article."""
    lexicon = parse_lexicon_lines(["议价权", "竹匾", "一蹴 而就", "导火 索"])
    return Segmenter(lexicon, simplified_for_segmentation)


@pytest.mark.parametrize(
    ("text", "token"),
    [
        # Product and company names.
        ("训练一个像GPT-4这样的模型", "GPT-4"),
        ("微软和OpenAI的关系", "OpenAI"),
        ("传闻中的Q*项目", "Q*"),
        ("主要是谷歌云和亚马逊AWS", "AWS"),
        ("连上Wi-Fi密码", "Wi-Fi"),
        ("被深度整合到微软的Copilot等产品中", "Copilot"),
        # Programming languages with symbols.
        ("我会写C++程序", "C++"),
        ("C#语言", "C#"),
        # Numbers, decimals and versions.
        ("价格是3.5元", "3.5"),
        ("GPT-3.5很强", "GPT-3.5"),
        ("下载了100MB", "100MB"),
        ("2023年11月", "2023"),
        # Full-width Latin letters and digits.
        ("ＧＰＴ模型", "ＧＰＴ"),
        ("ＧＰＴ－４很强", "ＧＰＴ－４"),
    ],
)
def test_latin_and_numbers_stay_whole(segmenter: Segmenter, text: str, token: str) -> None:
    assert token in segmenter.cut(text)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # jieba's precise mode on the seed article's sentences.
        ("训练一个像GPT-4这样的模型", ["训练", "一个", "像", "GPT-4", "这样", "的", "模型"]),
        ("微软和OpenAI的关系", ["微软", "和", "OpenAI", "的", "关系"]),
        ("不是一蹴而就的", ["不是", "一蹴而就", "的"]),
        ("Sam Altman的职务", ["Sam", " ", "Altman", "的", "职务"]),
        # A rare "word" jieba starts with a particle is cut after it…
        ("他慢慢地走了", ["他", "慢慢", "地", "走", "了"]),
        # …but not one whose particle begins a common word (地理, 了解).
        ("因馆舍地理位置偏僻", ["因", "馆舍", "地理位置", "偏僻"]),
    ],
)
def test_tokens(segmenter: Segmenter, text: str, tokens: list[str]) -> None:
    assert segmenter.cut(text) == tokens


SAMPLES = [
    "微软与OpenAI的裂痕",
    "训练一个像GPT-4这样的模型，需要数月时间。",
    "萨提亚·纳德拉公开表态支持Altman",
    "这等于是“杀敌一千，自损八百”的招数。",
    "iPhone 15 Pro 和 ＧＰＴ－４",
    "臺灣的學生說話很快",
    "",
]


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("offset", [0, 17])
def test_tokens_cover_the_text_exactly(segmenter: Segmenter, text: str, offset: int) -> None:
    position = offset
    for token, start, end in segmenter.tokenize(text, offset):
        assert (start, end) == (position, position + len(token))
        assert text[start - offset : end - offset] == token
        position = end
    assert position == offset + len(text)


# -- The learner's lexicon -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # Merges: words jieba splits become one token.
        ("这让微软拥有了巨大的议价权", "议价权"),
        # (纳德拉 was here; a transliterated name is now whole without the lexicon.)
        ("竹匾下撒了些秕谷", "竹匾"),
    ],
)
def test_lexicon_merges(
    segmenter: Segmenter, learner_segmenter: Segmenter, text: str, word: str
) -> None:
    assert word not in segmenter.cut(text)
    assert word in learner_segmenter.cut(text)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # Splits: a word jieba keeps whole becomes its parts, with their own offsets.
        ("往往不是一蹴而就的", ("一蹴", "而就")),
        ("某个导火索事件", ("导火", "索")),
    ],
)
def test_lexicon_splits(
    segmenter: Segmenter, learner_segmenter: Segmenter, text: str, parts: tuple[str, ...]
) -> None:
    assert "".join(parts) in segmenter.cut(text)
    triples = list(learner_segmenter.tokenize(text))
    tokens = [token for token, _, _ in triples]
    first = tokens.index(parts[0])
    assert tuple(tokens[first : first + len(parts)]) == parts
    for token, start, end in triples:
        assert text[start:end] == token


@pytest.mark.parametrize(
    ("lines", "merges", "splits"),
    [
        (["议价权"], {"议价权"}, {}),
        (["一蹴 而就"], set(), {"一蹴而就": ("一蹴", "而就")}),
        (["议价权", "一蹴  而就", "", "纳德拉"], {"议价权", "纳德拉"},
         {"一蹴而就": ("一蹴", "而就")}),
        ([], set(), {}),
    ],
)
def test_lexicon_lines(lines: list[str], merges: set[str], splits: dict) -> None:
    assert parse_lexicon_lines(lines) == Lexicon(frozenset(merges), splits)


# -- Traditional text ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("臺灣的學生說話很快", "台湾的学生说话很快"),
        ("計算資源供應商屈指可數", "计算资源供应商屈指可数"),
        ("這場潛在的博弈", "这场潜在的博弈"),
        ("微軟與OpenAI的裂痕", "微软与OpenAI的裂痕"),
        ("他們發現了問題", "他们发现了问题"),
    ],
)
def test_traditional_is_cut_like_simplified(
    segmenter: Segmenter, traditional: str, simplified: str
) -> None:
    tokens = segmenter.cut(traditional)
    assert [len(t) for t in tokens] == [len(t) for t in segmenter.cut(simplified)]
    assert "".join(tokens) == traditional


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("臺灣的學生", "台湾的学生"),
        ("微软与OpenAI", "微软与OpenAI"),  # already simplified: unchanged
        ("", ""),
    ],
)
def test_simplified_for_segmentation_keeps_length(text: str, seen: str) -> None:
    assert simplified_for_segmentation(text) == seen


def test_the_prefix_dictionary_is_kept_and_heals(tmp_path) -> None:
    """jieba's prefix dictionary is built once into the cache, read back from there, and
    built again when the file is damaged; the words cut are the same every way."""
    sentence = "我们决定釜底抽薪，停止合作"
    built = Segmenter(None, simplified_for_segmentation, cache=tmp_path).cut(sentence)
    (kept,) = tmp_path.glob("jieba-prefix-*.marshal")
    assert Segmenter(None, simplified_for_segmentation, cache=tmp_path).cut(sentence) == built
    kept.write_bytes(kept.read_bytes()[:1000])  # cut short, as by a full disk
    assert Segmenter(None, simplified_for_segmentation, cache=tmp_path).cut(sentence) == built
    assert kept.stat().st_size > 1_000_000
    assert built == Segmenter(None, simplified_for_segmentation).cut(sentence)


@pytest.mark.parametrize(
    ("text", "simplified"),
    [
        ("什麽", "什么"),
        ("銀行", "银行"),
        ("他很沈默", "他很沉默"),  # a phrase OpenCC changes though no character is traditional
        ("沈先生", "沈先生"),
        ("我们决定釜底抽薪", "我们决定釜底抽薪"),
    ],
)
def test_to_simplified(text: str, simplified: str) -> None:
    """Simplified text is left alone without asking OpenCC; the rest is converted."""
    from studyaid.core.nlp.script import to_simplified

    assert to_simplified(text) == simplified
