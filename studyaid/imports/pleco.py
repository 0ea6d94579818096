"""``pleco``: Pleco's flashcard text (as ``studyaid export vocab --format pleco`` writes
it): ``简体[繁體]<TAB>pin1yin1<TAB>definition`` under ``//category`` lines.

The gloss is the definition's first line (Pleco's line break is U+EAB1); a later line
``Note: ...`` is the gloss's note. A reading in tone marks is not kept (the learner's
glosses keep numbered pinyin); the dictionary's reading then applies.
"""

from __future__ import annotations

from pathlib import Path

from studyaid.core.errors import StudyaidError
from studyaid.imports.common import gloss_at, lines, numbered
from studyaid.imports.plan import Incoming

PLECO_NEWLINE = "\ueab1"
"""A line break inside a Pleco field (a real one would end the card)."""
NOTE = "Note: "


def read(path: Path) -> list[Incoming]:
    """Every card line of ``path`` as a gloss."""
    found = []
    for number, line in enumerate(lines(path), 1):
        if not line.strip() or line.startswith(("//", "#")):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise StudyaidError(f"{len(fields)} tab-separated fields; expected 3 (headword,"
                                " pinyin, definition)", path, number)
        head, reading, definition = fields
        word = head.split("[", 1)[0]
        parts = [p.strip() for p in definition.split(PLECO_NEWLINE)]
        note = next((p[len(NOTE):] for p in parts[1:] if p.startswith(NOTE)), "")
        found.append(gloss_at(path, number, word, parts[0], numbered(reading), note,
                              strict_reading=False))
    return found
