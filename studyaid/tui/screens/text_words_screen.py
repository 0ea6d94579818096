"""A text's words before reading it (``W`` in the reader), and sentences to learn from
(``i``: :class:`MineScreen`). The words: every distinct word with its
count, HSK level, status and gloss, to filter and sort, and to act on many at once (mark
the shown or selected words known or learning, card them). It returns the sentence to
go to (Enter) or None.

The rows are computed in a thread (:mod:`studyaid.core.engine.text_words`); what it writes
goes through the reader's own writers, given as callables, so that every change is one
change of the undo journal and the reader shows it when this screen closes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from studyaid.core.dictionary.hsk import BANDS
from studyaid.core.engine.text_words import Mined, TextWord
from studyaid.core.errors import StudyaidError
from studyaid.core.vocab.learner import KNOWN, LEARNING, NEW
from studyaid.tui.bindings import MINE_BINDINGS, TEXT_WORDS_BINDINGS
from studyaid.tui.layout import fit_cells
from studyaid.tui.screens.help_screen import HelpScreen
from studyaid.tui.screens.prompt_screen import PromptScreen

STATUS_FILTERS = ("", NEW, LEARNING, KNOWN)
"""What ``s`` shows in turn ("" every word)."""
SORTS = ("count", "HSK", "first")
STATUS_STYLE: dict[str, str] = {NEW: "grey62", LEARNING: "#ffaf00", KNOWN: "#5fd75f"}
SELECTED = "•"


def _sort_key(sort: str) -> Callable[[TextWord], tuple]:
    band = {b: i for i, b in enumerate(BANDS)}
    return {
        "count": lambda r: (-r.count, r.first_sentence),
        "HSK": lambda r: (band.get(r.hsk, len(band)), -r.count),
        "first": lambda r: (r.first_at,),
    }[sort]


class TableScreen(Screen[int | None]):
    """A table filled from rows found in a thread (``load``), a status line above it:
    the shape of both screens here. Subclasses name their ``COLUMNS`` and draw the rows
    in :meth:`show`."""

    COLUMNS: tuple[str, ...] = ()

    class Loaded(Message):
        """The rows were found (or could not be: ``problem``)."""

        def __init__(self, rows: list, problem: str | None = None) -> None:
            super().__init__()
            self.rows = rows
            self.problem = problem

    def __init__(self, heading: str, load: Callable[[], list]) -> None:
        super().__init__()
        self.heading = heading
        self.load_rows = load

    def compose(self) -> ComposeResult:
        """Status line, the table, the footer."""
        yield Static(Text(f"{self.heading}  loading…", "bold"), classes="table-status")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """The columns, then the rows from a thread."""
        table = self.query_one(DataTable)
        for label in self.COLUMNS:
            table.add_column(label, key=label or "mark")
        table.focus()
        self.find()

    @work(thread=True, exclusive=True)
    def find(self) -> None:
        """Find the rows; posts :class:`Loaded`."""
        try:
            self.post_message(self.Loaded(self.load_rows()))
        except StudyaidError as exc:
            self.post_message(self.Loaded([], str(exc)))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.problem is not None:
            self.notify(message.problem, severity="error", timeout=10)
        self.show(message.rows)

    def show(self, rows: list) -> None:
        """Draw the rows found."""
        raise NotImplementedError

    def status(self, text: str) -> None:
        """The status line: the heading, then ``text``."""
        line = Text(self.heading, "bold")
        line.append(f"  {text}", "grey62")
        self.query_one(".table-status", Static).update(line)


class TextWordsScreen(TableScreen):
    """One text's words in a table."""

    BINDINGS = TEXT_WORDS_BINDINGS  # type: ignore[assignment]
    COLUMNS = ("", "word", "count", "HSK", "status", "first", "gloss")

    def __init__(self, title: str, load: Callable[[], list[TextWord]],
                 mark: Callable[[list[str], str], list[str]],
                 card: Callable[[list[TextWord]], list[str]],
                 gloss: Callable[[str, str], bool]) -> None:
        """``load`` counts the words (in a thread); ``mark`` gives words a status and
        returns those that changed; ``card`` adds cards and returns the words carded;
        ``gloss`` saves a word's gloss, True when saved."""
        super().__init__(f"Words of {title}", load)
        self.mark_words, self.card_words, self.save_gloss = mark, card, gloss
        self.rows: list[TextWord] = []
        self.selected: set[str] = set()
        self.status_filter = ""
        self.hsk_filter = ""
        self.sort = "count"

    def show(self, rows: list) -> None:
        """The words counted."""
        self.rows = rows
        self.redraw()

    # -- What is shown -----------------------------------------------------------------

    @property
    def shown(self) -> list[TextWord]:
        """The rows the filters let through, in the chosen order."""
        rows = [r for r in self.rows
                if (not self.status_filter or r.status == self.status_filter)
                and (not self.hsk_filter or r.hsk == self.hsk_filter)]
        return sorted(rows, key=_sort_key(self.sort))

    def redraw(self) -> None:
        """Fill the table and the status line; the cursor stays on its word."""
        table = self.query_one(DataTable)
        keep = self.current()
        table.clear()
        width = max(12, self.size.width - 44)
        shown = self.shown
        for row in shown:
            table.add_row(
                SELECTED if row.word in self.selected else "", row.word, str(row.count),
                row.hsk, Text(row.status, STATUS_STYLE.get(row.status, "")),
                str(row.first_sentence), fit_cells(row.gloss, width), key=row.word)
        if keep is not None and any(r.word == keep for r in shown):
            table.move_cursor(row=table.get_row_index(keep))
        filters = [f for f in (self.status_filter, self.hsk_filter and f"HSK {self.hsk_filter}")
                   if f]
        self.status(f"{len(shown)} of {len(self.rows)} words"
                    + (f" ({', '.join(filters)})" if filters else "") + f" · by {self.sort}"
                    + (f" · {len(self.selected)} selected" if self.selected else ""))

    def current(self) -> str | None:
        """The word under the cursor."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _targets(self) -> list[TextWord]:
        """The selected words, else every word shown."""
        shown = self.shown
        return [r for r in shown if r.word in self.selected] if self.selected else shown

    # -- Actions ---------------------------------------------------------------------

    def action_select(self) -> None:
        """Select the word under the cursor (or unselect it), then the next row."""
        word = self.current()
        if word is None:
            return
        self.selected ^= {word}
        table = self.query_one(DataTable)
        row = table.cursor_row
        self.redraw()
        table.move_cursor(row=min(row + 1, table.row_count - 1))

    def action_mark(self, status: str) -> None:
        """Mark the selected (else every shown) word ``status``, as one change."""
        targets = [r.word for r in self._targets()]
        if not targets:
            return
        changed = set(self.mark_words(targets, status))
        self.rows = [replace(r, status=status) if r.word in changed else r for r in self.rows]
        self.selected.clear()
        self.notify(f"{len(changed)} word{'' if len(changed) == 1 else 's'} marked {status}"
                    + (" (u in the reader undoes it)" if changed else ""))
        self.redraw()

    def action_card(self) -> None:
        """Card the selected words (else the one under the cursor)."""
        word = self.current()
        targets = [r for r in self.rows if r.word in self.selected] if self.selected \
            else [r for r in self.rows if r.word == word]
        if not targets:
            return
        carded = set(self.card_words(targets))
        self.rows = [replace(r, status=LEARNING) if r.word in carded and r.status == NEW
                     else r for r in self.rows]
        self.selected.clear()
        self.notify(f"{len(carded)} card{'' if len(carded) == 1 else 's'} added"
                    if carded else "already in the flashcards")
        self.redraw()

    def action_gloss(self) -> None:
        """Edit the gloss of the word under the cursor."""
        word = self.current()
        row = next((r for r in self.rows if r.word == word), None)
        if row is None:
            return

        def done(value: str | None) -> None:
            if value and value.strip() and self.save_gloss(row.word, value.strip()):
                self.rows = [replace(r, gloss=value.strip(), gloss_source="yours")
                             if r.word == row.word else r for r in self.rows]
                self.redraw()

        self.app.push_screen(PromptScreen(f"Gloss for {row.word}", row.gloss), done)

    def action_cycle_status(self) -> None:
        """Every word / new / learning / known."""
        self.status_filter = STATUS_FILTERS[
            (STATUS_FILTERS.index(self.status_filter) + 1) % len(STATUS_FILTERS)]
        self.redraw()

    def action_cycle_hsk(self) -> None:
        """Every level / each level the text has, in turn."""
        levels = ["", *[b for b in BANDS if any(r.hsk == b for r in self.rows)]]
        at = levels.index(self.hsk_filter) if self.hsk_filter in levels else 0
        self.hsk_filter = levels[(at + 1) % len(levels)]
        self.redraw()

    def action_cycle_sort(self) -> None:
        """By count / HSK level / first appearance."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.redraw()

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_jump()

    def action_jump(self) -> None:
        """Back to the reader, at the word's first sentence."""
        word = self.current()
        row = next((r for r in self.rows if r.word == word), None)
        self.dismiss(row.first_sentence - 1 if row else None)

    def action_help(self) -> None:
        """Every key, from the bindings."""
        self.app.push_screen(HelpScreen(TEXT_WORDS_BINDINGS))

    def action_leave(self) -> None:
        """Back to the reader, where it was."""
        self.dismiss(None)


class MineScreen(TableScreen):
    """Sentences to learn from (i+1): those of the learner's texts with exactly one word
    not known yet; ``a`` cards that word with that sentence, Enter goes to a sentence of the
    text being read. Returns the sentence to go to, or None."""

    BINDINGS = MINE_BINDINGS  # type: ignore[assignment]
    COLUMNS = ("word", "sentence", "text")

    def __init__(self, text_id: str, load: Callable[[], list[Mined]],
                 card: Callable[[Mined], bool]) -> None:
        """``load`` finds the sentences (in a thread); ``card`` adds the word's card with
        its sentence, True when it was new."""
        super().__init__("Sentences with one new word", load)
        self.text_id = text_id
        self.card_row = card
        self.rows: list[Mined] = []

    def show(self, rows: list) -> None:
        """The sentences found."""
        self.rows = rows
        table = self.query_one(DataTable)
        width = max(20, self.size.width - 40)
        for n, row in enumerate(self.rows):
            where = "this text" if row.text == self.text_id else Path(row.text).name
            table.add_row(row.word, fit_cells(row.sentence, width), where, key=str(n))
        self.status(f"{len(self.rows)} · a: card the word with its sentence")

    def _current(self) -> Mined | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return self.rows[table.cursor_row]

    def action_card(self) -> None:
        """Card the word of the sentence under the cursor, with that sentence."""
        row = self._current()
        if row is not None:
            added = self.card_row(row)
            self.notify(f"{row.word} added to the flashcards" if added
                        else f"{row.word} is already in the flashcards")

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_jump()

    def action_jump(self) -> None:
        """To the sentence, when it is in the text being read."""
        row = self._current()
        if row is not None and row.text != self.text_id:
            self.notify("that sentence is in another text (L opens it)")
            return
        self.dismiss(row.index if row else None)

    def action_help(self) -> None:
        """Every key, from the bindings."""
        self.app.push_screen(HelpScreen(MINE_BINDINGS))

    def action_leave(self) -> None:
        """Back to the reader."""
        self.dismiss(None)
