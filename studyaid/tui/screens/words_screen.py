"""The word list: every word the learner glossed, marked or carded, in a table to
filter, sort and edit. Loading runs in a thread worker (the review log may be long);
every change is written to the vocab folder first, then shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static
from textual.widgets.data_table import ColumnKey

from studyaid import paths
from studyaid.core.dictionary.word_report import learner_texts
from studyaid.core.engine.services import open_dictionary
from studyaid.core.engine.settings import Settings
from studyaid.core.errors import StudyaidError
from studyaid.core.nlp.pinyin import join_word, to_marks
from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import KNOWN, LEARNING, NEW, STATUSES, Learner
from studyaid.tui.bindings import WORDS_BINDINGS
from studyaid.tui.layout import fit_cells
from studyaid.tui.screens.confirm_screen import ConfirmScreen
from studyaid.tui.screens.help_screen import HelpScreen
from studyaid.tui.screens.prompt_screen import PromptScreen

if TYPE_CHECKING:  # the study package (fsrs) loads in the worker
    from studyaid.study.word_list import WordRow

COLUMNS = ("word", "reading", "gloss", "status", "due", "source")
STATUS_STYLE = {NEW: "grey62", LEARNING: "#ffaf00", KNOWN: "#5fd75f"}
GLOSS_CELLS = 36
"""The least a gloss gets in the table; it takes the width the other columns leave (the
prompt shows it whole)."""
OTHER_CELLS = 62
"""What the columns other than the gloss take, with the table's padding."""


def sort_key(column: str, now: datetime) -> Callable[[WordRow], tuple]:
    """How rows sort by one column (a word without a card sorts after every due time)."""
    order = {NEW: 0, LEARNING: 1, KNOWN: 2}
    keys: dict[str, Callable[[WordRow], tuple]] = {
        "word": lambda r: (r.word,),
        "reading": lambda r: (" ".join(r.reading), r.word),
        "gloss": lambda r: (r.gloss.lower(), r.word),
        "status": lambda r: (order[r.status], r.word),
        "due": lambda r: (r.due is None, r.due or now, r.word),
        "source": lambda r: (r.source == "", r.source, r.word),
    }
    return keys[column]


class WordsScreen(Screen[None]):
    """The learner's words in a DataTable."""

    BINDINGS = WORDS_BINDINGS  # type: ignore[assignment]

    class Loaded(Message):
        """The word list was read (or could not be: ``problem``)."""

        def __init__(self, rows: list[WordRow], marks: dict[str, str],
                     problem: str | None = None) -> None:
            super().__init__()
            self.rows = rows
            self.marks = marks
            self.problem = problem

    def __init__(self, settings: Settings, clock: Callable[[], datetime] | None = None) -> None:
        """``clock`` gives "now" for the due column (tests fix it)."""
        super().__init__()
        self.settings = settings
        self.clock = clock or (lambda: datetime.now(UTC))
        self.vocab = Vocab(settings.vocab)
        self.learner = Learner(settings.vocab)
        self.rows: list[WordRow] = []
        self.marks: dict[str, str] = {}
        self.needle = ""
        self.column = "word"
        self.reverse = False
        self.loaded = False

    def compose(self) -> ComposeResult:
        """Status line, the filter, the table, the footer."""
        yield Static(Text("Words  loading…", "bold"), id="words-status")
        yield Input(placeholder="filter: part of a word, reading, gloss, status or text",
                    id="words-filter")
        yield DataTable(id="words-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """The columns at once; the rows from a thread."""
        table = self.query_one(DataTable)
        for name in COLUMNS:
            table.add_column(name, key=name)
        # Typing goes to the filter first (typed letters must never run a key on the
        # table: "ling" then Enter once edited the top row's gloss); Enter or ↓: the list.
        self.query_one(Input).focus()
        if not paths.dictionary_index(self.settings.cache).exists():
            self.query_one("#words-status", Static).update(Text.assemble(
                ("Words", "bold"), ("  loading… the first run builds the dictionary index"
                                    " (a few seconds)", "grey62")))
        self.load()

    @work(thread=True, exclusive=True, group="words")
    def load(self) -> None:
        """Read the glosses, statuses, cards and their due times; posts :class:`Loaded`."""
        from studyaid.study.word_list import word_rows

        try:
            dictionary = open_dictionary(self.settings)

            def reading_of(word: str) -> tuple[str, ...]:
                entries = dictionary.entries(word)
                return tuple(entries[0].syllables) if entries else ()

            rows = word_rows(self.settings.vocab, self.settings.cache, self.clock(),
                             reading_of)
            # A word without a card has no source of its own: the first of the learner's
            # texts that uses it.
            texts = learner_texts(self.settings.vocab, paths.seed_text())
            rows = [r if r.source else replace(r, source=next(
                (title for title, content in texts if r.word in content), ""))
                for r in rows]
            syllables = {s for row in rows for s in row.reading}
            marks = {s: to_marks(s) for s in syllables}
        except StudyaidError as exc:
            self.post_message(self.Loaded([], {}, str(exc)))
            return
        self.post_message(self.Loaded(rows, marks))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.problem is not None:
            self.notify(message.problem, severity="error", timeout=10)
            self.query_one("#words-status", Static).update(Text("Words", "bold"))
            return
        self.rows, self.marks, self.loaded = message.rows, message.marks, True
        self.redraw()

    # -- Drawing -----------------------------------------------------------------------

    def shown(self) -> list[WordRow]:
        """The rows that pass the filter, in the chosen order."""
        rows = [r for r in self.rows if r.matches(self.needle)]
        return sorted(rows, key=sort_key(self.column, self.clock()), reverse=self.reverse)

    def _cells(self, row: WordRow) -> tuple[Text | str, ...]:
        now = self.clock()
        if row.due is None:
            due = Text("")
        elif row.due <= now:
            due = Text("now", "bold")
        else:
            due = Text(row.due.strftime("%Y-%m-%d"))
        reading = join_word([self.marks.get(s, s) for s in row.reading])
        cells = max(GLOSS_CELLS, self.size.width - OTHER_CELLS)
        return (row.word, reading, fit_cells(row.gloss, cells),
                Text(row.status, STATUS_STYLE[row.status]), due, row.source)

    def redraw(self, keep: str | None = None) -> None:
        """Fill the table from the state; the cursor stays on ``keep`` (or its row)."""
        table = self.query_one(DataTable)
        if keep is None and table.row_count:
            keep = self.current()
        at = table.cursor_row
        rows = self.shown()
        table.clear()
        for name in COLUMNS:
            chosen = name == self.column
            label = name + ((" ▼" if self.reverse else " ▲") if chosen else "")
            table.columns[ColumnKey(name)].label = Text(label, "bold" if chosen else "")
        for row in rows:
            table.add_row(*self._cells(row), key=row.word)
        words = [r.word for r in rows]
        if keep in words:
            at = words.index(keep)
        if rows:
            table.move_cursor(row=min(at, len(rows) - 1))
        status = Text("Words", "bold")
        status.append(f"  {len(rows)} of {len(self.rows)}" if self.needle
                      else f"  {len(self.rows)}", "grey62")
        status.append(f"  sorted by {self.column}{' (reversed)' if self.reverse else ''}",
                      "grey62")
        self.query_one("#words-status", Static).update(status)

    def current(self) -> str | None:
        """The word under the cursor."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    def _row(self, word: str) -> WordRow | None:
        return next((r for r in self.rows if r.word == word), None)

    def _replace(self, word: str, row: WordRow | None) -> None:
        """Put a changed row in place (None: remove it), then redraw."""
        rows = [row if r.word == word else r for r in self.rows]
        self.rows = [r for r in rows if r is not None]
        self.redraw(keep=word)

    # -- Events ----------------------------------------------------------------------

    @on(Input.Changed, "#words-filter")
    def _filtered(self, event: Input.Changed) -> None:
        self.needle = event.value
        if self.loaded:
            self.redraw()

    @on(Input.Submitted, "#words-filter")
    def _filter_done(self) -> None:
        self.query_one(DataTable).focus()

    def key_down(self, event: events.Key) -> None:
        """↓ in the filter goes to the list, on the row the cursor was on (in the list
        it moves the cursor)."""
        if self.query_one(Input).has_focus:
            event.prevent_default()
            event.stop()
            self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        """The gloss column takes the new width."""
        if self.loaded:
            self.redraw()

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        self.reverse = not self.reverse if column == self.column else False
        self.column = column
        self.redraw()

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_gloss()

    # -- Actions ---------------------------------------------------------------------

    def action_filter(self) -> None:
        """To the filter."""
        self.query_one(Input).focus()

    def action_sort(self) -> None:
        """Sort by the next column."""
        self.column = COLUMNS[(COLUMNS.index(self.column) + 1) % len(COLUMNS)]
        self.reverse = False
        self.redraw()

    def action_reverse(self) -> None:
        """Reverse the order."""
        self.reverse = not self.reverse
        self.redraw()

    def _save(self, write: Callable[[], object]) -> bool:
        try:
            write()
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return False
        return True

    def action_gloss(self) -> None:
        """Edit the word's gloss in a prompt (empty removes it)."""
        word = self.current()
        row = self._row(word) if word else None
        if word is None or row is None:
            return
        current = row.gloss if row.glossed else ""

        def done(value: str | None) -> None:
            if value is None or row is None:
                return
            if value.strip():
                if self._save(lambda: self.vocab.set_gloss(word, value)):
                    self._replace(word, replace(row, gloss=" ".join(value.split()),
                                                glossed=True))
            elif row.glossed:
                own = self.vocab.glosses().get(word)
                if own is not None and (own.reading or own.note):
                    # Only the gloss text goes; the reading and note stay. Ask first.
                    kept = " and ".join(what for what, there in (
                        (f"reading {' '.join(own.reading)}", own.reading),
                        ("note", own.note)) if there)
                    self.app.push_screen(ConfirmScreen(
                        f"Remove your gloss of {word}? (its {kept} stay)"), clear)
                else:
                    clear(True)

        def clear(yes: bool | None) -> None:
            if not yes or row is None:
                return
            entries: list[object] = []
            if self._save(lambda: entries.append(self.vocab.clear_gloss(word))):
                still = entries[0] is not None or row.marked or row.carded
                self._replace(word, replace(row, gloss="", glossed=entries[0] is not None)
                              if still else None)

        self.app.push_screen(PromptScreen(f"Gloss for {word}", current), done)

    def action_status(self) -> None:
        """The word's status, on to the next: new, learning, known."""
        word = self.current()
        row = self._row(word) if word else None
        if word is None or row is None:
            return
        status = STATUSES[(STATUSES.index(row.status) + 1) % len(STATUSES)]
        if self._save(lambda: self.learner.set_status(word, status)):
            self._replace(word, replace(row, status=status, marked=status != NEW))

    def action_delete(self) -> None:
        """Delete the word from the glosses, statuses and cards, once confirmed."""
        word = self.current()
        if word is None:
            return

        def done(yes: bool | None) -> None:
            if not yes:
                return
            from studyaid.study.word_list import delete_word

            removed: list[str] = []
            if self._save(lambda: removed.extend(delete_word(self.settings.vocab, word))):
                self._replace(word, None)
                self.notify(f"{word} deleted from {', '.join(removed) or 'nothing'}")

        self.app.push_screen(
            ConfirmScreen(f"Delete {word}: its gloss, status and card? (its reviews stay"
                          " in the log)"), done)

    def action_help(self) -> None:
        """Every key, from the bindings."""
        self.app.push_screen(HelpScreen(WORDS_BINDINGS))

    def action_leave(self) -> None:
        """From the filter to the table; from the table back, or out."""
        if self.query_one(Input).has_focus:
            self.query_one(DataTable).focus()
        elif len(self.app.screen_stack) > 1:
            self.dismiss(None)
        else:
            self.app.exit()
