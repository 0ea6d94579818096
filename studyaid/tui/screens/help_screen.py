"""The `?` screen: every key binding, generated from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_NAMES = {
    "left": "←", "right": "→", "up": "↑", "down": "↓", "pageup": "PgUp",
    "pagedown": "PgDn", "home": "Home", "end": "End", "slash": "/",
    "question_mark": "?", "escape": "Esc",
}


def key_names(binding: Binding) -> str:
    """A binding's keys as the learner types them: ``↑ k``."""
    return " ".join(KEY_NAMES.get(key, key) for key in binding.key.split(","))


def help_table(bindings: Iterable[Binding]) -> Table:
    """A table of keys, what they do, and the id to remap them by."""
    table = Table(box=None, expand=True, show_header=True, header_style="bold")
    table.add_column("keys", no_wrap=True)
    table.add_column("does")
    table.add_column("id", style="grey62", no_wrap=True)
    for binding in bindings:
        table.add_row(key_names(binding), binding.tooltip or binding.description,
                      binding.id or "")
    return table


class HelpScreen(ModalScreen[None]):
    """Lists the bindings it is given; any of Esc, q, ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "close", "Close", id="help-close")]

    def __init__(self, bindings: Iterable[Binding]) -> None:
        super().__init__()
        self.bindings = list(bindings)

    def compose(self) -> ComposeResult:
        """The table, scrollable."""
        with VerticalScroll(id="help"):
            yield Static("Keys  (Esc closes)", id="help-title")
            yield Static(help_table(self.bindings), id="help-table")

    def action_close(self) -> None:
        """Back to the reader."""
        self.dismiss(None)
