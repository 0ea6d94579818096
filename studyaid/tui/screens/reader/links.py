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

        self.app.push_screen(ReviewScreen(open_collection, self.clock))

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
