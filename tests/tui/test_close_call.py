"""A reading chosen in context by a small margin is underlined in the sentence view and
explained in the details panel."""

from __future__ import annotations

from pathlib import Path

from studyaid.core.dictionary.index import Dictionary
from studyaid.core.engine.annotate import Annotator
from studyaid.core.engine.services import build_annotator
from studyaid.core.engine.settings import Settings
from studyaid.tui.layout import CLOSE_CALL_STYLE, layout_sentence
from studyaid.tui.options import DisplayOptions
from studyaid.tui.widgets.details_panel import details_text


def _annotator(dictionary: Dictionary, vocab: Path) -> Annotator:
    return build_annotator(Settings(vocab, dictionary.path.parent, context_model=True),
                           dictionary)


def test_a_close_call_is_underlined_and_explained(dictionary: Dictionary, vocab_dir: Path):
    sentence = _annotator(dictionary, vocab_dir).annotate("那个人很重。")[0]
    # 重 on its own: jieba's HMM used to make 很重 one (invented) word.
    index, token = next((i, t) for i, t in enumerate(sentence.tokens) if t.text == "重")
    assert token.info.close_call
    layout = layout_sentence(sentence, 80, DisplayOptions(), {})
    region = next(r for r in layout.regions if r.index == index)
    pinyin = layout.lines[region.y]
    styles = [span.style for span in pinyin.spans
              if span.start < region.x_end and region.x < span.end]
    assert CLOSE_CALL_STYLE in styles
    assert "a close call" in details_text(None, token, []).plain


def test_a_confident_reading_is_not(dictionary: Dictionary, vocab_dir: Path):
    sentence = _annotator(dictionary, vocab_dir).annotate("他在银行工作。")[0]
    layout = layout_sentence(sentence, 80, DisplayOptions(), {})
    assert all(span.style != CLOSE_CALL_STYLE for line in layout.lines for span in line.spans)
