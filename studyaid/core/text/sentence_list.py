"""A text's sentences for a reader: made on demand from compact spans.

A 50 MB text has some 675,000 sentences: as Sentence objects, each with its own copy of
its text, they cost ~340 MB and ~7 s to make (measured), before the first screen. Kept
as two integers each in an array they cost 11 MB; a sentence is made when it is looked
at, and the annotated ones put back are kept.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import overload

from studyaid.core.model import Sentence
from studyaid.core.text.sentences import Span, split_sentences


class SentenceList(Sequence[Sentence]):
    """The sentences of ``content`` (its spans, or split here), indexable like a list;
    ``sentences[i] = annotated`` keeps an annotated sentence in place of the raw one."""

    def __init__(self, content: str, spans: Iterable[Span] | None = None) -> None:
        self.content = content
        self._bounds = array("q", chain.from_iterable(
            spans if spans is not None else split_sentences(content)))
        self._kept: dict[int, Sentence] = {}

    def __len__(self) -> int:
        return len(self._bounds) // 2

    def spans(self, first: int, stop: int) -> list[Span]:
        """The spans of sentences ``first`` to ``stop`` (exclusive)."""
        bounds = self._bounds
        return [Span(bounds[2 * i], bounds[2 * i + 1]) for i in range(first, min(stop, len(self)))]

    @overload
    def __getitem__(self, index: int) -> Sentence: ...

    @overload
    def __getitem__(self, index: slice) -> list[Sentence]: ...

    def __getitem__(self, index: int | slice) -> Sentence | list[Sentence]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        count = len(self)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError(index)
        kept = self._kept.get(index)
        if kept is not None:
            return kept
        start, end = self._bounds[2 * index], self._bounds[2 * index + 1]
        return Sentence(index, start, end, self.content[start:end])

    def __setitem__(self, index: int, sentence: Sentence) -> None:
        if not 0 <= index < len(self):
            raise IndexError(index)
        self._kept[index] = sentence

    def __iter__(self) -> Iterator[Sentence]:
        for index in range(len(self)):
            yield self[index]
