"""Reusable widgets of the reader."""

from studyaid.tui.widgets.details_panel import DetailsPanel
from studyaid.tui.widgets.sentence_view import SentenceView

__all__ = ["DetailsPanel", "SentenceView"]
