"""A list of one-line results (the dictionary's), drawn without wrapping.

Textual's ``OptionList`` wraps and pads every option when it is first drawn, about
0.8 ms a line, and a search replaces every option at each keystroke: a screenful cost
~20 ms of the ~40 ms a keystroke took. Each result here is one line already cut to the
list's width (:func:`studyaid.tui.screens.search_screen.result_line`), so it is drawn as
its segments, padded to the width; anything else (a prompt on several lines) is drawn as
``OptionList`` draws it.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class ResultList(OptionList):
    """An ``OptionList`` whose one-line options are drawn straight from their segments."""

    def _one_line(self, option: Option) -> Content | None:
        prompt = option.prompt
        if isinstance(prompt, Content) and "\n" not in prompt.plain and not option._divider:
            return prompt
        return None

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        prompt = self._one_line(option)
        if prompt is None:
            return super()._get_option_render(option, style)
        padding = self.get_component_styles("option-list--option").padding
        key = (option, style, padding)
        strips = self._option_render_cache.get(key)
        if strips is None:
            width = self.scrollable_content_region.width - self._get_left_gutter_width()
            base = style.rich_style
            segments = prompt.render_segments(style)
            if padding.left:
                segments.insert(0, Segment(" " * padding.left, base))
            strip = (Strip(segments).crop(0, max(0, width - padding.right))
                     .extend_cell_length(width, base)
                     .apply_meta({"option": self._option_to_index[option]}))
            strips = self._option_render_cache[key] = [strip]
        return strips
