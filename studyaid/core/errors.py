"""The one exception type the program reports to the learner as a single line."""

from __future__ import annotations

from pathlib import Path


class StudyaidError(Exception):
    """A problem the learner can act on: bad input, a broken vocab file, a failed write.

    ``str(error)`` is the whole one-line message, prefixed with ``file:line:`` when the
    problem has a place.
    """

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        where = ""
        if self.path is not None:
            where = f"{self.path}:{line}: " if line is not None else f"{self.path}: "
        super().__init__(where + message)
