"""How the reader displays a text: the learner's toggles, as one immutable value."""

from __future__ import annotations

from dataclasses import dataclass, replace

from studyaid.core.nlp.script import DEFAULT_TRADITIONAL

PINYIN_MODES = ("all", "unknown", "none")
"""Pinyin over every word, over words not yet known, or over none."""
SCRIPTS = ("original", "traditional", "simplified")
"""Hanzi as written, or converted with OpenCC."""


def _next(values: tuple[str, ...], current: str) -> str:
    return values[(values.index(current) + 1) % len(values)]


@dataclass(frozen=True)
class DisplayOptions:
    """The display toggles: pinyin mode, tone colours, script, spoken tones."""

    pinyin: str = "all"
    tones: bool = True
    hanzi_tones: bool = False
    """Tone colours on the hanzi too (each character in its syllable's colour)."""
    script: str = "original"
    traditional: str = DEFAULT_TRADITIONAL
    """The standard the ``traditional`` script converts to (Settings.traditional)."""
    spoken: bool = False
    """Pinyin in spoken tones (一个 yí gè, 你好 ní hǎo) instead of the dictionary's
    citation tones; display only (core/sandhi.py has the rules)."""

    def cycle_pinyin(self) -> DisplayOptions:
        """all -> unknown -> none -> all."""
        return replace(self, pinyin=_next(PINYIN_MODES, self.pinyin))

    def toggle_tones(self) -> DisplayOptions:
        """Tone colours on or off."""
        return replace(self, tones=not self.tones)

    def toggle_hanzi_tones(self) -> DisplayOptions:
        """Tone colours on the hanzi on or off."""
        return replace(self, hanzi_tones=not self.hanzi_tones)

    def cycle_script(self) -> DisplayOptions:
        """original -> traditional -> simplified -> original."""
        return replace(self, script=_next(SCRIPTS, self.script))

    def toggle_spoken(self) -> DisplayOptions:
        """Spoken tones (sandhi) on or off."""
        return replace(self, spoken=not self.spoken)
