"""The library: every text the learner can read, with its length, progress and difficulty.

A thread worker lists the texts and reads their cached profiles (rows appear at once),
then profiles the others one by one, posting each as it is ready; handlers keep the
rows and redraw the table. Enter opens a text: the screen posts :class:`Chosen` and the
app opens a reader on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from rich.text import Text as RichText
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import get_current_worker

from studyaid.core.engine.profile import Profiler, profile
from studyaid.core.engine.settings import Settings
from studyaid.core.errors import StudyaidError
from studyaid.core.text.library import Entry, Shelves, list_texts, title_of
from studyaid.core.text.sentences import split_sentences
from studyaid.core.vocab.learner import Learner
from studyaid.tui.bindings import LIBRARY_BINDINGS, LIBRARY_COLUMNS
from studyaid.tui.library_rows import (
    HSK_CELLS,
    KNOWN_CELLS,
    LibraryRow,
    cells,
    ordered,
    read_entry,
)
from studyaid.tui.screens.help_screen import HelpScreen

HEADERS = {
    "title": ("Title", 0), "characters": ("Chars", 7), "sentences": ("Sent", 6),
    "progress": ("Read", 6), "known": ("Known", KNOWN_CELLS + 5),
    "hsk": ("HSK mix", HSK_CELLS), "idioms": ("Idioms", 8),
}
"""Each column's label and width in cells (room for the sort mark); the title takes what
the others leave."""
TITLE_CELLS = (14, 48)
"""The narrowest and widest the title column gets."""


class LibraryScreen(Screen[None]):
    """The texts in a sortable table; Enter reads one."""

    BINDINGS = LIBRARY_BINDINGS  # type: ignore[assignment]

    class Listed(Message):
        """The texts were listed (with their cached profiles); ``problems`` to show."""

        def __init__(self, generation: int, rows: list[LibraryRow], problems: list[str]) -> None:
            super().__init__()
            self.generation = generation
            self.rows = rows
            self.problems = problems

    class Profiled(Message):
        """One more text's profile is ready (``done`` of ``total`` so far)."""

        def __init__(self, generation: int, row: LibraryRow, done: int, total: int) -> None:
            super().__init__()
            self.generation = generation
            self.row = row
            self.done = done
            self.total = total

    class Chosen(Message):
        """The learner chose a text to read."""

        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, settings: Settings, shelves: Shelves) -> None:
        super().__init__()
        self.settings = settings
        self.shelves = shelves
        self.rows: dict[str, LibraryRow] = {}
        self.sort_column = "title"
        self.reverse = False
        self.waiting: tuple[int, int] | None = None  # (profiled, of) while profiling
        self.generation = 0  # bumped by each listing: a cancelled worker's news is old
        # The time for card statuses (tests set a fixed one).
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    def compose(self) -> ComposeResult:
        """A status line, the table, the footer."""
        yield Static(id="library-status")
        # The bars keep their colours on the cursor's row.
        yield DataTable(id="library", cursor_type="row", zebra_stripes=True,
                        cursor_foreground_priority="renderable")
        yield Footer()

    def on_mount(self) -> None:
        """The (empty) table at once, then the texts from a worker."""
        self._show()
        self.load()

    def on_resize(self) -> None:
        """The title column takes the width the others leave."""
        self._show()

    def _title_cells(self) -> int:
        others = sum(width + 2 for key, (_, width) in HEADERS.items() if key != "title")
        low, high = TITLE_CELLS
        return max(low, min(high, self.size.width - others - 4))

    def on_screen_resume(self) -> None:
        """Back from a text: its progress and the known words have changed."""
        if self.rows:
            self.load()

    # -- The worker: it computes and posts; the handlers change the rows --------------

    def load(self) -> None:
        """List the texts again (a worker still profiling for the last listing stops)."""
        self.generation += 1
        self._load(self.generation)

    @work(thread=True, exclusive=True, group="library")
    def _load(self, generation: int) -> None:
        """List the texts with their cached profiles, then profile the others."""
        worker = get_current_worker()
        learner = Learner(self.settings.vocab)
        entries, problems = list_texts(self.shelves, learner)
        statuses = self._statuses(learner, problems)
        try:
            positions = learner.positions()
        except StudyaidError:
            positions = {}  # list_texts has reported it
        profiler = Profiler(self.settings)
        rows: list[LibraryRow] = []
        contents: dict[str, str] = {}
        for entry in entries:
            try:
                content = read_entry(entry).content
            except StudyaidError as exc:
                rows.append(LibraryRow(entry, entry.name, problem=exc.message))
                continue
            contents[entry.text_id] = content
            counts = profiler.cached(content)
            rows.append(LibraryRow(
                entry, title_of(content, entry.name),
                characters=sum(1 for ch in content if not ch.isspace()),
                sentences=len(split_sentences(content)),
                position=positions.get(entry.text_id),
                profile=profile(counts, statuses) if counts is not None else None,
            ))
        self.post_message(self.Listed(generation, rows, problems))
        pending = [r for r in rows if r.profile is None and r.problem is None]
        for done, row in enumerate(pending, 1):
            if worker.is_cancelled:
                return
            try:
                counts = profiler.counts(contents[row.entry.text_id])
            except StudyaidError as exc:
                self.post_message(self.Profiled(generation, replace(row, problem=str(exc)),
                                                done, len(pending)))
                continue
            self.post_message(self.Profiled(
                generation, replace(row, profile=profile(counts, statuses)), done, len(pending)))

    def _statuses(self, learner: Learner, problems: list[str]) -> dict[str, str]:
        """Each word's status: set by hand, else from its card (as the reader has it)."""
        from studyaid.study.collection import Collection

        try:
            collection = Collection(self.settings.vocab, self.settings.cache)
            return collection.statuses(self.clock()) | learner.statuses()
        except StudyaidError as exc:
            problems.append(str(exc))
            return {}

    @on(Listed)
    def _listed(self, message: Listed) -> None:
        if message.generation != self.generation:
            return
        self.rows = {row.entry.text_id: row for row in message.rows}
        pending = sum(1 for r in message.rows if r.profile is None and r.problem is None)
        self.waiting = (0, pending) if pending else None
        for problem in message.problems:
            self.notify(problem, severity="warning", timeout=10)
        self._show()

    @on(Profiled)
    def _profiled(self, message: Profiled) -> None:
        if message.generation != self.generation:
            return
        self.rows[message.row.entry.text_id] = message.row
        self.waiting = (message.done, message.total) if message.done < message.total else None
        self._show()

    # -- Drawing -----------------------------------------------------------------------

    def _show(self) -> None:
        """Redraw the table in the current order, the cursor staying on its text."""
        table = self.query_one(DataTable)
        here = None
        if table.row_count:
            here = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        table.clear(columns=True)
        title_cells = self._title_cells()
        for key in LIBRARY_COLUMNS:
            label, width = HEADERS[key]
            if key == self.sort_column:
                label += " ▼" if self.reverse else " ▲"
            table.add_column(label, width=width or title_cells, key=key)
        for row in ordered(list(self.rows.values()), self.sort_column, self.reverse):
            table.add_row(*cells(row, title_cells), key=row.entry.text_id)
        if here in self.rows:
            table.move_cursor(row=table.get_row_index(here), animate=False)
        self._status()

    def _status(self) -> None:
        out = RichText()
        out.append("Library", "bold")
        out.append(f"  {len(self.rows)} texts" if self.rows else "  listing the texts…")
        if self.waiting is not None:
            done, total = self.waiting
            out.append(f"  profiling {done + 1} of {total}…", "yellow")
        out.append("  1-7 sort · Enter reads", "grey62")
        self.query_one("#library-status", Static).update(out)

    # -- Actions ---------------------------------------------------------------------

    def action_sort(self, column: str) -> None:
        """Sort by ``column``; again reverses the order."""
        if column == self.sort_column:
            self.reverse = not self.reverse
        else:
            self.sort_column, self.reverse = column, False
        self._show()

    @on(DataTable.HeaderSelected)
    def _header(self, message: DataTable.HeaderSelected) -> None:
        self.action_sort(str(message.column_key.value))

    @on(DataTable.RowSelected)
    def _row_selected(self, message: DataTable.RowSelected) -> None:
        message.stop()
        self._open(message.row_key.value)

    def action_open(self) -> None:
        """Read the text under the cursor."""
        table = self.query_one(DataTable)
        if table.row_count:
            self._open(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _open(self, text_id: str | None) -> None:
        row = self.rows.get(text_id or "")
        if row is not None:
            self.post_message(self.Chosen(row.entry))

    def action_reload(self) -> None:
        """List the texts again."""
        self.load()

    def action_back(self) -> None:
        """Back to the reader this was opened from (nothing when it is the first screen)."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_help(self) -> None:
        """Every key, from the bindings."""
        self.app.push_screen(HelpScreen(LIBRARY_BINDINGS))
