"""The reader's actions that change the learner's data: gloss, translation, split and
merge, reading, status, flashcards. A mixin of :class:`ReaderScreen`, kept apart so each
module reads in one sitting; every change goes through the vocab folder's safe writes and
ends in a re-annotation or a redraw."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from studyaid.core.dictionary.lookup import Lookup
from studyaid.core.errors import StudyaidError
from studyaid.core.model import Sentence, Token
from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import KNOWN, LEARNING, NEW, Learner
from studyaid.tui.layout import fit_cells, is_selectable
from studyaid.tui.screens.prompt_screen import PromptScreen
from studyaid.tui.screens.reading_screen import ReadingScreen

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel


class _Reader(Protocol):
    """What the edits need of the reader screen that mixes them in."""

    app: App[None]
    text_id: str
    learner: Learner
    vocab: Vocab
    lookup: Lookup | None
    statuses: dict[str, str]
    cursor: int | None
    index: int

    @property
    def busy(self) -> bool: ...
    @property
    def sentence(self) -> Sentence: ...
    @property
    def token(self) -> Token | None: ...
    def notify(
        self, message: str, *, severity: SeverityLevel = ..., timeout: float | None = ...
    ) -> None: ...
    def refresh_view(self) -> None: ...
    def _save(self, write: Callable[[], object]) -> bool: ...
    def _reannotate(self, resegment: bool) -> None: ...
    def _word(self) -> Token | None: ...
    def _set_status(self, status: str) -> None: ...
    def load_statuses(self) -> None: ...
    clock: Callable[[], datetime]


class LearnerEdits:
    """Actions that write to the vocab folder (the state lives in ReaderScreen)."""

    def _word(self: _Reader) -> Token | None:
        token = self.token
        if token is None:
            self.notify("no word selected" + (" yet (loading…)" if self.busy else ""))
        return token

    def action_gloss(self: _Reader) -> None:
        """Edit the selected word's gloss (empty removes the learner's own)."""
        token = self._word()
        if token is None:
            return
        word = token.text

        def done(value: str | None) -> None:
            if value is None:
                return
            if value.strip():
                saved = self._save(lambda: self.vocab.set_gloss(word, value))
            else:
                saved = self._save(lambda: self.vocab.remove_gloss(word))
            if saved:
                self._reannotate(resegment=False)

        self.app.push_screen(PromptScreen(f"Gloss for {word}", token.info.gloss), done)

    def action_translation(self: _Reader) -> None:
        """Edit the translation of the current sentence (empty removes it)."""
        sentence, index = self.sentence, self.index
        shown = None
        try:
            shown = self.learner.translation(self.text_id, index, sentence.text)
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return

        def done(value: str | None) -> None:
            if value is None:
                return
            if self._save(lambda: self.learner.set_translation(
                    self.text_id, index, sentence.text, value)):
                self.refresh_view()

        title = f"Translation of: {fit_cells(sentence.text, 60)}"
        self.app.push_screen(PromptScreen(title, shown.english if shown else ""), done)

    def action_split(self: _Reader) -> None:
        """Split the selected word into parts (saved to the lexicon)."""
        token = self._word()
        if token is None:
            return
        if len(token.text) < 2:
            self.notify(f"{token.text} has one character; nothing to split")
            return
        word = token.text
        half = len(word) // 2

        def done(value: str | None) -> None:
            if value is None:
                return
            parts = value.split()
            if "".join(parts) != word or len(parts) < 2:
                self.notify(f"the parts must spell {word} with spaces between them",
                            severity="error")
                return
            if self._save(lambda: self.vocab.add_rule(parts)):
                self._reannotate(resegment=True)

        self.app.push_screen(
            PromptScreen(f"Split {word} (spaces between the parts)",
                         f"{word[:half]} {word[half:]}"),
            done,
        )

    def action_merge(self: _Reader) -> None:
        """Merge the selected word with the next one (saved to the lexicon)."""
        token = self._word()
        if token is None or self.cursor is None:
            return
        tokens = self.sentence.tokens
        following = tokens[self.cursor + 1] if self.cursor + 1 < len(tokens) else None
        if following is None or not is_selectable(following) or following.start != token.end:
            self.notify("no word right after this one to merge with")
            return
        if self._save(lambda: self.vocab.add_rule([token.text + following.text])):
            self._reannotate(resegment=True)

    def action_reading(self: _Reader) -> None:
        """Choose the selected word's reading among its dictionary readings (kept)."""
        token = self._word()
        if token is None:
            return
        readings = token.info.readings
        if len(readings) < 2:
            self.notify(f"{token.text} has {'one reading' if readings else 'no readings'}"
                        " in the dictionary")
            return
        word = token.text

        def done(reading: str | None) -> None:
            if reading is None:
                return
            own = self.lookup.glosses.get(word) if self.lookup else None
            gloss = own.gloss if own else ""
            if self._save(lambda: self.vocab.set_gloss(word, gloss, reading=reading)):
                self._reannotate(resegment=False)

        self.app.push_screen(ReadingScreen(word, readings, " ".join(token.info.pinyin)), done)

    def _set_status(self: _Reader, status: str) -> None:
        token = self._word()
        if token is None:
            return
        if self._save(lambda: self.learner.set_status(token.text, status)):
            if status == NEW:
                self.statuses.pop(token.text, None)
            else:
                self.statuses[token.text] = status
            self.refresh_view()

    def action_known(self: _Reader) -> None:
        """Mark the selected word known."""
        self._set_status(KNOWN)

    def action_unknown(self: _Reader) -> None:
        """Mark the selected word not known: learning, or new if it was learning."""
        token = self.token
        current = self.statuses.get(token.text, NEW) if token else NEW
        self._set_status(NEW if current == LEARNING else LEARNING)

    def action_card(self: _Reader) -> None:
        """Add the selected word to the flashcards, with its sentence and translation."""
        token = self._word()
        if token is None:
            return
        lookup, sentence = self.lookup, self.sentence
        added: list[bool] = []
        words: list[str] = []

        def add() -> None:
            from studyaid.study import CardStore, card_from_token  # only when carding

            shown = self.learner.translation(self.text_id, self.index, sentence.text)
            card = card_from_token(
                lookup, sentence, token, now=self.clock(),
                translation=shown.english if shown else "", text_id=self.text_id)
            words.append(card.word)
            added.append(CardStore(self.vocab.folder).add(card))

        if self._save(add):
            self.notify(f"{words[0]} added to the flashcards" if added[0]
                        else f"{words[0]} is already in the flashcards")
            if added[0]:
                self.load_statuses()  # the new card makes the word "learning" at once
