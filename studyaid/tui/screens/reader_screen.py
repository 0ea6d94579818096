"""The reader: one text, sentence by sentence, with a cursor on one word.

The screen owns the reading state (sentences, sentence number, cursor, display
options); a thread worker annotates and posts :class:`Annotated`; handlers mutate state
and then call :meth:`ReaderScreen.refresh_view`, the one place widgets are updated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import BrokenExecutor, CancelledError
from datetime import UTC, datetime
from pathlib import Path

from rich.text import Text as RichText
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from studyaid import paths
from studyaid.core.dictionary.lookup import Lookup
from studyaid.core.engine.annotation_cache import AnnotationCache, annotation_key, text_stamp
from studyaid.core.engine.process import Engine
from studyaid.core.engine.services import Settings, open_dictionary
from studyaid.core.errors import StudyaidError
from studyaid.core.model import IdiomMatch, Sentence, Token
from studyaid.core.nlp.script import to_simplified
from studyaid.core.text.loader import Text
from studyaid.core.text.sentence_list import SentenceList
from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import NEW, Learner
from studyaid.tui.bindings import READER_BINDINGS
from studyaid.tui.layout import context_lines, in_script, is_selectable
from studyaid.tui.messages import Annotated, AnnotationCached, AnnotationFailed, LookupReady
from studyaid.tui.options import DisplayOptions
from studyaid.tui.screens.help_screen import HelpScreen
from studyaid.tui.screens.prompt_screen import PromptScreen
from studyaid.tui.screens.reader_edits import LearnerEdits
from studyaid.tui.screens.reader_study import ReaderStudy
from studyaid.tui.screens.reader_sync import WATCH_INTERVAL, ReaderSync
from studyaid.tui.widgets.details_panel import DetailsPanel, details_text, idiom_text
from studyaid.tui.widgets.sentence_view import SentenceView

POSITION_DELAY = 1.0
"""Seconds of stillness before the reading position is saved."""
CHUNK = 40
"""Sentences annotated per request: the one around the cursor comes first."""
WARM_UP_DELAY = 1.0
"""Seconds after a warm start before the annotation engine starts loading."""
SYNC_CACHE_CHARS = 200_000
"""Texts up to this size have their cached annotation read before the first paint."""
WHOLE_TEXT_SENTENCES = 4000
"""Texts up to this many sentences are annotated whole (then cached); longer ones only
around the cursor, as the learner moves."""


def raw_sentences(content: str) -> SentenceList:
    """The text's sentences without tokens: what is shown while annotation runs (made
    as they are looked at: a very long text's are never all in memory)."""
    return SentenceList(content)


def find_sentence(sentences: Sequence[Sentence], query: str, after: int) -> int | None:
    """The first sentence after ``after`` (wrapping round) containing ``query``, in
    either script."""
    wanted = to_simplified(query)
    count = len(sentences)
    for step in range(1, count + 1):
        sentence = sentences[(after + step) % count]
        if query in sentence.text or wanted in to_simplified(sentence.text):
            return sentence.index
    return None


class ReaderScreen(LearnerEdits, ReaderStudy, ReaderSync, Screen[None]):
    """Reads one text; every key is a binding with an id, listed by the help screen."""

    BINDINGS = READER_BINDINGS  # type: ignore[assignment]

    def __init__(self, settings: Settings, text: Text, text_id: str, engine: Engine) -> None:
        super().__init__()
        self.settings = settings
        self.text = text
        self.text_id = text_id
        self.engine = engine
        self.lookup: Lookup | None = None
        self.learner = Learner(settings.vocab)
        self.vocab = Vocab(settings.vocab)
        self.sentences: SentenceList | list[Sentence] = raw_sentences(text.content)
        self.annotated: set[int] = set()
        self.requested: set[int] = set()  # chunks asked of the engine this generation
        self.generation = 0  # bumped when the learner's layer changes
        self.cached_generation = -1  # the generation whose whole annotation is cached
        self.quitting = False  # q was pressed while the annotation was being finished
        self.index = 0
        self.cursor: int | None = None
        self.options = DisplayOptions(traditional=settings.traditional)
        self.statuses: dict[str, str] = {}
        self.search_query = ""
        self._anchor: int | None = None  # a text offset the cursor returns to on re-annotation
        self._position_timer: Timer | None = None
        self._position_problem: str | None = None
        # The time for card statuses and the review (tests set a fixed one).
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    @property
    def busy(self) -> bool:
        """Whether the current sentence is still waiting for its annotation."""
        return self.index not in self.annotated

    # -- Layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Status line, the sentence with its context, the details panel, the footer."""
        yield Static(id="status")
        with VerticalScroll(id="reading"):
            yield Static(id="previous", classes="context")
            yield SentenceView(id="sentence")
            yield Static(id="next", classes="context")
        # Outside the scrolling area: the idiom notes and the translation stay in view
        # however long the sentence is.
        yield Static(id="notes")
        yield DetailsPanel(id="details")
        yield Footer()

    def on_mount(self) -> None:
        """Show the raw text at once, then its annotation: cached, or from the engine."""
        try:
            self.statuses = self.learner.statuses()
            # Then each word's card, in a thread, once the first screen is painted:
            # loading fsrs and the review log would otherwise compete with it.
            self.call_after_refresh(self.load_statuses)
            self.index = min(self.learner.position(self.text_id), len(self.sentences) - 1)
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            self._position_problem = str(exc)  # not shown again by each position save
        self.index = max(self.index, 0)
        self.start_watching()
        self.set_interval(WATCH_INTERVAL, self.check_files)
        # A cached annotation of an ordinary text is read here, before the first paint
        # (milliseconds), so a warm start paints the pinyin at once.
        if len(self.text.content) <= SYNC_CACHE_CHARS and self._use_cache(self._key()):
            self.cached_generation = self.generation
            self.open_lookup()
            # Ready for the learner's first edit, once the screen is up.
            self.set_timer(WARM_UP_DELAY, self.engine.warm_up)
        else:
            self.load(self.generation)
        self.refresh_view()

    def _use_cache(self, key: str) -> bool:
        cached = self._cache().load(key)
        if cached is None or len(cached) != len(self.sentences):
            return False
        self.sentences = cached
        self.annotated = set(range(len(cached)))
        self.requested = set(range(len(cached) // CHUNK + 1))
        self.cursor = self._first_word()
        return True

    # -- Workers: they compute and post messages; handlers change the state ------------

    def _key(self) -> str:
        stamp = text_stamp(self.settings.cedict, self.settings.context_model)
        return annotation_key(self.text.content, self.settings.vocab, stamp)

    def _cache(self) -> AnnotationCache:
        return AnnotationCache(paths.annotations_dir(self.settings.cache))

    @work(thread=True, exclusive=True, group="annotate")
    def load(self, generation: int, resegment: bool | None = None) -> None:
        """The whole annotation from the cache, else the chunk around the cursor first,
        then (for a text of ordinary size) the rest, which is then cached."""
        worker = get_current_worker()
        # Here, not on the UI thread: starting the process hands it the whole text.
        self.engine.warm_up()
        try:
            if resegment is not None:
                self.engine.reload(resegment)
            key = self._key()
            cached = self._cache().load(key) if resegment is None else None
            if cached is not None and len(cached) == len(self.sentences):
                self.post_message(Annotated(generation, 0, cached))
                self.post_message(AnnotationCached(generation))
                self._open_lookup()
                return
            chunks = self._chunks_from(self.index)
            for number, chunk in enumerate(chunks):
                if worker.is_cancelled or generation != self.generation:
                    return
                if chunk in self.requested:
                    continue
                self.requested.add(chunk)
                first = chunk * CHUNK
                sentences = self.engine.annotate(first, min(first + CHUNK, len(self.sentences)))
                self.post_message(Annotated(generation, first, sentences))
                if number == 0 and self.lookup is None:
                    self._open_lookup()
            if len(self.sentences) <= WHOLE_TEXT_SENTENCES:
                self.engine.save_cache(key)
                self.post_message(AnnotationCached(generation))
        except StudyaidError as exc:
            self.post_message(AnnotationFailed(str(exc)))
        except (BrokenExecutor, CancelledError):
            return  # the engine was closed: the reader is quitting
        except Exception:
            # The learner left this text (the library opened another): its engine was
            # stopped under this worker, which has nothing left to do.
            if not worker.is_cancelled:
                raise

    def _chunks_from(self, index: int) -> list[int]:
        """The chunk holding ``index`` first; then all the others for an ordinary text,
        or just the neighbours for a very long one (annotated as the learner moves)."""
        count = (len(self.sentences) + CHUNK - 1) // CHUNK
        here = index // CHUNK
        if len(self.sentences) <= WHOLE_TEXT_SENTENCES:
            return [here] + [c for c in range(here + 1, count)] + list(range(here))
        return [c for c in (here, here + 1, here - 1) if 0 <= c < count]

    def _open_lookup(self) -> None:
        """Open the dictionary for the details panel (after the engine has built it)."""
        try:
            lookup = Lookup(open_dictionary(self.settings), self.vocab.glosses())
        except StudyaidError as exc:
            self.post_message(AnnotationFailed(str(exc)))
            return
        self.post_message(LookupReady(lookup))

    @work(thread=True, group="lookup")
    def open_lookup(self) -> None:
        """:meth:`_open_lookup` in a thread of its own."""
        self._open_lookup()

    @on(LookupReady)
    def _lookup_ready(self, message: LookupReady) -> None:
        self.lookup = message.lookup
        self.refresh_view()

    @on(Annotated)
    def _annotated(self, message: Annotated) -> None:
        if message.generation != self.generation:
            return
        was_busy = self.busy
        for sentence in message.sentences:
            if sentence.index < len(self.sentences):
                self.sentences[sentence.index] = sentence
                self.annotated.add(sentence.index)
        if was_busy and not self.busy:
            self.cursor = self._token_at(self._anchor) if self._anchor is not None else None
            if self.cursor is None:
                self.cursor = self._first_word()
            self._anchor = None
            self.refresh_view()

    @on(AnnotationFailed)
    def _annotation_failed(self, message: AnnotationFailed) -> None:
        self.notify(message.problem, severity="error", timeout=10)
        self.refresh_view()

    # -- State helpers ---------------------------------------------------------------

    @property
    def sentence(self) -> Sentence:
        """The current sentence."""
        return self.sentences[self.index]

    @property
    def token(self) -> Token | None:
        """The token under the cursor."""
        if self.cursor is None or not self.sentence.tokens:
            return None
        return self.sentence.tokens[self.cursor]

    def _first_word(self) -> int | None:
        return next((i for i, t in enumerate(self.sentence.tokens) if is_selectable(t)), None)

    def _token_at(self, offset: int) -> int | None:
        for i, token in enumerate(self.sentence.tokens):
            if token.start <= offset < token.end:
                return i
        return None

    def _idioms_of(self, token: Token) -> list[IdiomMatch]:
        return [i for i in self.sentence.idioms if i.start < token.end and token.start < i.end]

    def _save(self, write: Callable[[], object]) -> bool:
        """Run a write to the vocab folder; a problem is shown, never raised. What another
        process changed is re-read first (the write itself re-reads its file under the
        folder's lock, so nothing of theirs is lost either way)."""
        self.check_files()
        try:
            write()
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return False
        finally:
            if self.file_watch is not None:
                self.file_watch.changed()  # our own change: nothing to re-read
        return True

    def _go(self, index: int) -> None:
        self.index = max(0, min(index, len(self.sentences) - 1))
        self.cursor = self._first_word()
        self.refresh_view()
        if self.busy and self.index // CHUNK not in self.requested:
            self.load(self.generation)
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(POSITION_DELAY, self.save_position)

    def reload_statuses(self) -> None:
        """Every word's status again (in a thread): cards or statuses changed on disk."""
        self.load_statuses()

    def save_position(self) -> None:
        """Remember the sentence the learner is at. (Saved after every move: a problem
        with positions.tsv is shown once, not at every move.)"""
        if self._position_timer is not None:
            self._position_timer.stop()
            self._position_timer = None
        try:
            self.learner.set_position(self.text_id, self.index)
        except StudyaidError as exc:
            if str(exc) != self._position_problem:
                self.notify(str(exc), severity="error", timeout=10)
            self._position_problem = str(exc)
        else:
            self._position_problem = None

    def _reannotate(self, resegment: bool) -> None:
        """The learner's layer changed: annotate again, the current sentence first."""
        token = self.token
        self._anchor = token.start if token else None
        self.generation += 1
        self.annotated.clear()
        self.requested.clear()
        if self.lookup is not None:
            try:
                self.lookup.glosses = self.vocab.glosses()
            except StudyaidError as exc:
                self.notify(str(exc), severity="error", timeout=10)
        self.refresh_view()
        self.load(self.generation, resegment)

    # -- Drawing -----------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Push the state into the widgets (the only place they are updated)."""
        sentence = self.sentence
        cells = self.query_one(SentenceView).content_size.width or self.size.width - 6
        before = self.sentences[self.index - 1].text if self.index > 0 else ""
        after = self.sentences[self.index + 1].text if self.index + 1 < len(self.sentences) else ""
        options = self.options
        for name, context in (
                ("#previous", context_lines(in_script(before, options), cells, tail=True)),
                ("#next", context_lines(in_script(after, options), cells))):
            widget = self.query_one(name, Static)
            widget.update(context)
            widget.display = bool(context)
        view = self.query_one(SentenceView)
        view.sentence = sentence
        view.options = self.options
        view.statuses = self.statuses
        view.cursor = self.cursor
        self.query_one("#notes", Static).update(self._notes())
        self.query_one("#status", Static).update(self._status_line())
        token = self.token
        status = self.statuses.get(token.text, NEW) if token else NEW
        idioms = self._idioms_of(token) if token else []
        self.query_one(DetailsPanel).show(details_text(self.lookup, token, idioms, status))
        self.call_after_refresh(self._scroll_to_cursor)

    def _scroll_to_cursor(self) -> None:
        view = self.query_one(SentenceView)
        if self.cursor is None:
            return
        layout = view._layout(view.content_size.width)
        region = next((r for r in layout.regions if r.index == self.cursor), None)
        if region is None:
            return
        top = view.virtual_region.y + region.y
        reading = self.query_one("#reading", VerticalScroll)
        reading.scroll_to_region(Region(0, top, 1, 2), animate=False, immediate=True)

    def _notes(self) -> RichText:
        out = RichText()
        for idiom in self.sentence.idioms:
            out.append_text(idiom_text(idiom, full=False))
            out.append("\n")
        shown = None
        try:
            shown = self.learner.translation(self.text_id, self.index, self.sentence.text)
        except StudyaidError as exc:
            out.append(str(exc), "red")
        if shown is not None:
            out.append("» ", "bold")
            out.append(shown.english, "italic")
            if shown.stale:
                out.append("  (stale: the sentence has changed)", "yellow")
        out.rstrip()
        return out

    def _status_line(self) -> RichText:
        name = "seed article" if self.text_id == "seed" else Path(self.text.name).name
        out = RichText()
        out.append(name, "bold")
        out.append(f"  sentence {self.index + 1}/{len(self.sentences)}")
        o = self.options
        spoken = " · spoken tones" if o.spoken else ""
        script = f"traditional ({o.traditional})" if o.script == "traditional" else o.script
        out.append(f"  pinyin {o.pinyin} · tones {'on' if o.tones else 'off'} · {script}"
                   f"{spoken}", "grey62")
        if self.search_query:
            out.append(f"  /{self.search_query}", "grey62")
        if self.busy:
            out.append("  loading pinyin…", "yellow")
        return out

    # -- Events from widgets ---------------------------------------------------------

    @on(SentenceView.Selected)
    def _selected(self, message: SentenceView.Selected) -> None:
        if is_selectable(self.sentence.tokens[message.index]):
            self.cursor = message.index
            self.refresh_view()

    def on_resize(self) -> None:
        """Context lines are cut to the new width."""
        self.refresh_view()

    # -- Moving --------------------------------------------------------------------------

    def action_word(self, delta: int) -> None:
        """Move the cursor to the previous or next word, on into the next sentence."""
        tokens = self.sentence.tokens
        if self.cursor is None:
            return
        i = self.cursor + delta
        while 0 <= i < len(tokens) and not is_selectable(tokens[i]):
            i += delta
        if 0 <= i < len(tokens):
            self.cursor = i
            self.refresh_view()
        elif 0 <= self.index + delta < len(self.sentences):
            self._go(self.index + delta)
            if delta < 0 and self.sentence.tokens:
                words = [j for j, t in enumerate(self.sentence.tokens) if is_selectable(t)]
                self.cursor = words[-1] if words else None
                self.refresh_view()

    def action_sentence(self, delta: int) -> None:
        """Move by sentences."""
        self._go(self.index + delta)

    def action_first(self) -> None:
        """The first sentence."""
        self._go(0)

    def action_last(self) -> None:
        """The last sentence."""
        self._go(len(self.sentences) - 1)

    def action_search(self) -> None:
        """Ask what to search for, then jump to the next sentence containing it."""

        def done(query: str | None) -> None:
            if query:
                self.search_query = query.strip()
                self.action_search_next()

        self.app.push_screen(PromptScreen("Search the text", self.search_query), done)

    def action_search_next(self) -> None:
        """The next sentence containing the search."""
        if not self.search_query:
            return
        found = find_sentence(self.sentences, self.search_query, self.index)
        if found is None:
            self.notify(f"{self.search_query} is not in this text", severity="warning")
            return
        self._go(found)
        offset = self.sentence.text.find(self.search_query)
        if offset >= 0 and self.sentence.tokens:
            self.cursor = self._token_at(self.sentence.start + offset) or self.cursor
            self.refresh_view()

    # -- Display toggles -------------------------------------------------------------

    def action_display(self, change: str) -> None:
        """Change one display option: ``change`` names a DisplayOptions method
        (cycle_pinyin, toggle_tones, toggle_hanzi_tones, cycle_script, toggle_spoken)."""
        self.options = getattr(self.options, change)()
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

    @on(AnnotationCached)
    def _cached(self, message: AnnotationCached) -> None:
        self.cached_generation = message.generation
        if self.quitting and message.generation == self.generation:
            self.app.exit()

    def action_quit(self) -> None:
        """Save the place and leave. While an ordinary text's annotation is being
        finished (a first opening, or after an edit), say so and leave once it is cached
        (the next opening then has its pinyin at once); q again leaves at once."""
        self.save_position()
        if len(self.sentences) > WHOLE_TEXT_SENTENCES or self.quitting:
            # Nothing will be cached, or the learner will not wait: stop the chunk in
            # progress rather than wait for it (a 50 MB text's first chunk held the quit
            # for 9.6 s).
            self.engine.stop()
        elif self.cached_generation != self.generation:
            self.quitting = True
            self.notify("Finishing this text's pinyin, so that it opens at once next time…"
                        " q again quits now", timeout=30)
            return
        self.app.exit()
