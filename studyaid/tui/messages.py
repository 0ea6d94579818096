"""Messages that flow up from workers to the screen that owns the state."""

from __future__ import annotations

from textual.message import Message

from studyaid.core.dictionary.idioms import IdiomFinder
from studyaid.core.dictionary.index import Entry
from studyaid.core.dictionary.lookup import Lookup
from studyaid.core.dictionary.word_report import WordReport
from studyaid.core.model import Sentence


class Annotated(Message):
    """Sentences ``first`` onwards were annotated (for the learner's layer ``generation``)."""

    def __init__(self, generation: int, first: int, sentences: list[Sentence]) -> None:
        super().__init__()
        self.generation = generation
        self.first = first
        self.sentences = sentences


class AnnotationCached(Message):
    """The whole text is annotated and cached (for the learner's layer ``generation``)."""

    def __init__(self, generation: int) -> None:
        super().__init__()
        self.generation = generation


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


class DictionaryReady(Message):
    """The dictionary screen's services are ready: the dictionary with the learner's
    glosses, the idiom finder, and the learner's texts (title, content) for examples."""

    def __init__(self, lookup: Lookup, idioms: IdiomFinder | None,
                 texts: list[tuple[str, str]]) -> None:
        super().__init__()
        self.lookup = lookup
        self.idioms = idioms
        self.texts = texts


class SearchDone(Message):
    """The results of one search (stale ones are dropped by the screen)."""

    def __init__(self, query: str, entries: list[Entry]) -> None:
        super().__init__()
        self.query = query
        self.entries = entries


class ReportReady(Message):
    """Everything about one word was gathered."""

    def __init__(self, report: WordReport) -> None:
        super().__init__()
        self.report = report


class Failed(Message):
    """A worker met a problem the learner should see (a broken vocab file)."""

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem
