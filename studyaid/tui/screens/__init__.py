"""The reader's screens."""

from studyaid.tui.screens.help_screen import HelpScreen
from studyaid.tui.screens.prompt_screen import PromptScreen
from studyaid.tui.screens.reader_screen import ReaderScreen
from studyaid.tui.screens.reading_screen import ReadingScreen

__all__ = ["HelpScreen", "PromptScreen", "ReaderScreen", "ReadingScreen"]
