"""Local days and the figures a learner looks at: reviews per day, due forecast, retention.

Times are stored in UTC; "today" is the learner's local day (a timezone from the study
settings, else the system's), so limits and charts follow the learner's clock.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from studyaid.study.scheduler import iso

DAYS = 30
"""How many days the charts cover, back (reviews) and forward (forecast)."""
_BARS = " ▁▂▃▄▅▆▇█"


class Days:
    """Calendar days in a timezone (``None``: the system's, with its daylight saving)."""

    def __init__(self, tz: tzinfo | None = None):
        self.tz = tz

    def date_of(self, moment: datetime) -> date:
        """The local date of ``moment``."""
        return moment.astimezone(self.tz).date()

    def start(self, day: date) -> datetime:
        """When the local ``day`` begins, in UTC."""
        if self.tz is None:
            return datetime.combine(day, time()).astimezone().astimezone(UTC)
        return datetime.combine(day, time(), self.tz).astimezone(UTC)

    def today(self, now: datetime) -> tuple[datetime, datetime]:
        """The start of today and of tomorrow (local), in UTC."""
        day = self.date_of(now)
        return self.start(day), self.start(day + timedelta(days=1))


@dataclass(frozen=True)
class Stats:
    """What the stats screen and ``studyaid stats`` show."""

    reviews_per_day: list[tuple[date, int]]
    """Reviews on each of the last 30 local days, oldest first, today last."""
    forecast: list[tuple[date, int]]
    """Cards due on each of the next 30 local days, today first (overdue count today)."""
    retention: float | None
    """Share of the last 30 days' reviews of cards in review (not learning) that were not
    graded Again; None when there were none."""
    retention_reviews: int
    """How many reviews the retention is measured on."""
    states: dict[str, int]
    """Scheduled cards (card and direction) per FSRS state, ``new`` included."""
    known: int
    """Words whose card is known (see ``Collection.status_of``)."""


def day_bounds(days: Days, first: date, count: int) -> list[str]:
    """The canonical UTC times at which ``count`` + 1 consecutive local days start."""
    return [iso(days.start(first + timedelta(days=i))) for i in range(count + 1)]


def per_day(times: list[str], bounds: list[str]) -> list[int]:
    """How many of the sorted canonical ``times`` fall in each day of ``bounds``."""
    lo = bisect.bisect_left(times, bounds[0])
    counts = []
    for end in bounds[1:]:
        hi = bisect.bisect_left(times, end, lo)
        counts.append(hi - lo)
        lo = hi
    return counts


def bars(values: list[int]) -> str:
    """A one-line bar chart: one block per value, scaled to the largest; blank for 0."""
    top = max(values, default=0)
    if top == 0:
        return " " * len(values)
    return "".join(_BARS[0] if v <= 0 else _BARS[max(1, round(v / top * 8))] for v in values)


def render(stats: Stats) -> list[str]:
    """The statistics as text lines, charts included (for ``studyaid stats``)."""
    done = [n for _, n in stats.reviews_per_day]
    due = [n for _, n in stats.forecast]
    first, last = stats.reviews_per_day[0][0], stats.reviews_per_day[-1][0]
    lines = [
        f"Reviews per day, last {DAYS} days: {sum(done)} in all, at most {max(done)} a day",
        f"  |{bars(done)}|  {first:%b %d} .. {last:%b %d} (today: {done[-1]})",
        f"Due in the next {DAYS} days: {sum(due)} in all, at most {max(due)} a day",
        f"  |{bars(due)}|  {stats.forecast[0][0]:%b %d} .. {stats.forecast[-1][0]:%b %d}"
        f" (today: {due[0]})",
    ]
    if stats.retention is None:
        lines.append(f"Retention, last {DAYS} days: no reviews of cards in review yet")
    else:
        lines.append(f"Retention, last {DAYS} days: {stats.retention:.1%} of "
                     f"{stats.retention_reviews} reviews of cards in review were remembered")
    states = ", ".join(f"{n} {s}" for s, n in stats.states.items())
    lines.append(f"Cards: {sum(stats.states.values())} scheduled ({states}); "
                 f"{stats.known} words known")
    return lines
