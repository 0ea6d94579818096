"""Flashcards: cards from reading, FSRS scheduling, the review log, the collection, stats.

- ``cards``: a card and the card file (``card_from_token``, ``card_from_entry``, ``CardStore``);
- ``scheduler``: FSRS behind one module (``Scheduler``, ``CardState``, ``FsrsState``);
- ``log``: the review log; ``history`` (+ ``history_cache``): each card's state from it;
- ``collection``: the learner's cards with their history: what is due, grading, undo,
  limits, word statuses; ``settings``: ``study.toml``;
- ``stats``: the statistics' figures; ``word_list``: every word glossed, marked or carded.

Plain Python over the core; never imports textual or rich. Times are passed in (``now=``)
as timezone-aware datetimes; everything stored is UTC.
"""

from studyaid.study.cards import (
    CARDS,
    DIRECTIONS,
    RECALL,
    RECOGNITION,
    Card,
    CardStore,
    card_from_entry,
    card_from_token,
)
from studyaid.study.collection import (
    KNOWN_RETRIEVABILITY,
    KNOWN_STABILITY,
    Collection,
    Counts,
    Due,
)
from studyaid.study.log import LOG, ReviewLog
from studyaid.study.scheduler import GRADES, STATES, CardState, Scheduler, format_interval
from studyaid.study.settings import StudySettings, load_settings
from studyaid.study.stats import Stats, bars
from studyaid.study.stats import render as render_stats

__all__ = [
    "CARDS", "DIRECTIONS", "GRADES", "KNOWN_RETRIEVABILITY", "KNOWN_STABILITY", "LOG",
    "RECALL", "RECOGNITION", "STATES", "Card", "CardState", "CardStore", "Collection",
    "Counts", "Due", "ReviewLog", "Scheduler", "Stats", "StudySettings", "bars",
    "card_from_entry", "card_from_token", "format_interval", "load_settings", "render_stats",
]
