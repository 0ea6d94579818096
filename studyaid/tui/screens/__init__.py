"""The reader's screens, and the review's."""

from studyaid.tui.screens.help_screen import HelpScreen
from studyaid.tui.screens.prompt_screen import PromptScreen
from studyaid.tui.screens.reader_screen import ReaderScreen
from studyaid.tui.screens.reading_screen import ReadingScreen
from studyaid.tui.screens.review_screen import ReviewScreen
from studyaid.tui.screens.stats_screen import StatsScreen

__all__ = ["HelpScreen", "PromptScreen", "ReaderScreen", "ReadingScreen", "ReviewScreen",
           "StatsScreen"]
