"""The reader's screens, the review's, the library's, the dictionary's and the word list.

The names are the map; each screen's module is imported when first asked for, so
opening the reader does not load the review (fsrs, the review log) before it paints.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_MODULES = {
    "ConfirmScreen": "confirm_screen",
    "HelpScreen": "help_screen",
    "LibraryScreen": "library_screen",
    "PromptScreen": "prompt_screen",
    "ReaderScreen": "reader_screen",
    "ReadingScreen": "reading_screen",
    "ReviewScreen": "review_screen",
    "SearchScreen": "search_screen",
    "StatsScreen": "stats_screen",
    "WordsScreen": "words_screen",
}

__all__ = sorted(_MODULES)


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(name)
    return getattr(import_module(f"{__name__}.{_MODULES[name]}"), name)
