"""The reader application: a router that opens the reader screen on one text."""

from __future__ import annotations

from textual.app import App
from textual.screen import Screen

from studyaid.core.engine import Engine, ProcessEngine
from studyaid.core.loader import Text
from studyaid.core.services import Settings
from studyaid.tui.screens.reader_screen import ReaderScreen


class ReaderApp(App[None]):
    """studyaid's TUI: the reader, with help and prompts pushed over it."""

    CSS_PATH = "app.tcss"
    TITLE = "studyaid"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, settings: Settings, text: Text, text_id: str, engine: Engine) -> None:
        """``engine`` annotates the text (a child process, or in-process for tests)."""
        super().__init__()
        self.reader = ReaderScreen(settings, text, text_id, engine)
        self.engine = engine

    def get_default_screen(self) -> Screen[None]:
        """The reader on the text given."""
        return self.reader


def run_reader(settings: Settings, text: Text, text_id: str) -> None:
    """Run the reader in the terminal until the learner quits."""
    # The engine's process starts before the app, so jieba loads while the screen paints.
    engine = ProcessEngine(settings, text.content)
    try:
        ReaderApp(settings, text, text_id, engine).run()
    finally:
        engine.close()
