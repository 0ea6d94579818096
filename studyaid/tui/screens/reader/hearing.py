"""Hearing the reader's words: the word under the cursor and the whole sentence, said by
the speech module in the readings the screen shows (spoken tones when they are shown),
synthesised and played in the background so that no key waits for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studyaid.tui.screens.reader.base import ReaderBase
from studyaid.tui.speaker import make_speaker

if TYPE_CHECKING:
    from studyaid.core.model import Sentence
    from studyaid.core.output.player import Speaker


class ReaderHearing(ReaderBase):
    """``e`` says the word, ``E`` the sentence."""

    _speaker: Speaker | None = None

    @property
    def speaker(self) -> Speaker:
        """The speaker, made on first use (espeak-ng loads only when something is said);
        a problem (no player, no voice) is one notice and the reader goes on."""
        if self._speaker is None:
            self._speaker = make_speaker(self, self.settings.cache)
        return self._speaker

    @speaker.setter
    def speaker(self, speaker: Speaker) -> None:
        self._speaker = speaker

    def _as_shown(self) -> Sentence:
        """The sentence with the readings on screen: spoken tones when they are shown."""
        from studyaid.core.output.sandhi import TONES

        return TONES["spoken" if self.options.spoken else "citation"](self.state.sentence)

    def action_hear_word(self) -> None:
        """Say the word under the cursor, in its reading as shown."""
        cursor = self.state.cursor
        if cursor is None:
            return
        token = self._as_shown().tokens[cursor]
        if token.is_word:
            self.speaker.say_word(token.info.pinyin)

    def action_hear_sentence(self) -> None:
        """Say the whole sentence, each word in its reading as shown."""
        from studyaid.core.output.speech import spoken_text

        text = spoken_text(self._as_shown().tokens)
        if text:
            self.speaker.say(text)
