"""One reading pipeline: every path that shows readings reads a text the same way.

The reader (its annotation engine, before and after a gloss edit reloads it), ``annotate``,
``export text``, ``card add`` and the library's profile all build their annotator with
``services.build_annotator``; these sentences hold polyphones only the context model
reads right (勃艮第 gèn, 黄陂 bēi, 一场 chǎng), so a path that dropped the model shows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studyaid.cli import main
from studyaid.core.engine.process import InProcessEngine
from studyaid.core.engine.services import build_annotator
from studyaid.core.engine.settings import Settings
from studyaid.core.vocab.glosses import Vocab
from studyaid.study import CardStore

TEXT = "他在勃艮第和黄陂各看了一场戏。\n这是一场误会，他们都笑了。\n"

# What the context model reads (the dictionaries alone read gen3, pi2, chang2).
EXPECTED = [
    ("勃艮第", "bo2 gen4 di4"),
    ("黄陂", "huang2 bei1"),
    ("一场", "yi1 chang3"),
]


def _readings(sentences) -> dict[str, str]:
    return {t.text: " ".join(t.info.pinyin) for s in sentences for t in s.tokens if t.is_word}


@pytest.fixture
def text(tmp_path: Path) -> Path:
    path = tmp_path / "text.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def settings(vocab_dir: Path, dictionary) -> Settings:
    return Settings(vocab_dir, dictionary.path.parent)


def test_the_default_settings_read_in_context(settings: Settings, dictionary) -> None:
    readings = _readings(build_annotator(settings, dictionary).annotate(TEXT))
    for word, reading in EXPECTED:
        assert readings[word] == reading, word


def test_the_reader_reads_the_same_before_and_after_a_gloss_edit(settings: Settings) -> None:
    engine = InProcessEngine(settings, TEXT)
    before = _readings(engine.annotate(0, 2))
    Vocab(settings.vocab).set_gloss("误会", "a misunderstanding")
    engine.reload(False)
    after = engine.annotate(0, 2)
    assert _readings(after) == before
    assert any(t.info.gloss == "a misunderstanding" for s in after for t in s.tokens)
    for word, reading in EXPECTED:
        assert before[word] == reading, word


def test_annotate_export_and_card_add_read_as_the_reader(
    settings: Settings, dictionary, text: Path, capsys, tmp_path: Path
) -> None:
    reader = _readings(build_annotator(settings, dictionary).annotate(TEXT))

    assert main(["annotate", str(text), "--pinyin", "numbers", "--vocab", str(settings.vocab)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    annotated = {t["text"]: " ".join(t["pinyin"]) for s in lines for t in s["tokens"]
                 if t["pinyin"]}
    assert annotated == reader

    out = tmp_path / "text.md"
    assert main(["export", "text", str(text), "--format", "md", "-o", str(out),
                 "--vocab", str(settings.vocab)]) == 0
    exported = out.read_text(encoding="utf-8")
    assert "bógèndì" in exported and "huángbēi" in exported.lower()
    assert exported.count("yīchǎng") == 2

    assert main(["card", "add", "勃艮第", "黄陂", "一场", "--text", str(text),
                 "--vocab", str(settings.vocab)]) == 0
    cards = CardStore(settings.vocab).cards()
    for word, reading in EXPECTED:
        assert cards[word].reading == reading, word
