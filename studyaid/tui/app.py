"""The applications: a router that opens the reader on one text, the review, the
dictionary or the word list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from textual.app import App
from textual.screen import Screen

from studyaid import paths
from studyaid.tui.keymap import KEYMAP, load_keymap

if TYPE_CHECKING:
    # Imported where used: ``studyaid review`` needs neither the reader nor its engine.
    from studyaid.core.engine import Engine
    from studyaid.core.loader import Text
    from studyaid.core.services import Settings
    from studyaid.study.session import Collection
    from studyaid.tui.screens.review_screen import Opener


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
        from studyaid.tui.screens.reader_screen import ReaderScreen

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
    from studyaid.core.engine import ProcessEngine

    keymap = load_keymap(paths.config_dir() / KEYMAP)  # a broken file stops here, clearly
    # The reader reads polyphones in context: annotation runs in the background here.
    settings = replace(settings, context_model=True)
    # The engine's process starts before the app, so jieba loads while the screen paints.
    engine = ProcessEngine(settings, text.content)
    try:
        ReaderApp(settings, text, text_id, engine, keymap).run()
    finally:
        engine.close()


class ReviewApp(App[None]):
    """The review on its own (``studyaid review``): leaving it leaves the app."""

    CSS_PATH = "app.tcss"
    TITLE = "studyaid review"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, collection: Collection | Opener,
                 clock: Callable[[], datetime] | None = None,
                 keymap: dict[str, str] | None = None,
                 ticks: Callable[[], float] | None = None) -> None:
        """``collection``, or a function that opens it (in a thread, once the screen is
        up); ``clock`` gives the time and ``ticks`` measures answer times (tests fix
        both); ``keymap`` as for the reader."""
        super().__init__()
        self.collection = collection
        self.clock = clock
        self.ticks = ticks
        if keymap:
            self.set_keymap(keymap)

    def get_default_screen(self) -> Screen[None]:
        """The review screen over the collection."""
        import time

        from studyaid.tui.screens.review_screen import ReviewScreen, utc_now

        return ReviewScreen(self.collection, self.clock or utc_now,
                            self.ticks or time.monotonic)


def run_review(settings: Settings) -> None:
    """Review the flashcards in the terminal until the learner leaves."""
    from studyaid.study.session import Collection

    keymap = load_keymap(paths.config_dir() / KEYMAP)

    def open_collection() -> Collection:
        return Collection(settings.vocab, settings.cache, save_cache=False)

    ReviewApp(open_collection, keymap=keymap).run()


class ScreenApp(App[None]):
    """One screen on its own (``studyaid dict``, ``studyaid words``): leaving it leaves."""

    CSS_PATH = "app.tcss"
    TITLE = "studyaid"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, make: Callable[[], Screen[None]],
                 keymap: dict[str, str] | None = None) -> None:
        """``make`` builds the screen (once the app exists); ``keymap`` as for the reader."""
        super().__init__()
        self.make = make
        if keymap:
            self.set_keymap(keymap)

    def get_default_screen(self) -> Screen[None]:
        """The screen ``make`` builds."""
        return self.make()


def run_search(settings: Settings, query: str = "") -> None:
    """The dictionary search screen until the learner leaves."""
    from studyaid.tui.screens.search_screen import SearchScreen

    keymap = load_keymap(paths.config_dir() / KEYMAP)
    ScreenApp(lambda: SearchScreen(settings, query), keymap).run()


def run_words(settings: Settings) -> None:
    """The word list until the learner leaves."""
    from studyaid.tui.screens.words_screen import WordsScreen

    keymap = load_keymap(paths.config_dir() / KEYMAP)
    ScreenApp(lambda: WordsScreen(settings), keymap).run()
