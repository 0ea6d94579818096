"""A cache of whole-text annotations, keyed by everything the annotation depends on.

The key hashes the text, the learner's glosses and lexicon, the dictionary's sources,
the project's own data files and the version of this code, so a stale entry is never
used: it is simply not found. Entries are pickles in the user cache folder, written
atomically; a corrupt or unreadable one is deleted and rebuilt, never shown as an error.
"""

from __future__ import annotations

import hashlib
import pickle
from importlib import resources
from pathlib import Path

from studyaid import __version__
from studyaid.core.annotate import Sentence
from studyaid.core.dictionary import Dictionary
from studyaid.core.storage import write_atomic
from studyaid.core.vocab import GLOSSES, LEXICON

FORMAT = 5
"""Bump when Sentence, Token or WordInfo change shape: old entries are then not found."""
KEEP = 32
"""How many texts' annotations are kept; the least recently used go first."""
_DATA_FILES = ("idiom_notes.toml", "particles.toml", "preferred_readings.toml")


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def text_stamp(cedict: Path | None, context_model: bool = False) -> str:
    """What a text's annotation depends on besides the text and the vocab folder: the
    dictionary's sources, and whether the polyphone model read it."""
    return f"{Dictionary.stamp(cedict)}|context={context_model}"


def annotation_key(content: str, vocab: Path, dictionary_stamp: str) -> str:
    """The cache key of ``content`` annotated with this vocab folder and dictionary."""
    digest = hashlib.sha256()
    for part in (f"{FORMAT}|{__version__}|{dictionary_stamp}".encode(),
                 _read(vocab / GLOSSES), _read(vocab / LEXICON)):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    data = resources.files("studyaid.data")
    for name in _DATA_FILES:
        digest.update(data.joinpath(name).read_bytes())
    digest.update(content.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class AnnotationCache:
    """Whole-text annotations in ``folder``."""

    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, key: str) -> Path:
        """Where the annotation for ``key`` is (or would be) kept."""
        return self.folder / f"{key}.pickle"

    def load(self, key: str) -> list[Sentence] | None:
        """The cached sentences for ``key``, or None (missing, stale or corrupt)."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            sentences = pickle.loads(data)
            if not isinstance(sentences, list):
                raise TypeError("not a list")
        except Exception:  # anything in a corrupt pickle: self-heal by forgetting it
            path.unlink(missing_ok=True)
            return None
        path.touch()
        return sentences

    def save(self, key: str, sentences: list[Sentence]) -> None:
        """Store the sentences for ``key`` (best effort: a cache never stops the reader)."""
        try:
            write_atomic(self.path(key), pickle.dumps(sentences, pickle.HIGHEST_PROTOCOL))
            entries = sorted(self.folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
            for old in entries[:-KEEP]:
                old.unlink(missing_ok=True)
        except Exception:
            pass
