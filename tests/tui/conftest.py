"""Fixtures for driving the reader: an app on the seed article over a test vocab folder."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from studyaid import paths
from studyaid.core.engine.process import InProcessEngine
from studyaid.core.engine.settings import Settings
from studyaid.core.text.loader import decode_bytes
from studyaid.tui.app import ReaderApp
from studyaid.tui.screens.reader.screen import ReaderScreen


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (no async plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture
def make_app(vocab_dir: Path) -> Callable[[], ReaderApp]:
    """A factory of reader apps on the seed article, over the test's vocab folder."""

    def make() -> ReaderApp:
        text = decode_bytes(paths.seed_text().encode("utf-8"), "<seed article>")
        settings = Settings(vocab_dir, paths.cache_dir())
        # In-process: the same annotation as the child process, without a process a test.
        return ReaderApp(settings, text, "seed",
                         InProcessEngine(settings, text.content, text_id="seed"))

    return make


async def ready(pilot: Pilot) -> ReaderScreen:
    """Wait until annotation (and any re-annotation) is done; return the reader screen."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen_stack[0]
    assert isinstance(screen, ReaderScreen)
    return screen
