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
    """Traditional (and variant) forms to simplified: 什麽 -> 什么, 裏 -> 里."""
    return str(_converter("t2s").convert(text))


@lru_cache(maxsize=65536)
def to_traditional(text: str) -> str:
    """Simplified to traditional."""
    return str(_converter("s2t").convert(text))


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Characters OpenCC's t2s changes (traditional and variant forms)."""
    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    try:
        lines = table.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(line.split("\t", 1)[0] for line in lines if "\t" in line)


def simplified_for_segmentation(text: str) -> str:
    """``text`` in simplified characters, same length, for a segmenter trained on them.

    Text with no traditional characters is returned as is (the common, fast case);
    a conversion that would change the length is not used, so offsets stay true.
    """
    if _traditional_chars().isdisjoint(text):
        return text
    converted = to_simplified(text) if len(text) < 4096 else str(_converter("t2s").convert(text))
    return converted if len(converted) == len(text) else text
