"""The applications: a router between the reader (one per text), the library, the
review, the dictionary and the word list."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from studyaid import paths
from studyaid.tui.keymap import KEYMAP, load_keymap

if TYPE_CHECKING:
    # Imported where used: ``studyaid review`` needs neither the reader nor its engine.
    from studyaid.core.engine.process import Engine
    from studyaid.core.engine.settings import Settings
    from studyaid.core.text.library import Shelves
    from studyaid.core.text.loader import Text
    from studyaid.study.collection import Collection
    from studyaid.tui.screens.library_screen import LibraryScreen
    from studyaid.tui.screens.reader.screen import ReaderScreen
    from studyaid.tui.screens.review_screen import Opener


class ReaderApp(App[None]):
    """studyaid's TUI: the reader (or the library first), with help, prompts, the review
    and the library pushed over it. A text chosen in the library gets a reader screen and
    an engine of its own."""

    CSS_PATH = "app.tcss"
    TITLE = "studyaid"
    # Ctrl+P: every action of the screen by name (the footer has room for only some).
    COMMAND_PALETTE_DISPLAY = "^p"

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette's entries: each key of the screen, by its name and help
        (generated from the bindings, as the footer and the help screen are), then
        Textual's own (theme, quit)."""
        for binding in getattr(screen, "BINDINGS", ()):
            if not isinstance(binding, Binding) or "command_palette" in binding.action:
                continue
            keys = binding.key_display or binding.key.split(",")[0]
            yield SystemCommand(f"{binding.description} · {keys}",
                                binding.tooltip or binding.description,
                                partial(self.run_action, binding.action, screen))
        yield from super().get_system_commands(screen)

    def __init__(
        self, settings: Settings, text: Text | None, text_id: str = "",
        engine: Engine | None = None, keymap: dict[str, str] | None = None, *,
        shelves: Shelves | None = None,
        make_engine: Callable[..., Engine] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        """``text`` is read first (None: the library is shown first); ``engine``
        annotates it (a child process, or in-process for tests) and ``make_engine``
        makes one for each text opened later; ``keymap`` is the learner's own keys by
        binding id; ``shelves`` where the library's texts are; ``clock`` the time for the
        library's card statuses (tests fix it)."""
        from studyaid.core.engine.process import ProcessEngine
        from studyaid.core.text.library import Shelves
        from studyaid.tui.screens.reader.screen import ReaderScreen

        super().__init__()
        self.settings = settings
        self.shelves = shelves or Shelves(paths.library_dir())
        self.make_engine = make_engine or ProcessEngine
        self.clock = clock
        self.reader: ReaderScreen | None = None
        if text is not None:
            self.engine = engine or self.make_engine(settings, text.content, text_id=text_id)
            self.reader = ReaderScreen(settings, text, text_id, self.engine)
        if keymap:
            self.set_keymap(keymap)

    def get_default_screen(self) -> Screen[None]:
        """The reader on the text given, else the library."""
        return self.reader or self._library()

    def _library(self) -> Screen[None]:
        from studyaid.tui.screens.library_screen import LibraryScreen

        library = LibraryScreen(self.settings, self.shelves)
        if self.clock is not None:
            library.clock = self.clock
        return library

    def action_library(self) -> None:
        """The library: back to it when a text was opened from it, else over the reader."""
        from studyaid.tui.screens.library_screen import LibraryScreen
        from studyaid.tui.screens.reader.screen import ReaderScreen

        if isinstance(self.screen, ReaderScreen):
            self.screen.save_position()  # before the library lists the progress
        stack = self.screen_stack
        if any(isinstance(screen, LibraryScreen) for screen in stack[:-1]):
            while not isinstance(self.screen, LibraryScreen):
                self.pop_screen()
        else:
            self.push_screen(self._library())

    def on_library_screen_chosen(self, message: LibraryScreen.Chosen) -> None:
        """Open the chosen text in a reader of its own (the one it replaces keeps its
        place and stops its engine as it goes)."""
        from studyaid.core.errors import StudyaidError
        from studyaid.tui.library_rows import read_entry
        from studyaid.tui.screens.reader.screen import ReaderScreen

        open_already = [screen for screen in self.screen_stack
                        if isinstance(screen, ReaderScreen)
                        and screen.text_id == message.entry.text_id]
        if open_already:  # back to that reader, not a second one on the same text
            while self.screen is not open_already[-1]:
                self.pop_screen()
            return
        try:
            text = read_entry(message.entry)
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        reader = ReaderScreen(self.settings, text, message.entry.text_id,
                              self.make_engine(self.settings, text.content,
                                               text_id=message.entry.text_id))
        if len(self.screen_stack) == 1:  # the library came first
            self.push_screen(reader)
            return
        self.pop_screen()  # the library, over a reader
        if len(self.screen_stack) > 1:  # a reader opened from the library: replace it
            self.switch_screen(reader)
        else:
            # The first screen cannot be replaced: the new reader goes over it (whose
            # engine idles until the app ends).
            self.push_screen(reader)

    def on_app_focus(self) -> None:
        """Back in the terminal (the learner may have edited a file elsewhere): the reader
        on screen looks at the vocab folder (one under the library does when shown)."""
        from studyaid.tui.screens.reader.screen import ReaderScreen

        if isinstance(self.screen, ReaderScreen):
            self.screen.check_files()


def _shelves() -> Shelves:
    """The library's places: the library folder and the learner's own (library.toml)."""
    from studyaid.core.text.library import LIBRARY_SETTINGS, Shelves, load_folders

    return Shelves(paths.library_dir(), load_folders(paths.config_dir() / LIBRARY_SETTINGS))


def run_reader(settings: Settings, text: Text | None, text_id: str = "") -> None:
    """Run the reader in the terminal until the learner quits (on the library first when
    ``text`` is None)."""
    from studyaid.core.engine.process import ProcessEngine, prepare_processes

    keymap = load_keymap(paths.config_dir() / KEYMAP)  # a broken file stops here, clearly
    shelves = _shelves()
    # The engine's process starts before the app, so jieba loads while the screen paints;
    # texts opened from the library get theirs while it runs.
    prepare_processes()
    engine = ProcessEngine(settings, text.content, text_id) if text is not None else None
    try:
        ReaderApp(settings, text, text_id, engine, keymap, shelves=shelves).run()
    finally:
        if engine is not None:
            engine.close()


def run_library(settings: Settings) -> None:
    """The library first; Enter reads a text."""
    run_reader(settings, None)


class ReviewApp(App[None]):
    """The review on its own (``studyaid review``): leaving it leaves the app."""

    CSS_PATH = "app.tcss"
    TITLE = "studyaid review"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, collection: Collection | Opener,
                 clock: Callable[[], datetime] | None = None,
                 keymap: dict[str, str] | None = None,
                 ticks: Callable[[], float] | None = None,
                 settings: Settings | None = None) -> None:
        """``collection``, or a function that opens it (in a thread, once the screen is
        up); ``clock`` gives the time and ``ticks`` measures answer times (tests fix
        both); ``keymap`` as for the reader; ``settings`` read the sentences said."""
        super().__init__()
        self.collection = collection
        self.clock = clock
        self.ticks = ticks
        self.settings = settings
        if keymap:
            self.set_keymap(keymap)

    def get_default_screen(self) -> Screen[None]:
        """The review screen over the collection."""
        import time

        from studyaid.tui.screens.review_screen import ReviewScreen, utc_now

        return ReviewScreen(self.collection, self.clock or utc_now,
                            self.ticks or time.monotonic, self.settings)


def run_review(settings: Settings) -> None:
    """Review the flashcards in the terminal until the learner leaves."""
    from studyaid.study.collection import Collection

    keymap = load_keymap(paths.config_dir() / KEYMAP)

    def open_collection() -> Collection:
        return Collection(settings.vocab, settings.cache, save_cache=False)

    ReviewApp(open_collection, keymap=keymap, settings=settings).run()


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
