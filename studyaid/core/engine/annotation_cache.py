"""A cache of whole-text annotations, keyed by everything the annotation depends on.

The key hashes the text, the learner's glosses and lexicon, the dictionary's sources,
the project's own data files and the version of this code, so a stale entry is never
used: it is simply not found. Entries live in the user cache folder, written atomically.

An entry is plain data (tuples of strings, numbers and booleans, each distinct reading
and gloss stored once) in :mod:`marshal`'s format behind a SHA-256 of it: loading one
reads data and runs nothing (unlike pickle), and a truncated, garbage-filled or foreign
entry is deleted and rebuilt, never shown as an error.
"""

from __future__ import annotations

import hashlib
import marshal
from importlib import resources
from pathlib import Path
from typing import Any

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


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def text_stamp(cedict: Path | None, context_model: bool = False) -> str:
    """What a text's annotation depends on besides the text and the vocab folder: the
    dictionary's sources, and whether the polyphone model read it."""
    return f"{Dictionary.stamp(cedict)}|context={context_model}"


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
    for part in (f"{FORMAT}|{__version__}|{SEGMENTATION_RULES}|{dictionary_stamp}".encode(),
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


class AnnotationCache:
    """Whole-text annotations in ``folder``."""

    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, key: str) -> Path:
        """Where the annotation for ``key`` is (or would be) kept."""
        return self.folder / f"{key}{SUFFIX}"

    def load(self, key: str) -> list[Sentence] | None:
        """The cached sentences for ``key``, or None (missing, stale or corrupt)."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        head, digest = len(_MAGIC), len(_MAGIC) + _DIGEST
        body = data[digest:]
        try:
            if data[:head] != _MAGIC or hashlib.sha256(body).digest() != data[head:digest]:
                raise ValueError("not an entry, or a damaged one")
            return self._touch(path, decode(body))
        except Exception:  # anything wrong with an entry: self-heal by forgetting it
            path.unlink(missing_ok=True)
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
            body = encode(sentences)
            write_atomic(self.path(key), _MAGIC + hashlib.sha256(body).digest() + body)
            entries = sorted(self.folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime)
            for old in entries[:-KEEP]:
                old.unlink(missing_ok=True)
            for stale in self.folder.glob("*.pickle"):  # format 5 and before
                stale.unlink(missing_ok=True)
        except Exception:
            pass
