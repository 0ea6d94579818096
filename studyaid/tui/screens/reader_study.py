"""The reader's links to the other screens: the review, the statistics, the dictionary
and the word list; and each word coloured by its card (learning, known) unless the
learner set its status by hand.

A mixin of :class:`ReaderScreen`, kept apart so the reader needs only a base class and
one call. The study package (FSRS, the review log) is imported on first use, so opening
a text does not wait for it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from textual import work

from studyaid.core.engine.services import Settings
from studyaid.core.errors import StudyaidError
from studyaid.core.model import Token
from studyaid.core.vocab import CARDS
from studyaid.core.vocab.glosses import GLOSSES
from studyaid.core.vocab.learner import STATUS, Learner
from studyaid.tui.messages import StatusesLoaded

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from studyaid.study.collection import Collection


class _Reader(Protocol):
    """What these actions need of the reader screen that mixes them in."""

    app: App[None]
    settings: Settings
    learner: Learner
    statuses: dict[str, str]
    clock: Callable[[], datetime]

    def notify(
        self, message: str, *, severity: SeverityLevel = ..., timeout: float | None = ...
    ) -> None: ...
    def post_message(self, message: StatusesLoaded) -> bool: ...
    def refresh_view(self) -> None: ...
    def load_statuses(self) -> None: ...
    def _reannotate(self, resegment: bool) -> None: ...
    @property
    def token(self) -> Token | None: ...
    def _collection(self) -> Collection | None: ...


class ReaderStudy:
    """Review, statistics and card-driven word status for the reader."""

    @work(thread=True, exclusive=True, group="statuses")
    def load_statuses(self: _Reader) -> None:
        """Read every word's status in a thread: hand-set (status.tsv) wins over the
        card's; posts :class:`StatusesLoaded`."""
        from studyaid.study.collection import Collection

        try:
            collection = Collection(self.settings.vocab, self.settings.cache)
            statuses = collection.statuses(self.clock()) | self.learner.statuses()
        except StudyaidError as exc:
            self.post_message(StatusesLoaded({}, str(exc)))
            return
        self.post_message(StatusesLoaded(statuses))

    def on_statuses_loaded(self: _Reader, message: StatusesLoaded) -> None:
        """Words take their new statuses."""
        if message.problem is not None:
            self.notify(message.problem, severity="error", timeout=10)
            return
        self.statuses = message.statuses
        self.refresh_view()

    def _collection(self: _Reader) -> Collection | None:
        from studyaid.study.collection import Collection

        try:
            return Collection(self.settings.vocab, self.settings.cache)
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return None

    def action_review(self: _Reader) -> None:
        """Review the cards due; afterwards the words' statuses follow the grades."""
        from studyaid.study.collection import Collection
        from studyaid.tui.screens.review_screen import ReviewScreen

        settings = self.settings

        def open_collection() -> Collection:
            return Collection(settings.vocab, settings.cache, save_cache=False)

        self.app.push_screen(ReviewScreen(open_collection, self.clock),
                             lambda _: self.load_statuses())

    def action_stats(self: _Reader) -> None:
        """The flashcard statistics."""
        from studyaid.tui.screens.stats_screen import StatsScreen

        collection = self._collection()
        if collection is not None:
            self.app.push_screen(StatsScreen(collection, self.clock))

    def action_dictionary(self: _Reader) -> None:
        """The dictionary search, on the selected word; glosses edited there show here."""
        from studyaid.tui.screens.search_screen import SearchScreen

        token = self.token
        before = _stamp(self.settings.vocab)

        def back(_: object) -> None:
            if _stamp(self.settings.vocab) != before:
                self._reannotate(resegment=False)

        self.app.push_screen(SearchScreen(self.settings, token.text if token else "",
                                          self.clock), back)

    def action_words(self: _Reader) -> None:
        """The word list; what was changed there shows here when it closes."""
        from studyaid.tui.screens.words_screen import WordsScreen

        before = _stamp(self.settings.vocab)

        def back(_: object) -> None:
            if _stamp(self.settings.vocab) != before:
                self._reannotate(resegment=False)
                self.load_statuses()

        self.app.push_screen(WordsScreen(self.settings, self.clock), back)


def _stamp(vocab: Path) -> tuple[tuple[int, int, int], ...]:
    """The learner's files as they are now (to see whether another screen changed them)."""
    found = []
    # cards.tsv by name: studyaid.study.cards (and fsrs) is not loaded for this.
    for name in (GLOSSES, STATUS, CARDS):
        try:
            stat = (vocab / name).stat()
            found.append((stat.st_ino, stat.st_mtime_ns, stat.st_size))
        except OSError:
            found.append((0, 0, -1))
    return tuple(found)
