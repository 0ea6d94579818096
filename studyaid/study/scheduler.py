"""FSRS scheduling behind one small module: the only one that imports ``fsrs`` (py-fsrs 6.x).

py-fsrs has changed its public API several times; everything else in studyaid sees only
:class:`CardState` (plain, JSON-serialisable) and :class:`Scheduler` below.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import fsrs

GRADES = {1: "again", 2: "hard", 3: "good", 4: "easy"}
"""Anki's four grades, by the key that gives them."""

FsrsState = Literal["new", "learning", "review", "relearning"]
"""Where a card stands in FSRS (py-fsrs 6 has no ``new``: see ``_to_fsrs``). Not a word's
status, which has a ``learning`` too: ``studyaid.core.vocab.learner.WordStatus``."""
NEW: FsrsState = "new"
LEARNING: FsrsState = "learning"
REVIEW: FsrsState = "review"
RELEARNING: FsrsState = "relearning"
STATES: tuple[FsrsState, ...] = (NEW, LEARNING, REVIEW, RELEARNING)

_TO_FSRS = {LEARNING: fsrs.State.Learning, REVIEW: fsrs.State.Review,
            RELEARNING: fsrs.State.Relearning}
_FROM_FSRS: dict[fsrs.State, FsrsState] = {v: k for k, v in _TO_FSRS.items()}
# fsrs.Card() without an id sleeps 1 ms to make the id unique; we never use the id.
_CARD_ID = 1


def utc(moment: datetime) -> datetime:
    """``moment`` in ``datetime.timezone.utc`` exactly (FSRS rejects ZoneInfo("UTC"))."""
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment!r}: pass a timezone-aware time")
    if moment.tzinfo is UTC:
        return moment
    return moment.astimezone(UTC)


def iso(moment: datetime) -> str:
    """The canonical form of a time in the log and cache: UTC, microseconds, ``+00:00``.

    Every such string has the same length, so comparing strings compares times."""
    return utc(moment).isoformat(timespec="microseconds")


def _time(value: Any) -> datetime | None:
    return None if value is None else utc(datetime.fromisoformat(value))


@dataclass(frozen=True)
class CardState:
    """Where a card stands in FSRS: our own value, converted to fsrs.Card only here."""

    state: FsrsState
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None

    def as_json(self) -> dict[str, Any]:
        """The state as stored in each line of the review log."""
        return {
            "state": self.state,
            "step": self.step,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "due": iso(self.due),
            "last_review": iso(self.last_review) if self.last_review else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CardState:
        """Read :meth:`as_json` back; raises ValueError/KeyError/TypeError when malformed."""
        state = next((s for s in STATES if s == data["state"]), None)
        if state is None:
            raise ValueError(f"unknown card state {data['state']!r}")
        due = _time(data["due"])
        if due is None:
            raise ValueError("the due time is missing")
        step, stability, difficulty = data["step"], data["stability"], data["difficulty"]
        return cls(
            state,
            None if step is None else int(step),
            None if stability is None else float(stability),
            None if difficulty is None else float(difficulty),
            due,
            _time(data["last_review"]),
        )


def _to_fsrs(state: CardState) -> fsrs.Card:
    if state.state == NEW:
        # py-fsrs 6 has no "new" state: a new card is a learning card at step 0.
        return fsrs.Card(card_id=_CARD_ID, state=fsrs.State.Learning, step=0, due=state.due)
    return fsrs.Card(card_id=_CARD_ID, state=_TO_FSRS[state.state], step=state.step,
                     stability=state.stability, difficulty=state.difficulty,
                     due=state.due, last_review=state.last_review)


def _from_fsrs(card: fsrs.Card) -> CardState:
    return CardState(_FROM_FSRS[card.state], card.step, card.stability, card.difficulty,
                     utc(card.due), utc(card.last_review) if card.last_review else None)


class Scheduler:
    """FSRS with the default parameters; ``fuzz=False`` makes due dates reproducible."""

    def __init__(self, desired_retention: float = 0.9, fuzz: bool = True):
        self.desired_retention = desired_retention
        self.fuzz = fuzz
        self._fsrs = fsrs.Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)
        self._plain = (fsrs.Scheduler(desired_retention=desired_retention,
                                      enable_fuzzing=False) if fuzz else self._fsrs)

    def new_state(self, now: datetime) -> CardState:
        """A card never reviewed, due at ``now``."""
        return CardState(NEW, 0, None, None, utc(now), None)

    def grade(self, state: CardState, grade: int, now: datetime) -> CardState:
        """The state after grading the card ``grade`` (1-4) at ``now``."""
        if grade not in GRADES:
            raise ValueError(f"grade {grade!r} is not one of 1, 2, 3, 4")
        card, _ = self._fsrs.review_card(_to_fsrs(state), fsrs.Rating(grade), utc(now))
        return _from_fsrs(card)

    def preview(self, state: CardState, now: datetime) -> dict[int, datetime]:
        """Grade -> next due, without fuzz: what the review buttons show."""
        card, moment = _to_fsrs(state), utc(now)
        return {g: utc(self._plain.review_card(card, fsrs.Rating(g), moment)[0].due)
                for g in GRADES}

    def retrievability(self, state: CardState, now: datetime) -> float:
        """The probability that the card is recalled at ``now`` (0 for a new card)."""
        if state.state == NEW:
            return 0.0
        return float(self._fsrs.get_card_retrievability(_to_fsrs(state), utc(now)))


def format_interval(delta: timedelta) -> str:
    """An interval as Anki shows it on the buttons: ``<1m``, ``10m``, ``1h``, ``3d``,
    ``2mo``, ``1.2y``."""
    seconds = delta.total_seconds()
    if seconds < 60:
        return "<1m"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"

    def short(value: float) -> str:
        return f"{value:.1f}".removesuffix(".0")

    if days < 365:
        return f"{short(days / 30)}mo"
    return f"{short(days / 365)}y"
