"""Every screen of the app, one per module (the reader, a package of its own):

- ``ReaderScreen`` (:mod:`.reader`) — one text, sentence by sentence;
- ``LibraryScreen`` — the learner's texts; ``ReviewScreen`` and ``StatsScreen`` — the
  flashcards; ``SearchScreen`` — the dictionary; ``WordsScreen`` — the word list;
- dialogs: ``PromptScreen`` (a line of text), ``ConfirmScreen`` (yes or no),
  ``ReadingChoiceScreen`` (a word's reading among its dictionary readings),
  ``HelpScreen`` (every key).

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
    "ReaderScreen": "reader.screen",
    "ReadingChoiceScreen": "reading_choice_screen",
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
