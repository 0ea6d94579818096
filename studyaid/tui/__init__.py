"""The reader (Textual). Nothing below ``studyaid.core`` imports this package.

The names are imported from :mod:`studyaid.tui.app` when first asked for, so that
``studyaid review`` does not load the reader (nor the reader the review).
"""

from __future__ import annotations

import os
from importlib import import_module
from typing import Any

# Textual draws at most 60 frames a second by default: a key's result waits up to a
# frame (16 ms) for its turn, and a search's results, which come a moment after the key's
# echo, wait for the next. At 120 a keystroke's results are on screen ~12 ms sooner
# (bench/search_bench.py). Read when Textual is imported, so set before; the learner's
# own TEXTUAL_FPS wins.
os.environ.setdefault("TEXTUAL_FPS", "120")

__all__ = [
    "ReaderApp", "ReviewApp", "ScreenApp", "run_library", "run_reader", "run_review",
    "run_search", "run_words",
]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(name)
    return getattr(import_module("studyaid.tui.app"), name)
