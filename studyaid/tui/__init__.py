"""The reader (Textual). Nothing below ``studyaid.core`` imports this package.

The names are imported from :mod:`studyaid.tui.app` when first asked for, so that
``studyaid review`` does not load the reader (nor the reader the review).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = [
    "ReaderApp", "ReviewApp", "ScreenApp", "run_library", "run_reader", "run_review",
    "run_search", "run_words",
]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(name)
    return getattr(import_module("studyaid.tui.app"), name)
