"""The one speaker of a screen: made on first use (espeak-ng loads only when something is
said), its problems (no player, no voice) shown as one notice while the screen goes on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from studyaid.core.output.player import Speaker


def make_speaker(screen: Screen, cache: Path) -> Speaker:
    """A speaker whose problems the screen shows as a warning (from the speaker's thread)."""
    from studyaid.core.output.player import Speaker
    from studyaid.core.output.speech import Speech

    def told(message: str) -> None:
        screen.app.call_from_thread(screen.notify, message, severity="warning", timeout=10)

    return Speaker(Speech(cache), on_error=told)
