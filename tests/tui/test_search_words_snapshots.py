"""Screenshots of the dictionary search screen and the word list at 100x32
(pytest-textual-snapshot). Regenerate with ``pytest tests/tui --snapshot-update`` and look
at the SVGs under ``tests/tui/__snapshots__`` before committing them."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.test_search_screen import search_app, settled
from tests.tui.test_words_screen import fill, loaded, words_app


def test_search_results_and_entry(snap_compare, vocab_dir: Path) -> None:
    async def choose(pilot: Pilot) -> None:
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)

    assert snap_compare(search_app(vocab_dir, "釜底"), terminal_size=(100, 32),
                        run_before=choose)


def test_search_english(snap_compare, vocab_dir: Path) -> None:
    async def typed(pilot: Pilot) -> None:
        pilot.app.screen.query_one(Input).cursor_blink = False  # the same picture each time
        await settled(pilot)

    assert snap_compare(search_app(vocab_dir, "cook"), terminal_size=(100, 32),
                        run_before=typed)


def test_word_list(snap_compare, vocab_dir: Path) -> None:
    fill(vocab_dir)

    async def ready(pilot: Pilot) -> None:
        await loaded(pilot)

    assert snap_compare(words_app(vocab_dir), terminal_size=(100, 32), run_before=ready)
