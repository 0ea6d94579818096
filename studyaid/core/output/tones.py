"""Tones: the tone of a numbered syllable and the one tone palette every display uses.

The colours are Pleco's (and Anki's Chinese Support add-on's): 1 red, 2 orange, 3 green,
4 blue, neutral grey. ``TERMINAL`` is tuned for the reader's dark background, ``PAPER``
for light pages (the HTML export and Anki cards); the hues are the same.
"""

from __future__ import annotations

NEUTRAL = 5

TERMINAL = {1: "#ff5f5f", 2: "#ffaf00", 3: "#5fd75f", 4: "#5f87ff", 5: "grey62"}
"""Tone colours on a dark terminal."""
PAPER = {1: "#e30000", 2: "#d89000", 3: "#00a000", 4: "#1510f0", 5: "#777"}
"""Tone colours on a light page."""
PAPER_NIGHT = {4: "#6fa8ff"}
"""Where a light page's colour is too dark on a night background (Anki's night mode)."""


def tone_of(syllable: str) -> int:
    """The tone (1-4, 5 for neutral or unknown) of a numbered syllable (``wei1``, ``de5``)."""
    last = syllable[-1:]
    return int(last) if last and last in "1234" else NEUTRAL


