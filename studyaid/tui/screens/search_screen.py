"""The dictionary search screen: type hanzi, pinyin or English, see results as you type,
choose one to see everything about it; edit its gloss or make it a card from there.

Searching runs in a thread worker, one search at a time: keystrokes that arrive while
one runs are coalesced into the next search (a debounce with no delay), and results for
a query that is no longer the one typed are dropped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from studyaid import paths
from studyaid.core.dictionary.idioms import IdiomFinder, load_notes
from studyaid.core.dictionary.index import Entry
from studyaid.core.dictionary.lookup import Lookup
from studyaid.core.dictionary.word_report import WordReport, learner_texts, word_report
from studyaid.core.engine.services import open_dictionary
from studyaid.core.engine.settings import Settings
from studyaid.core.errors import StudyaidError
from studyaid.core.output.player import Speaker
from studyaid.core.vocab.glosses import Vocab
from studyaid.tui.bindings import SEARCH_BINDINGS
from studyaid.tui.layout import fit_cells
from studyaid.tui.screens.help_screen import HelpScreen
from studyaid.tui.screens.prompt_screen import PromptScreen
from studyaid.tui.speaker import make_speaker
from studyaid.tui.widgets.details_panel import DetailsPanel, report_text
from studyaid.tui.widgets.result_list import ResultList

RESULTS = 30
SLOW_SEARCH = 0.05
"""A search slower than this (seconds) sends the next one to a worker thread."""
"""Results shown for one search: a screenful and a little more (the list renders every
one of them to measure it, on each keystroke)."""


def result_line(entry: Entry, width: int) -> Content:
    """One result: headword (and traditional), reading, first definitions, in ``width``
    cells (as Content, which the list draws without converting it)."""
    head = entry.simplified
    if entry.traditional != entry.simplified:
        head += f"[{entry.traditional}]"
    reading = f" {entry.pinyin_marks} "
    rest = max(4, width - cell_len(head) - cell_len(reading))
    line = Content.assemble((head, "bold"), (reading, "#87d7af"),
                            fit_cells("; ".join(entry.definitions[:3]), rest))
    # A long headword and reading leave no room: the line is cut, never wrapped.
    return line.truncate(width, ellipsis=True) if line.cell_length > width else line


class SearchScreen(Screen[None]):
    """Looks words up in CC-CEDICT and the learner's glosses."""

    BINDINGS = SEARCH_BINDINGS  # type: ignore[assignment]

    class DictionaryOpened(Message):
        """The services are ready: the dictionary with the learner's glosses, the idiom
        finder, and the learner's texts (title, content) for examples."""

        def __init__(self, lookup: Lookup, idioms: IdiomFinder | None,
                     texts: list[tuple[str, str]]) -> None:
            super().__init__()
            self.lookup = lookup
            self.idioms = idioms
            self.texts = texts

    class OpenFailed(Message):
        """The dictionary or the learner's files could not be opened (a broken vocab
        file): the learner sees why."""

        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    class Searched(Message):
        """One search finished (stale results are dropped by the screen)."""

        def __init__(self, query: str, entries: list[Entry]) -> None:
            super().__init__()
            self.query = query
            self.entries = entries

    class Reported(Message):
        """Everything about one word was gathered."""

        def __init__(self, report: WordReport) -> None:
            super().__init__()
            self.report = report

    def __init__(self, settings: Settings, query: str = "",
                 clock: Callable[[], datetime] | None = None) -> None:
        """``query`` is typed in at once; ``clock`` dates new cards (tests fix it)."""
        super().__init__()
        self.settings = settings
        self.vocab = Vocab(settings.vocab)
        self.initial = query
        self.clock = clock or (lambda: datetime.now(UTC))
        self.lookup: Lookup | None = None
        self.idioms: IdiomFinder | None = None
        self.texts: list[tuple[str, str]] = []
        self.wanted = ""  # what the search box holds
        self.searching = False
        self.slow_search = False  # the last search was slow: the next goes to a thread
        self.shown_query: str | None = None  # the query whose results are on screen
        self.results: list[Entry] = []
        self.speaker: Speaker | None = None
        self.report: WordReport | None = None

    def compose(self) -> ComposeResult:
        """Status line, the search box, results beside the chosen entry, the footer."""
        yield Static(Text("Dictionary", "bold"), id="search-status")
        yield Input(self.initial, placeholder="hanzi, pinyin (fudichouxin, fu3di3) or English",
                    id="search-input")
        with Horizontal(id="search-body"):
            yield ResultList(id="search-results")
            yield DetailsPanel(id="search-entry")
        yield Footer()

    def on_mount(self) -> None:
        """Open the dictionary in a thread; the search box has the focus."""
        self.query_one(DetailsPanel).show(report_text(None))
        box = self.query_one(Input)
        box.focus()
        # Searched the moment the box's text changes, not when its Changed message comes
        # round: the results are drawn in the same frame as the key's echo.
        self.watch(box, "value", self._value_changed, init=False)
        self.wanted = self.initial.strip()
        self.open_dictionary()

    # -- Workers: they compute and post messages; handlers change the state ------------

    @work(thread=True, group="dictionary")
    def open_dictionary(self) -> None:
        """The dictionary, the learner's glosses, the idioms, the texts for examples."""
        try:
            lookup = Lookup(open_dictionary(self.settings), self.vocab.glosses())
            idioms = IdiomFinder(lookup.dictionary, load_notes())
            texts = learner_texts(self.settings.vocab, paths.seed_text())
        except StudyaidError as exc:
            self.post_message(self.OpenFailed(str(exc)))
            return
        self.post_message(self.DictionaryOpened(lookup, idioms, texts))

    @work(thread=True, group="search")
    def search(self, lookup: Lookup, query: str) -> None:
        """One search; posts :class:`Searched` (empty if it failed, so that the next
        search still runs)."""
        entries: list[Entry] = []
        try:
            entries = lookup.dictionary.search(query, RESULTS)
        finally:
            self.post_message(self.Searched(query, entries))

    @work(thread=True, exclusive=True, group="report")
    def gather(self, lookup: Lookup, word: str) -> None:
        """Everything about one word; posts :class:`Reported`."""
        self.post_message(self.Reported(word_report(lookup, word, self.idioms, self.texts)))

    # -- Handlers --------------------------------------------------------------------

    @on(DictionaryOpened)
    def _ready(self, message: DictionaryOpened) -> None:
        self.lookup, self.idioms, self.texts = message.lookup, message.idioms, message.texts
        self._search_next()

    @on(OpenFailed)
    def _failed(self, message: OpenFailed) -> None:
        self.notify(message.problem, severity="error", timeout=10)

    def _value_changed(self, value: str) -> None:
        self.wanted = value.strip()
        self._search_next()

    def _search_next(self) -> None:
        """Search for what is typed, unless a search is running (it calls back here).
        The query runs here, on the UI thread (under a millisecond for most queries; a
        worker thread and its message cost more than the search), and in a worker only
        when the last one was slow (a rare English word over the whole index)."""
        if self.lookup is None or self.searching or self.wanted == self.shown_query:
            return
        if self.slow_search:
            self.searching = True
            self.search(self.lookup, self.wanted)
            return
        started = time.perf_counter()
        try:
            entries = self.lookup.dictionary.search(self.wanted, RESULTS)
        except Exception:  # the worker reports it the way a failed search always has
            self.slow_search = True
            self._search_next()
            return
        self.slow_search = time.perf_counter() - started > SLOW_SEARCH
        self._searched(self.Searched(self.wanted, entries))

    @on(Searched)
    def _searched(self, message: Searched) -> None:
        if self.searching:  # a worker's: the next search is tried here again
            self.slow_search = False
        self.searching = False
        if message.query != self.wanted:  # typed on meanwhile: these are stale
            self._search_next()
            return
        self.shown_query = message.query
        self.results = message.entries
        self._fill()
        if self.results and self.initial and message.query == self.initial.strip() \
                and self.report is None:
            self._show(0)  # opened on a word (d in the reader): its entry at once
        elif self.report is not None and self.report.word not in {
                e.simplified for e in self.results[:1]}:
            # The entry shown belongs to another query: it would read as this one's.
            self.report = None
            self.query_one(DetailsPanel).show(report_text(None))
        count = len(self.results)
        status = Text("Dictionary", "bold")
        if message.query:
            status.append(f"  {count}{'+' if count == RESULTS else ''} result"
                          f"{'' if count == 1 else 's'} for {message.query}", "grey62")
        # One line of a fixed height: no layout of the screen for it.
        self.query_one("#search-status", Static).update(status, layout=False)

    def _fill(self) -> None:
        """The results into the list, each cut to its width (before the first layout,
        the list's share of the screen)."""
        options = self.query_one(OptionList)
        width = options.size.width or self.size.width * 2 // 5
        # Less the option's padding (2) and the scrollbar a full list shows (1): a line
        # one cell too long would wrap onto a second.
        lines = [Option(result_line(e, max(10, width - 3))) for e in self.results]
        highlighted = options.highlighted
        options.set_options(lines)
        if self.results:
            keep = highlighted if highlighted is not None and options.has_focus else 0
            options.highlighted = min(keep, len(self.results) - 1)

    def on_resize(self) -> None:
        """The results are cut to the new width."""
        self._fill()

    @on(OptionList.OptionHighlighted, "#search-results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Only once the learner is in the list: not on every keystroke in the search box.
        if self.query_one(OptionList).has_focus:
            self._show(event.option_index)

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._show(event.option_index)

    def _show(self, index: int) -> None:
        if self.lookup is not None and 0 <= index < len(self.results):
            self.gather(self.lookup, self.results[index].simplified)

    @on(Reported)
    def _reported(self, message: Reported) -> None:
        self.report = message.report
        self.query_one(DetailsPanel).show(report_text(message.report))

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        self.action_results()

    # -- Actions ---------------------------------------------------------------------

    def action_results(self) -> None:
        """From the search box to the results, showing the one highlighted."""
        options = self.query_one(OptionList)
        if not self.results:
            return
        options.focus()
        if options.highlighted is None:
            options.highlighted = 0
        self._show(options.highlighted)

    def action_type(self) -> None:
        """Back to the search box."""
        self.query_one(Input).focus()

    def _word(self) -> str | None:
        if self.report is None:
            self.notify("choose a result first (↓ or Enter)")
            return None
        return self.report.word

    def _reload(self) -> None:
        """The learner's glosses changed: read them again and redraw the entry."""
        if self.lookup is None:
            return
        try:
            self.lookup.glosses = self.vocab.glosses()
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        if self.report is not None:
            self.gather(self.lookup, self.report.word)

    def action_gloss(self) -> None:
        """Edit the word's gloss (empty removes the learner's own)."""
        word = self._word()
        if word is None or self.report is None:
            return
        current = self.report.gloss.gloss if self.report.gloss else ""
        target = self.report.gloss.word if self.report.gloss else word

        def done(value: str | None) -> None:
            if value is None:
                return
            try:
                if value.strip():
                    self.vocab.set_gloss(target, value)
                else:
                    self.vocab.remove_gloss(target)
            except StudyaidError as exc:
                self.notify(str(exc), severity="error", timeout=10)
                return
            self._reload()

        self.app.push_screen(PromptScreen(f"Gloss for {word}", current), done)

    def action_card(self) -> None:
        """Add the word to the flashcards (with a sentence of the learner's, if any)."""
        word = self._word()
        if word is None or self.report is None or self.lookup is None:
            return
        from studyaid.study import CardStore, card_from_entry  # only when carding

        examples = self.report.examples
        try:
            card = card_from_entry(self.lookup, word,
                                   examples[0].sentence if examples else "", now=self.clock())
            added = CardStore(self.settings.vocab).add(card)
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.notify(f"{word} added to the flashcards" if added
                    else f"{word} is already in the flashcards")

    def action_hear(self) -> None:
        """Say the highlighted entry, in its reading."""
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.results):
            return
        if self.speaker is None:
            self.speaker = make_speaker(self, self.settings.cache)
        self.speaker.say_word(self.results[index].syllables)

    def action_help(self) -> None:
        """Every key, from the bindings."""
        self.app.push_screen(HelpScreen(SEARCH_BINDINGS))

    def action_leave(self) -> None:
        """Back to the reader, or out when opened on its own."""
        if len(self.app.screen_stack) > 1:
            self.dismiss(None)
        else:
            self.app.exit()
