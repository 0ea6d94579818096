"""A cache of whole-text annotations, keyed by everything the annotation depends on.

The key hashes the text, the learner's glosses and lexicon, the dictionary's sources,
the project's own data files and the version of this code (the source of ``core`` and the
versions of the libraries that read the text), so a stale entry is never used: it is
simply not found. Entries live in the user cache folder, written atomically.

The package ships the seed article's annotation (``studyaid/data/annotations``, made by
``tools/seed_annotation.py``), so a newcomer's first screen has its pinyin at once. It is
a second, read-only folder behind the cache, found by the same key: when anything it
depends on differs (a CC-CEDICT given with ``--cedict``, a newer snapshot, the learner's
glosses, an edited ``core``, another jieba), the key differs and it is not found.

An entry is plain data (tuples of strings, numbers and booleans, each distinct reading
and gloss stored once) in :mod:`marshal`'s format behind a SHA-256 of it: loading one
reads data and runs nothing (unlike pickle), and a truncated, garbage-filled or foreign
entry is deleted and rebuilt, never shown as an error.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import studyaid
from studyaid import __version__
from studyaid.core.dictionary.index import Dictionary
from studyaid.core.model import IdiomMatch, Note, Sentence, Token, WordInfo
from studyaid.core.nlp.segment import RULES as SEGMENTATION_RULES
from studyaid.core.vocab import GLOSSES, LEXICON, READINGS
from studyaid.core.vocab.storage import write_atomic

FORMAT = 10
"""Bump when Sentence, Token, WordInfo or the encoding change, or what the annotator
computes for the same input (8: 里 read as 裡 when entries are ranked; 9: sense rules
that look at the clause; 10: names glossed as names): old entries are then not found."""
KEEP = 32
"""How many texts' annotations are kept; the least recently used go first."""
SUFFIX = ".annotation"
_MAGIC = b"studyaid-annotation\n"
_DIGEST = 32
_DATA_FILES = ("idiom_notes.toml", "particles.toml", "preferred_readings.toml",
               "senses.toml", "seed_glosses.tsv")
LIBRARIES = ("jieba", "pypinyin", "g2pM", "opencc_python_reimplemented")
"""The libraries whose versions the readings depend on (part of the key). Not numpy: a
release may change g2pM's arithmetic in its last bits, far below any margin compared."""
MADE_WITH = "libraries.txt"
"""Beside the shipped annotations: the library versions they were made with (for the
test that says they are stale, which cannot tell that from a key)."""
BUNDLED = "annotations"
"""The folder of ``studyaid.data`` holding the shipped annotations."""


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def text_stamp(cedict: Path | None, context_model: bool = False) -> str:
    """What a text's annotation depends on besides the text and the vocab folder: the
    dictionary's sources (by content, not by where they are installed), and whether the
    polyphone model read it."""
    return f"{Dictionary.content_stamp(cedict)}|context={context_model}"


def library_versions(path: list[str] | None = None) -> str:
    """``jieba=0.42.1,pypinyin=0.55.0,...``: each of :data:`LIBRARIES` as found first on
    ``path`` (``sys.path``), from its ``.dist-info`` folder's name. (importlib.metadata
    takes ~60 ms for the same; this is one listing per folder.)"""
    wanted = {name.lower(): name for name in LIBRARIES}
    found: dict[str, str] = {}
    for folder in sys.path if path is None else path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in names:
            if entry.endswith(".dist-info"):
                name, _, version = entry[: -len(".dist-info")].partition("-")
                found.setdefault(name.lower().replace("-", "_").replace(".", "_"), version)
        if len(wanted.keys() & found.keys()) == len(wanted):
            break
    return ",".join(f"{name}={found.get(key, '?')}" for key, name in wanted.items())


NOT_ANNOTATION = frozenset({
    "core/vocab/learner.py", "core/vocab/journal.py", "core/text/library.py",
    "core/output/speech.py", "core/output/player.py", "core/engine/text_words.py",
})
"""Core modules that make no part of an annotation (statuses and positions, the undo
journal's records, the library, sound): an edit to them leaves cached annotations, and
the shipped seed's, current. Only the journal is imported on the way (the gloss writers
record their changes in it); the annotator reads none of them."""


@cache
def code_version() -> str:
    """The version of everything that makes an annotation: a hash of ``studyaid/core``'s
    source (but :data:`NOT_ANNOTATION`) and of the data files, and the libraries'
    versions. An edit anywhere else in the core makes every cached annotation stale (it
    may change a reading)."""
    digest = hashlib.sha256()
    root = Path(studyaid.__file__).parent
    files = sorted(p for p in (root / "core").rglob("*.py")
                   if p.relative_to(root).as_posix() not in NOT_ANNOTATION) + sorted(
        p for p in (root / "data").iterdir() if p.suffix in (".toml", ".tsv"))
    for file in files:
        for part in (file.relative_to(root).as_posix().encode(), _read(file)):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
    return f"{__version__}|{digest.hexdigest()}|{library_versions()}"


def annotation_key(content: str, vocab: Path, dictionary_stamp: str, text_id: str = "") -> str:
    """The cache key of ``content`` annotated with this vocab folder and dictionary, as
    text ``text_id``: the id counts only when a file names it (a gloss, rule or reading
    scoped to that text), so the same text opened under another id shares its entry
    otherwise."""
    digest = hashlib.sha256()
    files = [_read(vocab / GLOSSES), _read(vocab / LEXICON), _read(vocab / READINGS)]
    data = resources.files("studyaid.data")
    shipped = [data.joinpath(name).read_bytes() for name in _DATA_FILES]
    needle = f"\t{text_id}".encode()
    scoped = bool(text_id) and any(needle in part for part in [*files, *shipped])
    for part in (f"{FORMAT}|{code_version()}|{SEGMENTATION_RULES}|{dictionary_stamp}".encode(),
                 *files, text_id.encode() if scoped else b""):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    for part in shipped:
        digest.update(part)
    digest.update(content.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# -- Encoding: sentences <-> plain tuples ------------------------------------------------

_INFO_FIELDS = ("pinyin", "gloss", "gloss_source", "reading_source", "readings",
                "close_call", "capitals", "marks")
_NOTE_FIELDS = ("word", "reading", "literal", "figurative", "usage", "origin", "traditional")
_IDIOM_FIELDS = ("text", "start", "end", "word", "english", "chinese", "source", "origin",
                 "marks")


def encode(sentences: list[Sentence]) -> bytes:
    """The sentences as marshal bytes: each distinct WordInfo and Note once, by number."""
    infos: dict[int, int] = {}  # id(WordInfo) -> its number
    info_rows: list[tuple[Any, ...]] = []
    notes: dict[Note, int] = {}
    rows = []
    for s in sentences:
        tokens = []
        for t in s.tokens:
            number = infos.get(id(t.info))
            if number is None:
                number = infos[id(t.info)] = len(info_rows)
                info_rows.append(tuple(getattr(t.info, f) for f in _INFO_FIELDS))
            tokens.append((t.text, t.start, t.end, number))
        idioms = []
        for i in s.idioms:
            note = -1 if i.note is None else notes.setdefault(i.note, len(notes))
            idioms.append((*(getattr(i, f) for f in _IDIOM_FIELDS), note))
        rows.append((s.index, s.start, s.end, s.text, tuple(tokens), tuple(idioms)))
    note_rows = tuple(tuple(getattr(n, f) for f in _NOTE_FIELDS) for n in notes)
    return marshal.dumps((FORMAT, tuple(info_rows), note_rows, tuple(rows)), 4)


def _info(row: tuple[Any, ...]) -> WordInfo:
    # Not through __init__: it would make the tone marks again (loading pypinyin).
    info = object.__new__(WordInfo)
    for name, value in zip(_INFO_FIELDS, row, strict=True):
        object.__setattr__(info, name, value)
    return info


def decode(data: bytes) -> list[Sentence]:
    """The sentences :func:`encode` wrote; ValueError (or TypeError) when not."""
    version, info_rows, note_rows, rows = marshal.loads(data)
    if version != FORMAT:
        raise ValueError("another format")
    infos = [_info(row) for row in info_rows]
    notes = [Note(*row) for row in note_rows]
    sentences = []
    for index, start, end, text, tokens, idioms in rows:
        sentences.append(Sentence(
            index, start, end, text,
            [Token(t, a, b, infos[n]) for t, a, b, n in tokens],
            [IdiomMatch(i[0], i[1], i[2], i[3], i[4], i[5], i[6],
                        notes[i[9]] if i[9] >= 0 else None, i[7], i[8]) for i in idioms],
        ))
    return sentences


def bundled_folder() -> Path:
    """Where the package keeps the annotations it ships (the seed article's)."""
    return Path(str(resources.files("studyaid.data").joinpath(BUNDLED)))


def _entry(data: bytes) -> list[Sentence]:
    """The sentences of one entry's bytes; ValueError (or another) when it is not one."""
    head, digest = len(_MAGIC), len(_MAGIC) + _DIGEST
    body = data[digest:]
    if data[:head] != _MAGIC or hashlib.sha256(body).digest() != data[head:digest]:
        raise ValueError("not an entry, or a damaged one")
    return decode(body)


def entry_bytes(sentences: list[Sentence]) -> bytes:
    """What an entry's file holds: magic, the body's SHA-256, the body."""
    body = encode(sentences)
    return _MAGIC + hashlib.sha256(body).digest() + body


class AnnotationCache:
    """Whole-text annotations in ``folder``, then in the shipped ones (``bundled``:
    read-only, never deleted)."""

    def __init__(self, folder: Path, bundled: Path | None = None):
        self.folder = folder
        self.bundled = bundled_folder() if bundled is None else bundled

    def path(self, key: str) -> Path:
        """Where the annotation for ``key`` is (or would be) kept."""
        return self.folder / f"{key}{SUFFIX}"

    def load(self, key: str) -> list[Sentence] | None:
        """The cached (or shipped) sentences for ``key``, or None (missing, stale or
        corrupt)."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return self._shipped(key)
        try:
            return self._touch(path, _entry(data))
        except Exception:  # anything wrong with an entry: self-heal by forgetting it
            path.unlink(missing_ok=True)
            return self._shipped(key)

    def _shipped(self, key: str) -> list[Sentence] | None:
        try:
            return _entry((self.bundled / f"{key}{SUFFIX}").read_bytes())
        except Exception:  # not shipped, or damaged: annotated as any other text
            return None

    @staticmethod
    def _touch(path: Path, sentences: list[Sentence]) -> list[Sentence]:
        try:
            path.touch()  # recently used: kept longer
        except OSError:
            pass
        return sentences

    def save(self, key: str, sentences: list[Sentence]) -> None:
        """Store the sentences for ``key`` (best effort: a cache never stops the reader)."""
        try:
            write_atomic(self.path(key), entry_bytes(sentences))
            entries = sorted(self.folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime)
            for old in entries[:-KEEP]:
                old.unlink(missing_ok=True)
            for stale in self.folder.glob("*.pickle"):  # format 5 and before
                stale.unlink(missing_ok=True)
        except Exception:
            pass
