"""Scheduling through our FSRS module: fixed times, fuzz off, tables of grade sequences."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from studyaid.study import CardState, Scheduler, format_interval

T = datetime(2025, 5, 1, 8, 0, tzinfo=UTC)

# grades (each given when the card is due), state after, interval to the next due
SEQUENCES = [
    # a new card: Anki's learning steps 1m, 10m
    ((3,), "learning", "10m"),
    ((1,), "learning", "1m"),
    ((2,), "learning", "6m"),
    ((4,), "review", "8d"),
    # graduating, then growing intervals
    ((3, 3), "review", "2d"),
    ((3, 3, 3), "review", "11d"),
    ((4, 4), "review", "2.2mo"),
    # a lapse: relearning at the 10m step
    ((3, 3, 1), "relearning", "10m"),
    ((1, 1, 3, 3), "review", "1d"),
]


@pytest.mark.parametrize(("grades", "state", "interval"), SEQUENCES)
def test_grade_sequences(grades: tuple[int, ...], state: str, interval: str) -> None:
    scheduler = Scheduler(fuzz=False)
    card, now = scheduler.new_state(T), T
    for grade in grades:
        card = scheduler.grade(card, grade, now)
        now = card.due
    assert card.state == state
    assert card.last_review is not None
    assert format_interval(card.due - card.last_review) == interval


def test_preview_is_what_grading_gives() -> None:
    scheduler = Scheduler(fuzz=False)
    card = scheduler.new_state(T)
    preview = scheduler.preview(card, T)
    assert {g: format_interval(d - T) for g, d in preview.items()} == {
        1: "1m", 2: "6m", 3: "10m", 4: "8d"}
    assert all(scheduler.grade(card, g, T).due == preview[g] for g in preview)


def test_fuzzed_due_dates_stay_near_the_plain_ones() -> None:
    plain, fuzzed = Scheduler(fuzz=False), Scheduler(fuzz=True)
    card = plain.grade(plain.grade(plain.new_state(T), 3, T), 3, T + timedelta(minutes=10))
    later = card.due
    exact = plain.grade(card, 3, later).due
    for _ in range(20):
        assert abs(fuzzed.grade(card, 3, later).due - exact) <= timedelta(days=3)


def test_state_round_trips_through_json() -> None:
    scheduler = Scheduler(fuzz=False)
    card = scheduler.grade(scheduler.new_state(T), 3, T)
    assert CardState.from_json(card.as_json()) == card
    assert CardState.from_json(scheduler.new_state(T).as_json()).state == "new"


# Any timezone-aware time works (FSRS itself wants timezone.utc exactly); naive fails.
@pytest.mark.parametrize("tz", [UTC, ZoneInfo("UTC"), ZoneInfo("Asia/Shanghai")])
def test_times_in_any_timezone(tz) -> None:
    scheduler = Scheduler(fuzz=False)
    card = scheduler.grade(scheduler.new_state(T), 3, T.astimezone(tz))
    assert card.due == T + timedelta(minutes=10) and card.due.tzinfo is UTC


def test_naive_times_and_bad_grades_are_refused() -> None:
    scheduler = Scheduler(fuzz=False)
    with pytest.raises(ValueError):
        scheduler.new_state(datetime(2025, 5, 1))
    with pytest.raises(ValueError):
        scheduler.grade(scheduler.new_state(T), 5, T)


def test_retrievability() -> None:
    scheduler = Scheduler(fuzz=False)
    card = scheduler.grade(scheduler.new_state(T), 4, T)  # stability ~8 days
    assert scheduler.retrievability(scheduler.new_state(T), T) == 0
    assert scheduler.retrievability(card, T) == pytest.approx(1.0)
    assert scheduler.retrievability(card, T + timedelta(days=8)) == pytest.approx(0.9, abs=0.01)
    assert scheduler.retrievability(card, T + timedelta(days=60)) < 0.75


INTERVALS = [
    (timedelta(seconds=30), "<1m"),
    (timedelta(minutes=10), "10m"),
    (timedelta(hours=1), "1h"),
    (timedelta(days=3), "3d"),
    (timedelta(days=60), "2mo"),
    (timedelta(days=45), "1.5mo"),
    (timedelta(days=438), "1.2y"),
]


@pytest.mark.parametrize(("delta", "text"), INTERVALS)
def test_format_interval(delta: timedelta, text: str) -> None:
    assert format_interval(delta) == text
