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

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from studyaid.core.errors import StudyaidError
from studyaid.core.text.loader import Text, for_reading, load_text
from studyaid.core.vocab.learner import Learner
from studyaid.core.vocab.storage import locked, write_atomic
from studyaid.core.vocab.toml_file import line_of, read_toml

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


def title_of(content: str, fallback: str = "") -> str:
    """The text's title: its first non-blank line, stripped."""
    for line in content.split("\n"):
        if line.strip():
            return line.strip()
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
