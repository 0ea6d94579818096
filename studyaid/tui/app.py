"""The reader application: a router that opens the reader screen on one text."""

from __future__ import annotations

from textual.app import App
from textual.screen import Screen

from studyaid.core.annotate import Annotator
from studyaid.core.loader import Text
from studyaid.core.services import Settings
from studyaid.tui.screens.reader_screen import ReaderScreen


class ReaderApp(App[None]):
    """studyaid's TUI: the reader, with help and prompts pushed over it."""

    CSS_PATH = "app.tcss"
    TITLE = "studyaid"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self, settings: Settings, text: Text, text_id: str, annotator: Annotator | None = None
    ) -> None:
        """``annotator`` (tests, benchmarks) skips building one in the worker."""
        super().__init__()
        self.settings = settings
        self.text = text
        self.text_id = text_id
        self.annotator = annotator

    def get_default_screen(self) -> Screen[None]:
        """The reader on the text given."""
        return ReaderScreen(self.settings, self.text, self.text_id, self.annotator)


def run_reader(settings: Settings, text: Text, text_id: str) -> None:
    """Run the reader in the terminal until the learner quits."""
    ReaderApp(settings, text, text_id).run()
