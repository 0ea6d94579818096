"""Statistics a learner would rather look at than read: reviews per day over the last
30 days and the cards due over the next 30, as bar charts, and retention as a number."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from studyaid.core.errors import StudyaidError
from studyaid.core.vocab.learner import Learner, known_growth
from studyaid.study.collection import Collection
from studyaid.study.stats import Stats
from studyaid.tui.bindings import STATS_BINDINGS
from studyaid.tui.screens.help_screen import HelpScreen
from studyaid.tui.widgets.stat_chart import StatChart


def plural(count: int, noun: str) -> str:
    """``1 review``, ``3 reviews``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def reviews_summary(per_day: Sequence[int]) -> str:
    """Totals for the reviews chart (oldest day first, today last)."""
    if not any(per_day):
        return "none yet"
    return (f"{plural(sum(per_day), 'review')} · today {per_day[-1]}"
            f" · busiest day {max(per_day)}")


def forecast_summary(per_day: Sequence[int]) -> str:
    """Totals for the forecast chart (today first)."""
    if not any(per_day):
        return "nothing due"
    tomorrow = per_day[1] if len(per_day) > 1 else 0
    return f"{plural(sum(per_day), 'card')} · today {per_day[0]} · tomorrow {tomorrow}"


def growth_summary(per_week: Sequence[int]) -> str:
    """Totals for the known-words chart (the known words at the end of each week)."""
    if not any(per_week):
        return "none marked known yet (K, J, W or studyaid known)"
    gained = per_week[-1] - per_week[-2] if len(per_week) > 1 else per_week[-1]
    return f"{per_week[-1]:,} now · {gained:+,} this week"


def retention_text(stats: Stats) -> Text:
    """Retention as a percentage (a dash before the first review), and the cards."""
    out = Text("Retention  ", "bold")
    retention = stats.retention
    if retention is None:
        out.append("—", "grey62")
        out.append("   no reviews of cards in review in the last 30 days", "grey62")
    else:
        out.append(f"{retention:.0%}", "bold #5fd75f" if retention >= 0.8 else "bold #ffaf00")
        out.append(f"   of {plural(stats.retention_reviews, 'review')} in the last 30 days"
                   " remembered", "grey62")
    states = " · ".join(f"{count} {state}" for state, count in stats.states.items() if count)
    out.append("\nCards      ", "bold")
    out.append(f"{sum(stats.states.values())}", "bold")
    if states:
        out.append(f"   {states}", "grey62")
    out.append(f"   · {plural(stats.known, 'word')} known", "grey62")
    return out


class StatsScreen(Screen[None]):
    """The collection's figures at the clock's time; any of q, Esc, s goes back."""

    BINDINGS = STATS_BINDINGS  # type: ignore[assignment]

    def __init__(self, collection: Collection, clock: Callable[[], datetime]) -> None:
        super().__init__()
        self.collection = collection
        self.clock = clock
        self.stats: Stats | None = None

    def compose(self) -> ComposeResult:
        """Title, the two charts, retention, the footer."""
        yield Static(Text("Statistics", "bold"), id="stats-status")
        with VerticalScroll(id="stats"):
            yield StatChart("Reviews per day", "30 days ago", "today", id="reviews-chart")
            yield StatChart("Due", "today", "in 30 days", id="forecast-chart")
            yield StatChart("Known words", "12 weeks ago", "this week", id="known-chart")
            yield Static(id="retention")
        yield Footer()

    def on_mount(self) -> None:
        """Compute the figures once."""
        try:
            self.stats = self.collection.stats(self.clock())
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        reviews = [count for _, count in self.stats.reviews_per_day]
        forecast = [count for _, count in self.stats.forecast]
        self.query_one("#reviews-chart", StatChart).show(reviews, reviews_summary(reviews))
        self.query_one("#forecast-chart", StatChart).show(forecast, forecast_summary(forecast))
        self.query_one("#retention", Static).update(retention_text(self.stats))
        try:
            growth = known_growth(Learner(self.collection.vocab).status_rows(),
                                  self.clock().date())
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        known = [count for _, count in growth]
        self.query_one("#known-chart", StatChart).show(known, growth_summary(known))

    def action_help(self) -> None:
        """Every key, from the bindings."""
        self.app.push_screen(HelpScreen(STATS_BINDINGS))

    def action_leave(self) -> None:
        """Back to the review or the reader, or out when opened on its own."""
        if len(self.app.screen_stack) > 1:
            self.dismiss(None)
        else:
            self.app.exit()
