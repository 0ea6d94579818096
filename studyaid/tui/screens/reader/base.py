"""What every part of the reader screen stands on: the state, the drawing, the workers
that annotate the text and read the words' statuses, and the safe way to save.

Workers compute and post the messages nested here; handlers change the state and call
:meth:`ReaderBase.refresh_view`, the one place widgets are updated. The edits and the
links to other screens are mixins over this class (:mod:`.edits`, :mod:`.links`).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import BrokenExecutor, CancelledError
from datetime import UTC, datetime
from pathlib import Path

from rich.text import Text as RichText
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from studyaid import paths
from studyaid.core.dictionary.index import Dictionary
from studyaid.core.dictionary.lookup import Lookup
from studyaid.core.engine.annotation_cache import AnnotationCache, annotation_key, text_stamp
from studyaid.core.engine.process import Engine
from studyaid.core.engine.settings import Settings
from studyaid.core.errors import StudyaidError
from studyaid.core.model import Sentence
from studyaid.core.text.loader import Text
from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import NEW, Learner
from studyaid.study.settings import StudySettings, load_settings
from studyaid.tui.layout import PAGE_MIN_HEIGHT, context_lines, in_script, page_lines
from studyaid.tui.options import DisplayOptions
from studyaid.tui.screens.reader.state import ReaderState, Request, raw_sentences
from studyaid.tui.screens.reader.sync import VocabWatch
from studyaid.tui.widgets.details_panel import DetailsPanel, details_text, idiom_text
from studyaid.tui.widgets.sentence_view import SentenceView


class ReaderBase(Screen[None]):
    """One text: its state, its drawing, its annotation and its words' statuses."""

    class Annotated(Message):
        """Sentences were annotated (for the learner's layer ``generation``)."""

        def __init__(self, generation: int, sentences: list[Sentence]) -> None:
            super().__init__()
            self.generation = generation
            self.sentences = sentences

    class Dropped(Message):
        """A worker stopped before these chunks (a newer one replaced it)."""

        def __init__(self, generation: int, chunks: tuple[int, ...]) -> None:
            super().__init__()
            self.generation = generation
            self.chunks = chunks

    class Cached(Message):
        """The whole text is annotated and cached (for the learner's layer ``generation``)."""

        def __init__(self, generation: int) -> None:
            super().__init__()
            self.generation = generation

    class AnnotationFailed(Message):
        """A worker could not annotate the text (a broken vocab file, a missing index)."""

        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    class DictionaryOpened(Message):
        """The dictionary is open for the details panel."""

        def __init__(self, lookup: Lookup) -> None:
            super().__init__()
            self.lookup = lookup

    class StatusesLoaded(Message):
        """Each word's status was read: set by hand, else from its flashcard."""

        def __init__(self, statuses: dict[str, str], problem: str | None = None) -> None:
            super().__init__()
            self.statuses = statuses
            self.problem = problem

    def __init__(self, settings: Settings, text: Text, text_id: str, engine: Engine) -> None:
        super().__init__()
        self.settings = settings
        self.text = text
        self.text_id = text_id
        self.engine = engine
        self.lookup: Lookup | None = None
        self.learner = Learner(settings.vocab)
        self.vocab = Vocab(settings.vocab)
        self.state = ReaderState(raw_sentences(text.content))
        self.vocab_watch = VocabWatch(self.vocab)
        self.options = DisplayOptions(traditional=settings.traditional)
        self.page_view: bool | None = None
        """The page view (more sentences around) or the focused one; None: by height."""
        self.statuses: dict[str, str] = {}
        self._study_settings: StudySettings | None = None  # study.toml, read when asked
        self.quitting = False  # q was pressed while the annotation was being finished
        # The last request handed to a worker, and the requests whose worker began (added
        # by the worker's thread): a worker replaced before it began never says which
        # chunks it dropped, so the next request frees them.
        self._asked: Request | None = None
        self._began: set[int] = set()
        # The time for card statuses and the review (tests set a fixed one).
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)

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
        yield Footer(show_command_palette=False)  # ^p is among the keys

    # -- Annotation: the worker is handed a Request and reads no state ---------------

    def _key(self) -> str:
        stamp = text_stamp(self.settings.cedict, self.settings.context_model)
        return annotation_key(self.text.content, self.settings.vocab, stamp, self.text_id)

    def _cache(self) -> AnnotationCache:
        return AnnotationCache(paths.annotations_dir(self.settings.cache))

    def annotate(self, resegment: bool | None = None) -> None:
        """Ask a worker for the chunks around the current sentence not asked for yet."""
        previous = self._asked
        if previous is not None and id(previous) not in self._began:
            self.state.dropped(previous.generation, previous.chunks)
        self._began.clear()
        request = self._asked = self.state.request()
        self.load(request, resegment, open_lookup=self.lookup is None)

    @work(thread=True, exclusive=True, group="annotate")
    def load(self, request: Request, resegment: bool | None = None,
             open_lookup: bool = False) -> None:
        """The whole annotation from the cache, else the chunks asked for, in order (the
        whole text's annotation is then cached)."""
        worker = get_current_worker()
        self._began.add(id(request))
        started = 0
        try:
            # Here, not on the UI thread: starting the process hands it the whole text.
            self.engine.warm_up()
            if resegment is not None:
                self.engine.reload(resegment)
            key = self._key()
            cached = self._cache().load(key) if resegment is None else None
            if cached is not None and len(cached) == request.count:
                started = len(request.chunks)
                self.post_message(self.Annotated(request.generation, cached))
                self.post_message(self.Cached(request.generation))
                if open_lookup:
                    self._open_lookup()
                return
            for chunk in request.chunks:
                if worker.is_cancelled:
                    return
                started += 1  # a chunk that fails stays asked for: not tried at every move
                sentences = self.engine.annotate(*request.span(chunk))
                self.post_message(self.Annotated(request.generation, sentences))
                if started == 1 and open_lookup:
                    self._open_lookup()
            if request.whole:
                self.engine.save_cache(key)
                self.post_message(self.Cached(request.generation))
        except StudyaidError as exc:
            self.post_message(self.AnnotationFailed(str(exc)))
        except (BrokenExecutor, CancelledError):
            return  # the engine was closed: the reader is quitting
        except Exception:
            # The learner left this text (the library opened another): its engine was
            # stopped under this worker, which has nothing left to do.
            if not worker.is_cancelled:
                raise
        finally:
            if started < len(request.chunks):
                self.post_message(self.Dropped(request.generation, request.chunks[started:]))

    def _open_lookup(self) -> None:
        """Open the dictionary for the details panel (after the engine has built it)."""
        from studyaid.core.engine.services import open_dictionary

        try:
            lookup = Lookup(open_dictionary(self.settings), self.vocab.glosses())
        except StudyaidError as exc:
            self.post_message(self.AnnotationFailed(str(exc)))
            return
        self.post_message(self.DictionaryOpened(lookup))

    @work(thread=True, group="lookup")
    def open_lookup(self) -> None:
        """:meth:`_open_lookup` in a thread of its own; a missing or stale index is
        built by the engine first, in its process (not in this one, whose GIL the screen
        needs)."""
        try:
            if not Dictionary.is_current(self.settings.cache, self.settings.cedict):
                self.engine.prepare()
        except (BrokenExecutor, CancelledError):
            return  # the engine was closed: the reader is quitting
        except StudyaidError as exc:
            self.post_message(self.AnnotationFailed(str(exc)))
            return
        self._open_lookup()

    @on(DictionaryOpened)
    def _dictionary_opened(self, message: DictionaryOpened) -> None:
        self.lookup = message.lookup
        self.refresh_view()

    @on(Annotated)
    def _annotated(self, message: Annotated) -> None:
        if self.state.take(message.generation, message.sentences):
            self.refresh_view()

    @on(Dropped)
    def _dropped(self, message: Dropped) -> None:
        self.state.dropped(message.generation, message.chunks)
        if self.state.wants_annotation:  # the learner went where the worker did not get
            self.annotate()

    @on(Cached)
    def _cached(self, message: Cached) -> None:
        self.state.cached_generation = message.generation
        if self.quitting and message.generation == self.state.generation:
            self.app.exit()  # q was pressed while this was being finished

    @on(AnnotationFailed)
    def _annotation_failed(self, message: AnnotationFailed) -> None:
        self.notify(message.problem, severity="error", timeout=10)
        self.refresh_view()

    def _reannotate(self, resegment: bool) -> None:
        """The learner's layer changed: annotate again, the current sentence first."""
        self.state.restart()
        if self.lookup is not None:
            try:
                self.lookup.glosses = self.vocab.glosses()
            except StudyaidError as exc:
                self.notify(str(exc), severity="error", timeout=10)
        self.refresh_view()
        self.annotate(resegment)

    # -- Statuses ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="statuses")
    def load_statuses(self) -> None:
        """Read every word's status in a thread: hand-set (status.tsv) wins over the
        card's; posts :class:`StatusesLoaded`. The study package (FSRS, the review log) is
        imported here, so opening a text does not wait for it."""
        from studyaid.study.collection import Collection

        try:
            collection = Collection(self.settings.vocab, self.settings.cache)
            statuses = collection.statuses(self.clock()) | self.learner.statuses()
        except StudyaidError as exc:
            self.post_message(self.StatusesLoaded({}, str(exc)))
            return
        self.post_message(self.StatusesLoaded(statuses))

    @on(StatusesLoaded)
    def _statuses_loaded(self, message: StatusesLoaded) -> None:
        if message.problem is not None:
            self.notify(message.problem, severity="error", timeout=10)
            return
        self.statuses = message.statuses
        self.refresh_view()

    # -- The vocab folder --------------------------------------------------------------

    def action_sentence(self, delta: int) -> None:
        """Move by sentences (the screen's; here for the actions that end in a move)."""
        raise NotImplementedError

    @property
    def study_settings(self) -> StudySettings:
        """``study.toml`` (read once, and again when it changes; a broken one is shown
        once and the defaults stand)."""
        if self._study_settings is None:
            try:
                self._study_settings = load_settings(self.settings.vocab)
            except StudyaidError as exc:
                self.notify(str(exc), severity="error", timeout=10)
                self._study_settings = StudySettings()
        return self._study_settings

    def check_files(self) -> set[str]:
        """Re-read the files another process changed since the last look; their names."""
        changes = self.vocab_watch.look()
        if changes.problem is not None:
            self.notify(f"{changes.problem} (fix the file: nothing is saved into it until"
                        " then)", severity="error", timeout=15)
        elif changes.reannotate:
            self._reannotate(resegment=changes.resegment)
        elif changes.redraw:
            self.refresh_view()
        if changes.statuses:
            self.load_statuses()
        if changes.settings:
            self._study_settings = None  # read again when next asked for
        return set(changes.names)

    def on_screen_resume(self) -> None:
        """Back from another screen (the review, the dictionary, a prompt): anything may
        have changed, and is taken up here, once."""
        self.check_files()

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
            self.vocab_watch.forget()  # our own change: nothing to re-read
        return True

    # -- Drawing -----------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Push the state into the widgets (the only place they are updated)."""
        state = self.state
        sentence, index, sentences = state.sentence, state.index, state.sentences
        cells = self.query_one(SentenceView).content_size.width or self.size.width - 6
        options = self.options
        page = self.page_view if self.page_view is not None else (
            self.size.height >= PAGE_MIN_HEIGHT)
        if page:
            # The page view: as many sentences around as the height allows (Pleco's
            # reader), the current one in place; half the rows left above, half below.
            rows = max(2, (self.size.height - 18) // 2)
            near = 12  # sentences looked at each way, at most
            before = [in_script(sentences[i].text, options)
                      for i in range(index - 1, max(-1, index - 1 - near), -1)]
            after = [in_script(sentences[i].text, options)
                     for i in range(index + 1, min(len(sentences), index + 1 + near))]
            texts = (page_lines(before, cells, rows, tail=True), page_lines(after, cells, rows))
        else:
            before_one = sentences[index - 1].text if index > 0 else ""
            after_one = sentences[index + 1].text if index + 1 < len(sentences) else ""
            texts = (context_lines(in_script(before_one, options), cells, tail=True),
                     context_lines(in_script(after_one, options), cells))
        for name, context in zip(("#previous", "#next"), texts, strict=True):
            widget = self.query_one(name, Static)
            widget.update(context)
            widget.display = bool(context)
            widget.set_class(page, "page")
        view = self.query_one(SentenceView)
        view.sentence = sentence
        view.options = self.options
        view.statuses = self.statuses
        view.cursor = state.cursor
        self.query_one("#notes", Static).update(self._notes())
        self.query_one("#status", Static).update(self._status_line())
        token = state.token
        status = self.statuses.get(token.text, NEW) if token else NEW
        idioms = state.idioms_of(token) if token else []
        self.query_one(DetailsPanel).show(details_text(self.lookup, token, idioms, status))
        self.call_after_refresh(self._scroll_to_cursor)

    def _scroll_to_cursor(self) -> None:
        view = self.query_one(SentenceView)
        if self.state.cursor is None:
            return
        layout = view._layout(view.content_size.width)
        region = next((r for r in layout.regions if r.index == self.state.cursor), None)
        if region is None:
            return
        top = view.virtual_region.y + region.y
        reading = self.query_one("#reading", VerticalScroll)
        reading.scroll_to_region(Region(0, top, 1, 2), animate=False, immediate=True)

    def _notes(self) -> RichText:
        out = RichText()
        sentence = self.state.sentence
        for idiom in sentence.idioms:
            out.append_text(idiom_text(idiom, full=False))
            out.append("\n")
        shown = None
        try:
            shown = self.learner.translation(self.text_id, self.state.index, sentence.text)
        except StudyaidError as exc:
            out.append(str(exc), "red")
        if shown is not None:
            out.append("» ", "bold")
            out.append(shown.english, "italic")
            if shown.stale:
                out.append("  (stale: the sentence has changed)", "yellow")
        out.rstrip()
        return out

    def _title(self) -> str:
        """The text's name as the status line shows it."""
        return "seed article" if self.text_id == "seed" else Path(self.text.name).name

    def _status_line(self) -> RichText:
        name = self._title()
        out = RichText()
        out.append(name, "bold")
        out.append(f"  sentence {self.state.index + 1}/{len(self.state.sentences)}")
        o = self.options
        spoken = " · spoken tones" if o.spoken else ""
        script = f"traditional ({o.traditional})" if o.script == "traditional" else o.script
        out.append(f"  pinyin {o.pinyin} · tones {'on' if o.tones else 'off'} · {script}"
                   f"{spoken}", "grey62")
        if self.state.search_query:
            out.append(f"  /{self.state.search_query}", "grey62")
        if self.state.busy:
            out.append("  loading pinyin…", "yellow")
        return out
