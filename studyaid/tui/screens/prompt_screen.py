"""A one-line input over the reader: a gloss, a translation, a search, a split."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class PromptScreen(ModalScreen[str | None]):
    """Asks for one line of text; Enter returns it, Esc returns None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt-cancel")]

    def __init__(self, title: str, value: str = "", placeholder: str = "",
                 below: bool = False) -> None:
        """``below``: the prompt sits at the bottom of the screen, so that what it asks
        about (a sentence to translate) stays in view above it."""
        super().__init__(classes="below" if below else None)
        self.title_text = title
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        """A title and the input, pre-filled."""
        with Vertical(id="prompt"):
            yield Label(self.title_text, id="prompt-title")
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Label("Enter saves · Esc cancels", id="prompt-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: return what was typed."""
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Esc: return nothing."""
        self.dismiss(None)
