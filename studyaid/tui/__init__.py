"""The reader (Textual). Nothing below ``studyaid.core`` imports this package."""

from studyaid.tui.app import ReaderApp, run_reader

__all__ = ["ReaderApp", "run_reader"]
