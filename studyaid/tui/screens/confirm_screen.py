"""Questions over the current screen: yes or no (deleting a word asks first), or one of a
few choices (where an edit applies)."""

from __future__ import annotations

from textual import events
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


class ChoiceScreen(ModalScreen[str | None]):
    """Asks a question answered by one key among a few (where an edit applies: this
    occurrence, this text, everywhere); Enter takes the first, Esc returns None."""

    BINDINGS = [Binding("escape", "answer('')", "Cancel", id="choice-cancel"),
                Binding("enter", "first", "Default", id="choice-default")]

    def __init__(self, question: str, choices: list[tuple[str, str, str]]) -> None:
        """``choices``: (key, what it says, the value returned), the default first."""
        super().__init__()
        self.question = question
        self.choices = choices
        self.keys = {key: value for key, _, value in choices}

    def compose(self) -> ComposeResult:
        """The question and the keys that answer it."""
        with Vertical(id="prompt"):
            yield Label(self.question, id="prompt-title")
            yield Label(" · ".join(f"{key}: {label}" + (" (Enter)" if i == 0 else "")
                                   for i, (key, label, _) in enumerate(self.choices))
                        + " · Esc: cancel", id="prompt-hint")

    def on_key(self, event: events.Key) -> None:
        """A choice's key answers."""
        if event.character in self.keys:
            event.stop()
            self.dismiss(self.keys[event.character])

    def action_first(self) -> None:
        """Enter: the default."""
        self.dismiss(self.choices[0][2])

    def action_answer(self, value: str) -> None:
        """Esc: nothing chosen."""
        self.dismiss(value or None)
