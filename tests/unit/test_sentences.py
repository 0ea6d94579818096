"""Sentences: where a reader expects them to end, as spans of the text."""

from __future__ import annotations

import pytest

from studyaid.core.text.sentences import MAX_SENTENCE, split_sentences
from studyaid.paths import seed_text


def _sentences(text: str) -> list[str]:
    return [text[span.start : span.end] for span in split_sentences(text)]


CASES = [
    # Full-width terminators.
    ("你好！你是谁？我不知道。", ["你好！", "你是谁？", "我不知道。"]),
    ("他想了很久……最后还是走了。", ["他想了很久……", "最后还是走了。"]),
    ("等等…好吧", ["等等…", "好吧"]),
    ("真的吗？！是的。", ["真的吗？！", "是的。"]),
    ("这是第一句。这是第二句", ["这是第一句。", "这是第二句"]),
    # Half-width terminators, as in the seed article and in English.
    ("盟友还是对手?双方关系远不止于投资。", ["盟友还是对手?", "双方关系远不止于投资。"]),
    ("你好!你是谁?我不知道...", ["你好!", "你是谁?", "我不知道..."]),
    ("Hello! Who are you? I see...", ["Hello!", "Who are you?", "I see..."]),
    ("这是第一句.这是第二句.", ["这是第一句.", "这是第二句."]),
    # Closing quotes and brackets stay with the sentence they close.
    ("他说：“好的。”然后走了。", ["他说：“好的。”", "然后走了。"]),
    ("他说：「好的。」然後走了。", ["他说：「好的。」", "然後走了。"]),
    ("她问：『真的吗？』我点点头。", ["她问：『真的吗？』", "我点点头。"]),
    ("（全文完。）下一篇", ["（全文完。）", "下一篇"]),
    ("这就是所谓的‘断粮’。然后呢？", ["这就是所谓的‘断粮’。", "然后呢？"]),
    ('他说"你好。"然后走了', ['他说"你好。"', "然后走了"]),
    ("他说：「她说『好。』」然後走了。", ["他说：「她说『好。』」", "然後走了。"]),
    ("这是“AI金童玉女”。", ["这是“AI金童玉女”。"]),
    # Dialogue.
    ("他说：“你来了。”我说……", ["他说：“你来了。”", "我说……"]),
    ("他问：“你来了吗？”我说：“来了！”", ["他问：“你来了吗？”", "我说：“来了！”"]),
    # A line break ends a sentence: headings and titles, blank lines between paragraphs.
    ("标题\n正文第一句。第二句", ["标题", "正文第一句。", "第二句"]),
    ("断粮的重量\n如果“失和”是表层现象。", ["断粮的重量", "如果“失和”是表层现象。"]),
    ("第一段。\n\n第二段。\n", ["第一段。", "第二段。"]),
    ("  缩进的标题  \n  缩进的正文。", ["缩进的标题", "缩进的正文。"]),
    ("没有标点的一行\n又一行", ["没有标点的一行", "又一行"]),
    ("1. 第一点\n2. 第二点", ["1. 第一点", "2. 第二点"]),
    # Decimal points and version numbers are not sentence ends.
    ("价格是3.5元。", ["价格是3.5元。"]),
    ("圆周率约为3.14，很有趣。", ["圆周率约为3.14，很有趣。"]),
    ("GPT-3.5发布了。然后是GPT-4。", ["GPT-3.5发布了。", "然后是GPT-4。"]),
    ("这是1.5版本。下一句", ["这是1.5版本。", "下一句"]),
    # A full stop after a Latin word is not taken for a sentence end.
    ("Mr. Wang来了。", ["Mr. Wang来了。"]),
    # Nothing at all.
    ("", []),
    ("  \n\n ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "soft"),
    [
        # No sentence punctuation at all: cut at ， ； 、 where possible.
        ("我们今天去公园玩，" * 60, "，"),
        ("苹果、香蕉、橘子、葡萄、西瓜" * 40, "、"),
        ("第一条意见；" * 80, "；"),
    ],
)
def test_long_runs_are_cut_at_soft_punctuation(text: str, soft: str) -> None:
    pieces = _sentences(text)
    assert len(pieces) > 1
    assert all(len(piece) <= MAX_SENTENCE for piece in pieces)
    assert all(piece.endswith(soft) for piece in pieces[:-1])
    assert "".join(pieces) == text


@pytest.mark.parametrize(
    "text",
    [
        # No punctuation anywhere: still cut, into pieces no longer than MAX_SENTENCE.
        "我" * (MAX_SENTENCE * 3 + 7),
        "微软与OpenAI的关系" * 50,
    ],
)
def test_long_runs_without_any_punctuation_are_cut(text: str) -> None:
    pieces = _sentences(text)
    assert all(0 < len(piece) <= MAX_SENTENCE for piece in pieces)
    assert "".join(pieces) == text


@pytest.mark.parametrize(
    "text",
    [seed_text(), *(text for text, _ in CASES), "我们今天去公园玩，" * 60 + "\n\n  结束。  "],
)
def test_spans_cover_the_text_but_whitespace(text: str) -> None:
    spans = split_sentences(text)
    position = 0
    for span in spans:
        assert position <= span.start < span.end
        body = text[span.start : span.end]
        assert body == body.strip()
        assert text[position : span.start].strip() == ""
        position = span.end
    assert text[position:].strip() == ""


def test_seed_headings_are_sentences_of_their_own() -> None:
    sentences = _sentences(seed_text())
    assert sentences[0] == "微软与OpenAI的裂痕"
    for heading in ("盟友还是对手?", "信任的裂痕", "断粮的重量", "回味"):
        assert heading in sentences
