"""Messages that flow up from workers to the screen that owns the state."""

from __future__ import annotations

from textual.message import Message

from studyaid.core.annotate import Annotator, Sentence


class Annotated(Message):
    """A worker finished annotating the text (with the annotator it used)."""

    def __init__(self, annotator: Annotator, sentences: list[Sentence]) -> None:
        super().__init__()
        self.annotator = annotator
        self.sentences = sentences


class AnnotationFailed(Message):
    """A worker could not annotate the text (a broken vocab file, a missing index)."""

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem
