"""The reader's state, apart from the screen: which sentence, which word, what is
annotated and what is asked of the engine, the search. Plain Python (no Textual): the
screen renders it and forwards keys to it; tests drive it directly.

It is changed on the UI thread only. An annotation worker is handed a :class:`Request`
made here and reports back by messages, so no thread but the UI's writes these sets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from studyaid.core.model import IdiomMatch, Sentence, Token
from studyaid.core.nlp.script import to_simplified
from studyaid.core.text.sentence_list import SentenceList
from studyaid.tui.layout import is_selectable

CHUNK = 40
"""Sentences annotated per request: the one around the cursor comes first."""
WHOLE_TEXT_SENTENCES = 4000
"""Texts up to this many sentences are annotated whole (then cached); longer ones only
around the cursor, as the learner moves."""


def raw_sentences(content: str) -> SentenceList:
    """The text's sentences without tokens: what is shown while annotation runs (made
    as they are looked at: a very long text's are never all in memory)."""
    return SentenceList(content)


def find_sentence(sentences: Sequence[Sentence], query: str, after: int) -> int | None:
    """The first sentence after ``after`` (wrapping round) containing ``query``, in
    either script."""
    wanted = to_simplified(query)
    count = len(sentences)
    for step in range(1, count + 1):
        sentence = sentences[(after + step) % count]
        if query in sentence.text or wanted in to_simplified(sentence.text):
            return sentence.index
    return None


@dataclass(frozen=True)
class Request:
    """What one annotation worker is asked to do: ``chunks`` in this order, for the
    learner's layer ``generation``; ``whole``: the whole text is being annotated, so the
    worker caches it at the end."""

    generation: int
    chunks: tuple[int, ...]
    count: int
    whole: bool

    def span(self, chunk: int) -> tuple[int, int]:
        """The first sentence of ``chunk`` and the one after its last."""
        first = chunk * CHUNK
        return first, min(first + CHUNK, self.count)


class ReaderState:
    """One text being read: its sentences, the current one and the word under the cursor."""

    def __init__(self, sentences: SentenceList | list[Sentence]) -> None:
        self.sentences = sentences
        self.annotated: set[int] = set()  # sentences whose annotation arrived
        self.requested: set[int] = set()  # chunks asked of a worker this generation
        self.generation = 0  # bumped when the learner's layer changes
        self.cached_generation = -1  # the generation whose whole annotation is cached
        self.index = 0
        self.cursor: int | None = None  # a token of the current sentence
        self.search_query = ""
        self.anchor: int | None = None  # a text offset the cursor returns to on re-annotation

    # -- What is shown ---------------------------------------------------------------

    @property
    def sentence(self) -> Sentence:
        """The current sentence."""
        return self.sentences[self.index]

    @property
    def token(self) -> Token | None:
        """The token under the cursor."""
        if self.cursor is None or not self.sentence.tokens:
            return None
        return self.sentence.tokens[self.cursor]

    @property
    def busy(self) -> bool:
        """Whether the current sentence is still waiting for its annotation."""
        return self.index not in self.annotated

    @property
    def whole(self) -> bool:
        """Whether the text is annotated whole (and cached), not only around the cursor."""
        return len(self.sentences) <= WHOLE_TEXT_SENTENCES

    def idioms_of(self, token: Token) -> list[IdiomMatch]:
        """The idioms of the current sentence that overlap ``token``."""
        return [i for i in self.sentence.idioms if i.start < token.end and token.start < i.end]

    def first_word(self) -> int | None:
        """The current sentence's first token the cursor stops on."""
        return next((i for i, t in enumerate(self.sentence.tokens) if is_selectable(t)), None)

    def last_word(self) -> int | None:
        """The current sentence's last token the cursor stops on."""
        words = [i for i, t in enumerate(self.sentence.tokens) if is_selectable(t)]
        return words[-1] if words else None

    def token_at(self, offset: int) -> int | None:
        """The current sentence's token at text offset ``offset``."""
        for i, token in enumerate(self.sentence.tokens):
            if token.start <= offset < token.end:
                return i
        return None

    # -- Moving ----------------------------------------------------------------------

    def go(self, index: int) -> None:
        """To sentence ``index`` (kept inside the text), the cursor on its first word."""
        self.index = max(0, min(index, len(self.sentences) - 1))
        self.cursor = self.first_word()

    def step(self, delta: int) -> bool:
        """The cursor to the previous (-1) or next (+1) word, on into the neighbouring
        sentence (onto its last word going back); whether the sentence changed."""
        if self.cursor is None:
            return False
        tokens = self.sentence.tokens
        i = self.cursor + delta
        while 0 <= i < len(tokens) and not is_selectable(tokens[i]):
            i += delta
        if 0 <= i < len(tokens):
            self.cursor = i
            return False
        if not 0 <= self.index + delta < len(self.sentences):
            return False
        self.go(self.index + delta)
        if delta < 0 and self.sentence.tokens:
            self.cursor = self.last_word()
        return True

    def search_next(self) -> bool:
        """To the next sentence holding the search, the cursor on the word found there;
        whether there was one."""
        found = find_sentence(self.sentences, self.search_query, self.index)
        if found is None:
            return False
        self.go(found)
        text, query = self.sentence.text, self.search_query
        offset = text.find(query)
        if offset < 0:  # found in the other script
            offset = to_simplified(text).find(to_simplified(query))
        at = self.token_at(self.sentence.start + offset) if offset >= 0 else None
        if at is not None and is_selectable(self.sentence.tokens[at]):
            self.cursor = at
        return True

    # -- Annotation --------------------------------------------------------------------

    def use_cached(self, sentences: list[Sentence]) -> bool:
        """Take a cached annotation of the whole text, if it has the text's sentences."""
        if len(sentences) != len(self.sentences):
            return False
        self.sentences = sentences
        self.annotated = set(range(len(sentences)))
        self.requested = set(range(len(sentences) // CHUNK + 1))
        self.cached_generation = self.generation
        self.settle()
        return True

    @property
    def wants_annotation(self) -> bool:
        """Whether the current sentence waits for a chunk no worker was asked for."""
        return self.busy and self.index // CHUNK not in self.requested

    def request(self) -> Request:
        """The chunks to ask a worker for now, the current one first (all the others for
        a text annotated whole, else its neighbours), noted as requested."""
        count = (len(self.sentences) + CHUNK - 1) // CHUNK
        here = self.index // CHUNK
        if self.whole:
            order = [here, *range(here + 1, count), *range(here)]
        else:
            order = [c for c in (here, here + 1, here - 1) if 0 <= c < count]
        chunks = tuple(c for c in order if c not in self.requested)
        self.requested.update(chunks)
        return Request(self.generation, chunks, len(self.sentences), self.whole)

    def dropped(self, generation: int, chunks: Iterable[int]) -> None:
        """A worker gave these chunks up (a newer one replaced it): ask again later."""
        if generation == self.generation:
            self.requested.difference_update(chunks)

    def take(self, generation: int, sentences: Iterable[Sentence]) -> bool:
        """Annotated sentences arrive; whether the current sentence just became ready
        (its cursor is then on the word it was on before a re-annotation, else on the
        first word)."""
        if generation != self.generation:
            return False
        was_busy = self.busy
        for sentence in sentences:
            if sentence.index < len(self.sentences):
                self.sentences[sentence.index] = sentence
                self.annotated.add(sentence.index)
        if not was_busy or self.busy:
            return False
        self.settle()
        return True

    def settle(self) -> None:
        """The current sentence's tokens are here: the cursor goes on the word at the
        anchor (the word it was on before a re-annotation, or where the learner left
        the text), else on the first word."""
        at = self.token_at(self.anchor) if self.anchor is not None else None
        self.cursor = at if at is not None and is_selectable(self.sentence.tokens[at]) \
            else self.first_word()
        self.anchor = None

    @property
    def offset(self) -> int:
        """The word under the cursor: its first character's offset in the sentence."""
        token = self.token
        if token is not None:
            return token.start - self.sentence.start
        # Still waiting for the annotation: the word it will return to.
        return max(0, self.anchor - self.sentence.start) if self.anchor is not None else 0

    def restart(self) -> None:
        """The learner's layer changed: a new generation with nothing annotated; the
        cursor's word is remembered, to return to."""
        token = self.token
        self.anchor = token.start if token else None
        self.generation += 1
        self.annotated.clear()
        self.requested.clear()
