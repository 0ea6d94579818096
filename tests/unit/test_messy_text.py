"""Text as learners find it: hard-wrapped lines, footnote markers, full-width Latin,
zero-width characters, emoji, CJK Extension B, mixed scripts, a line with no punctuation.

annotate never fails on them, every token keeps its offsets, and only Han characters
get pinyin.
"""

from __future__ import annotations

import pytest

from studyaid.core.engine.annotate import Annotator
from studyaid.core.nlp.pinyin import render
from studyaid.core.text.loader import decode_bytes, for_reading
from studyaid.core.text.sentences import MAX_SENTENCE, split_sentences
from studyaid.core.text.unwrap import join_wrapped_lines, looks_hard_wrapped

# -- Joining hard-wrapped lines ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        # A break inside a word, between two Han characters, goes.
        ("柜里面\n预备着热水。", "柜里面预备着热水。"),
        ("每每花四文铜钱，买一\n碗酒。", "每每花四文铜钱，买一碗酒。"),
        # ... and next to CJK punctuation and quotes.
        ("有的叫道，“\n孔乙己，你来了！”", "有的叫道，“孔乙己，你来了！”"),
        ("什么“君子固穷”\n⑶，什么", "什么“君子固穷”⑶，什么"),
        ("〔“面\n”之下部〕", "〔“面”之下部〕"),
        # Next to Latin: no space where one side is Han, one space between two Latin words.
        ("微软用Open\nAI的模型", "微软用Open AI的模型"),
        ("用OpenAI\n的模型", "用OpenAI的模型"),
        ("a line of English wrapped\nat a space", "a line of English wrapped at a space"),
        ("trailing spaces   \nare dropped", "trailing spaces are dropped"),
        # Paragraph breaks stay: a blank line, an indented next line.
        ("第一段。\n\n第二段", "第一段。\n\n第二段"),
        ("第一段没有句号\n\n第二段", "第一段没有句号\n\n第二段"),
        ("第一段没有句号\n　　第二段缩进", "第一段没有句号\n　　第二段缩进"),
        ("第一段没有句号\n  第二段缩进", "第一段没有句号\n  第二段缩进"),
        # A break after sentence-final punctuation (with its closing quotes) stays.
        ("大抵没有这样阔绰。\n只有穿长衫的", "大抵没有这样阔绰。\n只有穿长衫的"),
        ("“温两碗酒。”\n便排出九文大钱", "“温两碗酒。”\n便排出九文大钱"),
        ("你怎么这样凭空污人清白……\n什么清白", "你怎么这样凭空污人清白……\n什么清白"),
        ("Really?\nYes", "Really?\nYes"),
        # A heading over an indented paragraph, footnotes one per line (each ends with 。).
        ("孔乙己⑴\n\n　　鲁镇的酒店", "孔乙己⑴\n\n　　鲁镇的酒店"),
        ("⑺服辩：又作伏辩，即认\n罪书。\n⑻据本篇", "⑺服辩：又作伏辩，即认罪书。\n⑻据本篇"),
        # Nothing to do.
        ("", ""),
        ("\n", "\n"),
        ("一行", "一行"),
        ("结尾换行\n", "结尾换行\n"),
        ("\n\n开头空行", "\n\n开头空行"),
    ],
)
def test_join_wrapped_lines(text: str, joined: str) -> None:
    assert join_wrapped_lines(text) == joined


def test_joined_wrapped_text_reads_as_sentences() -> None:
    wrapped = (
        "　　鲁镇的酒店的格局，是和别处不同的：都是当街一个曲尺形的大柜台，柜里面\n"
        "预备着热水，可以随时温酒。做工的人，傍午傍晚散了工，每每花四文铜钱，买一\n"
        "碗酒。\n"
    )
    spans = split_sentences(join_wrapped_lines(wrapped))
    text = join_wrapped_lines(wrapped)
    assert [text[s:e] for s, e in spans] == [
        "鲁镇的酒店的格局，是和别处不同的：都是当街一个曲尺形的大柜台，柜里面预备着热水，"
        "可以随时温酒。",
        "做工的人，傍午傍晚散了工，每每花四文铜钱，买一碗酒。",
    ]


# -- Which texts look hard-wrapped (joined by default) -----------------------------------

KONG = ("鲁镇的酒店的格局，是和别处不同的：都是当街一个曲尺形的大柜台，柜里面预备着热水，可以随时"
        "温酒。做工的人，傍午傍晚散了工，每每花四文铜钱，买一碗酒，——这是二十多年前的事，现在每碗"
        "要涨到十文，——靠柜外站着，热热的喝了休息；倘肯多花一文，便可以买一碟盐煮笋，或者茴香豆，"
        "做下酒物了，如果出到十几文，那就能买一样荤菜，但这些顾客，多是短衣帮，大抵没有这样阔绰。")


def _wrap(text: str, width: int) -> str:
    return "\n".join(text[i:i + width] for i in range(0, len(text), width)) + "\n"


@pytest.mark.parametrize(("text", "wrapped"), [
    (_wrap(KONG, 19), True),                     # an e-text wrapped every 19 characters
    (_wrap(KONG[:80], 38), False),               # too few breaks to tell (3 lines)
    (_wrap(KONG * 3, 38), True),
    ("　　" + _wrap(KONG, 25) + "\n　　" + _wrap(KONG, 25), True),  # paragraphs, indented
    (KONG + "\n" + KONG + "\n" + KONG + "\n", False),   # a paragraph a line
    ("床前明月光\n疑是地上霜\n举头望明月\n低头思故乡\n", False),  # verse: short lines
    ("“你读过书么？”\n我略略点一点头。\n他说，“读过书，……我便考你一考。”\n", False),
    ("第一章\n\n他来了。\n她走了。\n", False),
])
def test_looks_hard_wrapped(text: str, wrapped: bool) -> None:
    assert looks_hard_wrapped(text) is wrapped


def test_a_hard_wrapped_text_is_read_joined_unless_asked_not_to() -> None:
    text = decode_bytes(_wrap(KONG * 2, 19).encode("utf-8"), "kong.txt")
    assert "\n" not in for_reading(text).content.strip()
    assert for_reading(text, False).content == text.content
    plain = decode_bytes((KONG + "\n").encode("utf-8"), "kong.txt")
    assert for_reading(plain) is plain


# -- Tokens and readings of messy text --------------------------------------------------

CASES = [
    # Footnote markers: tokens of their own, no pinyin.
    ("孔乙己⑴", [("孔乙己", "kǒngyǐjǐ"), ("⑴", "")]),
    ("上大人[1]的话", [("上", "shàng"), ("大人", "dàren"), ("[", ""), ("1", ""), ("]", ""),
                      ("的", "de"), ("话", "huà")]),  # 孔乙己: words, no "if"
    ("如果有的话①。", [("如果", "rúguǒ"), ("有", "yǒu"), ("的话", "dehuà"), ("①", ""),
                       ("。", "")]),
    ("※注意", [("※", ""), ("注意", "zhùyì")]),
    # Full-width Latin and digits stay whole, without pinyin.
    ("ＧＰＴ４模型", [("ＧＰＴ４", ""), ("模型", "móxíng")]),
    ("有１２３个", [("有", "yǒu"), ("１２３", ""), ("个", "gè")]),
    ("１２．５％的人", [("１２．５", ""), ("％", ""), ("的", "de"), ("人", "rén")]),
    ("ＯｐｅｎＡＩ的ＣＥＯ", [("ＯｐｅｎＡＩ", ""), ("的", "de"), ("ＣＥＯ", "")]),
    # Zero-width characters mid-text: a token of their own, the words around them read.
    ("你\u200b好", [("你", "nǐ"), ("\u200b", ""), ("好", "hǎo")]),
    ("世\ufeff界", [("世", "shì"), ("\ufeff", ""), ("界", "jiè")]),
    # Emoji, ZWJ sequences, flags, skin tones: one token each, never split.
    ("我😀你", [("我", "wǒ"), ("😀", ""), ("你", "nǐ")]),
    ("程序员👩\u200d💻写", [("程序员", "chéngxùyuán"), ("👩\u200d💻", ""), ("写", "xiě")]),
    ("一家👨\u200d👩\u200d👧人", [("一家", "yījiā"), ("👨\u200d👩\u200d👧", ""), ("人", "rén")]),
    ("中国🇨🇳队", [("中国", "zhōngguó"), ("🇨🇳", ""), ("队", "duì")]),
    ("好👍🏽", [("好", "hǎo"), ("👍🏽", "")]),
    ("❤\ufe0f中国", [("❤\ufe0f", ""), ("中国", "zhōngguó")]),
    # CJK Extension B: a Han character with one syllable (empty where no source knows it).
    ("𪚥字", [("𪚥", "zhé"), ("字", "zì")]),
    ("𠮷野家", [("𠮷", ""), ("野", "yě"), ("家", "jiā")]),  # 野家 was jieba's HMM
    # Mixed scripts: Latin words (with accents, precomposed or combining) stay whole.
    ("用Python写代码", [("用", "yòng"), ("Python", ""), ("写", "xiě"), ("代码", "dàimǎ")]),
    ("Müller说", [("Müller", ""), ("说", "shuō")]),
    ("绿色lu\u0308se", [("绿色", "lǜsè"), ("lu\u0308se", "")]),
    ("iPhone和Android", [("iPhone", ""), ("和", "hé"), ("Android", "")]),
]


@pytest.mark.parametrize(("text", "tokens"), CASES, ids=[c[0] for c in CASES])
def test_messy_tokens(plain_annotator: Annotator, text: str,
                      tokens: list[tuple[str, str]]) -> None:
    sentences = plain_annotator.annotate(text)
    got = [(t.text, "".join(render(list(t.info.pinyin), "marks")))
           for s in sentences for t in s.tokens]
    assert got == tokens
    for sentence in sentences:
        for token in sentence.tokens:
            assert text[token.start : token.end] == token.text


# -- Size: a line with no punctuation, a file over the limit -----------------------------


def test_600_kb_line_without_punctuation() -> None:
    text = "鲁镇的酒店的格局是和别处不同的都是当街一个曲尺形的大柜台" * 7_000  # 196,000 chars
    assert len(text.encode("utf-8")) > 580_000
    spans = split_sentences(text)
    assert max(e - s for s, e in spans) <= MAX_SENTENCE
    assert spans[0].start == 0 and spans[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(spans, spans[1:], strict=False))


def test_600_kb_line_is_annotated_where_read(plain_annotator: Annotator) -> None:
    text = "我们的世界" * 120_000  # 600,000 chars, one line
    spans = split_sentences(text)
    # A reader annotates the sentences around the cursor: a few, from the middle.
    middle = len(spans) // 2
    sentences = list(plain_annotator.annotate_spans(text, spans[middle : middle + 3], middle))
    assert [s.index for s in sentences] == [middle, middle + 1, middle + 2]
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert "".join(t.text for t in sentences[0].tokens) == sentences[0].text


def test_mid_text_bom_is_kept() -> None:
    # Only a leading BOM says the encoding; one mid-text is content (offsets stay true).
    data = "\ufeff你好\ufeff世界".encode()
    assert decode_bytes(data, "f.txt").content == "你好\ufeff世界"
