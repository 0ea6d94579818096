"""Line breaking by the CJK rules (kinsoku): a line never begins with closing punctuation
and never ends with an opening bracket or quote.

The rule is applied to items laid out in a row (tokens of the reader and of
``annotate --format text``, characters of a dimmed context line): :func:`line_starts`
chooses where lines begin, :func:`wrap_text` wraps a plain string. Widths are terminal
cells; the caller passes its own measure where it has one (Rich's in the reader).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

# -- The kinsoku sets: data, one place. Full-width and ASCII forms both.

NO_LINE_START = frozenset(
    "，。、；：？！…‥·・"  # Chinese commas, stops, ellipses, interpuncts
    "」』）》〉】〕〗〙〛｝］”’"  # closing brackets and quotes, full-width
    "．，：；？！％"  # full-width Latin punctuation
    ",.;:?!%)]}"  # ASCII
    "〜～ー々ゝゞ"  # iteration and prolongation marks
)
"""Characters a line may not begin with: closing punctuation and brackets."""

NO_LINE_END = frozenset(
    "「『（《〈【〔〖〘〚｛［“‘"  # opening brackets and quotes, full-width
    "([{"  # ASCII
)
"""Characters a line may not end with: opening brackets and quotes."""


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes: wide (CJK) characters count two."""
    return sum(
        0 if unicodedata.combining(ch)
        else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def may_break_between(before: str, after: str) -> bool:
    """Whether a line may end after the text ``before`` and the next begin with ``after``."""
    if after and after[0] in NO_LINE_START:
        return False
    stripped = before.rstrip()
    return not (stripped and stripped[-1] in NO_LINE_END)


def line_starts(
    items: Sequence[str], columns: Sequence[int], gaps: Sequence[int], width: int
) -> list[int]:
    """Where each line begins: indices into ``items``, the first 0 (none for no items).

    Items are laid out in a row, item ``i`` taking ``columns[i]`` cells after ``gaps[i]``
    cells of space (dropped at the start of a line), lines at most ``width`` cells. The
    lines are filled greedily; where a line would begin with closing punctuation or
    follow an opening bracket, the break moves back to the nearest allowed place on the
    line (the punctuation takes the word before it along). Only where the line offers
    no allowed place does a line break against the rule (an item too wide for a line).
    """
    starts: list[int] = []
    if not items:
        return starts
    start = 0
    starts.append(0)
    used = columns[0]
    i = 1
    while i < len(items):
        need = gaps[i] + columns[i]
        if used + need <= width:
            used += need
            i += 1
            continue
        cut = i
        while cut > start + 1 and not may_break_between(items[cut - 1], items[cut]):
            cut -= 1
        if cut == start + 1 and not may_break_between(items[cut - 1], items[cut]):
            cut = i  # nowhere allowed on this line: break where the line is full
        start = cut
        starts.append(start)
        used = columns[start]
        i = start + 1
    return starts


def wrap_text(text: str, width: int, cells: Callable[[str], int] = cell_width) -> list[str]:
    """``text`` cut into lines of at most ``width`` cells, character by character, by the
    rule of :func:`line_starts` (a Latin word's letters may be split, as a terminal
    would)."""
    if not text:
        return []
    chars = list(text)
    columns = [cells(ch) for ch in chars]
    starts = line_starts(chars, columns, [0] * len(chars), max(width, 2))
    ends = [*starts[1:], len(chars)]
    return ["".join(chars[a:b]) for a, b in zip(starts, ends, strict=True)]
