"""Screenshots of the review (pytest-textual-snapshot), at a fixed time.

Regenerate with ``pytest tests/tui --snapshot-update`` and look at the SVGs under
``tests/tui/__snapshots__`` before committing them.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from studyaid.tui.app import ReviewApp
from tests.tui.study_fixtures import NOW, add_cards, open_collection


async def _answer_shown(pilot: Pilot) -> None:
    await pilot.press("space")
    await pilot.pause()


def test_review_screen_answer_80x24(snap_compare, vocab_dir: Path) -> None:
    add_cards(vocab_dir)
    app = ReviewApp(open_collection(vocab_dir), clock=lambda: NOW, ticks=lambda: 0.0)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_answer_shown)
