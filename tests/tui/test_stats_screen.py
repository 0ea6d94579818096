"""The statistics screen: reviews per day and the due forecast as bar charts, retention."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Sparkline, Static

from studyaid.tui.app import ReviewApp
from studyaid.tui.screens.stats_screen import StatsScreen
from studyaid.tui.widgets.stat_chart import StatChart
from tests.tui.study_fixtures import NOW, add_cards, open_collection


def chart(screen: StatsScreen, name: str) -> tuple[list[float], str]:
    """A chart's bars and its title line."""
    found = screen.query_one(f"#{name}", StatChart)
    data = found.query_one(Sparkline).data or []
    return list(data), str(found.query_one(".stat-title", Static).render())


async def test_reviews_forecast_and_retention(vocab_dir: Path) -> None:
    add_cards(vocab_dir)
    collection = open_collection(vocab_dir)
    # Twenty days ago every card was new: Easy (into review, due about 8 days later).
    # Ten days ago they were due: Again, Good, Good.
    for days_ago, grades in ((20, [4, 4, 4]), (10, [1, 3, 3])):
        when = NOW - timedelta(days=days_ago)
        for grade in grades:
            due = collection.next_due(when)
            assert due is not None
            collection.grade(due, grade, when, 2000)
    stats = collection.stats(NOW)
    async with ReviewApp(collection, clock=lambda: NOW).run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = pilot.app.screen
        assert isinstance(screen, StatsScreen)
        reviews, title = chart(screen, "reviews-chart")
        assert len(reviews) == 30 and reviews[-21] == reviews[-11] == 3
        assert sum(reviews) == 6
        assert "6 reviews" in title and "today 0" in title and "busiest day 3" in title
        forecast, _ = chart(screen, "forecast-chart")
        assert forecast == [n for _, n in stats.forecast]
        assert forecast[0] >= 1  # the card forgotten ten days ago is overdue
        retention = str(screen.query_one("#retention", Static).render())
        assert "67%" in retention and "of 3 reviews" in retention
        await pilot.press("q")
        assert not isinstance(pilot.app.screen, StatsScreen)


async def test_no_reviews_yet(vocab_dir: Path) -> None:
    async with ReviewApp(open_collection(vocab_dir), clock=lambda: NOW).run_test() as pilot:
        await pilot.press("s")
        screen = pilot.app.screen
        assert isinstance(screen, StatsScreen)
        assert chart(screen, "reviews-chart") == ([], "Reviews per day   none yet")
        assert "—" in str(screen.query_one("#retention", Static).render())


async def test_known_words_grow_week_by_week(vocab_dir: Path) -> None:
    from studyaid.core.vocab.learner import Learner

    learner = Learner(vocab_dir)
    today = NOW.date()
    learner.set_statuses(["的", "是", "我"], "known", today - timedelta(weeks=5))
    learner.set_statuses(["你", "他"], "known", today - timedelta(days=2))
    learner.set_statuses(["好"], "learning", today)  # not known: not counted
    collection = open_collection(vocab_dir)
    async with ReviewApp(collection, clock=lambda: NOW).run_test(size=(80, 30)) as pilot:
        await pilot.press("s")
        screen = pilot.app.screen
        assert isinstance(screen, StatsScreen)
        known, title = chart(screen, "known-chart")
        assert len(known) == 12
        assert known[-1] == 5 and known[-6] == 3 and known[0] == 0
        assert "5 now · +2 this week" in title


def test_stats_prints_the_growth(run_studyaid, vocab_dir: Path) -> None:
    from datetime import date

    from studyaid.core.vocab.learner import Learner

    today = date.today()
    Learner(vocab_dir).set_statuses(["的", "是"], "known", today - timedelta(weeks=3))
    Learner(vocab_dir).set_statuses(["我"], "known", today)
    done = run_studyaid("stats", "--vocab", str(vocab_dir))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Known words: 3 now"))
    weeks = lines[at + 1:at + 13]
    assert len(weeks) == 12 and weeks[-1].endswith(": 3 (+1)")
    assert weeks[0].endswith(": 0")
