"""Reusable widgets of the reader and the review."""

from studyaid.tui.widgets.card_view import CardView
from studyaid.tui.widgets.details_panel import DetailsPanel
from studyaid.tui.widgets.grade_bar import GradeBar
from studyaid.tui.widgets.sentence_view import SentenceView
from studyaid.tui.widgets.stat_chart import StatChart

__all__ = ["CardView", "DetailsPanel", "GradeBar", "SentenceView", "StatChart"]
