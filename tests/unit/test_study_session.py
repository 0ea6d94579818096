"""Review sessions: the queue, daily limits in local days, undo, word status, listing,
statistics and settings. Fixed times, fuzz off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyaid.core.errors import StudyaidError
from studyaid.study import Card, CardStore, Collection, Scheduler, StudySettings, load_settings

# 08:00 UTC is 16:00 in Shanghai: the local day ends at 16:00 UTC.
T = datetime(2025, 5, 1, 8, 0, tzinfo=UTC)
WORDS = ["釜底抽薪", "合作", "微软", "裂痕", "盟友"]


def make(vocab: Path, words: list[str] = WORDS, recall: tuple[str, ...] = (),
         **settings) -> Collection:
    CardStore(vocab).add_many(
        Card(w, w, "", f"gloss {w}", "", "", "", "", T + timedelta(seconds=i), w in recall)
        for i, w in enumerate(words))
    return Collection(vocab, None, StudySettings(timezone="Asia/Shanghai", **settings),
                      Scheduler(fuzz=False))


def grade_all(collection: Collection, now: datetime, grade: int = 3) -> list[str]:
    """Grade whatever is due at ``now`` (a second apart); the words, in order."""
    shown = []
    while (due := collection.next_due(now)) is not None and due.state.due <= now:
        shown.append(f"{due.card.word}/{due.direction}")
        collection.grade(due, grade, now, 1000)
        now += timedelta(seconds=1)
    return shown


def test_new_cards_come_in_the_order_they_were_added(vocab_dir: Path) -> None:
    collection = make(vocab_dir)
    assert grade_all(collection, T) == [f"{w}/recognition" for w in WORDS]


# Daily limits: new cards and reviews, counted from today's log lines (local days).
LIMITS = [
    # settings, cards shown at T
    (dict(new_per_day=2), 2),
    (dict(new_per_day=0), 0),
    (dict(new_per_day=20), 5),
]


@pytest.mark.parametrize(("settings", "shown"), LIMITS)
def test_new_card_limit(vocab_dir: Path, settings: dict, shown: int) -> None:
    collection = make(vocab_dir, **settings)
    counts = collection.counts(T)
    assert counts.new_left_today == shown == counts.due_now
    assert len(grade_all(collection, T)) == shown


def test_the_new_limit_renews_at_local_midnight(vocab_dir: Path) -> None:
    collection = make(vocab_dir, new_per_day=2)
    assert len(grade_all(collection, T)) == 2
    # 15:59 UTC is 23:59 in Shanghai: still today; 16:00 UTC is tomorrow there.
    assert collection.counts(T.replace(hour=15, minute=59)).new_left_today == 0
    assert collection.counts(T).next_due == T.replace(hour=8, minute=10)
    assert collection.counts(T.replace(hour=16)).new_left_today == 2


def test_the_review_limit_counts_reviews_not_learning_steps(vocab_dir: Path) -> None:
    collection = make(vocab_dir, reviews_per_day=1)
    grade_all(collection, T, grade=4)  # Easy: straight to review, 8 days
    later = T + timedelta(days=9)
    counts = collection.counts(later)
    assert (counts.due_now, counts.new_left_today) == (1, 0)
    assert len(grade_all(collection, later)) == 1
    assert collection.counts(later).due_now == 0
    assert collection.counts(later).next_due == datetime(2025, 5, 10, 16, tzinfo=UTC)


def test_learning_cards_come_first_and_nothing_due_says_when(vocab_dir: Path) -> None:
    collection = make(vocab_dir, words=["合作", "微软"])
    collection.grade(collection.next_due(T), 1, T, 0)  # Again: 1 minute
    assert collection.next_due(T).card.word == "微软"
    collection.grade(collection.next_due(T), 3, T + timedelta(seconds=1), 0)
    one_minute = T + timedelta(minutes=1)
    assert collection.next_due(one_minute).card.word == "合作"
    counts = collection.counts(T + timedelta(seconds=2))
    assert (counts.due_now, counts.due_later_today, counts.next_due) == (0, 2, one_minute)
    # nothing due now, but a learning card within 20 minutes is shown early
    assert collection.next_due(T + timedelta(seconds=2)).card.word == "合作"


def test_nothing_at_all(vocab_dir: Path) -> None:
    collection = make(vocab_dir, words=[])
    assert collection.next_due(T) is None
    assert collection.counts(T).next_due is None
    assert collection.undo(T) is None


def test_undo_puts_the_card_back(vocab_dir: Path) -> None:
    collection = make(vocab_dir)
    first = collection.next_due(T)
    collection.grade(first, 3, T, 1000)
    collection.grade(collection.next_due(T), 3, T + timedelta(seconds=1), 1000)
    back = collection.undo(T + timedelta(seconds=2))
    assert back is not None and back.card.word == "合作" and back.state.state == "new"
    assert collection.next_due(T + timedelta(seconds=3)).card.word == "合作"
    assert collection.counts(T).new_left_today == 4
    back = collection.undo(T + timedelta(seconds=4))
    assert back.card.word == "釜底抽薪" and collection.counts(T).new_left_today == 5
    assert collection.undo(T + timedelta(seconds=5)) is None
    # the log says so too
    reopened = Collection(vocab_dir, None, collection.settings, Scheduler(fuzz=False))
    assert reopened.history.states == {}


def test_undo_of_a_second_review_restores_the_first(vocab_dir: Path) -> None:
    collection = make(vocab_dir, words=["合作"])
    due = collection.next_due(T)
    after_first = collection.grade(due, 3, T, 0)
    collection.grade(collection.next_due(T + timedelta(minutes=10)), 3,
                     T + timedelta(minutes=10), 0)
    assert collection.undo(T + timedelta(minutes=11)).state == after_first


def test_recall_direction_per_card_or_for_the_deck(vocab_dir: Path, tmp_path: Path) -> None:
    collection = make(vocab_dir, words=["合作", "微软"], recall=("微软",))
    assert grade_all(collection, T) == ["合作/recognition", "微软/recognition", "微软/recall"]
    folder = tmp_path / "deck"
    folder.mkdir()
    CardStore(folder).add(Card("合作", "合作", "", "", "", "", "", "", T))
    with_recall = Collection(folder, None, StudySettings(recall=True), Scheduler(fuzz=False))
    assert grade_all(with_recall, T) == ["合作/recognition", "合作/recall"]


def test_a_clock_that_goes_back_keeps_the_log_in_order(vocab_dir: Path) -> None:
    collection = make(vocab_dir, words=["合作", "微软"])
    collection.grade(collection.next_due(T), 3, T, 0)
    state = collection.grade(collection.next_due(T), 3, T - timedelta(hours=1), 0)
    assert state.last_review == T + timedelta(microseconds=1)


# Word status for the reader: learning while stability is low, known once well remembered.
STATUS = [
    # grades a day apart (each when due), status at the last due date
    ((), "learning"),
    ((3,), "learning"),
    ((4,), "learning"),            # stability ~8 days
    ((4, 4), "known"),             # stability ~66 days, just reviewed
    ((4, 4, 1), "learning"),       # forgotten
]


@pytest.mark.parametrize(("grades", "status"), STATUS)
def test_word_status(vocab_dir: Path, grades: tuple[int, ...], status: str) -> None:
    collection = make(vocab_dir, words=["合作"])
    now = T
    for grade in grades:
        due = collection.next_due(now) or collection.next_due(now + timedelta(days=400))
        now = max(now, due.state.due)
        collection.grade(due, grade, now, 0)
    assert collection.status_of("合作", now) == status
    assert collection.status_of("微软", now) is None
    assert collection.statuses(now) == {"合作": status}


def test_known_fades_back_to_learning(vocab_dir: Path) -> None:
    collection = make(vocab_dir, words=["合作"])
    collection.grade(collection.next_due(T), 4, T, 0)
    due = collection.next_due(T + timedelta(days=8))
    collection.grade(due, 4, T + timedelta(days=8), 0)
    assert collection.status_of("合作", T + timedelta(days=9)) == "known"
    assert collection.status_of("合作", T + timedelta(days=400)) == "learning"


def test_cards_listing(vocab_dir: Path) -> None:
    collection = make(vocab_dir, words=["合作", "微软"])
    collection.grade(collection.next_due(T), 3, T, 0)
    rows = {r["word"]: r for r in collection.cards(T)}
    assert rows["合作"]["due"] == "2025-05-01T08:10:00.000000+00:00"
    assert (rows["合作"]["state"], rows["合作"]["reviews"]) == ("learning", 1)
    assert (rows["微软"]["state"], rows["微软"]["reviews"]) == ("new", 0)
    assert datetime.fromisoformat(rows["微软"]["due"]).tzinfo is not None


def test_stats(vocab_dir: Path) -> None:
    collection = make(vocab_dir, words=["合作", "微软", "裂痕"])
    grade_all(collection, T - timedelta(days=2), grade=4)  # three cards, two days ago
    later = T + timedelta(days=7)
    for grade in (1, 3):  # one forgotten, one remembered (reviews of cards in review)
        collection.grade(collection.next_due(later), grade, later, 0)
        later += timedelta(seconds=1)
    stats = collection.stats(later)
    days = dict(stats.reviews_per_day)
    assert len(stats.reviews_per_day) == len(stats.forecast) == 30
    assert days[datetime(2025, 4, 29).date()] == 3 and days[datetime(2025, 5, 8).date()] == 2
    assert stats.retention == 0.5 and stats.retention_reviews == 2
    # today: the card not yet reviewed (overdue) and the forgotten one (10 minutes);
    # the remembered one is due in more than 30 days
    assert stats.forecast[0][1] == 2 and sum(n for _, n in stats.forecast) == 2
    assert stats.states == {"new": 0, "learning": 0, "review": 2, "relearning": 1}


# study.toml: optional, validated.
SETTINGS = [
    ("", StudySettings()),
    ("new_per_day = 5\nrecall = true\n", StudySettings(new_per_day=5, recall=True)),
    ('timezone = "Asia/Taipei"\ndesired_retention = 0.85\n',
     StudySettings(timezone="Asia/Taipei", desired_retention=0.85)),
    ("auto_play = true\n", StudySettings(auto_play=True)),
]


@pytest.mark.parametrize(("text", "expected"), SETTINGS)
def test_settings(vocab_dir: Path, text: str, expected: StudySettings) -> None:
    (vocab_dir / "study.toml").write_text(text, encoding="utf-8")
    assert load_settings(vocab_dir) == expected


@pytest.mark.parametrize(("text", "problem"), [
    ("new_per_day = -1\n", "not a int >= 0"),
    ('new_per_day = "5"\n', "not a int"),
    ("cards = 5\n", "unknown setting"),
    ('timezone = "Mars/Olympus"\n', "unknown timezone"),
    ("new_per_day = \n", r"study.toml:1: not valid TOML"),
    ("recall = true\nnew_per_day = 5\ncards = 5\n", r"study.toml:3: unknown setting"),
    ('recall = true\nauto_play = "yes"\n', r"study.toml:2: auto_play = 'yes' is not a bool"),
    ("auto_play = 1\n", r"study.toml:1: auto_play = 1 is not a bool"),
])
def test_bad_settings(vocab_dir: Path, text: str, problem: str) -> None:
    (vocab_dir / "study.toml").write_text(text, encoding="utf-8")
    with pytest.raises(StudyaidError, match=problem):
        load_settings(vocab_dir)
