"""The one module that knows where the vocab folder, the cache, the library and the seed
live."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

APP = "studyaid"


def vocab_dir(explicit: str | Path | None = None, cwd: Path | None = None) -> Path:
    """The vocab folder: ``--vocab``, else ``$STUDYAID_VOCAB``, else ``./vocab`` when the
    current folder has one, else the platform's user-data folder."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("STUDYAID_VOCAB")
    if env:
        return Path(env)
    local = (cwd or Path.cwd()) / "vocab"
    if local.is_dir():
        return local
    import platformdirs  # here: not needed (nor loaded) when a folder is named

    return Path(platformdirs.user_data_dir(APP)) / "vocab"


def cache_dir() -> Path:
    """Derived data (the dictionary index): ``$STUDYAID_CACHE`` or the user cache folder."""
    env = os.environ.get("STUDYAID_CACHE")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP))


def annotations_dir(cache: Path) -> Path:
    """Where whole-text annotations and text profiles are cached."""
    return cache / "annotations"


def study_cache_dir(cache: Path) -> Path:
    """Where the review history's card-state cache is kept."""
    return cache / "study"


def speech_dir(cache: Path) -> Path:
    """Where spoken audio (one WAV file per reading, voice and speed) is cached."""
    return cache / "speech"


def segmentation_dir(cache: Path) -> Path:
    """Where the segmenter keeps jieba's prefix dictionary once built."""
    return cache / "segmentation"


def dictionary_index(cache: Path) -> Path:
    """The dictionary index compiled from CC-CEDICT."""
    return cache / "dictionary.sqlite"


def config_dir() -> Path:
    """The learner's settings (``keymap.toml``, ``library.toml``, ``settings.toml``):
    ``$STUDYAID_CONFIG`` or the user config folder."""
    env = os.environ.get("STUDYAID_CONFIG")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP))


def library_dir() -> Path:
    """The library folder, where ``studyaid add`` copies texts: ``$STUDYAID_LIBRARY`` or
    ``library`` in the user-data folder."""
    env = os.environ.get("STUDYAID_LIBRARY")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP)) / "library"


def cedict_file(explicit: str | Path | None = None) -> Path | None:
    """A CC-CEDICT file the learner names: ``--cedict`` or ``$STUDYAID_CEDICT``."""
    chosen = explicit or os.environ.get("STUDYAID_CEDICT")
    return Path(chosen) if chosen else None


def seed_text() -> str:
    """The bundled seed article (shipped inside the package)."""
    return resources.files("studyaid.data").joinpath("seed.txt").read_text(encoding="utf-8")


def locations(vocab: Path, cedict: Path | None) -> dict[str, str]:
    """Every path the program uses, for ``studyaid locate``."""
    return {
        "vocab": str(vocab),
        "cache": str(cache_dir()),
        "config": str(config_dir()),
        "library": str(library_dir()),
        "cedict": str(cedict) if cedict else "(newest packaged snapshot)",
    }
