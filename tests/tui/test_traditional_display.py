"""``v`` shows traditional characters in the learner's standard: Taiwan's (the
dictionary's) by default, Hong Kong's or OpenCC's own as a setting."""

from __future__ import annotations

from dataclasses import replace

import pytest

from studyaid.core.engine.annotate import Annotator
from studyaid.tui.layout import context_lines, in_script, layout_sentence
from studyaid.tui.options import DisplayOptions
from studyaid.tui.widgets.sentence_view import SentenceView
from tests.tui.conftest import ready

SENTENCE = "微软和OpenAI的关系曾被视为AI领域的典范,两者的合作一度被认为是完美的互补。"


@pytest.mark.parametrize(
    ("standard", "shown", "not_shown"),
    [
        ("tw", ["視為", "認為"], ["爲"]),
        ("hk", ["視為", "認為"], ["爲"]),
        ("opencc", ["視爲", "認爲"], ["為"]),
    ],
)
def test_the_sentence_and_its_neighbours(plain_annotator: Annotator, standard: str,
                                         shown: list[str], not_shown: list[str]) -> None:
    options = DisplayOptions(script="traditional", traditional=standard)
    (sentence,) = plain_annotator.annotate(SENTENCE)
    hanzi = "".join(line.plain for line in layout_sentence(sentence, 80, options, {}).lines)
    context = context_lines(in_script(SENTENCE, options), 80)
    for text in (hanzi.replace(" ", ""), context):
        assert all(word in text for word in shown)
        assert not any(word in text for word in not_shown)
    # As written and simplified, the standard changes nothing.
    for script in ("original", "simplified"):
        assert in_script(SENTENCE, replace(options, script=script)) == SENTENCE


async def test_v_shows_the_dictionary_standard(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("down")
        await pilot.press("v")
        assert reader.options.script == "traditional"
        assert reader.options.traditional == "tw"
        view = str(reader.query_one(SentenceView).render())
        assert "視為" in view and "視爲" not in view
        assert "traditional (tw)" in str(reader._status_line())
