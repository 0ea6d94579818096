"""The review screen through Pilot: grades land in the log, undo, limits, nothing due."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Static

from studyaid.study.collection import Collection
from studyaid.study.scheduler import format_interval
from studyaid.tui.app import ReviewApp
from studyaid.tui.screens.help_screen import HelpScreen
from studyaid.tui.screens.review_screen import ReviewScreen
from studyaid.tui.screens.stats_screen import StatsScreen
from studyaid.tui.widgets.card_view import CardView
from studyaid.tui.widgets.grade_bar import GradeBar
from tests.tui.study_fixtures import NOW, add_cards, log_lines, open_collection

SIZE = (80, 24)


def review_app(vocab: Path, new_per_day: int = 20, recall: bool = False,
               ticks: list[float] | None = None) -> ReviewApp:
    """The review over the test cards, at :data:`NOW`; ``ticks`` feeds the answer timer."""
    add_cards(vocab, recall=recall)
    feed = iter(ticks) if ticks is not None else None
    return ReviewApp(open_collection(vocab, new_per_day, recall), clock=lambda: NOW,
                     ticks=(lambda: next(feed)) if feed is not None else None)


def screen_of(app: ReviewApp) -> ReviewScreen:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


def header(screen: ReviewScreen) -> str:
    return str(screen.query_one("#review-status", Static).render())


def shown(screen: ReviewScreen) -> str:
    return str(screen.query_one(CardView).render())


@pytest.mark.parametrize(("keys", "grade"), [
    (("space", "1"), 1),
    (("space", "2"), 2),
    (("enter", "3"), 3),
    (("space", "4"), 4),
    (("space", "space"), 3),  # Space on the answer is Good, as in Anki
])
async def test_each_grade_is_one_log_line(vocab_dir: Path, keys: tuple[str, ...],
                                          grade: int) -> None:
    async with review_app(vocab_dir).run_test(size=SIZE) as pilot:
        screen = screen_of(pilot.app)
        assert screen.current is not None and screen.current.card.word == "釜底抽薪"
        await pilot.press(*keys)
        [line] = log_lines(vocab_dir)
        assert (line["card"], line["direction"], line["grade"]) == ("釜底抽薪", "recognition",
                                                                     grade)
        assert line["time"].startswith("2026-03-02T09:00:00")
        # The next card is up, front first.
        assert screen.current is not None and screen.current.card.word == "微软"
        assert not screen.revealed and screen.done == 1


async def test_the_answer_time_is_logged(vocab_dir: Path) -> None:
    # shown at 100.0 s, graded at 104.25 s
    async with review_app(vocab_dir, ticks=[100.0, 104.25, 200.0]).run_test(size=SIZE) as pilot:
        await pilot.press("space", "3")
        assert log_lines(vocab_dir)[0]["duration_ms"] == 4250


async def test_grading_needs_the_answer_shown_first(vocab_dir: Path) -> None:
    async with review_app(vocab_dir).run_test(size=SIZE) as pilot:
        await pilot.press("3")
        assert log_lines(vocab_dir) == []
        assert screen_of(pilot.app).current.card.word == "釜底抽薪"  # type: ignore[union-attr]


async def test_front_and_back(vocab_dir: Path) -> None:
    async with review_app(vocab_dir).run_test(size=SIZE) as pilot:
        screen = screen_of(pilot.app)
        front = shown(screen)
        assert "釜 底 抽 薪" in front and "他们决定釜底抽薪" in front
        assert "fǔdǐchōuxīn" not in front and "1 Again" not in str(
            screen.query_one(GradeBar).render())
        await pilot.press("space")
        back = shown(screen)
        for part in ("fǔdǐchōuxīn", "to cut off the problem at its root",
                     "remove the firewood", "» They decided", "from seed article"):
            assert part in back
        grades = str(screen.query_one(GradeBar).render())
        for label in ("1 Again", "2 Hard", "3 Good", "4 Easy"):
            assert label in grades
        # The interval each grade would give, over its name (fuzz off: exact).
        preview = screen.collection.preview(screen.current, NOW)  # type: ignore[arg-type]
        assert format_interval(preview[4] - NOW) in grades


async def test_recall_hides_the_word_until_the_answer(vocab_dir: Path) -> None:
    async with review_app(vocab_dir, recall=True).run_test(size=SIZE) as pilot:
        screen = screen_of(pilot.app)
        # Every card is new: recognition first, then recall, card by card.
        await pilot.press("space", "4")
        assert screen.current is not None and screen.current.direction == "recall"
        front = shown(screen)
        assert "to cut off the problem at its root" in front
        assert "釜底抽薪" not in front and "＿＿＿＿" in front
        await pilot.press("space")
        assert "他们决定釜底抽薪" in shown(screen)


async def test_undo_shows_the_card_again_and_forgets_the_grade(vocab_dir: Path) -> None:
    async with review_app(vocab_dir).run_test(size=SIZE) as pilot:
        screen = screen_of(pilot.app)
        before = screen.counts
        await pilot.press("space", "4")
        assert screen.current.card.word == "微软"  # type: ignore[union-attr]
        await pilot.press("u")
        assert screen.current is not None and screen.current.card.word == "釜底抽薪"
        assert screen.current.state.state == "new" and not screen.revealed
        assert screen.counts == before and screen.done == 0
        review, undo = log_lines(vocab_dir)
        assert undo["undo"] == review["time"] and undo["card"] == "釜底抽薪"
        # Nothing left to undo: a note, no new line.
        await pilot.press("u")
        assert len(log_lines(vocab_dir)) == 2


async def test_the_daily_new_card_limit(vocab_dir: Path) -> None:
    async with review_app(vocab_dir, new_per_day=2).run_test(size=SIZE) as pilot:
        screen = screen_of(pilot.app)
        assert "new left today 2" in header(screen)
        await pilot.press("space", "4", "space", "4")
        assert [line["card"] for line in log_lines(vocab_dir)] == ["釜底抽薪", "微软"]
        # 裂痕 waits for tomorrow.
        assert screen.current is None
        assert "Nothing due. Next card: in 15h" in header(screen)
        await pilot.press("space", "3")
        assert len(log_lines(vocab_dir)) == 2


async def test_nothing_due_says_when_the_next_card_is(vocab_dir: Path) -> None:
    add_cards(vocab_dir, [("微软", "微軟", "wei1 ruan3", "Microsoft", "", "", "", "")])
    collection = open_collection(vocab_dir)
    due = collection.next_due(NOW)
    assert due is not None
    collection.grade(due, 4, NOW - timedelta(hours=1), 1000)  # Easy, an hour ago
    after = collection.next_due(NOW)
    assert after is None
    next_due = collection.counts(NOW).next_due
    assert next_due is not None
    async with ReviewApp(collection, clock=lambda: NOW).run_test(size=SIZE) as pilot:
        screen = screen_of(pilot.app)
        expected = f"Nothing due. Next card: in {format_interval(next_due - NOW)}"
        assert expected in header(screen)
        assert "Nothing due." in shown(screen)
        assert not screen.query_one(GradeBar).display


async def test_no_cards_at_all(vocab_dir: Path) -> None:
    async with ReviewApp(open_collection(vocab_dir), clock=lambda: NOW).run_test(
            size=SIZE) as pilot:
        screen = screen_of(pilot.app)
        assert "No cards yet" in header(screen) and "studyaid card add" in shown(screen)


async def test_s_opens_the_statistics_and_q_comes_back(vocab_dir: Path) -> None:
    async with review_app(vocab_dir).run_test(size=SIZE) as pilot:
        await pilot.press("space", "3", "s")
        assert isinstance(pilot.app.screen, StatsScreen)
        await pilot.press("q")
        assert isinstance(pilot.app.screen, ReviewScreen)
        await pilot.press("question_mark")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        assert "review-again" in {binding.id for binding in help_screen.bindings}
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReviewScreen)
        await pilot.press("q")
        assert not pilot.app.is_running


def test_the_review_command_opens_the_review() -> None:
    from studyaid.cli import build_parser
    from studyaid.cli.cards import cmd_review

    args = build_parser().parse_args(["review", "--vocab", "somewhere"])
    assert args.run is cmd_review and args.vocab == "somewhere"


async def test_a_collection_opened_in_a_thread_shows_its_first_card_and_writes_the_cache(
        vocab_dir: Path) -> None:
    async with review_app(vocab_dir).run_test(size=SIZE) as pilot:  # one review logged
        await pilot.press("space", "3")
    cache = vocab_dir.parent / "study-cache"
    shutil.rmtree(cache, ignore_errors=True)
    opened: list[Collection] = []

    def opener() -> Collection:
        opened.append(open_collection(vocab_dir))
        return opened[-1]

    async with ReviewApp(opener, clock=lambda: NOW).run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = screen_of(pilot.app)
        assert screen.collection is opened[0]
        assert screen.current is not None and screen.current.card.word != "釜底抽薪"
        assert list(cache.glob("study/history-*"))  # written once the card was shown
        await pilot.press("space", "3")
        assert len(log_lines(vocab_dir)) == 2


async def test_a_collection_that_cannot_open_says_why_and_grades_nothing(
        vocab_dir: Path) -> None:
    (vocab_dir / "cards.tsv").write_text("釜底抽薪\tonly two fields\n", encoding="utf-8")

    async with ReviewApp(lambda: open_collection(vocab_dir),
                         clock=lambda: NOW).run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = screen_of(pilot.app)
        assert screen.collection is None and "cards.tsv:1" in shown(screen)
        await pilot.press("space", "3", "u", "s")
        assert isinstance(pilot.app.screen, ReviewScreen)
        assert not (vocab_dir / "reviews.log").exists()


async def test_a_broken_cards_file_is_shown_not_overwritten(vocab_dir: Path) -> None:
    # studyaid review opens its screen at once: a broken file is reported there.
    broken = b"\xe9\x87\x9c\x00\n"
    (vocab_dir / "cards.tsv").write_bytes(broken)
    app = ReviewApp(lambda: open_collection(vocab_dir), clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = screen_of(app)
        assert screen.collection is None
        assert "cards.tsv:1:" in shown(screen) and "NUL" in shown(screen)
        await pilot.press("space", "3")
    assert (vocab_dir / "cards.tsv").read_bytes() == broken


async def test_the_answer_shows_the_gloss_as_the_learner_has_it_now(vocab_dir: Path) -> None:
    from studyaid.core.vocab.glosses import Vocab

    app = review_app(vocab_dir)
    Vocab(vocab_dir).set_gloss("釜底抽薪", "pull the rug out")  # after the card was made
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("space")
        assert "pull the rug out" in shown(screen_of(pilot.app))
        assert "to cut off the problem at its root" not in shown(screen_of(pilot.app))
