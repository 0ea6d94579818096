"""The profile of a text: how long it is, and how hard for this learner.

A profile has two halves. :class:`TextCounts` depends only on the text and its
annotation (segmentation, idioms): characters, sentences, each word's count, the words
at each HSK 3.0 level and the idioms. It is cached next to the text's annotation, under
the same kind of key (the text, the learner's glosses and lexicon, the dictionary), so
a library of texts is profiled once. :func:`profile` adds what changes as the learner
studies: the share of the words they already know, counted from the word counts at
once.

A word is a token with Han characters; numbers, Latin words and punctuation are not
words (so 微软与OpenAI的裂痕 has four words: 微软 与 的 裂痕).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from studyaid import paths
from studyaid.core.dictionary import hsk
from studyaid.core.engine.annotate import Annotator
from studyaid.core.engine.annotation_cache import AnnotationCache, annotation_key, text_stamp
from studyaid.core.engine.services import build_annotator
from studyaid.core.engine.settings import Settings
from studyaid.core.model import Sentence
from studyaid.core.nlp.pinyin import HAN
from studyaid.core.nlp.script import to_simplified
from studyaid.core.vocab.learner import KNOWN
from studyaid.core.vocab.storage import write_atomic

FORMAT = 1
"""Bump when TextCounts changes shape: old cached profiles are then not found."""
KEEP = 256
"""How many texts' cached profiles are kept (each a few kilobytes to ~100 kB)."""


@dataclass(frozen=True)
class TextCounts:
    """What a text is made of, whoever reads it (cached with its annotation)."""

    characters: int
    """Characters other than whitespace."""
    hanzi: int
    sentences: int
    words: dict[str, int]
    """Each distinct word and how many times it occurs."""
    hsk: dict[str, int]
    """Word tokens per HSK band (:data:`studyaid.core.dictionary.hsk.BANDS`)."""
    hsk_distinct: dict[str, int]
    """Distinct words per HSK band."""
    idioms: int
    """Idioms and proverbs found (each occurrence)."""

    @property
    def tokens(self) -> int:
        """How many words the text has, counting repeats."""
        return sum(self.words.values())

    def as_json(self) -> dict[str, object]:
        """Plain data for the cache."""
        return {"format": FORMAT, **asdict(self)}

    @classmethod
    def from_json(cls, data: object) -> TextCounts:
        """The counts from :meth:`as_json`; ValueError when the data is not that."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a profile of this format")
        fields = {k: v for k, v in data.items() if k != "format"}
        try:
            counts = cls(**fields)
        except TypeError as exc:
            raise ValueError(str(exc)) from None
        if not all(isinstance(v, int) for v in counts.words.values()):
            raise ValueError("word counts are not numbers")
        return counts


def count_text(content: str, sentences: Iterable[Sentence]) -> TextCounts:
    """Count a text from its annotated sentences."""
    words: Counter[str] = Counter()
    sentence_count = idioms = 0
    for sentence in sentences:
        sentence_count += 1
        idioms += len(sentence.idioms)
        words.update(token.text for token in sentence.tokens if token.is_word)
    levels = _levels(list(words))
    by_band = dict.fromkeys(hsk.BANDS, 0)
    distinct = dict.fromkeys(hsk.BANDS, 0)
    for word, count in words.items():
        by_band[levels[word]] += count
        distinct[levels[word]] += 1
    return TextCounts(
        characters=sum(1 for ch in content if not ch.isspace()),
        hanzi=len(HAN.findall(content)),
        sentences=sentence_count,
        words=dict(words),
        hsk=by_band,
        hsk_distinct=distinct,
        idioms=idioms,
    )


def _levels(words: list[str]) -> dict[str, str]:
    """Each word's HSK band; words not listed as written are tried in simplified form,
    converted in one call (OpenCC is slow per call, fast per character)."""
    found = {w: hsk.level_of(w) for w in words}
    missing = [w for w, level in found.items() if level == hsk.BEYOND]
    if missing:
        converted = to_simplified("\n".join(missing)).split("\n")
        if len(converted) == len(missing):
            for word, simplified in zip(missing, converted, strict=True):
                if simplified != word:
                    found[word] = hsk.level_of(word, simplified)
    return found


@dataclass(frozen=True)
class Share:
    """A share of a text's words: counting repeats (tokens), and each word once."""

    tokens: float
    distinct: float


@dataclass(frozen=True)
class Profile:
    """A text's counts, and the share of its words this learner knows."""

    counts: TextCounts
    known: Share

    @property
    def hsk(self) -> dict[str, float]:
        """The share of word tokens at each HSK band (levels, then ``beyond``)."""
        total = self.counts.tokens
        return {band: (n / total if total else 0.0) for band, n in self.counts.hsk.items()}

    @property
    def hsk_distinct(self) -> dict[str, float]:
        """The share of distinct words at each HSK band."""
        total = len(self.counts.words)
        return {band: (n / total if total else 0.0)
                for band, n in self.counts.hsk_distinct.items()}

    @property
    def mean_level(self) -> float:
        """The average HSK level of the word tokens (7-9 counts as 7, beyond as 8): one
        number to sort texts by difficulty."""
        return sum(share * (i + 1) for i, share in enumerate(self.hsk.values()))

    def as_json(self) -> dict[str, object]:
        """The profile as ``studyaid profile --json`` prints it."""
        c = self.counts
        return {
            "characters": c.characters,
            "hanzi": c.hanzi,
            "sentences": c.sentences,
            "words": {"tokens": c.tokens, "distinct": len(c.words)},
            "known_share": {"tokens": round(self.known.tokens, 4),
                            "distinct": round(self.known.distinct, 4)},
            "hsk": {band: round(share, 4) for band, share in self.hsk.items()},
            "hsk_distinct": {band: round(share, 4) for band, share in self.hsk_distinct.items()},
            "idioms": c.idioms,
        }


def profile(counts: TextCounts, statuses: Mapping[str, str]) -> Profile:
    """The profile for a learner whose words have ``statuses`` (word -> status)."""
    known = [w for w in counts.words if statuses.get(w) == KNOWN]
    tokens, distinct = counts.tokens, len(counts.words)
    return Profile(counts, Share(
        sum(counts.words[w] for w in known) / tokens if tokens else 0.0,
        len(known) / distinct if distinct else 0.0,
    ))


# -- Caching ------------------------------------------------------------------------------


def profile_key(content: str, settings: Settings) -> str:
    """The cache key of a text's counts: what its segmentation and idioms depend on."""
    stamp = f"{text_stamp(settings.cedict)}|profile={FORMAT}|{hsk.data_version()}"
    return annotation_key(content, settings.vocab, stamp)


class ProfileCache:
    """Text counts in the annotation cache's folder, as small JSON files."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.profile.json"

    def load(self, key: str) -> TextCounts | None:
        """The cached counts for ``key``, or None (a corrupt entry is forgotten)."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            return TextCounts.from_json(json.loads(data))
        except ValueError:
            path.unlink(missing_ok=True)
            return None

    def save(self, key: str, counts: TextCounts) -> None:
        """Store the counts (best effort: a cache never stops anything)."""
        try:
            write_atomic(self._path(key), json.dumps(counts.as_json(), ensure_ascii=False))
            entries = sorted(self.folder.glob("*.profile.json"), key=lambda p: p.stat().st_mtime)
            for old in entries[:-KEEP]:
                old.unlink(missing_ok=True)
        except Exception:
            pass


class Profiler:
    """Counts texts: from the cache, else from the reader's cached annotation, else by
    annotating them (one annotator, built on first need, for every text)."""

    def __init__(self, settings: Settings, annotator: Annotator | None = None):
        self.settings = settings
        self._annotator = annotator
        self.cache = ProfileCache(paths.annotations_dir(settings.cache))

    def cached(self, content: str) -> TextCounts | None:
        """The counts if they are cached (milliseconds), else None."""
        return self.cache.load(profile_key(content, self.settings))

    def counts(self, content: str) -> TextCounts:
        """The text's counts, computed and cached when needed."""
        key = profile_key(content, self.settings)
        found = self.cache.load(key)
        if found is not None:
            return found
        sentences = self._cached_annotation(content)
        if sentences is None:
            if self._annotator is None:
                # Words and idioms do not depend on readings: no polyphone model here.
                self._annotator = build_annotator(replace(self.settings, context_model=False))
            sentences = list(self._annotator.iter_annotate(content))
        counts = count_text(content, sentences)
        self.cache.save(key, counts)
        return counts

    def _cached_annotation(self, content: str) -> list[Sentence] | None:
        """A whole annotation of the text the reader cached, with or without the context
        model (readings differ, the words do not)."""
        cache = AnnotationCache(paths.annotations_dir(self.settings.cache))
        for context in (True, False):
            key = annotation_key(content, self.settings.vocab,
                                 text_stamp(self.settings.cedict, context))
            if (cache.path(key)).exists():
                found = cache.load(key)
                if found is not None:
                    return found
        return None
