"""The reader's link to the flashcards: open the review or the statistics, and colour
each word by its card (learning, known) unless the learner set its status by hand.

A mixin of :class:`ReaderScreen`, kept apart so the reader needs only a base class and
one call. The study package (FSRS, the review log) is imported on first use, so opening
a text does not wait for it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from textual import work

from studyaid.core.errors import StudyaidError
from studyaid.core.learner import Learner
from studyaid.core.services import Settings
from studyaid.tui.messages import StatusesLoaded

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from studyaid.study.session import Collection


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
    def _collection(self) -> Collection | None: ...


class ReaderStudy:
    """Review, statistics and card-driven word status for the reader."""

    @work(thread=True, exclusive=True, group="statuses")
    def load_statuses(self: _Reader) -> None:
        """Read every word's status in a thread: hand-set (status.tsv) wins over the
        card's; posts :class:`StatusesLoaded`."""
        from studyaid.study.session import Collection

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
        from studyaid.study.session import Collection

        try:
            return Collection(self.settings.vocab, self.settings.cache)
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return None

    def action_review(self: _Reader) -> None:
        """Review the cards due; afterwards the words' statuses follow the grades."""
        from studyaid.study.session import Collection
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
