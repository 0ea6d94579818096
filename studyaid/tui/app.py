"""The reader application: a router that opens the reader screen on one text."""

from __future__ import annotations

from textual.app import App
from textual.screen import Screen

from studyaid import paths
from studyaid.core.engine import Engine, ProcessEngine
from studyaid.core.loader import Text
from studyaid.core.services import Settings
from studyaid.tui.keymap import KEYMAP, load_keymap
from studyaid.tui.screens.reader_screen import ReaderScreen


class ReaderApp(App[None]):
    """studyaid's TUI: the reader, with help and prompts pushed over it."""

    CSS_PATH = "app.tcss"
    TITLE = "studyaid"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self, settings: Settings, text: Text, text_id: str, engine: Engine,
        keymap: dict[str, str] | None = None,
    ) -> None:
        """``engine`` annotates the text (a child process, or in-process for tests);
        ``keymap`` is the learner's own keys by binding id."""
        super().__init__()
        self.reader = ReaderScreen(settings, text, text_id, engine)
        self.engine = engine
        if keymap:
            self.set_keymap(keymap)

    def get_default_screen(self) -> Screen[None]:
        """The reader on the text given."""
        return self.reader


def run_reader(settings: Settings, text: Text, text_id: str) -> None:
    """Run the reader in the terminal until the learner quits."""
    keymap = load_keymap(paths.config_dir() / KEYMAP)  # a broken file stops here, clearly
    # The engine's process starts before the app, so jieba loads while the screen paints.
    engine = ProcessEngine(settings, text.content)
    try:
        ReaderApp(settings, text, text_id, engine, keymap).run()
    finally:
        engine.close()
