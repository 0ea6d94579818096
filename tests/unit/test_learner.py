"""The learner's files: status, translations, positions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from studyaid.core.errors import StudyaidError
from studyaid.core.vocab.learner import (
    KNOWN,
    LEARNING,
    NEW,
    POSITIONS,
    STATUS,
    TRANSLATIONS,
    Learner,
    Shown,
    word_status,
)


def test_status_round_trip(vocab_dir: Path) -> None:
    learner = Learner(vocab_dir)
    assert learner.statuses() == {}
    day = date(2025, 3, 1)
    learner.set_status("微软", KNOWN, day)
    learner.set_status("断粮", LEARNING, day)
    learner.set_status("合作", KNOWN, day)
    learner.set_status("合作", NEW, day)
    assert learner.statuses() == {"微软": KNOWN, "断粮": LEARNING}
    lines = (vocab_dir / STATUS).read_text(encoding="utf-8").splitlines()
    assert lines[1:] == sorted(["微软\tknown\t2025-03-01", "断粮\tlearning\t2025-03-01"])


def test_translation_anchored_to_its_sentence(vocab_dir: Path) -> None:
    learner = Learner(vocab_dir)
    learner.set_translation("seed", 3, "盟友还是对手?", "Ally or rival?")
    # the same sentence, same number
    assert learner.translation("seed", 3, "盟友还是对手?") == Shown("Ally or rival?", False)
    # the sentence moved: its translation follows it
    assert learner.translation("seed", 5, "盟友还是对手?") == Shown("Ally or rival?", False)
    # the sentence at that number changed: stale, not lost
    assert learner.translation("seed", 3, "盟友还是敌人?") == Shown("Ally or rival?", True)
    # another text
    assert learner.translation("other", 3, "盟友还是对手?") is None
    learner.set_translation("seed", 3, "盟友还是对手?", "")
    assert learner.translations() == []


def test_position_per_text(vocab_dir: Path) -> None:
    learner = Learner(vocab_dir)
    assert learner.position("seed") == 0
    learner.set_position("seed", 12)
    learner.set_position("/texts/zhufu.txt", 4)
    assert learner.position("seed") == 12
    assert Learner(vocab_dir).positions() == {"seed": 12, "/texts/zhufu.txt": 4}


# A broken file: reported with file:line, and never rewritten.
BROKEN = [
    (STATUS, "微软\tmaybe\n", 2, "status 'maybe'"),
    (STATUS, "微软\tknown\n微软\tlearning\n", 3, "appears twice"),
    (STATUS, "微软\n", 2, "1 tab-separated fields"),
    (TRANSLATIONS, "seed\tx\t句子\tsentence\n", 2, "not a whole number"),
    (TRANSLATIONS, "seed\t1\t句子\t\n", 2, "is empty"),
    (POSITIONS, "seed\t-1\n", 2, "not a whole number"),
    (POSITIONS, "seed\t1\tx\n", 2, "word offset 'x'"),
    (POSITIONS, "seed\t1\t2\t3\n", 2, "4 tab-separated fields"),
]


@pytest.mark.parametrize(("name", "content", "line", "problem"), BROKEN)
def test_broken_file_is_reported_and_kept(
    vocab_dir: Path, name: str, content: str, line: int, problem: str
) -> None:
    path = vocab_dir / name
    path.write_text("# a comment\n" + content, encoding="utf-8")
    learner = Learner(vocab_dir)
    write = {
        STATUS: lambda: learner.set_status("合作", KNOWN),
        TRANSLATIONS: lambda: learner.set_translation("seed", 0, "句子", "a sentence"),
        POSITIONS: lambda: learner.set_position("seed", 1),
    }[name]
    with pytest.raises(StudyaidError) as caught:
        write()
    assert problem in str(caught.value)
    assert f"{path}:{line}: " in str(caught.value)
    assert path.read_text(encoding="utf-8") == "# a comment\n" + content


@pytest.mark.parametrize(("value", "status"), [
    ("new", "new"), ("learning", "learning"), ("known", "known"),
    # A card's FSRS states are not word statuses, though one shares a name.
    ("review", None), ("relearning", None), ("Known", None), ("", None),
])
def test_word_status_is_one_of_three(value: str, status: str | None) -> None:
    assert word_status(value) == status
