"""Simplified and traditional script: the one module that talks to OpenCC."""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import opencc
from opencc import OpenCC


@cache
def _converter(config: str) -> OpenCC:
    return OpenCC(config)


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Traditional (and variant) forms to simplified: 什麽 -> 什么, 裏 -> 里. Text OpenCC
    would leave as it is (most text, in a simplified reader) is not given to it."""
    if _traditional_chars().isdisjoint(text):
        return text
    return str(_converter("t2s").convert(text))


TRADITIONAL_STANDARDS: dict[str, str] = {
    "tw": "s2tw",
    "hk": "s2hk",
    "opencc": "s2t",
}
"""Standards of traditional characters: name -> OpenCC configuration. Taiwan's (为 -> 為,
着 -> 著, 里 -> 裡) is the one CC-CEDICT writes; Hong Kong's (為, 着, 裏); OpenCC's own,
which follows older print forms (爲, 着, 裏)."""
DEFAULT_TRADITIONAL = "tw"
"""The standard of traditional characters unless the learner chooses another: the
dictionary's, so the text and its entries agree."""


@lru_cache(maxsize=65536)
def to_traditional(text: str, standard: str = DEFAULT_TRADITIONAL) -> str:
    """Simplified to traditional in the named standard (see
    :data:`TRADITIONAL_STANDARDS`): 视为 -> 視為 (tw, hk), 視爲 (opencc)."""
    return str(_converter(TRADITIONAL_STANDARDS[standard]).convert(text))


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Characters that may make OpenCC's t2s change a text: its traditional and variant
    characters, and those of its phrases changed though none of theirs is one (沈默 ->
    沉默). A text with none of them is already simplified. Empty when OpenCC's tables cannot
    be read (OpenCC itself cannot convert then)."""
    folder = Path(opencc.__file__).parent / "dictionary"
    try:
        characters = (folder / "TSCharacters.txt").read_text(encoding="utf-8").splitlines()
        phrases = (folder / "TSPhrases.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    changed = {line.split("\t", 1)[0] for line in characters if "\t" in line}
    for line in phrases:
        key, _, values = line.partition("\t")
        if values and changed.isdisjoint(key) and key != values.split()[0]:
            changed.update(key)
    return frozenset(changed)


def simplified_for_segmentation(text: str) -> str:
    """``text`` in simplified characters, same length, for a segmenter trained on them.

    Text with no traditional characters is returned as is (the common, fast case);
    a conversion that would change the length is not used, so offsets stay true.
    """
    if _traditional_chars().isdisjoint(text):
        return text
    converted = to_simplified(text) if len(text) < 4096 else str(_converter("t2s").convert(text))
    return converted if len(converted) == len(text) else text
