"""The reader: one text, sentence by sentence, with a cursor on one word.

:class:`ReaderScreen` opens the text and turns keys into moves of its
:class:`~.state.ReaderState`; the edits and the links to other screens are mixed in
from :mod:`.edits` and :mod:`.links`, the drawing and the workers come from :mod:`.base`.
"""

from __future__ import annotations

from textual import on
from textual.timer import Timer

from studyaid.core.dictionary.index import Dictionary
from studyaid.core.errors import StudyaidError
from studyaid.tui.bindings import READER_BINDINGS
from studyaid.tui.layout import PAGE_MIN_HEIGHT, is_selectable
from studyaid.tui.screens.help_screen import HelpScreen
from studyaid.tui.screens.prompt_screen import PromptScreen
from studyaid.tui.screens.reader.edits import ReaderEdits
from studyaid.tui.screens.reader.hearing import ReaderHearing
from studyaid.tui.screens.reader.links import ReaderLinks
from studyaid.tui.screens.reader.sync import WATCH_INTERVAL
from studyaid.tui.widgets.details_panel import DetailsPanel
from studyaid.tui.widgets.sentence_view import SentenceView

POSITION_DELAY = 1.0
"""Seconds of stillness before the reading position is saved."""
WARM_UP_DELAY = 1.0
"""Seconds after a warm start before the annotation engine starts loading."""
SYNC_CACHE_CHARS = 200_000
"""Texts up to this size have their cached annotation read before the first paint."""


class ReaderScreen(ReaderEdits, ReaderLinks, ReaderHearing):
    """Reads one text; every key is a binding with an id, listed by the help screen."""

    BINDINGS = READER_BINDINGS  # type: ignore[assignment]

    _position_timer: Timer | None = None  # a move not saved yet
    _position_problem: str | None = None  # the last problem with positions.tsv, shown once

    def on_mount(self) -> None:
        """Show the raw text at once, then its annotation: cached, or from the engine."""
        state = self.state
        try:
            self.statuses = self.learner.statuses()
            # Then each word's card, in a thread, once the first screen is painted:
            # loading fsrs and the review log would otherwise compete with it.
            self.call_after_refresh(self.load_statuses)
            place = self.learner.place(self.text_id)
            state.index = min(place.sentence, len(state.sentences) - 1)
            if place.sentence == state.index:  # back to the word the learner left
                state.anchor = state.sentence.start + place.offset
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            self._position_problem = str(exc)  # not shown again by each position save
        state.index = max(state.index, 0)
        self.vocab_watch.forget()  # the files as they are now are what this screen starts from
        self.set_interval(WATCH_INTERVAL, self.check_files)
        # A cached annotation of an ordinary text is read here, before the first paint
        # (milliseconds), so a warm start paints the pinyin at once.
        cached = (self._cache().load(self._key())
                  if len(self.text.content) <= SYNC_CACHE_CHARS else None)
        if cached is not None and state.use_cached(cached):
            if Dictionary.is_current(self.settings.cache, self.settings.cedict):
                self.open_lookup()
            else:  # the first launch: the shipped seed annotation, but no index yet
                self.set_timer(WARM_UP_DELAY, self.open_lookup)
            # Ready for the learner's first edit, once the screen is up.
            self.set_timer(WARM_UP_DELAY, self.engine.warm_up)
        else:
            self.annotate()
        self.refresh_view()

    # -- Events from widgets ---------------------------------------------------------

    @on(SentenceView.Selected)
    def _selected(self, message: SentenceView.Selected) -> None:
        if is_selectable(self.state.sentence.tokens[message.index]):
            self.state.cursor = message.index
            self.refresh_view()
            self._save_soon()

    def on_resize(self) -> None:
        """Context lines are cut to the new width."""
        self.refresh_view()

    # -- Moving --------------------------------------------------------------------------

    def save_position(self) -> None:
        """Remember the sentence the learner is at. (Saved after every move: a problem
        with positions.tsv is shown once, not at every move.)"""
        if self._position_timer is not None:
            self._position_timer.stop()
            self._position_timer = None
        try:
            self.learner.set_position(self.text_id, self.state.index, self.state.offset)
        except StudyaidError as exc:
            if str(exc) != self._position_problem:
                self.notify(str(exc), severity="error", timeout=10)
            self._position_problem = str(exc)
        else:
            self._position_problem = None

    def _moved(self) -> None:
        """The learner went to another sentence: draw it, annotate it if no worker was
        asked to, and save the place once they stay a moment."""
        self.refresh_view()
        if self.state.wants_annotation:
            self.annotate()
        self._save_soon()

    def _save_soon(self) -> None:
        """Save the place once the learner stays a moment."""
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(POSITION_DELAY, self.save_position)

    def action_details(self, direction: int) -> None:
        """Scroll the details panel (the idiom's usage, the characters) without leaving
        the word: a few lines down (1) or up (-1)."""
        panel = self.query_one(DetailsPanel)
        panel.scroll_relative(y=direction * max(1, panel.size.height - 1), animate=False)

    def action_word(self, delta: int) -> None:
        """Move the cursor to the previous or next word, on into the next sentence."""
        if self.state.step(delta):
            self._moved()
        else:
            self.refresh_view()
            self._save_soon()

    def action_sentence(self, delta: int) -> None:
        """Move by sentences (on to the next with ``known_on_move``: its words still new
        become known first, as with J)."""
        if (delta == 1 and not self.state.busy
                and self.study_settings.known_on_move):
            self.mark_sentence_known()
        self.state.go(self.state.index + delta)
        self._moved()

    def action_first(self) -> None:
        """The first sentence."""
        self.state.go(0)
        self._moved()

    def action_last(self) -> None:
        """The last sentence."""
        self.state.go(len(self.state.sentences) - 1)
        self._moved()

    def action_search(self) -> None:
        """Ask what to search for, then jump to the next sentence containing it."""

        def done(query: str | None) -> None:
            if query:
                self.state.search_query = query.strip()
                self.action_search_next()

        self.app.push_screen(PromptScreen("Search the text", self.state.search_query), done)

    def action_search_next(self) -> None:
        """The next sentence containing the search."""
        query = self.state.search_query
        if not query:
            return
        if self.state.search_next():
            self._moved()
        else:
            self.notify(f"{query} is not in this text", severity="warning")

    # -- Display toggles -------------------------------------------------------------

    def action_display(self, change: str) -> None:
        """Change one display option: ``change`` names a DisplayOptions method
        (cycle_pinyin, toggle_tones, toggle_hanzi_tones, cycle_script, toggle_spoken)."""
        self.options = getattr(self.options, change)()
        self.refresh_view()

    def action_page_view(self) -> None:
        """Switch between the page view (the sentences around, as many as fit) and the
        focused view (the current sentence and one on each side)."""
        page = self.page_view if self.page_view is not None else (
            self.size.height >= PAGE_MIN_HEIGHT)
        self.page_view = not page
        self.refresh_view()

    # -- Leaving -----------------------------------------------------------------------

    def action_help(self) -> None:
        """Every key, from the bindings."""
        self.app.push_screen(HelpScreen(READER_BINDINGS))

    def on_unmount(self) -> None:
        """Leaving this text for another (from the library): keep the place, stop the
        engine."""
        if self._position_timer is not None:  # a move not saved yet
            self.save_position()
        self.engine.close()

    def action_quit(self) -> None:
        """Save the place and leave. While an ordinary text's annotation is being
        finished (a first opening, or after an edit), say so and leave once it is cached
        (the next opening then has its pinyin at once); q again leaves at once."""
        self.save_position()
        state = self.state
        if not state.whole or self.quitting:
            # Nothing will be cached, or the learner will not wait: stop the chunk in
            # progress rather than wait for it (a 50 MB text's first chunk held the quit
            # for 9.6 s).
            self.engine.stop()
        elif state.cached_generation != state.generation:
            self.quitting = True
            self.notify("Finishing this text's pinyin, so that it opens at once next time…"
                        " q again quits now", timeout=30)
            return
        self.app.exit()
