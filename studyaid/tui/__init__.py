"""The reader (Textual). Nothing below ``studyaid.core`` imports this package."""

from studyaid.tui.app import ReaderApp, ReviewApp, run_reader, run_review

__all__ = ["ReaderApp", "ReviewApp", "run_reader", "run_review"]
