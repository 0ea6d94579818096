"""Context rules for the common polyphonic particles, read from data (particles.toml).

A rule looks at the tokens just before and after a standalone particle (or, for a
particle inside a token the dictionary lacks, such as jieba's 写得 or 很长, at the
character beside it); the data says which reading each neighbour calls for. No ``if``
ladders: add a line to the data.
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
    """The reading when no rule holds; empty: keep the reading the word already has
    (the dictionary's or the context model's)."""
    rules: tuple[Rule, ...]
    suffix: str = ""
    """The reading when the character ends a token the dictionary lacks and the
    dictionary reads the token's last two characters as a word with it (老婆子: 婆子
    pózi; 孤对电子 keeps 电子 diànzǐ), before any rule; empty: no such reading."""

    def reading(self, before: str, after: str) -> str:
        """The reading between these neighbouring tokens ("" when nothing is decided)."""
        return self.ruled(before, after) or self.default

    def ruled(self, before: str, after: str) -> str:
        """The reading of the first rule that holds between these neighbours, or ""."""
        for rule in self.rules:
            if rule.holds(before, after):
                return rule.reading
        return ""


def load_particles(name: str = "particles.toml") -> dict[str, Particle]:
    """The particle rules shipped in the package, keyed by every written form of the
    character (``also``: 著 for 着, 還 for 还)."""
    text = resources.files("studyaid.data").joinpath(name).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
        particles = {}
        for char, spec in data.items():
            particle = Particle(
                spec.get("default", ""),
                tuple(
                    Rule(r["reading"], frozenset(r.get("prev", ())), frozenset(r.get("next", ())))
                    for r in spec.get("rules", [])
                ),
                spec.get("suffix", ""),
            )
            for form in (char, *spec.get("also", ())):
                particles[form] = particle
        return particles
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise StudyaidError(f"invalid particle rules: {exc}", name) from None


def load_preferred_readings(name: str = "preferred_readings.toml") -> dict[str, str]:
    """Word -> the reading to prefer among the dictionary's several, or the reading of a
    word the dictionary lacks (data, not code)."""
    text = resources.files("studyaid.data").joinpath(name).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise StudyaidError(f"invalid preferred readings: {exc}", name) from None
    return {word: str(reading) for word, reading in data.items()}
