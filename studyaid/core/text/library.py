"""The library: which texts the learner can pick, and adding one.

Texts come from four places: the bundled seed article, the library folder (where
``studyaid add`` copies texts), the learner's own folders (``library.toml`` in the config
folder) and the texts they have opened (a position in ``positions.tsv`` whose file
still exists). ``library.toml``::

    # folders whose .txt files the library lists (~ is your home folder)
    folders = ["~/chinese/graded", "/media/books/zh"]

A problem in it is reported as ``file:line: problem``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from studyaid import paths
from studyaid.core.errors import StudyaidError
from studyaid.core.text.loader import Text, for_reading, load_text
from studyaid.core.vocab.storage import locked, write_atomic
from studyaid.core.vocab.toml_file import line_of, read_toml

if TYPE_CHECKING:
    from studyaid.core.vocab.learner import Learner

LIBRARY_SETTINGS = "library.toml"
SEED_ID = "seed"
"""The text id of the bundled seed article (as the reader stores its position)."""
SUFFIXES = (".txt",)
"""The files a folder's texts are: plain text."""

SEED, LIBRARY, FOLDER, RECENT = "seed", "library", "folder", "recent"
"""Where a text in the library comes from."""


@dataclass(frozen=True)
class Shelves:
    """Where the library's texts are: the library folder and the learner's own folders."""

    folder: Path
    folders: tuple[Path, ...] = ()
    seed: bool = True


@dataclass(frozen=True)
class Entry:
    """One text in the library: its id (as positions are stored), file and origin."""

    text_id: str
    path: Path | None
    """None for the bundled seed article."""
    source: str

    @property
    def name(self) -> str:
        """The file's name, or "seed article"."""
        return self.path.name if self.path is not None else "seed article"


TITLE_MAX = 40
"""A first line longer than this (in characters) is a paragraph, not a title."""
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.M)
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$")
_SENTENCE_END = re.compile(r"[。…][”’」』）)\"']*$")
"""A line ending so is prose (a title may ask or exclaim: 盟友还是对手?)."""
_NOTE_MARK = re.compile(r"(?:[\u2474-\u2487\u2460-\u2473※*]|\[\d+\]|［\d+］)+$")
_SPACED_HAN = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")


def _clean_title(line: str) -> str:
    """A title line without its footnote markers (孔乙己⑴) and with no spaces between
    Han characters (伤　　逝, spaced out for typesetting)."""
    return _SPACED_HAN.sub("", _NOTE_MARK.sub("", line).strip())


def title_of(content: str, fallback: str = "") -> str:
    """The text's title: its front matter's ``title:``, else its first Markdown heading
    before any prose, else its first line if that is short (``TITLE_MAX``) and does not
    end with a full stop; otherwise ``fallback`` (the file's name). Lines of markup alone (a
    code fence, a rule) are passed over."""
    front = _FRONT_MATTER.match(content)
    if front:
        found = _FRONT_TITLE.search(front.group(1))
        if found:
            return found.group(1).strip("\"'")
        content = content[front.end():]
    for line in content.split("\n"):
        line = line.strip().strip("\u3000")
        if not line or not any(ch.isalnum() for ch in line):
            continue  # blank, or markup alone: ```, ---, ***
        heading = _HEADING.match(line)
        if heading:
            return _clean_title(heading.group(1))
        if len(line) <= TITLE_MAX and not _SENTENCE_END.search(line):
            return _clean_title(line)
        return fallback
    return fallback


def load_folders(path: Path) -> tuple[Path, ...]:
    """The learner's folders from ``library.toml`` (none when it does not exist)."""
    data, lines = read_toml(path)
    for key in data:
        if key != "folders":
            raise StudyaidError(f"unknown setting {key!r} (the only one is 'folders')", path,
                                line_of(lines, key))
    folders = data.get("folders", [])
    if not isinstance(folders, list) or not all(isinstance(f, str) and f.strip()
                                                for f in folders):
        raise StudyaidError("'folders' must be a list of folder names (strings)", path,
                            line_of(lines, "folders"))
    return tuple(Path(f).expanduser() for f in folders)


def _texts_in(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES
                      and p.is_file() and not p.name.startswith("."))
    except OSError:
        return []


def text_id_of(path: str | Path, content: str) -> str:
    """The id a text's translations, positions and cards are kept under: the seed's
    for the seed article however it was opened (bundled, or its copy in ``seeds/``),
    else the file's resolved path."""
    if content == paths.seed_text():
        return SEED_ID
    return str(Path(path).resolve())


def list_texts(shelves: Shelves, learner: Learner) -> tuple[list[Entry], list[str]]:
    """Every text in the library, each once, and the problems met (a missing folder, a
    broken ``positions.tsv``) as one-line messages."""
    entries: list[Entry] = []
    problems: list[str] = []
    seen: set[str] = set()

    def add(paths: Iterable[Path], source: str) -> None:
        for path in paths:
            text_id = str(path.resolve())
            if text_id not in seen:
                seen.add(text_id)
                entries.append(Entry(text_id, Path(text_id), source))

    if shelves.seed:
        seen.add(SEED_ID)
        entries.append(Entry(SEED_ID, None, SEED))
    add(_texts_in(shelves.folder), LIBRARY)
    for folder in shelves.folders:
        if not folder.is_dir():
            problems.append(str(StudyaidError("no such folder (listed in library.toml)",
                                              folder)))
            continue
        add(_texts_in(folder), FOLDER)
    try:
        opened = [Path(t) for t in learner.positions() if t != SEED_ID]
    except StudyaidError as exc:
        problems.append(str(exc))
        opened = []
    add((p for p in opened if p.is_absolute() and p.is_file()), RECENT)
    return entries, problems


def add_text(source: Path, folder: Path, join_lines: bool = False) -> tuple[Path, Text]:
    """Copy the text at ``source`` into the library ``folder`` as UTF-8 with LF line
    ends (its hard-wrapped lines joined if ``join_lines``); an existing file is never
    replaced. Returns the new file and the text."""
    text = for_reading(load_text(source), join_lines)
    if not text.content.strip():
        raise StudyaidError("the text is empty", source)
    name = Path(source).name
    target = folder / (name if Path(name).suffix.lower() in SUFFIXES else name + ".txt")
    already = StudyaidError("already in the library; rename the file to add it again", target)
    with locked(folder):
        if target.exists():
            raise already
        write_atomic(target, text.content)
    return target, text
