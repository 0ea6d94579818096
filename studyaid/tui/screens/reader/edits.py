"""The reader's actions that change the learner's data: gloss, translation, split and
merge, reading, status, flashcards. Every change goes through the vocab folder's safe
writes (:meth:`ReaderBase._save`) and ends in a re-annotation or a redraw."""

from __future__ import annotations

from studyaid.core.errors import StudyaidError
from studyaid.core.model import Token
from studyaid.core.nlp.pinyin import join_word, render
from studyaid.core.vocab.learner import KNOWN, LEARNING, NEW, is_word
from studyaid.core.vocab.readings import AUTOMATIC, EVERYWHERE, OCCURRENCE, TEXT, choose_reading
from studyaid.tui.layout import is_selectable
from studyaid.tui.screens.confirm_screen import ChoiceScreen
from studyaid.tui.screens.prompt_screen import PromptScreen
from studyaid.tui.screens.reader.base import ReaderBase
from studyaid.tui.screens.reading_choice_screen import ReadingChoiceScreen


class ReaderEdits(ReaderBase):
    """Actions that write to the vocab folder."""

    def _word(self) -> Token | None:
        token = self.state.token
        if token is None:
            self.notify("no word selected" + (" yet (loading…)" if self.state.busy else ""))
        return token

    def action_gloss(self) -> None:
        """Edit the selected word's gloss (empty removes the learner's own)."""
        token = self._word()
        if token is None:
            return
        word = token.text

        def save(value: str, where: str | None) -> None:
            if where is None:
                return
            text = self.text_id if where == TEXT else ""
            if self._save(lambda: self.vocab.set_gloss(word, value, text=text)):
                self._reannotate(resegment=False)

        def done(value: str | None) -> None:
            if value is None:
                return
            if not value.strip():
                # Empty: the learner's own gloss goes (this text's first, if it has one).
                text = self.text_id if (self.text_id, word) in self.vocab.scoped() else ""
                if self._save(lambda: self.vocab.remove_gloss(word, text=text)):
                    self._reannotate(resegment=False)
                return
            self.app.push_screen(ChoiceScreen(
                f"Gloss {word} “{value.strip()}”:",
                [("e", "everywhere", EVERYWHERE), ("t", "in this text only", TEXT)]),
                lambda where: save(value, where))

        self.app.push_screen(PromptScreen(f"Gloss for {word}", token.info.gloss), done)

    def action_translation(self) -> None:
        """Edit the translation of the current sentence (empty removes it)."""
        sentence, index = self.state.sentence, self.state.index
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

        # The whole sentence, wrapped, and the prompt below it: the sentence being
        # translated stays in view.
        title = f"Translation of: {sentence.text}"
        self.app.push_screen(PromptScreen(title, shown.english if shown else "", below=True),
                             done)

    def action_split(self) -> None:
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
            self._ask_rule_scope(f"Split {word} as {' '.join(parts)}:", parts)

        self.app.push_screen(
            PromptScreen(f"Split {word} (spaces between the parts)",
                         f"{word[:half]} {word[half:]}"),
            done,
        )

    def action_merge(self) -> None:
        """Merge the selected word with the next one (saved to the lexicon)."""
        token = self._word()
        cursor = self.state.cursor
        if token is None or cursor is None:
            return
        tokens = self.state.sentence.tokens
        following = tokens[cursor + 1] if cursor + 1 < len(tokens) else None
        if following is None or not is_selectable(following) or following.start != token.end:
            self.notify("no word right after this one to merge with")
            return
        self._ask_rule_scope(f"Merge {token.text} + {following.text}:",
                             [token.text + following.text])

    def _ask_rule_scope(self, question: str, parts: list[str]) -> None:
        """Ask where a split or merge applies (this text by default), then save it."""
        def done(where: str | None) -> None:
            if where is None:
                return
            text = self.text_id if where == TEXT else ""
            if self._save(lambda: self.vocab.add_rule(parts, text=text)):
                self._reannotate(resegment=True)

        self.app.push_screen(ChoiceScreen(
            question, [("t", "in this text only", TEXT), ("e", "everywhere", EVERYWHERE)]),
            done)

    def action_reading(self) -> None:
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

        folder, text_id, offset = self.settings.vocab, self.text_id, token.start

        def save(reading: str, where: str | None) -> None:
            if where is None:
                return
            if self._save(lambda: choose_reading(folder, word, reading, where, text_id,
                                                 offset)):
                self._reannotate(resegment=False)

        def done(reading: str | None) -> None:
            if reading is None:
                return
            if reading == AUTOMATIC:
                save("", AUTOMATIC)
                return
            shown = join_word(render(reading.split(), "marks"))
            self.app.push_screen(ChoiceScreen(
                f"Read {word} as {shown}:",
                [("o", "here only", OCCURRENCE), ("t", "in this text", TEXT),
                 ("e", "everywhere", EVERYWHERE)]),
                lambda where: save(reading, where))

        self.app.push_screen(
            ReadingChoiceScreen(word, readings, " ".join(token.info.pinyin), automatic=True),
            done)

    def _set_status(self, status: str) -> None:
        token = self._word()
        if token is None:
            return
        if self._save(lambda: self.learner.set_status(token.text, status)):
            if status == NEW:
                self.statuses.pop(token.text, None)
            else:
                self.statuses[token.text] = status
            self.refresh_view()

    def mark_sentence_known(self) -> int:
        """Every word of the current sentence still new becomes known (one change of the
        undo journal; learning and carded words stay as they are); how many did."""
        sentence = self.state.sentence
        words = list(dict.fromkeys(
            t.text for t in sentence.tokens
            if is_word(t.text) and self.statuses.get(t.text, NEW) == NEW))
        if not words:
            return 0
        changed: list[str] = []
        what = (f"sentence {sentence.index + 1} done: {'、'.join(words[:5])}"
                + (f" and {len(words) - 5} more" if len(words) > 5 else "") + " known")
        if self._save(lambda: changed.extend(
                self.learner.set_statuses(words, KNOWN, self.clock().date(), what=what))):
            for word in changed:
                self.statuses[word] = KNOWN
        return len(changed)

    def action_sentence_done(self) -> None:
        """Done with this sentence: its words still new become known, then the next."""
        if self.state.busy:
            self.notify("the sentence is still being annotated (loading…)")
            return
        count = self.mark_sentence_known()
        if count:
            self.notify(f"{count} word{'' if count == 1 else 's'} now known")
        self.action_sentence(1)

    def action_undo(self) -> None:
        """Undo the last change to the vocab folder, of any kind (again: the one before)."""
        from studyaid.study.undo import undo  # the owners of every file, registered

        self.check_files()  # another process's changes are taken up first
        try:
            change = undo(self.settings.vocab)
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        if change is None:
            self.notify("nothing to undo")
            return
        self.check_files()  # the files it put back: redrawn, re-read, re-annotated
        self.notify(f"undid: {change.what}")

    def action_known(self) -> None:
        """Mark the selected word known."""
        self._set_status(KNOWN)

    def action_unknown(self) -> None:
        """Mark the selected word not known: learning, or new if it was learning."""
        token = self.state.token
        current = self.statuses.get(token.text, NEW) if token else NEW
        self._set_status(NEW if current == LEARNING else LEARNING)

    def action_card(self) -> None:
        """Add the selected word to the flashcards, with its sentence and translation."""
        token = self._word()
        if token is None:
            return
        lookup, sentence, index = self.lookup, self.state.sentence, self.state.index
        added: list[bool] = []
        words: list[str] = []

        def add() -> None:
            from studyaid.study import CardStore, card_from_token  # only when carding

            shown = self.learner.translation(self.text_id, index, sentence.text)
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
