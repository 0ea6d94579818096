"""A labelled bar chart of one figure per day: a title with totals, a Sparkline, and an
axis line naming its two ends."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Sparkline, Static


def axis_text(left: str, right: str, width: int) -> Text:
    """``left`` and ``right`` at the two ends of a line ``width`` cells wide."""
    gap = max(1, width - len(left) - len(right))
    return Text(left + " " * gap + right, "grey62")


class StatChart(Vertical):
    """One series of daily figures, oldest (or soonest) first."""

    def __init__(self, title: str, left: str, right: str, id: str | None = None) -> None:
        super().__init__(id=id, classes="stat-chart")
        self.title = title
        self.left, self.right = left, right
        self.values: list[int] = []
        self.summary = ""

    def compose(self) -> ComposeResult:
        """Title, bars, axis."""
        yield Static(classes="stat-title")
        yield Sparkline([], classes="stat-bars")
        yield Static(classes="stat-axis")

    def on_mount(self) -> None:
        """Draw whatever was set before mounting."""
        self._draw()

    def on_resize(self) -> None:
        """The axis labels sit at the new ends."""
        self._draw()

    def show(self, values: Sequence[int], summary: str) -> None:
        """The figures, and a summary for the title line (``312 reviews · today 12``)."""
        self.values, self.summary = list(values), summary
        if self.is_mounted:
            self._draw()

    def _draw(self) -> None:
        title = Text(self.title, "bold")
        if self.summary:
            title.append("   " + self.summary, "grey70")
        self.query_one(".stat-title", Static).update(title)
        # All zeros would draw as full bars (Sparkline scales min..max): draw none.
        bars = self.query_one(Sparkline)
        bars.data = self.values if any(self.values) else []
        width = self.content_size.width or 60
        self.query_one(".stat-axis", Static).update(axis_text(self.left, self.right, width))
