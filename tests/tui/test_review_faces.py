"""The faces of a card, as pure functions: the word in its sentence, the reading."""

from __future__ import annotations

import pytest

from studyaid.study.cards import Card
from studyaid.tui.widgets.card_view import in_sentence, reading_text
from tests.tui.study_fixtures import NOW


def card(word: str, traditional: str, sentence: str) -> Card:
    return Card(word, traditional, "", "", "", sentence, "", "", NOW)


@pytest.mark.parametrize(("word", "traditional", "sentence", "hidden", "shown", "marked"), [
    # the word as written in the sentence
    ("裂痕", "裂痕", "微软与OpenAI的裂痕", False, "微软与OpenAI的裂痕", "裂痕"),
    ("裂痕", "裂痕", "微软与OpenAI的裂痕", True, "微软与OpenAI的＿＿", "＿＿"),
    # a sentence in traditional characters: its traditional form is found
    ("微软", "微軟", "微軟與OpenAI的裂痕", False, "微軟與OpenAI的裂痕", "微軟"),
    ("微软", "微軟", "微軟與OpenAI的裂痕", True, "＿＿與OpenAI的裂痕", "＿＿"),
    # not in the sentence (edited since): the sentence as it is
    ("釜底抽薪", "釜底抽薪", "微软与OpenAI的裂痕", True, "微软与OpenAI的裂痕", None),
])
def test_the_word_in_its_sentence(word: str, traditional: str, sentence: str, hidden: bool,
                                  shown: str, marked: str | None) -> None:
    text = in_sentence(card(word, traditional, sentence), hidden)
    assert text.plain == shown
    styled = [text.plain[span.start:span.end] for span in text.spans]
    assert styled == ([marked] if marked else [])


@pytest.mark.parametrize(("reading", "marks"), [
    ("wei1 ruan3", "wēiruǎn"),
    ("fu3 di3 chou1 xin1", "fǔdǐchōuxīn"),
    ("xi1 an1", "xī'ān"),
    ("de5", "de"),
    ("", ""),
])
def test_the_reading_in_tone_marks(reading: str, marks: str) -> None:
    assert reading_text(reading).plain == marks
