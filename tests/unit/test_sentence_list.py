"""SentenceList: a text's sentences made on demand from compact spans (a 50 MB text)."""

from __future__ import annotations

import pytest

from studyaid.core.model import Sentence
from studyaid.core.text.sentence_list import SentenceList
from studyaid.core.text.sentences import split_sentences

TEXT = "孔乙己\n\n　　鲁镇的酒店的格局，是和别处不同的。做工的人，傍午傍晚散了工！“你来了？”\n"


def test_same_sentences_as_splitting() -> None:
    spans = split_sentences(TEXT)
    listed = SentenceList(TEXT)
    assert len(listed) == len(spans) == 4
    assert [(s.index, s.start, s.end, s.text) for s in listed] == [
        (i, a, b, TEXT[a:b]) for i, (a, b) in enumerate(spans)]
    assert listed.spans(1, 3) == spans[1:3]
    assert listed.spans(3, 99) == spans[3:]


@pytest.mark.parametrize(("index", "text"), [
    (0, "孔乙己"),
    (-1, "“你来了？”"),
    (-4, "孔乙己"),
])
def test_indexing(index: int, text: str) -> None:
    assert SentenceList(TEXT)[index].text == text


@pytest.mark.parametrize("index", [4, -5, 100])
def test_out_of_range(index: int) -> None:
    with pytest.raises(IndexError):
        SentenceList(TEXT)[index]


def test_annotated_sentences_are_kept() -> None:
    listed = SentenceList(TEXT)
    annotated = Sentence(1, listed[1].start, listed[1].end, listed[1].text)
    listed[1] = annotated
    assert listed[1] is annotated
    assert listed[1:3][0] is annotated
    assert listed[2] is not listed[2]  # the others are made when looked at


def test_empty_text() -> None:
    assert len(SentenceList("")) == 0
    assert list(SentenceList("  \n\n")) == []
