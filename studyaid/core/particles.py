"""Context rules for the common polyphonic particles, read from data (particles.toml).

A rule looks at the tokens just before and after a standalone particle; the data says
which reading each neighbour calls for. No ``if`` ladders: add a line to the data.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

from studyaid.core.errors import StudyaidError


@dataclass(frozen=True)
class Rule:
    """A reading that applies when the previous or next token is one of a set."""

    reading: str
    prev: frozenset[str] = frozenset()
    next: frozenset[str] = frozenset()

    def holds(self, before: str, after: str) -> bool:
        """Whether this rule applies between these neighbours."""
        return (bool(self.prev) and before in self.prev) or (bool(self.next) and after in self.next)


@dataclass(frozen=True)
class Particle:
    """A particle's default reading and its context rules, tried in order."""

    default: str
    rules: tuple[Rule, ...]

    def reading(self, before: str, after: str) -> str:
        """The reading between these neighbouring tokens."""
        for rule in self.rules:
            if rule.holds(before, after):
                return rule.reading
        return self.default


def load_particles(name: str = "particles.toml") -> dict[str, Particle]:
    """The particle rules shipped in the package."""
    text = resources.files("studyaid.data").joinpath(name).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
        return {
            char: Particle(
                spec["default"],
                tuple(
                    Rule(r["reading"], frozenset(r.get("prev", ())), frozenset(r.get("next", ())))
                    for r in spec.get("rules", [])
                ),
            )
            for char, spec in data.items()
        }
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise StudyaidError(f"invalid particle rules: {exc}", name) from None


def load_preferred_readings(name: str = "preferred_readings.toml") -> dict[str, str]:
    """Word -> the reading to prefer among the dictionary's several (data, not code)."""
    text = resources.files("studyaid.data").joinpath(name).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise StudyaidError(f"invalid preferred readings: {exc}", name) from None
    return {word: str(reading) for word, reading in data.items()}
