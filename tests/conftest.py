"""Shared fixtures: every test runs with its own vocab folder and never the real home."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyaid.core.dictionary import Dictionary
from studyaid.core.services import Settings, build_annotator

SESSION_CACHE: Path | None = None


@pytest.fixture(autouse=True)
def _isolate(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point HOME, the cache and the vocab folder at temporary folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("STUDYAID_CACHE", str(_shared_cache(tmp_path_factory)))
    monkeypatch.delenv("STUDYAID_VOCAB", raising=False)
    monkeypatch.delenv("STUDYAID_CEDICT", raising=False)


def _shared_cache(factory: pytest.TempPathFactory) -> Path:
    # The real dictionary index takes about two seconds to build: once per session.
    global SESSION_CACHE
    if SESSION_CACHE is None:
        SESSION_CACHE = factory.mktemp("cache")
    return SESSION_CACHE


@pytest.fixture(scope="session")
def dictionary(tmp_path_factory: pytest.TempPathFactory) -> Dictionary:
    """The full CC-CEDICT index, built once into the session's cache."""
    return Dictionary.open(_shared_cache(tmp_path_factory))


@pytest.fixture
def vocab_dir(tmp_path: Path) -> Path:
    """An empty vocab folder of the test's own."""
    folder = tmp_path / "vocab"
    folder.mkdir()
    return folder


@pytest.fixture
def annotator(dictionary: Dictionary, vocab_dir: Path):
    """An Annotator over the full dictionary and an empty vocab folder."""
    return build_annotator(Settings(vocab_dir, dictionary.path.parent), dictionary)
