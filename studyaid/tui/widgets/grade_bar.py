"""The four grades under a card, each with the interval it would give (as Anki shows)."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from studyaid.study.scheduler import GRADES, format_interval

GRADE_STYLES = {1: Style(bold=True, color="#ff5f5f"), 2: Style(bold=True, color="grey70"),
                3: Style(bold=True, color="#5fd75f"), 4: Style(bold=True, color="#5f87ff")}
"""Anki's colours: Again red, Hard grey, Good green, Easy blue."""
DIM = Style(color="grey62")


def interval_label(due: datetime, now: datetime) -> str:
    """How long until ``due``, Anki-style (``<1m``, ``10m``, ``3d``)."""
    return format_interval(max(due - now, timedelta(0)))


def grades_text(preview: dict[int, datetime], now: datetime, width: int) -> Text:
    """Two lines: the interval over each grade's key and name, in four equal columns."""
    column = max(width // 4, 8)
    top, bottom = Text(), Text()
    for grade, name in GRADES.items():
        label = f"{grade} {name.capitalize()}"
        when = preview.get(grade)
        interval = interval_label(when, now) if when is not None else ""
        top.append(interval.center(column), DIM)
        bottom.append(label.center(column), GRADE_STYLES[grade])
    return Text("\n").join([top, bottom])


def prompt_text(width: int) -> Text:
    """What the bar says while the front is shown."""
    label = Text.assemble(("Space", Style(bold=True)), ("  show answer", DIM))
    return Text("\n" + " " * max(0, (width - label.cell_len) // 2)) + label


class GradeBar(Widget):
    """``Space: show answer`` on the front; the four grades on the back (clickable)."""

    class Chosen(Message):
        """The learner clicked a grade."""

        def __init__(self, grade: int) -> None:
            super().__init__()
            self.grade = grade

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.preview: dict[int, datetime] | None = None
        self.now: datetime | None = None

    def show(self, preview: dict[int, datetime] | None, now: datetime | None) -> None:
        """The grades with their next intervals; ``None`` for the front's prompt."""
        self.preview, self.now = preview, now
        self.refresh()

    def render(self) -> Text:
        """The prompt or the grades, at the widget's width."""
        width = self.content_size.width or 80
        if self.preview is None or self.now is None:
            return prompt_text(width)
        return grades_text(self.preview, self.now, width)

    def on_click(self, event: events.Click) -> None:
        """A click on a grade's column grades the card."""
        if self.preview is None:
            return
        width = self.content_size.width or 80
        grade = min(4, max(1, event.x * 4 // max(width, 1) + 1))
        self.post_message(self.Chosen(grade))
