"""A yes/no question over the current screen (deleting a word asks first)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label


class ConfirmScreen(ModalScreen[bool]):
    """Asks a question; y returns True, n or Esc returns False."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        """The question and the keys that answer it."""
        with Vertical(id="prompt"):
            yield Label(self.question, id="prompt-title")
            yield Label("y: yes · n or Esc: no", id="prompt-hint")

    def action_answer(self, yes: bool) -> None:
        """Answer and close."""
        self.dismiss(yes)
