"""Kill -9 at random moments of real writes, and two writers at once: every vocab file
still parses and every change reported as saved is still there.

Bounded: at most :data:`MAX_KILLS` kills and :data:`BUDGET` seconds over all of them
(the kill points are seeded; where in the write each lands depends on the machine, and
the checks hold wherever it lands)."""

from __future__ import annotations

import csv
import io
import random
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import Learner
from studyaid.study import Card, CardStore, Collection

MAX_KILLS = 40
T = datetime(2025, 5, 1, 8, 0, tzinfo=UTC)
BUDGET = 10.0
"""Seconds for the killed runs together (the whole test stays under 15 s)."""

# A learner at work through the study API, printing each change once its call returned
# (that is, once it was reported saved): a gloss, a status, a translation, a card, a
# lexicon rule, a grade.
DRIVER = r"""
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from studyaid.core.vocab.learner import Learner
from studyaid.core.vocab.glosses import Vocab
from studyaid.study import Card, CardStore, Collection

vocab, prefix, start = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
base = datetime(2025, 5, 1, 8, 0, tzinfo=UTC)
print("ready", flush=True)
for n in range(start, start + 10_000):
    word, op = f"{prefix}{n}", n % 6
    now = base + timedelta(minutes=n)
    if op == 0:
        Vocab(vocab).set_gloss(word, f"gloss {n}")
    elif op == 1:  # only words of Chinese characters have a status: 词12 is 词一二
        word = prefix + "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
        Learner(vocab).set_status(word, "known")
    elif op == 2:
        Learner(vocab).set_translation(prefix, n, f"句子{n}", f"sentence {n}")
    elif op == 3:
        CardStore(vocab).add(Card(word, word, "", f"card {n}", "", "", "", "", now))
    elif op == 5:
        Vocab(vocab).add_rule([word])
    else:
        collection = Collection(vocab, None)
        due = collection.next_due(now)
        if due is None:
            continue
        collection.grade(due, 3, now, 1000)
        word = f"{due.card.word}@{collection.history.times[-1]}"
    print(op, n, word, flush=True)
"""


def _all_parse(vocab: Path) -> Collection:
    """Every file of the folder read as the program reads it (raises if one is broken)."""
    Vocab(vocab).glosses()
    Vocab(vocab).lexicon()
    learner = Learner(vocab)
    learner.statuses(), learner.translations(), learner.positions()
    CardStore(vocab).cards()
    collection = Collection(vocab, None)
    # A torn last line (the grade being written) is the one warning a kill may leave.
    assert all("incomplete last line" in w for w in collection.warnings), collection.warnings
    return collection


def _check_saved(vocab: Path, saved: list[str]) -> None:
    collection = _all_parse(vocab)
    glosses, statuses = Vocab(vocab).glosses(), Learner(vocab).statuses()
    merges = Vocab(vocab).lexicon().merges
    translations = {(t.text_id, t.index) for t in Learner(vocab).translations()}
    cards = CardStore(vocab).cards()
    history = collection.history
    reviews = {f"{history.keys[k][0]}@{t}" for k, t in zip(history.kid, history.times,
                                                         strict=True)}
    for line in saved:
        if line == "ready":
            continue
        op, n, word = line.split(" ")
        found = {
            "0": word in glosses and glosses[word].gloss == f"gloss {n}",
            "1": statuses.get(word) == "known",
            "2": (word.rstrip("0123456789"), int(n)) in translations,
            "3": word in cards,
            "4": word in reviews,
            "5": word in merges,
        }[op]
        assert found, (f"reported saved, then lost: {line} (of {len(saved)}); the folder: "
                       + " | ".join(f"{p.name}: {p.stat().st_size}" for p in vocab.iterdir()))


class Killer:
    """Runs commands and kills them with SIGKILL at seeded random moments, within the
    test's budget of kills and seconds."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)
        self.kills = 0
        self.spent = 0.0

    def left(self) -> bool:
        return self.kills < MAX_KILLS and self.spent < BUDGET

    def run(self, argv: list[str], low: float, high: float,
            ready: bool = False) -> tuple[int | None, str]:
        """Start ``argv``, SIGKILL it after a random delay in [low, high) seconds unless it
        ended first (counted from its first line ``ready``, with ``ready``); its exit
        status (None: killed) and what it printed."""
        began = time.monotonic()
        process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   text=True)
        if ready:  # the imports done, however loaded the machine: now it writes
            assert process.stdout is not None and process.stdout.readline() == "ready\n"
        try:
            process.wait(timeout=self.random.uniform(low, high))
            status: int | None = process.returncode
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            self.kills += 1
            status = None
        out = process.stdout.read() if process.stdout else ""
        if process.stdout:
            process.stdout.close()
        self.spent += time.monotonic() - began
        return status, out


def _timed(argv: list[str]) -> float:
    began = time.monotonic()
    subprocess.run(argv, check=True, capture_output=True)
    return time.monotonic() - began


STUDYAID = [sys.executable, "-m", "studyaid"]


def test_kill_9_loses_nothing_reported_saved(dictionary, vocab_dir: Path, tmp_path: Path):
    killer = Killer(seed=2025)
    saved: list[str] = []
    args = ["--vocab", str(vocab_dir)]
    # How long each real command takes to the end here: its write is in the last part.
    gloss_time = _timed([*STUDYAID, "gloss", "set", *args, "盟友", "ally"])
    out = tmp_path / "words.csv"
    export = [*STUDYAID, "export", "vocab", *args, "--format", "csv", "-o", str(out), "--force"]
    export_time = _timed(export)
    assert Vocab(vocab_dir).glosses()["盟友"].gloss == "ally"

    def driver(n: int) -> None:  # many writes per process: a kill lands inside one
        start = 1000 * n
        status, printed = killer.run([sys.executable, "-c", DRIVER, str(vocab_dir), "词",
                                      str(start)], 0.05, 0.8, ready=True)
        assert status is None, "the driver ended by itself"
        saved.extend(printed.splitlines())

    def gloss(n: int) -> None:
        word, text = f"盟友{n}", f"gloss {n}"
        status, _ = killer.run([*STUDYAID, "gloss", "set", *args, word, text],
                               0.5 * gloss_time, 1.2 * gloss_time)
        if status == 0:
            saved.append(f"0 {n} {word}")

    def card(n: int) -> None:
        word = ["合作", "裂痕", "微软", "对手"][n % 4]
        status, _ = killer.run([*STUDYAID, "card", "add", *args, word], 0.3, 2.0)
        if status == 0:
            saved.append(f"3 {n} {word}")

    def export_csv(n: int) -> None:
        before = out.read_bytes()
        status, _ = killer.run(export, 0.5 * export_time, 1.2 * export_time)
        rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
        assert rows[0][0] == "word" and all(len(r) == len(rows[0]) for r in rows)
        if status is None:  # killed: the old file or the whole new one, never a mix
            assert out.read_bytes() == before or out.read_bytes().endswith(b"\r\n")
        words = {r[0] for r in rows[1:]}
        if status == 0:
            assert set(Vocab(vocab_dir).glosses()) <= words

    rounds: list[Callable[[int], None]] = [driver, gloss, driver, export_csv, driver, gloss,
                                           card]
    n = 0
    while n < len(rounds) or killer.left():  # every kind once, then while the budget lasts
        rounds[n % len(rounds)](n)
        _check_saved(vocab_dir, saved)
        n += 1
    print(f"{killer.kills} kills in {killer.spent:.1f} s; {len(saved)} changes reported "
          "saved, all there")
    assert killer.kills >= 3  # the drivers, at least, never end by themselves
    assert sum(1 for s in saved if s.startswith("4 ")) >= 1  # grades were among them
    # A temp file a kill left behind is swept by the next write of its file.
    Vocab(vocab_dir).set_gloss("对手", "rival")
    Vocab(vocab_dir).add_rule(["议价权"])
    Learner(vocab_dir).set_status("对手", "learning")
    Learner(vocab_dir).set_translation("词", 0, "句子", "a sentence")
    Learner(vocab_dir).set_position("词", 1)
    CardStore(vocab_dir).add(Card("对手", "對手", "", "", "", "", "", "", T))
    assert not [p.name for p in vocab_dir.iterdir() if p.name.endswith(".tmp")]


# -- Two writers at once -------------------------------------------------------------------


def test_two_learners_writing_everything_at_once_lose_nothing(vocab_dir: Path) -> None:
    # Two drivers (glosses, statuses, translations, cards, grades), each run to its
    # 60th change, then stopped; every change either printed is there.
    saved: list[str] = []
    processes = [subprocess.Popen([sys.executable, "-c", DRIVER, str(vocab_dir), prefix, "0"],
                                  stdout=subprocess.PIPE, text=True) for prefix in ("甲", "乙")]
    for process in processes:
        assert process.stdout is not None
        for _ in range(60):
            saved.append(process.stdout.readline().strip())
        process.kill()
        process.wait()
        process.stdout.close()
    _check_saved(vocab_dir, saved)
    glosses = Vocab(vocab_dir).glosses()
    assert {w for w in glosses if w[0] == "甲"} and {w for w in glosses if w[0] == "乙"}


@pytest.mark.parametrize("writes", [4])
def test_two_gloss_set_commands_at_once_lose_nothing(vocab_dir: Path, writes: int) -> None:
    # The real command, two terminals at once, distinct words.
    def loop(prefix: str) -> str:
        return ";".join(f"{sys.executable} -m studyaid --vocab {vocab_dir} gloss set "
                        f"{prefix}{n} 'gloss {n}' >/dev/null" for n in range(writes))

    shells = [subprocess.Popen(["sh", "-c", loop(p)]) for p in ("甲", "乙")]
    for shell in shells:
        assert shell.wait(timeout=120) == 0
    glosses = Vocab(vocab_dir).glosses()
    assert set(glosses) == {f"{p}{n}" for p in ("甲", "乙") for n in range(writes)}
