"""Line breaking by the CJK rules: no line begins with closing punctuation, none ends with
an opening bracket or quote; at 40, 80 and 120 cells on sentences of 祝福 and the seed."""

from __future__ import annotations

import pytest

from studyaid.core.engine.annotate import Annotator
from studyaid.core.output.line_break import (
    NO_LINE_END,
    NO_LINE_START,
    cell_width,
    may_break_between,
    wrap_text,
)
from studyaid.core.output.render import interlinear

SENTENCES = [
    # 祝福 (traditional), each of which broke against the rule at one of the widths
    "但是，談話是總不投機的了，於是不多久，我便一個人剩在書房裏。",
    "第二天我起得很遲，午飯之後，出去看了幾個本家和朋友；第三天也照樣。",
    "煮熟之後，橫七豎八的插些筷子在這類東西上，可就稱為「福禮」了，五更天陳列起來，"
    "並且點上香燭，恭請福神們來享用，拜的卻只限於男人，拜完自然仍然是放爆竹。",
    "我回到四叔的書房裏時，瓦楞上已經雪白，房裏也映得較光明，極分明的顯出壁上掛著的朱拓"
    "的大「壽」字，陳摶老祖寫的，一邊的對聯已經脫落，鬆鬆的卷了放在長桌上，一邊的還在，"
    "道是「事理通達心氣和平」。",
    "我又無聊賴的到窗下的案頭去一翻，只見一堆似乎未必完全的《康熙字典》，一部《近思錄集註》"
    "和一部《四書襯》。",
    "我這回在魯鎮所見的人們中，改變之大，可以說無過於她的了：五年前的花白的頭髮，即今已經"
    "全白，全不像四十上下的人；臉上瘦削不堪，黃中帶黑，而且消盡了先前悲哀的神色，仿佛是"
    "木刻似的；只有那眼珠間或一輪，還可以表示她是一個活物。",
    "內中一個破碗，空的；一手拄著一支比她更長的竹竿，下端開了裂：她分明已經純乎是一個乞丐了。",
    "她大約因為在別人的祝福時候，感到自身的寂寞了，然而會不會含有別的甚麽意思的呢？",
    "然而我的驚惶卻不過暫時的事，隨著就覺得要來的事，已經過去，並不必仰仗我自己的「說不清」"
    "和他之所謂「窮死的」的寬慰，心地已經漸漸輕鬆；不過偶然之間，還似乎有些負疚。",
    # the seed (simplified, ASCII commas)
    "微软和OpenAI的关系曾被视为AI领域的典范,两者的合作一度被认为是完美的互补。",
    "微软向OpenAI投入了巨额资金,并提供了Azure云计算平台,这为OpenAI的模型训练提供了坚实的基础。",
    "特别是当OpenAI的技术变得越来越有价值时,其对自身命运的掌控欲也会增强,而微软则希望更好地"
    "利用其投资和技术集成,将OpenAI的能力转化为自己的商业优势。",
    "一个最常被提及的节点,是去年底Sam Altman的短暂“政变”风波。",
    "如果OpenAI的模型更新停滞或服务不稳定,将直接影响微软自身产品的竞争力。",
    "独立融资或IPO也是一条路,但这需要公司有健康的财务状况和清晰的盈利前景,且同样需要时间。",
]
WIDTHS = (40, 80, 120)


def assert_kinsoku(lines: list[str]) -> None:
    """No line but the first begins with closing punctuation; none but the last ends with
    an opening bracket or quote."""
    for k, line in enumerate(lines):
        text = line.strip()
        if k and text:
            assert text[0] not in NO_LINE_START, (k, lines)
        if k + 1 < len(lines) and text:
            assert text[-1] not in NO_LINE_END, (k, lines)


@pytest.mark.parametrize(
    ("before", "after", "allowed"),
    [
        ("談話", "，", False), ("了", "。", False), ("字典", "》", False), ("福禮", "」", False),
        ("政变", "”", False), ("典范", ",", False), ("呢", "？", False), ("OpenAI", ")", False),
        ("一部", "《近思錄", True), ("稱為「", "福禮", False), ("短暂“", "政变", False),
        ("(", "AI", False), ("，", "我", True), ("微软", "和", True), ("。", "「", True),
    ],
)
def test_may_break_between(before: str, after: str, allowed: bool) -> None:
    assert may_break_between(before, after) is allowed


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # the comma takes the character before it to the next line
        ("但是，談話是總不投機的了，於是不多久，我便一個人剩在書房裏。", 12,
         ["但是，談話是", "總不投機的", "了，於是不多", "久，我便一個", "人剩在書房", "裏。"]),
        # an opening bracket goes down with what it opens, a closing one stays with it
        ("可就稱為「福禮」了，五更天", 10, ["可就稱為", "「福禮」", "了，五更天"]),
        ("只見一堆似乎未必完全的《康熙字典》，一部《近思錄集註》和一部《四書襯》。", 16,
         ["只見一堆似乎未必", "完全的《康熙字", "典》，一部《近思", "錄集註》和一部",
          "《四書襯》。"]),
        # a run of closing marks moves down together
        ("道是「事理通達心氣和平」。", 12, ["道是「事理通", "達心氣和", "平」。"]),
        # Latin letters are cut as a terminal would; the quote stays with 政
        ("是去年底Sam Altman的短暂“政变”风波。", 14,
         ["是去年底Sam Al", "tman的短暂“政", "变”风波。"]),
        # fits: one line
        ("呢？", 40, ["呢？"]),
        ("", 40, []),
    ],
)
def test_wrap_text(text: str, width: int, lines: list[str]) -> None:
    assert wrap_text(text, width) == lines


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_wrapped_sentences_keep_the_rule(sentence: str, width: int) -> None:
    lines = wrap_text(sentence, width)
    assert "".join(lines) == sentence
    assert all(cell_width(line) <= width for line in lines)
    assert_kinsoku(lines)
    # Filled greedily: a line is short only where the rule forbids a later break.
    for line, following in zip(lines, lines[1:], strict=False):
        for k in range(1, len(following)):
            if cell_width(line + following[:k]) <= width:
                assert not may_break_between(line + following[:k], following[k:])


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_annotate_text_interlinear(plain_annotator: Annotator, sentence: str,
                                   width: int) -> None:
    (annotated,) = plain_annotator.annotate(sentence)
    lines = interlinear(annotated, "marks", width)
    hanzi = lines[1::2]
    assert "".join(hanzi).replace(" ", "") == sentence.replace(" ", "")
    assert all(cell_width(line) <= width for line in lines)
    assert_kinsoku(hanzi)
