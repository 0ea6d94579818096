"""The faces of a card, as pure functions: the word in its sentence, the reading."""

from __future__ import annotations

import pytest

from studyaid.core.model import Gloss
from studyaid.study.cards import Card, current_gloss
from studyaid.study.collection import Due
from studyaid.study.scheduler import Scheduler
from studyaid.tui.widgets.card_view import back_text, front_text, in_sentence, reading_text
from tests.tui.study_fixtures import CARDS, NOW


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


# The front: only the word is marked, in its sentence too; the sentence itself is plain.
@pytest.mark.parametrize(("direction", "question"), [
    ("recognition", "釜 底 抽 薪"),
    ("recall", "to cut off the problem at its root"),
])
def test_the_front_marks_only_the_word(direction: str, question: str) -> None:
    row = CARDS[0]
    due = Due(Card(*row, added=NOW), direction, Scheduler().new_state(NOW))
    text = front_text(due)
    assert text.plain.startswith(question)
    assert text.style == ""  # no style that the sentence would inherit
    marked = [text.plain[s.start:s.end] for s in text.spans]
    word = "＿＿＿＿" if direction == "recall" else "釜底抽薪"
    assert marked == [question, word]


def test_the_review_shows_the_learners_current_gloss() -> None:
    card = Card(*CARDS[2], added=NOW)  # made with "crack; rift"
    assert current_gloss({}, card) == "crack; rift"
    assert current_gloss({"裂痕": Gloss("裂痕", "a rift between partners")}, card) == (
        "a rift between partners")
    assert current_gloss({"裂痕": Gloss("裂痕", "", ("lie4", "hen2"))}, card) == "crack; rift"
    due = Due(card, "recognition", Scheduler().new_state(NOW))
    assert "a rift between partners" in back_text(due, "a rift between partners").plain
