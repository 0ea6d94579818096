"""Screenshots of the reader on the seed article (pytest-textual-snapshot).

Regenerate with ``pytest tests/tui --snapshot-update`` and look at the SVGs under
``tests/tui/__snapshots__`` before committing them.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tests.tui.conftest import ready


async def _annotated(pilot: Pilot) -> None:
    await ready(pilot)


async def _at_the_idiom(pilot: Pilot) -> None:
    await ready(pilot)
    await pilot.press("slash", *"釜底抽薪", "enter")
    await pilot.pause()


SCREENS = [
    # name, terminal size, what to do first
    ("opening", (100, 32), _annotated),
    ("opening", (80, 24), _annotated),
    ("idiom", (100, 32), _at_the_idiom),
    ("idiom", (80, 24), _at_the_idiom),
]


@pytest.mark.parametrize(("name", "size", "before"), SCREENS,
                         ids=[f"{n}-{w}x{h}" for n, (w, h), _ in SCREENS])
def test_reader_screen(snap_compare, make_app, name, size, before) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=before)
