"""The library table's rows: what each text shows, how each column sorts, the small bars.

Plain data in, Rich text out; the library screen puts them in its DataTable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text as RichText

from studyaid import paths
from studyaid.core.dictionary.hsk import BANDS
from studyaid.core.engine.profile import Profile
from studyaid.core.text.library import Entry
from studyaid.core.text.loader import Text, decode_bytes, for_reading, load_text
from studyaid.tui.layout import fit_cells

KNOWN_CELLS = 5
HSK_CELLS = 10
EIGHTHS = " ▏▎▍▌▋▊▉█"
HSK_COLOURS = {
    "1": "#5fd75f", "2": "#87d75f", "3": "#d7d75f", "4": "#ffaf5f", "5": "#ff875f",
    "6": "#ff5f5f", "7-9": "#d75fd7", "beyond": "#767676",
}
"""Easy green to hard red, the 7-9 band purple, words in no list grey."""


@dataclass(frozen=True)
class LibraryRow:
    """One text as the library shows it; ``profile`` is None until it is computed."""

    entry: Entry
    title: str
    characters: int | None = None
    sentences: int | None = None
    position: int | None = None
    """The sentence the learner is at (None: never opened)."""
    profile: Profile | None = None
    problem: str | None = None

    @property
    def progress(self) -> float | None:
        """How far the learner has read (the sentence they are at, of all)."""
        if self.position is None or not self.sentences:
            return None
        return min(1.0, (self.position + 1) / self.sentences)


def read_entry(entry: Entry) -> Text:
    """The text of a library entry (the seed article from the package); StudyaidError
    when its file cannot be read."""
    if entry.path is None:
        return decode_bytes(paths.seed_text().encode("utf-8"), "<seed article>")
    return for_reading(load_text(entry.path))


def known_bar(share: float, cells: int = KNOWN_CELLS) -> RichText:
    """A bar of ``cells`` cells filled to ``share`` (in eighths), then the percentage."""
    eighths = round(max(0.0, min(1.0, share)) * cells * 8)
    full, part = divmod(eighths, 8)
    bar = "█" * full + (EIGHTHS[part] if part else "")
    out = RichText(bar.ljust(cells), style="green")
    out.append(f" {share:4.0%}", style="default")
    return out


def hsk_bar(shares: dict[str, float], cells: int = HSK_CELLS) -> RichText:
    """The HSK mix as one bar: each band's share of the words in its colour (cells shared
    out by largest remainder, so the bar always has ``cells`` cells)."""
    exact = {band: shares.get(band, 0.0) * cells for band in BANDS}
    given = {band: int(value) for band, value in exact.items()}
    left = cells - sum(given.values())
    for band in sorted(BANDS, key=lambda b: given[b] - exact[b])[:max(0, left)]:
        given[band] += 1
    out = RichText()
    for band in BANDS:
        out.append("█" * given[band], style=HSK_COLOURS[band])
    return out


def cells(row: LibraryRow, title_cells: int) -> tuple[RichText | str, ...]:
    """The row's cells, in the order of ``LIBRARY_COLUMNS``; the title cut to
    ``title_cells``."""
    title = fit_cells(row.title, title_cells)
    if row.problem is not None:
        return (title, RichText(row.problem, style="red"), "", "", "", "", "")

    def number(value: int | None) -> RichText:
        return RichText("…" if value is None else f"{value:,}", justify="right")

    progress = row.progress
    profile = row.profile
    return (
        title,
        number(row.characters),
        number(row.sentences),
        RichText("—" if progress is None else f"{progress:.0%}", justify="right"),
        known_bar(profile.known.tokens) if profile else RichText("…"),
        hsk_bar(profile.hsk) if profile else RichText("…"),
        number(profile.counts.idioms if profile else None),
    )


SORT_KEYS: dict[str, Callable[[LibraryRow], object]] = {
    "title": lambda r: r.title.casefold(),
    "characters": lambda r: r.characters,
    "sentences": lambda r: r.sentences,
    "progress": lambda r: r.progress,
    "known": lambda r: r.profile.known.tokens if r.profile else None,
    "hsk": lambda r: r.profile.mean_level if r.profile else None,
    "idioms": lambda r: r.profile.counts.idioms if r.profile else None,
}
"""What each column sorts by (None: not known yet); ``hsk`` by the mean level."""


def ordered(rows: list[LibraryRow], column: str, reverse: bool = False) -> list[LibraryRow]:
    """The rows sorted by ``column``, ties by title; rows without a value last, either
    way round."""
    key = SORT_KEYS[column]
    known = [r for r in rows if key(r) is not None]
    unknown = [r for r in rows if key(r) is None]
    by_title = sorted(known, key=lambda r: r.title.casefold())
    return (sorted(by_title, key=key, reverse=reverse)  # type: ignore[arg-type]
            + sorted(unknown, key=lambda r: r.title.casefold()))
