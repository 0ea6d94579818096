"""Reusable widgets of the reader and the review.

The names are the map; each widget's module is imported when first asked for (the
review's widgets load the study package, which the reader need not load to paint).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_MODULES = {
    "CardView": "card_view",
    "DetailsPanel": "details_panel",
    "GradeBar": "grade_bar",
    "SentenceView": "sentence_view",
    "StatChart": "stat_chart",
}

__all__ = sorted(_MODULES)


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(name)
    return getattr(import_module(f"{__name__}.{_MODULES[name]}"), name)
