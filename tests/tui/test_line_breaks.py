"""The reader's sentence and its dimmed neighbours are wrapped by the CJK rules at 40, 80
and 120 cells (the sentences are those of tests/unit/test_line_break.py)."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from studyaid.core.engine.annotate import Annotator
from studyaid.core.output.line_break import NO_LINE_START
from studyaid.tui.layout import context_lines, layout_raw, layout_sentence
from studyaid.tui.options import DisplayOptions
from tests.unit.test_line_break import SENTENCES, WIDTHS, assert_kinsoku


@pytest.mark.parametrize("script", ["original", "traditional", "simplified"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_sentence_layout(plain_annotator: Annotator, sentence: str, width: int,
                         script: str) -> None:
    (annotated,) = plain_annotator.annotate(sentence)
    layout = layout_sentence(annotated, width, DisplayOptions(script=script), {})
    hanzi = [line.plain for line in layout.lines[1::3]]
    assert_kinsoku(hanzi)
    assert all(line.cell_len <= width for line in layout.lines)
    # Every token is drawn once, in order, on the row the layout says.
    assert [r.index for r in layout.regions] == list(range(len(annotated.tokens)))
    # And nothing is lost.
    if script == "original":
        assert "".join(hanzi).replace(" ", "") == sentence.replace(" ", "")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_sentence_not_yet_annotated(sentence: str, width: int) -> None:
    lines = [line.plain for line in layout_raw(sentence, width, DisplayOptions()).lines[1:]]
    assert "".join(lines) == sentence
    assert_kinsoku(lines)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_context_lines(sentence: str, width: int) -> None:
    for tail in (True, False):
        lines = context_lines(sentence, width, tail).split("\n")
        assert 1 <= len(lines) <= 2
        assert all(cell_len(line) <= width for line in lines)
        shown = [line.removeprefix("…").removesuffix("…") for line in lines]
        assert_kinsoku(shown)
        if tail:
            # The ellipsis that marks a cut stands before a line the rule lets begin.
            assert sentence.endswith("".join(shown))
            assert not shown[0] or shown[0][0] not in NO_LINE_START
        else:
            assert sentence.startswith("".join(shown))
