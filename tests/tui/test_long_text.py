"""A very long text in the reader: sentences made on demand, quitting never waits."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyaid import paths
from studyaid.core.annotate import Sentence
from studyaid.core.engine import InProcessEngine
from studyaid.core.loader import Text
from studyaid.core.sentence_list import SentenceList
from studyaid.core.services import Settings
from studyaid.tui.app import ReaderApp
from studyaid.tui.screens import reader_screen


class Recording(InProcessEngine):
    """An in-process engine that notes whether it was stopped."""

    stopped = False

    def stop(self) -> None:
        self.stopped = True


@pytest.mark.parametrize(("sentences", "stopped_on_quit"), [
    # An ordinary text: its annotation is left to finish (and be cached).
    (30, False),
    # Longer than the reader annotates whole: nothing to cache, the engine stops at once.
    (60, True),
])
async def test_quit(vocab_dir: Path, monkeypatch: pytest.MonkeyPatch, sentences: int,
                    stopped_on_quit: bool) -> None:
    monkeypatch.setattr(reader_screen, "WHOLE_TEXT_SENTENCES", 40)
    content = "孔乙己是站着喝酒而穿长衫的唯一的人。\n" * sentences
    settings = Settings(vocab_dir, paths.cache_dir())
    engine = Recording(settings, content)
    app = ReaderApp(settings, Text("long.txt", "utf-8", content), "long", engine)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen_stack[0]
        assert isinstance(screen, reader_screen.ReaderScreen)
        assert len(screen.sentences) == sentences
        await pilot.press("q")
        await pilot.pause()
    assert engine.stopped is stopped_on_quit


def test_reader_starts_with_a_sentence_list() -> None:
    raw = reader_screen.raw_sentences("第一句。第二句！\n第三句")
    assert isinstance(raw, SentenceList)
    assert [s.text for s in raw] == ["第一句。", "第二句！", "第三句"]
    assert all(isinstance(s, Sentence) and not s.tokens for s in raw)
