"""The learner's review settings: ``study.toml`` in the vocab folder, every key optional,
validated (an error names file:line)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from studyaid.core.errors import StudyaidError
from studyaid.core.vocab import SETTINGS
from studyaid.core.vocab.toml_file import line_of, read_toml


@dataclass(frozen=True)
class StudySettings:
    """Review settings: ``study.toml`` in the vocab folder, every key optional."""

    new_per_day: int = 20
    """New cards introduced per day."""
    reviews_per_day: int = 200
    """Reviews of cards in the review state per day."""
    recall: bool = False
    """Also review every card English -> hanzi (a card can ask for it by itself)."""
    timezone: str = ""
    """IANA name of the learner's timezone for "today" (empty: the system's)."""
    desired_retention: float = 0.9
    """The probability of recall FSRS schedules for."""
    known_on_move: bool = False
    """In the reader, moving on to the next sentence (j, ↓) marks its words still new
    known, as J does (LingQ's paging)."""
    auto_play: bool = False
    """In the review, the card's word is said as soon as the answer shows (as ``e``
    does)."""


def load_settings(vocab: Path) -> StudySettings:
    """The settings in ``study.toml`` (the defaults when there is none), validated."""
    path = vocab / SETTINGS
    data, lines = read_toml(path)  # ({}, []) when there is none: the defaults
    kinds = {f.name: type(getattr(StudySettings(), f.name)) for f in fields(StudySettings)}
    for name, value in data.items():
        if name not in kinds:
            raise StudyaidError(f"unknown setting {name!r} (known: {', '.join(kinds)})", path,
                                line_of(lines, name))
        kind = kinds[name]
        if kind is float and type(value) is int:
            data[name] = value = float(value)
        if type(value) is not kind or (kind is int and value < 0):
            raise StudyaidError(f"{name} = {value!r} is not a {kind.__name__}"
                                + (" >= 0" if kind is int else ""), path, line_of(lines, name))
    settings = StudySettings(**data)
    if not 0.5 <= settings.desired_retention < 1:
        raise StudyaidError("desired_retention must be between 0.5 and 1", path,
                            line_of(lines, "desired_retention"))
    zone(settings.timezone, path, line_of(lines, "timezone"))
    return settings


def zone(name: str, path: Path | None = None, line: int | None = None) -> ZoneInfo | None:
    """The timezone named ``name`` (None for the system's when it is empty)."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise StudyaidError(f"unknown timezone {name!r}", path, line) from None
