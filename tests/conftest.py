"""Shared fixtures: every test runs with its own vocab folder and never the real home."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from studyaid.core.dictionary.idioms import load_notes
from studyaid.core.dictionary.index import Dictionary
from studyaid.core.engine.annotate import Annotator
from studyaid.core.engine.services import build_annotator
from studyaid.core.engine.settings import Settings
from studyaid.core.nlp.script import simplified_for_segmentation
from studyaid.core.nlp.segment import Segmenter

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


# -- Shared, read-only services: jieba takes about a second to load per Segmenter, so tests
# that only read share one segmenter and one annotator for the whole session.


@pytest.fixture(scope="session")
def segmenter(dictionary: Dictionary) -> Segmenter:
    """A Segmenter with no lexicon that reads traditional text like simplified, and keeps
    the words jieba's HMM proposes that CC-CEDICT knows, as the program does."""
    return Segmenter(None, simplified_for_segmentation, dictionary.has_word)


@pytest.fixture(scope="session")
def plain_annotator(dictionary: Dictionary, segmenter: Segmenter) -> Annotator:
    """An Annotator over the full dictionary with no learner's glosses (never mutate it)."""
    return Annotator(dictionary, segmenter, {}, load_notes())


@pytest.fixture(scope="session")
def cli_env(dictionary: Dictionary, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for running ``python -m studyaid``: a fake home, the session's cache."""
    home = tmp_path_factory.mktemp("cli-home")
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDYAID_")}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
        STUDYAID_CACHE=str(dictionary.path.parent),
        PYTHONIOENCODING="utf-8",
        COLUMNS="100",
    )
    return env


@pytest.fixture(scope="session")
def run_studyaid(cli_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory):
    """Run ``python -m studyaid ARGS`` in a folder without ./vocab; return the result."""
    cwd = tmp_path_factory.mktemp("cli-cwd")

    def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "studyaid", *args], input=stdin, capture_output=True,
            cwd=cwd, env=cli_env, timeout=120,
        )
        return subprocess.CompletedProcess(
            done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
        )

    return run
