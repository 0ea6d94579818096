"""A small card collection at a fixed time, for the review and statistics screens."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from studyaid.study.cards import Card, CardStore
from studyaid.study.collection import Collection
from studyaid.study.log import LOG
from studyaid.study.scheduler import Scheduler
from studyaid.study.settings import StudySettings

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
"""The tests' "now": every screen gets a clock that returns it."""

CARDS = [
    # word, traditional, reading, gloss, note, sentence, translation, source
    ("釜底抽薪", "釜底抽薪", "fu3 di3 chou1 xin1", "to cut off the problem at its root",
     "remove the firewood from under the cauldron", "他们决定釜底抽薪，停止合作。",
     "They decided to strike at the root and stop working together.", "seed article"),
    ("微软", "微軟", "wei1 ruan3", "Microsoft", "", "微软与OpenAI的裂痕",
     "The rift between Microsoft and OpenAI", "seed article"),
    ("裂痕", "裂痕", "lie4 hen2", "crack; rift", "", "微软与OpenAI的裂痕", "", "seed article"),
]
"""Added in this order (an hour apart), so new cards come up in this order."""


def add_cards(vocab: Path, rows: list[tuple[str, ...]] = CARDS, recall: bool = False) -> None:
    """Write the cards to the vocab folder's cards.tsv."""
    store = CardStore(vocab)
    for number, row in enumerate(rows):
        added = NOW - timedelta(days=1) + timedelta(hours=number)
        store.add(Card(*row, added=added, recall=recall))


def open_collection(vocab: Path, new_per_day: int = 20, recall: bool = False) -> Collection:
    """The collection in ``vocab``, fuzz off, days in UTC (the tests' machine's zone
    does not matter)."""
    settings = StudySettings(new_per_day=new_per_day, recall=recall, timezone="UTC")
    return Collection(vocab, vocab.parent / "study-cache", settings, Scheduler(fuzz=False))


def log_lines(vocab: Path) -> list[dict[str, Any]]:
    """The review log's lines, parsed."""
    path = vocab / LOG
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
