"""Messages that flow up from workers to the screen that owns the state."""

from __future__ import annotations

from textual.message import Message

from studyaid.core.annotate import Sentence
from studyaid.core.lookup import Lookup


class Annotated(Message):
    """Sentences ``first`` onwards were annotated (for the learner's layer ``generation``)."""

    def __init__(self, generation: int, first: int, sentences: list[Sentence]) -> None:
        super().__init__()
        self.generation = generation
        self.first = first
        self.sentences = sentences


class LookupReady(Message):
    """The dictionary is open for the details panel."""

    def __init__(self, lookup: Lookup) -> None:
        super().__init__()
        self.lookup = lookup


class AnnotationFailed(Message):
    """A worker could not annotate the text (a broken vocab file, a missing index)."""

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem


class StatusesLoaded(Message):
    """Each word's status was read: set by hand, else from its flashcard."""

    def __init__(self, statuses: dict[str, str], problem: str | None = None) -> None:
        super().__init__()
        self.statuses = statuses
        self.problem = problem
