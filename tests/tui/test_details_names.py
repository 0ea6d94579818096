"""A name the dictionary lacks: the details panel shows it glossed as a name and still
lists its characters."""

from __future__ import annotations

from studyaid.core.dictionary.lookup import Lookup
from studyaid.core.engine.annotate import Annotator
from studyaid.tui.widgets.details_panel import details_text


def test_details_show_the_name_and_its_characters(plain_annotator: Annotator) -> None:
    token = next(t for s in plain_annotator.annotate("祥林嫂来了。") for t in s.tokens)
    text = details_text(Lookup(plain_annotator.dictionary, {}), token, []).plain
    assert "(name) Xiánglín's wife" in text
    assert "Characters" in text and "\n 嫂 " in text
