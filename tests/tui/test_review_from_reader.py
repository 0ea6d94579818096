"""The reader's link to the flashcards: R opens the review, S the statistics, and a word's
status follows its card unless the learner set it by hand."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from studyaid.core.vocab.learner import KNOWN, LEARNING, Learner
from studyaid.tui.screens.reader.screen import ReaderScreen
from studyaid.tui.screens.review_screen import ReviewScreen
from studyaid.tui.screens.stats_screen import StatsScreen
from tests.tui.conftest import ready
from tests.tui.study_fixtures import CARDS, NOW, add_cards, log_lines, open_collection


def well_known(vocab: Path, word: str) -> datetime:
    """Grade ``word``'s card Easy whenever it is due until FSRS expects it to last three
    weeks; returns the time of the last review."""
    collection = open_collection(vocab)
    when = NOW - timedelta(days=400)
    while True:
        due = collection.next_due(when)
        assert due is not None and due.card.word == word
        state = collection.grade(due, 4, when, 1000)
        if (state.stability or 0) >= 30:
            return when
        when = state.due


async def test_r_opens_the_review_and_q_comes_back(make_app, vocab_dir: Path) -> None:
    add_cards(vocab_dir)
    app = make_app()
    app.reader.clock = lambda: NOW
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("R")
        review = pilot.app.screen
        assert isinstance(review, ReviewScreen)
        assert review.current is not None and review.current.card.word == CARDS[0][0]
        await pilot.press("space", "3", "q")
        await ready(pilot)
        assert isinstance(pilot.app.screen, ReaderScreen)
        assert [line["grade"] for line in log_lines(vocab_dir)] == [3]


async def test_s_opens_the_statistics(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("S")
        assert isinstance(pilot.app.screen, StatsScreen)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReaderScreen)


async def test_a_word_with_a_card_is_learning(make_app, vocab_dir: Path) -> None:
    add_cards(vocab_dir)
    async with make_app().run_test(size=(80, 24)) as pilot:
        reader = await ready(pilot)
        assert reader.statuses["微软"] == LEARNING
        assert reader.statuses["釜底抽薪"] == LEARNING


async def test_a_well_remembered_card_makes_its_word_known(make_app, vocab_dir: Path) -> None:
    add_cards(vocab_dir, [row for row in CARDS if row[0] == "微软"])
    last = well_known(vocab_dir, "微软")
    app = make_app()
    app.reader.clock = lambda: last + timedelta(days=1)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await ready(pilot)
        assert reader.statuses["微软"] == KNOWN


async def test_a_status_set_by_hand_wins_over_the_card(make_app, vocab_dir: Path) -> None:
    add_cards(vocab_dir)
    Learner(vocab_dir).set_status("微软", KNOWN)
    async with make_app().run_test(size=(80, 24)) as pilot:
        reader = await ready(pilot)
        assert reader.statuses["微软"] == KNOWN
        assert reader.statuses["裂痕"] == LEARNING


async def test_the_statuses_are_read_once_after_the_review(make_app, vocab_dir: Path) -> None:
    add_cards(vocab_dir)
    app = make_app()
    app.reader.clock = lambda: NOW
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await ready(pilot)
        loads: list[None] = []
        load = reader.load_statuses
        reader.load_statuses = lambda: (loads.append(None), load())[-1]  # type: ignore[method-assign]
        await pilot.press("R", "space", "3", "q")
        await ready(pilot)
        assert len(loads) == 1
