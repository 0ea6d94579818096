"""A text's words before reading it (Du Chinese's word list, Lute's term list): every
distinct word with how often it occurs, where it first does, its HSK level, the
learner's status and the gloss the reader shows.

The words come from the text's annotation: the reader's cached one when there is one
(milliseconds), else the text cut into words by the reader's segmenter, each glossed as a
word (:meth:`Annotator.segment`: no context model or sense rules, several times faster).
A word's gloss is the one most of its occurrences show (对 is "towards" in a text where
it is once the measure word). A word is what :func:`studyaid.core.vocab.learner.is_word`
says (Han characters): numbers, Latin words and punctuation are not words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from studyaid import paths
from studyaid.core.dictionary import hsk
from studyaid.core.engine.annotation_cache import AnnotationCache, annotation_key, text_stamp
from studyaid.core.engine.services import build_annotator
from studyaid.core.engine.settings import Settings
from studyaid.core.model import Sentence
from studyaid.core.nlp.script import to_simplified
from studyaid.core.vocab.learner import NEW, is_word

SOURCES = {"user": "yours", "shipped": "text", "cc-cedict": "dictionary",
           "parts": "characters", "name": "name"}
"""What ``gloss_source`` says, by the annotation's gloss source."""


@dataclass(frozen=True)
class TextWord:
    """One distinct word of a text."""

    word: str
    count: int
    first_sentence: int
    """The number of the sentence it first occurs in (1 = the first)."""
    hsk: str
    """Its HSK 3.0 band (``1`` … ``6``, ``7-9``, or ``beyond``)."""
    status: str
    gloss: str
    gloss_source: str
    """``yours`` (the learner's), ``text`` (shipped for this text), ``dictionary``,
    ``characters`` (a word the dictionary lacks, glossed from its parts) or ``name``."""
    due: str = ""
    """When its card is next due (ISO 8601), "" when it has none."""
    first_at: int = 0
    """Where it first occurs: its character offset in the text (to sort by)."""

    def as_json(self) -> dict[str, object]:
        """As ``studyaid words --text PATH --json`` prints it."""
        return {"word": self.word, "count": self.count, "hsk": self.hsk,
                "status": self.status, "gloss": self.gloss,
                "gloss_source": self.gloss_source, "first_sentence": self.first_sentence,
                "due": self.due}


def text_words(sentences: Iterable[Sentence], statuses: Mapping[str, str],
               dues: Mapping[str, str] | None = None) -> list[TextWord]:
    """The distinct words of annotated ``sentences``, most frequent first (then in the
    order they first occur); ``statuses`` and ``dues`` by word as written."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    glosses: dict[str, Counter[tuple[str, str]]] = {}
    for sentence in sentences:
        for token in sentence.tokens:
            word = token.text
            if word in counts:
                counts[word] += 1
            elif is_word(word):
                counts[word] = 1
                first[word] = (sentence.index + 1, token.start)
                glosses[word] = Counter()
            else:
                continue
            glosses[word][(token.info.gloss, token.info.gloss_source)] += 1
    dues = dues or {}
    rows = []
    for order, (word, count) in enumerate(counts.items()):
        where, at = first[word]
        gloss, source = glosses[word].most_common(1)[0][0]
        simplified = to_simplified(word)
        rows.append((-count, order, TextWord(
            word, count, where, hsk.level_of(word, simplified), statuses.get(word, NEW),
            gloss, SOURCES.get(source, source), dues.get(word, ""), at)))
    return [row for _, _, row in sorted(rows, key=lambda r: (r[0], r[1]))]


def words_of(settings: Settings, content: str, text_id: str) -> Iterable[Sentence]:
    """The text's sentences and words: the reader's cached annotation, else cut here."""
    cache = AnnotationCache(paths.annotations_dir(settings.cache))
    key = annotation_key(content, settings.vocab, text_stamp(settings.cedict,
                                                             settings.context_model), text_id)
    found = cache.load(key)
    if found is not None:
        return found
    return build_annotator(replace(settings, context_model=False),
                           text_id=text_id).segment(content)


@dataclass(frozen=True)
class Mined:
    """A sentence with exactly one word the learner does not know yet (i+1)."""

    text: str
    sentence: str
    word: str
    index: int
    """The sentence's number in its text (0 = the first)."""

    def as_json(self) -> dict[str, object]:
        """As ``studyaid mine --json`` prints it."""
        return {"text": self.text, "sentence": self.sentence, "word": self.word}


def one_unknown(text: str, sentences: Iterable[Sentence],
                known: Callable[[str], bool]) -> Iterator[Mined]:
    """The sentences of ``text`` with exactly one word that is not ``known`` (each such
    sentence once, however often the word occurs in it)."""
    for sentence in sentences:
        unknown = {t.text for t in sentence.tokens if is_word(t.text) and not known(t.text)}
        if len(unknown) == 1:
            yield Mined(text, sentence.text.strip(), unknown.pop(), sentence.index)
