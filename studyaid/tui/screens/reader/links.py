"""The reader's links to the other screens: the review, the statistics, the dictionary
and the word list. What is changed there (grades, glosses, statuses, cards) is taken up
when the reader comes back into view (:meth:`ReaderBase.on_screen_resume`), once.

Each screen's module, and the study package (FSRS, the review log), is imported on first
use, so opening a text does not wait for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from studyaid.core.errors import StudyaidError
from studyaid.tui.screens.reader.base import ReaderBase

if TYPE_CHECKING:
    from studyaid.core.engine.text_words import Mined, TextWord
    from studyaid.study.collection import Collection


class ReaderLinks(ReaderBase):
    """Review, statistics, the dictionary and the word list, from the reader."""

    def action_review(self) -> None:
        """Review the cards due; afterwards the words' statuses follow the grades."""
        from studyaid.study.collection import Collection
        from studyaid.tui.screens.review_screen import ReviewScreen

        settings = self.settings

        def open_collection() -> Collection:
            return Collection(settings.vocab, settings.cache, save_cache=False)

        self.app.push_screen(ReviewScreen(open_collection, self.clock, settings=settings))

    def action_stats(self) -> None:
        """The flashcard statistics."""
        from studyaid.study.collection import Collection
        from studyaid.tui.screens.stats_screen import StatsScreen

        try:
            collection = Collection(self.settings.vocab, self.settings.cache)
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.app.push_screen(StatsScreen(collection, self.clock))

    def action_dictionary(self) -> None:
        """The dictionary search, on the selected word; glosses edited there show here."""
        from studyaid.tui.screens.search_screen import SearchScreen

        token = self.state.token
        self.app.push_screen(SearchScreen(self.settings, token.text if token else "",
                                          self.clock))

    def action_words(self) -> None:
        """The word list; what was changed there shows here when it closes."""
        from studyaid.tui.screens.words_screen import WordsScreen

        self.app.push_screen(WordsScreen(self.settings, self.clock))

    def action_text_words(self) -> None:
        """Every word of this text: mark many known at once, card them, gloss one; Enter
        comes back at the word's first sentence."""
        from studyaid.core.engine.text_words import text_words, words_of
        from studyaid.tui.screens.text_words_screen import TextWordsScreen

        state, settings, text_id = self.state, self.settings, self.text_id
        # What the thread reads is taken now: the state belongs to the UI thread.
        whole = list(state.sentences) if len(state.annotated) == len(state.sentences) \
            else None
        content, statuses = self.text.content, dict(self.statuses)

        def load() -> list[TextWord]:
            sentences = whole if whole is not None else words_of(settings, content, text_id)
            return text_words(sentences, statuses)

        def mark(words: list[str], status: str) -> list[str]:
            changed: list[str] = []
            if self._save(lambda: changed.extend(
                    self.learner.set_statuses(words, status, self.clock().date()))):
                for word in changed:
                    self.statuses[word] = status
            return changed

        def card(rows: list[TextWord]) -> list[str]:
            from studyaid.study import CardStore, card_from_entry, card_from_token

            cards = []
            for row in rows:
                sentence = state.sentences[row.first_sentence - 1]
                token = next((t for t in sentence.tokens if t.text == row.word), None)
                shown = self.learner.translation(text_id, sentence.index, sentence.text)
                translation = shown.english if shown else ""
                cards.append(
                    card_from_token(self.lookup, sentence, token, now=self.clock(),
                                    translation=translation, text_id=text_id)
                    if token is not None else
                    card_from_entry(self.lookup, row.word, sentence.text, now=self.clock(),
                                    translation=translation, text_id=text_id))
            added: list[str] = []
            if self._save(lambda: added.extend(
                    c.word for c in CardStore(settings.vocab).add_many(cards))):
                self.load_statuses()
            return added

        def gloss(word: str, value: str) -> bool:
            return self._save(lambda: self.vocab.set_gloss(word, value))

        def back(index: int | None) -> None:
            self.check_files()  # a gloss written there: annotated again here
            if index is not None:
                self.state.go(index)
                if self.state.wants_annotation:
                    self.annotate()
            self.refresh_view()

        self.app.push_screen(TextWordsScreen(self._title(), load, mark, card, gloss), back)

    def action_mine(self) -> None:
        """Sentences of the learner's texts with exactly one word not known yet (i+1)."""
        from studyaid.core.engine.text_words import one_unknown, words_of
        from studyaid.core.text.library import list_texts
        from studyaid.core.text.loader import for_reading, load_text
        from studyaid.tui.screens.text_words_screen import MineScreen

        settings, text_id, learner = self.settings, self.text_id, self.learner
        statuses = dict(self.statuses)
        shelves = getattr(self.app, "shelves", None)
        here = self.text.content

        def known(word: str) -> bool:
            return statuses.get(word) == "known"

        def load() -> list[Mined]:
            found = list(one_unknown(text_id, words_of(settings, here, text_id), known))
            if shelves is None:
                return found
            for entry in list_texts(shelves, learner)[0]:
                if entry.text_id in (text_id, "seed") or entry.path is None:
                    continue
                try:
                    content = for_reading(load_text(entry.path)).content
                except StudyaidError:
                    continue  # the library says what is wrong with it
                found += one_unknown(entry.text_id, words_of(settings, content,
                                                             entry.text_id), known)
            return found

        def card(row: Mined) -> bool:
            from studyaid.study import CardStore, card_from_entry

            made = card_from_entry(self.lookup, row.word, row.sentence, now=self.clock(),
                                   text_id=row.text)
            added: list[bool] = []
            if self._save(lambda: added.append(CardStore(settings.vocab).add(made))):
                self.load_statuses()
            return bool(added and added[0])

        def back(index: int | None) -> None:
            if index is not None:
                self.state.go(index)
                if self.state.wants_annotation:
                    self.annotate()
            self.refresh_view()

        self.app.push_screen(MineScreen(text_id, load, card), back)
