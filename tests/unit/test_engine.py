"""Annotation engines and the annotation cache: same sentences wherever they are made."""

from __future__ import annotations

import marshal
import pickle
from pathlib import Path

import pytest

from studyaid.core.dictionary.index import Dictionary
from studyaid.core.engine.annotation_cache import SUFFIX, AnnotationCache, annotation_key
from studyaid.core.engine.process import InProcessEngine, ProcessEngine
from studyaid.core.engine.settings import Settings
from studyaid.core.vocab.glosses import Vocab

TEXT = "微软与OpenAI的裂痕\n这无疑是釜底抽薪式的打击。这等于是“杀敌一千，自损八百”的招数。"


def _plain(sentences):
    return [(s.index, s.text, [(t.text, t.info.pinyin, t.info.gloss) for t in s.tokens],
             [i.text for i in s.idioms]) for s in sentences]


def test_child_process_gives_the_same_sentences(dictionary: Dictionary, vocab_dir: Path):
    settings = Settings(vocab_dir, dictionary.path.parent)
    here = InProcessEngine(settings, TEXT)
    there = ProcessEngine(settings, TEXT)
    try:
        assert _plain(there.annotate(1, 3)) == _plain(here.annotate(1, 3))
        assert [s.index for s in there.annotate(0, 1)] == [0]
    finally:
        there.close()


def test_prepare_builds_the_index_in_the_child(dictionary: Dictionary, vocab_dir: Path,
                                               tmp_path: Path):
    # A fresh cache: the child builds the index there; nothing comes back but "done".
    settings = Settings(vocab_dir, tmp_path / "cache")
    engine = ProcessEngine(settings, TEXT)
    try:
        assert not Dictionary.is_current(settings.cache)
        assert engine.prepare() is None
        assert Dictionary.is_current(settings.cache)
    finally:
        engine.close()
    InProcessEngine(Settings(vocab_dir, tmp_path / "other"), TEXT).prepare()
    assert Dictionary.is_current(tmp_path / "other")


def test_reload_picks_up_a_new_gloss(dictionary: Dictionary, vocab_dir: Path):
    engine = InProcessEngine(Settings(vocab_dir, dictionary.path.parent), TEXT)
    assert engine.annotate(0, 1)[0].tokens[-1].info.gloss_source == "cc-cedict"  # 裂痕
    Vocab(vocab_dir).set_gloss("裂痕", "rift (between partners)")
    engine.reload(resegment=False)
    token = engine.annotate(0, 1)[0].tokens[-1]
    assert (token.text, token.info.gloss, token.info.gloss_source) == (
        "裂痕", "rift (between partners)", "user")


def test_cache_is_saved_only_when_whole_and_found_by_key(dictionary: Dictionary, vocab_dir: Path):
    settings = Settings(vocab_dir, dictionary.path.parent)
    engine = InProcessEngine(settings, TEXT)
    key = annotation_key(TEXT, vocab_dir, "stamp")
    engine.annotate(0, 1)
    assert engine.save_cache(key) is False
    whole = engine.annotate(0, 3)
    assert engine.save_cache(key) is True
    cached = AnnotationCache(dictionary.path.parent / "annotations").load(key)
    assert cached is not None and _plain(cached) == _plain(whole)


@pytest.mark.parametrize(
    ("change", "same"),
    [
        (lambda folder: None, True),
        (lambda folder: Vocab(folder).set_gloss("裂痕", "rift"), False),
        (lambda folder: Vocab(folder).add_rule(["裂", "痕"]), False),
    ],
)
def test_key_follows_the_learners_layer(vocab_dir: Path, change, same: bool):
    before = annotation_key(TEXT, vocab_dir, "stamp")
    change(vocab_dir)
    assert (annotation_key(TEXT, vocab_dir, "stamp") == before) is same
    assert annotation_key(TEXT + "。", vocab_dir, "stamp") != before
    assert annotation_key(TEXT, vocab_dir, "other dictionary") != before


def _saved(dictionary: Dictionary, vocab_dir: Path, folder: Path) -> tuple[Path, list]:
    engine = InProcessEngine(Settings(vocab_dir, dictionary.path.parent), TEXT)
    whole = engine.annotate(0, 3)
    AnnotationCache(folder).save("k", whole)
    return folder / f"k{SUFFIX}", whole


# What a crash, a full disk or a stray program can leave where an entry was.
CORRUPTIONS = {
    "emptied": lambda data: b"",
    "truncated": lambda data: data[: len(data) // 2],
    "last byte lost": lambda data: data[:-1],
    "one byte flipped": lambda data: data[:-40] + bytes([data[-40] ^ 0xFF]) + data[-39:],
    "garbage": lambda data: bytes(range(256)) * 8,
    "a pickle": lambda data: pickle.dumps({"a": 1}),
    "marshal of something else": lambda data: marshal.dumps(("x", 1)),
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_corrupt_cache_entry_heals(dictionary: Dictionary, vocab_dir: Path, tmp_path: Path,
                                     corrupt):
    path, whole = _saved(dictionary, vocab_dir, tmp_path / "annotations")
    cache = AnnotationCache(path.parent)
    assert _plain(cache.load("k") or []) == _plain(whole)
    path.write_bytes(corrupt(path.read_bytes()))
    assert cache.load("k") is None
    assert not path.exists()  # forgotten, so the next save rebuilds it
    cache.save("k", whole)
    assert _plain(cache.load("k") or []) == _plain(whole)


def test_a_cached_entry_keeps_every_field(dictionary: Dictionary, vocab_dir: Path,
                                          tmp_path: Path):
    path, whole = _saved(dictionary, vocab_dir, tmp_path)
    cached = AnnotationCache(tmp_path).load("k")
    assert cached is not None
    assert [s.as_json() for s in cached] == [s.as_json() for s in whole]
    assert [[t.info for t in s.tokens] for s in cached] == [[t.info for t in s.tokens]
                                                            for s in whole]
    assert [s.idioms for s in cached] == [s.idioms for s in whole]  # 釜底抽薪, 杀敌一千…
    assert any(s.idioms for s in cached)


def test_an_old_pickle_entry_is_removed_not_loaded(dictionary: Dictionary, vocab_dir: Path,
                                                   tmp_path: Path):
    (tmp_path / "old.pickle").write_bytes(pickle.dumps([1, 2]))
    _saved(dictionary, vocab_dir, tmp_path)
    assert not (tmp_path / "old.pickle").exists()
