"""Choosing a polyphone's reading from its dictionary readings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from studyaid.core.nlp.pinyin import join_word, render


class ReadingChoiceScreen(ModalScreen[str | None]):
    """Lists numbered readings; Enter returns the chosen one, Esc returns None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="reading-cancel")]

    def __init__(self, word: str, readings: tuple[str, ...], current: str,
                 automatic: bool = False) -> None:
        """``automatic``: also offer "automatic" (the learner's choices removed: the
        program reads the word again), returned as ``"automatic"``."""
        super().__init__()
        self.word = word
        self.readings = readings
        self.current = current
        self.automatic = automatic

    def compose(self) -> ComposeResult:
        """The word and its readings, the current one highlighted."""
        with Vertical(id="prompt"):
            yield Label(f"Reading of {self.word}", id="prompt-title")
            yield OptionList(
                *[Option(f"{join_word(render(r.split(), 'marks'))}  ({r})", id=r)
                  for r in self.readings],
                *([Option("automatic (the program's reading again)", id="automatic")]
                  if self.automatic else []),
                id="readings",
            )
            yield Label("Enter chooses · Esc cancels", id="prompt-hint")

    def on_mount(self) -> None:
        """Start on the reading in use."""
        options = self.query_one(OptionList)
        if self.current in self.readings:
            options.highlighted = self.readings.index(self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter: return the reading."""
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Esc: keep the reading as it is."""
        self.dismiss(None)
