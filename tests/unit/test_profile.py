"""The profile of a text: words, known share, HSK 3.0 levels and idioms, on real Chinese
checked by hand; and its cache next to the annotation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studyaid.core.dictionary import hsk
from studyaid.core.engine.annotate import Annotator
from studyaid.core.engine.profile import ProfileCache, Profiler, count_text, profile, profile_key
from studyaid.core.engine.services import build_annotator
from studyaid.core.engine.settings import Settings

LEVELS = [
    # word, simplified form, level: listed words
    ("喜欢", None, "1"),
    ("猫", None, "2"),
    ("经济", None, "3"),
    ("裂痕", None, "7-9"),
    # names and words in no list
    ("微软", None, "beyond"),
    ("釜底抽薪", None, "beyond"),
    # traditional, through its simplified form
    ("學習", "学习", "1"),
    # 儿化: listed with 儿, met without
    ("一下", None, "1"),
    # not listed, made of listed words: the hardest part
    ("看着", None, "1"),
    ("喝咖啡", None, "3"),
]


@pytest.mark.parametrize(("word", "simplified", "level"), LEVELS)
def test_hsk_level(word: str, simplified: str | None, level: str) -> None:
    assert hsk.level_of(word, simplified) == level


def test_hsk_lists_are_the_2021_standard() -> None:
    levels = hsk.word_levels()
    assert len(levels) == 10_977
    assert set(levels.values()) == set(hsk.LEVELS)


COUNTS = [
    # text, words (tokens, distinct), HSK tokens by band, idioms
    # 我 喜欢 猫 / 我 的 猫 喜欢 我: 猫 is level 2, the rest level 1
    ("我喜欢猫。我的猫喜欢我！", (8, 4), {"1": 6, "2": 2}, 0),
    # 经济 环境 (3) 很 好 的 很 (1) 深 (3) 裂痕 (7-9) 微软 (no list); 很深 was jieba's HMM
    ("经济环境很好，微软的裂痕很深。", (9, 8), {"1": 4, "3": 3, "7-9": 1, "beyond": 1}, 0),
    # two idioms, neither in the HSK lists
    ("他釜底抽薪，屈指可数的人都看着。", (7, 7), {"1": 5, "beyond": 2}, 2),
    # traditional script: 學習 is 学习
    ("我學習中文。", (3, 3), {"1": 3}, 0),
    # numbers and Latin words are not words
    ("OpenAI在2023年", (2, 2), {"1": 2}, 0),
]


@pytest.mark.parametrize(("text", "words", "bands", "idioms"), COUNTS)
def test_counts(plain_annotator: Annotator, text: str, words: tuple[int, int],
                bands: dict[str, int], idioms: int) -> None:
    counts = count_text(text, plain_annotator.annotate(text))
    assert (counts.tokens, len(counts.words)) == words
    assert counts.hsk == {band: bands.get(band, 0) for band in hsk.BANDS}
    assert counts.idioms == idioms
    assert counts.characters == sum(1 for ch in text if not ch.isspace())


KNOWN = [
    # statuses, known share of tokens, of distinct words  (text: 我 喜欢 猫 / 我 的 猫 喜欢 我)
    ({}, 0.0, 0.0),
    ({"我": "known"}, 3 / 8, 1 / 4),
    ({"我": "known", "猫": "known"}, 5 / 8, 2 / 4),
    # learning is not known
    ({"我": "known", "猫": "learning"}, 3 / 8, 1 / 4),
    ({"我": "known", "的": "known", "猫": "known", "喜欢": "known"}, 1.0, 1.0),
]


@pytest.mark.parametrize(("statuses", "tokens", "distinct"), KNOWN)
def test_known_share(plain_annotator: Annotator, statuses: dict[str, str], tokens: float,
                     distinct: float) -> None:
    text = "我喜欢猫。我的猫喜欢我！"
    found = profile(count_text(text, plain_annotator.annotate(text)), statuses)
    assert found.known.tokens == pytest.approx(tokens)
    assert found.known.distinct == pytest.approx(distinct)


def test_shares_in_json(plain_annotator: Annotator) -> None:
    text = "我喜欢猫。我的猫喜欢我！"
    data = profile(count_text(text, plain_annotator.annotate(text)), {"猫": "known"}).as_json()
    assert data["characters"] == 12
    assert data["words"] == {"tokens": 8, "distinct": 4}
    assert data["known_share"] == {"tokens": 0.25, "distinct": 0.25}
    assert data["hsk"] == {"1": 0.75, "2": 0.25, "3": 0, "4": 0, "5": 0, "6": 0, "7-9": 0,
                           "beyond": 0}
    assert data["idioms"] == 0
    json.dumps(data)


def test_empty_text_has_no_shares(plain_annotator: Annotator) -> None:
    found = profile(count_text("", []), {"我": "known"})
    assert found.known.tokens == 0.0 and set(found.hsk.values()) == {0.0}


# -- The cache --------------------------------------------------------------------------


def test_profiled_once_then_cached(dictionary, vocab_dir: Path, tmp_path: Path) -> None:
    settings = Settings(vocab_dir, tmp_path / "cache")

    class Counting(Annotator):
        calls = 0

        def iter_annotate(self, text):  # type: ignore[no-untyped-def]
            Counting.calls += 1
            return super().iter_annotate(text)

    base = build_annotator(settings, dictionary)
    annotator = Counting(base.dictionary, base.segmenter, base.glosses)
    first = Profiler(settings, annotator).counts("我喜欢猫。")
    again = Profiler(settings, annotator).counts("我喜欢猫。")
    assert first == again and Counting.calls == 1
    # A new gloss may change the segmentation: the cached counts are not used.
    before = profile_key("我喜欢猫。", settings)
    (vocab_dir / "glosses.tsv").write_text("喜欢猫\tcat lover\t\t\n", encoding="utf-8")
    assert profile_key("我喜欢猫。", settings) != before


def test_a_corrupt_cached_profile_is_forgotten(tmp_path: Path) -> None:
    cache = ProfileCache(tmp_path)
    (tmp_path / "k.profile.json").write_text("{not json", encoding="utf-8")
    assert cache.load("k") is None
    assert not (tmp_path / "k.profile.json").exists()


def test_the_profiler_reads_no_polyphones(monkeypatch, vocab_dir: Path, tmp_path: Path) -> None:
    # The reader's settings turn the polyphone model on; a profile needs only the words.
    built = []
    monkeypatch.setattr("studyaid.core.engine.profile.build_annotator",
                        lambda settings: built.append(settings) or _Stub())
    settings = Settings(vocab_dir, tmp_path, context_model=True)
    Profiler(settings).counts("我。")
    assert [s.context_model for s in built] == [False]


class _Stub:
    def iter_annotate(self, text: str) -> list:
        return []
