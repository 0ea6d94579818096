"""The current sentence, pinyin over hanzi, one column per token, with a word cursor."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from studyaid.core.model import Sentence
from studyaid.tui.layout import Layout, layout_raw, layout_sentence
from studyaid.tui.options import DisplayOptions


class SentenceView(Widget):
    """Draws one sentence laid out for the widget's width; clicking a word selects it."""

    DEFAULT_CSS = """
    SentenceView { height: auto; }
    """

    sentence: reactive[Sentence | None] = reactive(None, layout=True)
    cursor: reactive[int | None] = reactive(None)
    options: reactive[DisplayOptions] = reactive(DisplayOptions, layout=True)
    statuses: reactive[dict[str, str]] = reactive(dict, layout=True, always_update=True)

    class Selected(Message):
        """The learner clicked a token."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def _layout(self, width: int) -> Layout:
        sentence = self.sentence
        if sentence is None:
            return Layout([], [])
        if not sentence.tokens:
            return layout_raw(sentence.text, width, self.options)
        return layout_sentence(sentence, width, self.options, self.statuses, self.cursor)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the layout needs at this width."""
        return max(1, len(self._layout(width).lines))

    def render(self) -> Text:
        """The laid-out lines."""
        return Text("\n").join(self._layout(self.content_size.width).lines)

    def on_click(self, event: events.Click) -> None:
        """Select the token under the pointer."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self._layout(self.content_size.width).token_at(offset.x, offset.y)
        if index is not None:
            self.post_message(self.Selected(index))
