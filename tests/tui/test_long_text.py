"""A very long text in the reader: sentences made on demand, quitting never waits."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TypeVar

import pytest
from textual.worker import WorkerCancelled

from studyaid import paths
from studyaid.core.engine.process import InProcessEngine
from studyaid.core.engine.settings import Settings
from studyaid.core.model import Sentence
from studyaid.core.text.loader import Text
from studyaid.core.text.sentence_list import SentenceList
from studyaid.tui.app import ReaderApp
from studyaid.tui.screens.reader import state
from studyaid.tui.screens.reader.screen import ReaderScreen


class Recording(InProcessEngine):
    """An in-process engine that notes whether it was stopped."""

    stopped = False

    def stop(self) -> None:
        self.stopped = True


E = TypeVar("E", bound=Recording)


def long_text(vocab_dir: Path, sentences: int, engine_type: type[E]) -> tuple[ReaderApp, E]:
    """A reader on ``sentences`` lines of 孔乙己, annotated by an engine of ``engine_type``."""
    content = "孔乙己是站着喝酒而穿长衫的唯一的人。\n" * sentences
    settings = Settings(vocab_dir, paths.cache_dir())
    engine = engine_type(settings, content)
    return ReaderApp(settings, Text("long.txt", "utf-8", content), "long", engine), engine


@pytest.mark.parametrize(("sentences", "stopped_on_quit"), [
    # An ordinary text: its annotation is left to finish (and be cached).
    (30, False),
    # Longer than the reader annotates whole: nothing to cache, the engine stops at once.
    (60, True),
])
async def test_quit(vocab_dir: Path, monkeypatch: pytest.MonkeyPatch, sentences: int,
                    stopped_on_quit: bool) -> None:
    monkeypatch.setattr(state, "WHOLE_TEXT_SENTENCES", 40)
    app, engine = long_text(vocab_dir, sentences, Recording)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen_stack[0]
        assert isinstance(screen, ReaderScreen)
        assert len(screen.state.sentences) == sentences
        await pilot.press("q")
        await pilot.pause()
    assert engine.stopped is stopped_on_quit


def test_reader_starts_with_a_sentence_list() -> None:
    raw = state.raw_sentences("第一句。第二句！\n第三句")
    assert isinstance(raw, SentenceList)
    assert [s.text for s in raw] == ["第一句。", "第二句！", "第三句"]
    assert all(isinstance(s, Sentence) and not s.tokens for s in raw)


class Gated(Recording):
    """An in-process engine whose annotation waits for the test to let it go on."""

    def __init__(self, settings: Settings, content: str) -> None:
        super().__init__(settings, content)
        self.gate = threading.Event()
        self.entered = threading.Event()  # a worker is waiting at the gate

    def annotate(self, first: int, stop: int) -> list[Sentence]:
        self.entered.set()
        self.gate.wait(10)
        return super().annotate(first, stop)


@pytest.mark.parametrize(("second_q", "stopped"), [
    # q while the annotation is finishing: a notice, and the reader leaves once it is
    # cached (the next opening has its pinyin at once).
    (False, False),
    # q again: leave now, stopping the annotation.
    (True, True),
])
async def test_quit_while_the_annotation_finishes(vocab_dir: Path, second_q: bool,
                                                  stopped: bool) -> None:
    content = "孔乙己是站着喝酒而穿长衫的唯一的人。\n" * 5
    settings = Settings(vocab_dir, vocab_dir.parent / "cache")
    engine = Gated(settings, content)
    app = ReaderApp(settings, Text("short.txt", "utf-8", content), "short", engine)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running and app.screen_stack[0].quitting
        assert any("q again quits now" in str(n.message) for n in app._notifications)
        if second_q:
            await pilot.press("q")
        else:
            engine.gate.set()
            try:
                await app.workers.wait_for_complete()
            except WorkerCancelled:
                pass  # the app left as the annotation was cached, cancelling what remained
        await pilot.pause()
        assert not app.is_running
        engine.gate.set()
    assert engine.stopped is stopped
    if not stopped:  # left once the whole annotation was cached
        assert any((vocab_dir.parent / "cache" / "annotations").iterdir())


async def test_a_jump_while_a_chunk_is_annotated_leaves_nothing_unasked(
    vocab_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first worker is replaced by the jump's: the chunk it never began is asked for
    # again when the learner goes there (the UI thread alone keeps what was asked).
    monkeypatch.setattr(state, "WHOLE_TEXT_SENTENCES", 40)
    app, engine = long_text(vocab_dir, 200, Gated)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen_stack[0]
        assert isinstance(screen, ReaderScreen)
        assert screen.state.requested == {0, 1}
        assert engine.entered.wait(10)  # the first worker is in chunk 0 (a busy machine)
        await pilot.press("end")  # to chunk 4, while the first worker waits in chunk 0
        engine.gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.state.requested == {0, 3, 4} and not screen.state.busy
        await pilot.press("home")
        for _ in range(40):
            await pilot.press("j")  # into chunk 1, which the first worker dropped
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.state.index == 40 and not screen.state.busy
        assert screen.state.requested == {0, 1, 2, 3, 4}
