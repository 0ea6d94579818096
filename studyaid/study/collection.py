"""The learner's cards with their review history (:class:`Collection`): what is due,
grading, undo, daily limits, statuses, stats.

Times are passed in (``now=``). The state of every card comes from the review log (see
``history.py``); a grade is in the log, fsynced, before :meth:`Collection.grade` returns.

Daily limits count today's log lines (the learner's local day): a *new* card is one
reviewed for the first time today; a *review* is a grade of a card that was in the FSRS
``review`` state (learning steps are not limited, as in Anki).
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from studyaid.core.vocab.learner import WordStatus
from studyaid.study import history as _history
from studyaid.study.cards import RECOGNITION, Card, CardStore
from studyaid.study.history import Key
from studyaid.study.log import ReviewLog, review_record, undo_record
from studyaid.study.scheduler import NEW, REVIEW, STATES, CardState, Scheduler, iso, utc
from studyaid.study.settings import StudySettings, load_settings, zone
from studyaid.study.stats import DAYS, Days, Stats, day_bounds, per_day

KNOWN_STABILITY = 21.0
"""A card is *known* once FSRS expects it to last three weeks (stability, in days) ...
"""
KNOWN_RETRIEVABILITY = 0.9
"""... and the learner would still recall it now with probability 0.9 (the default
desired retention); below either, the word is *learning*."""
LEARN_AHEAD = timedelta(minutes=20)
"""When nothing else is due, a learning card due this soon is shown early (as Anki does)."""


@dataclass(frozen=True)
class Due:
    """A card to show, in one direction, with its current state."""

    card: Card
    direction: str
    state: CardState


@dataclass(frozen=True)
class Counts:
    """What the review header shows."""

    due_now: int
    due_later_today: int
    new_left_today: int
    next_due: datetime | None
    """When the next card can be shown (``now`` if one is due; None: no cards at all)."""


class Collection:
    """The learner's cards with their review history, ready to review."""

    def __init__(self, vocab: Path, cache: Path | None, settings: StudySettings | None = None,
                 scheduler: Scheduler | None = None, save_cache: bool = True):
        """``save_cache=False`` leaves writing the card-state cache to :meth:`save_cache`
        (a screen shows its first card first)."""
        self.vocab = vocab
        self.cache = cache
        self.settings = settings or load_settings(vocab)
        self.scheduler = scheduler or Scheduler(self.settings.desired_retention)
        self.days = Days(zone(self.settings.timezone))
        self.store = CardStore(vocab)
        self.log = ReviewLog(vocab)
        # Held while the history changes or is written to the cache (from a thread).
        self._lock = threading.Lock()
        self._save = save_cache
        self.reload()

    def reload(self) -> None:
        """Read the cards and the log's new lines again (another process may add)."""
        with self._lock:
            self.history = _history.load(self.log, self.cache, self._save)
            self._cards = self.store.cards()
            self._index()

    def save_cache(self) -> None:
        """Write the card-state cache if it lags behind the log (safe from a thread)."""
        with self._lock:
            _history.save_cache(self.history)

    @property
    def warnings(self) -> list[str]:
        """Log lines that were skipped (a torn last line after a crash, say)."""
        found = list(self.history.warnings)
        return found + [self.history.torn] if self.history.torn else found

    def _index(self) -> None:
        """Split the scheduled (card, direction) pairs into started and new ones."""
        states = self.history.states
        self._started: dict[Key, CardState] = {}
        new: list[tuple[datetime, str, int, Key]] = []
        for card in self._cards.values():
            for rank, direction in enumerate(card.directions(self.settings.recall)):
                key = (card.word, direction)
                state = states.get(key)
                if state is None:
                    new.append((card.added, card.word, rank, key))
                else:
                    self._started[key] = state
        self._new = dict.fromkeys(key for *_, key in sorted(new))
        self._today: tuple[str, set[Key], int] | None = None

    def _done_today(self, now: datetime) -> tuple[set[Key], int]:
        """The cards started today and the reviews done today."""
        start = iso(self.days.today(now)[0])
        if self._today is None or self._today[0] != start:
            history = self.history
            started, reviews = set(), 0
            for i in history.since(start):
                if history.grades[i]:
                    before = history.before(i)
                    if before == NEW:
                        started.add(history.keys[history.kid[i]])
                    elif before == REVIEW:
                        reviews += 1
            self._today = (start, started, reviews)
        return self._today[1], self._today[2]

    def _left(self, now: datetime) -> tuple[int, int]:
        started, reviews = self._done_today(now)
        return (max(0, self.settings.new_per_day - len(started)),
                max(0, self.settings.reviews_per_day - reviews))

    def _due(self, key: Key, state: CardState) -> Due:
        return Due(self._cards[key[0]], key[1], state)

    # -- The queue --------------------------------------------------------------------------

    def counts(self, now: datetime) -> Counts:
        """Due now, due later today, new cards left today, when the next card is."""
        now = utc(now)
        tomorrow = self.days.today(now)[1]
        new_left, reviews_left = self._left(now)
        learning = reviews = learning_later = reviews_later = 0
        soonest: datetime | None = None
        for state in self._started.values():
            due = state.due
            if due <= now:
                if state.state == REVIEW:
                    reviews += 1
                else:
                    learning += 1
            elif due < tomorrow:
                if state.state == REVIEW:
                    reviews_later += 1
                else:
                    learning_later += 1
            if due > now and (state.state != REVIEW or reviews_left) and (
                    soonest is None or due < soonest):
                soonest = due
        new_now = min(new_left, len(self._new))
        due_now = learning + min(reviews, reviews_left) + new_now
        later = learning_later + min(reviews_later, max(0, reviews_left - reviews))
        if due_now:
            soonest = now
        elif (self._new or reviews) and (soonest is None or tomorrow < soonest):
            soonest = tomorrow  # the limits are spent; they are renewed tomorrow
        return Counts(due_now, later, new_now, soonest)

    def next_due(self, now: datetime) -> Due | None:
        """The card to show next: learning cards due, then reviews due (within today's
        limit), then new cards (within today's limit), then a learning card due within
        :data:`LEARN_AHEAD`; None when nothing is due."""
        now = utc(now)
        learning: tuple[datetime, Key] | None = None
        review: tuple[datetime, Key] | None = None
        for key, state in self._started.items():
            due = state.due
            if state.state == REVIEW:
                if due <= now and (review is None or due < review[0]):
                    review = (due, key)
            elif due <= now + LEARN_AHEAD and (learning is None or due < learning[0]):
                learning = (due, key)
        new_left, reviews_left = self._left(now)
        if learning is not None and learning[0] <= now:
            return self._due(learning[1], self._started[learning[1]])
        if review is not None and reviews_left:
            return self._due(review[1], self._started[review[1]])
        if self._new and new_left:
            key = next(iter(self._new))
            return self._due(key, self.scheduler.new_state(now))
        if learning is not None:
            return self._due(learning[1], self._started[learning[1]])
        return None

    def preview(self, due: Due, now: datetime) -> dict[int, datetime]:
        """Grade -> next due for the card, as the buttons show it (no fuzz)."""
        return self.scheduler.preview(self._state(due, now), now)

    def _state(self, due: Due, now: datetime) -> CardState:
        # The log is the truth: a Due shown twice is graded from its current state.
        state = self.history.states.get((due.card.word, due.direction))
        return state if state is not None else self.scheduler.new_state(now)

    # -- Grading -----------------------------------------------------------------------------

    def grade(self, due: Due, grade: int, now: datetime, duration_ms: int) -> CardState:
        """Grade a card (1 Again .. 4 Easy); the log line is fsynced before this returns."""
        key = (due.card.word, due.direction)
        now = utc(now)
        times = self.history.times
        if times and times[-1] >= iso(now):
            # A clock that went back (or two grades in one microsecond): the log stays
            # in time order, which is what lets a reader find today's reviews by bisection.
            now = datetime.fromisoformat(times[-1]) + timedelta(microseconds=1)
        before = self._state(due, now)
        state = self.scheduler.grade(before, grade, now)
        with self._lock:
            offset, length = self.log.append(
                review_record(key[0], key[1], grade, now, duration_ms, state))
            time = iso(now)
            self.history.add(key, time, grade, offset, length, state)
        if self._today is not None and time >= self._today[0]:
            if before.state == NEW:
                self._today[1].add(key)
            elif before.state == REVIEW:
                self._today = (self._today[0], self._today[1], self._today[2] + 1)
        if key[0] in self._cards:
            self._started[key] = state
        self._new.pop(key, None)
        return state

    def undo(self, now: datetime) -> Due | None:
        """Undo the latest grade (an undo line in the log); the card to show again, or None
        when there is nothing to undo."""
        last = self.history.last_review()
        if last is None:
            return None
        key, time = last
        with self._lock:
            self.log.append(undo_record(key[0], key[1], time, now))
            self.history.remove(key, time)
            self._index()
        if key[0] not in self._cards:
            return None
        state = self.history.states.get(key)
        return self._due(key, state if state is not None else self.scheduler.new_state(now))

    # -- The link to reading, listing, statistics -----------------------------------------------

    def status_of(self, word: str, now: datetime) -> WordStatus | None:
        """``known`` once the word's recognition card has stability >= 21 days and
        retrievability >= 0.9 now, else ``learning``; None when the word has no card."""
        if word not in self._cards:
            return None
        state = self.history.states.get((word, RECOGNITION))
        if (state is None or state.stability is None
                or state.stability < KNOWN_STABILITY
                or self.scheduler.retrievability(state, now) < KNOWN_RETRIEVABILITY):
            return "learning"
        return "known"

    def statuses(self, now: datetime) -> dict[str, str]:
        """:meth:`status_of` for every card's word (for the reader, in one call), each a
        :data:`~studyaid.core.vocab.learner.WordStatus`."""
        return {word: self.status_of(word, now) or "learning" for word in self._cards}

    def cards(self, now: datetime) -> list[dict[str, Any]]:
        """Every card with its schedule, by word (``studyaid cards --json``): ``due`` is
        the soonest of its directions (ISO 8601 with timezone), ``state`` and
        ``status`` are its recognition card's, ``reviews`` counts all directions."""
        now = utc(now)
        rows = []
        for word in sorted(self._cards):
            card = self._cards[word]
            directions: dict[str, dict[str, Any]] = {}
            for direction in card.directions(self.settings.recall):
                key = (word, direction)
                state = self._started.get(key) or self.scheduler.new_state(now)
                directions[direction] = {
                    "state": state.state, "due": iso(state.due),
                    "reviews": self.history.count.get(key, 0),
                    "stability": state.stability, "difficulty": state.difficulty,
                    "retrievability": round(self.scheduler.retrievability(state, now), 4),
                }
            first = directions[RECOGNITION]
            rows.append({
                "word": word, "traditional": card.traditional, "reading": card.reading,
                "gloss": card.gloss, "due": min(d["due"] for d in directions.values()),
                "state": first["state"], "reviews": sum(d["reviews"] for d in
                                                       directions.values()),
                "status": self.status_of(word, now), "added": iso(card.added),
                "source": card.source, "directions": directions,
            })
        return rows

    def stats(self, now: datetime) -> Stats:
        """Reviews per day (last 30 days), the due forecast (next 30), retention."""
        now = utc(now)
        today = self.days.date_of(now)
        past = day_bounds(self.days, today - timedelta(days=DAYS - 1), DAYS)
        history = self.history
        times: list[str] = []
        passed = measured = 0
        for i in history.since(past[0], past[-1]):
            if history.grades[i]:
                times.append(history.times[i])
                if history.before(i) == REVIEW:
                    measured += 1
                    passed += history.grades[i] > 1
        done = per_day(times, past)
        ahead = [self.days.start(today + timedelta(days=i)) for i in range(1, DAYS + 1)]
        due = [0] * DAYS
        states: dict[str, int] = dict.fromkeys(STATES, 0)
        states[NEW] = len(self._new)
        for state in self._started.values():
            states[state.state] += 1
            if state.due < ahead[-1]:
                due[bisect.bisect_right(ahead, state.due)] += 1
        known = sum(1 for s in self.statuses(now).values() if s == "known")
        return Stats(
            [(today - timedelta(days=DAYS - 1 - i), n) for i, n in enumerate(done)],
            [(today + timedelta(days=i), n) for i, n in enumerate(due)],
            passed / measured if measured else None, measured, states, known,
        )
