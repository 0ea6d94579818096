"""Everything about one word, outside any text: what the dictionary search screen shows.

Its entries (every CC-CEDICT reading), the learner's gloss, the idiom note, each
character, longer words that contain it, and sentences from the learner's own texts
that use it (found by plain string search: cheap, no segmentation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from studyaid.core.dictionary.idioms import IdiomFinder
from studyaid.core.dictionary.index import Entry
from studyaid.core.dictionary.lookup import Lookup
from studyaid.core.errors import StudyaidError
from studyaid.core.model import Gloss, IdiomMatch
from studyaid.core.nlp.pinyin import HAN
from studyaid.core.text.loader import load_text
from studyaid.core.vocab.learner import Learner

EXAMPLES = 6
"""Example sentences shown for a word, at most."""
PER_TEXT = 3
"""... and at most this many from any one text."""
LONGEST_EXAMPLE = 160
"""An example sentence longer than this many characters is cut around the word."""
CONTAINING = 12
"""Longer words containing the word, at most."""
_SENTENCE_END = re.compile(r"[。！？!?\n]")


@dataclass(frozen=True)
class Example:
    """A sentence of one of the learner's texts that uses the word."""

    title: str
    sentence: str


@dataclass(frozen=True)
class WordReport:
    """One word as the dictionary screen shows it."""

    word: str
    entries: tuple[Entry, ...]
    gloss: Gloss | None = None
    idiom: IdiomMatch | None = None
    characters: list[tuple[str, tuple[Entry, ...], Gloss | None]] = field(default_factory=list)
    containing: list[Entry] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)


def _sentence_around(content: str, start: int, end: int) -> str:
    """The sentence holding ``content[start:end]``, cut to LONGEST_EXAMPLE around it."""
    before = max((m.end() for m in _SENTENCE_END.finditer(content, max(0, start - 400), start)),
                 default=max(0, start - 400))
    found = _SENTENCE_END.search(content, end, end + 400)
    after = found.end() if found else min(len(content), end + 400)
    sentence = content[before:after].strip()
    if len(sentence) > LONGEST_EXAMPLE:
        middle = content.find(content[start:end], before) - before
        left = max(0, middle - LONGEST_EXAMPLE // 2)
        sentence = "…" + sentence[left : left + LONGEST_EXAMPLE].strip() + "…"
    return " ".join(sentence.split())


def find_examples(forms: Iterable[str], texts: Iterable[tuple[str, str]],
                  limit: int = EXAMPLES, per_text: int = PER_TEXT) -> list[Example]:
    """Sentences of ``texts`` (title, content) containing any of ``forms`` (the word as
    simplified and traditional), in text order, each sentence once."""
    wanted = [f for f in dict.fromkeys(forms) if f]
    found: list[Example] = []
    seen: set[str] = set()
    for title, content in texts:
        hits: list[tuple[int, int]] = []
        for form in wanted:
            at = content.find(form)
            while at >= 0 and len(hits) < per_text * 4:
                hits.append((at, at + len(form)))
                at = content.find(form, at + len(form))
        taken = 0
        for start, end in sorted(hits):
            sentence = _sentence_around(content, start, end)
            if sentence in seen:
                continue
            seen.add(sentence)
            found.append(Example(title, sentence))
            taken += 1
            if len(found) >= limit:
                return found
            if taken >= per_text:
                break
    return found


def learner_texts(vocab: Path, seed: str) -> list[tuple[str, str]]:
    """The learner's texts as (title, content): the seed article, then every text with a
    reading position in the vocab folder that can still be read (others are skipped)."""
    texts = [("seed article", seed)]
    try:
        positions = Learner(vocab).positions()
    except StudyaidError:
        return texts
    for text_id in sorted(positions):
        if text_id == "seed":
            continue
        try:
            texts.append((Path(text_id).name, load_text(text_id).content))
        except StudyaidError:
            continue
    return texts


def idiom_of(idioms: IdiomFinder | None, word: str) -> IdiomMatch | None:
    """The idiom note when the whole word is an idiom."""
    if idioms is None:
        return None
    return next((m for m in idioms.find(word) if m.start == 0 and m.end == len(word)), None)


def word_report(lookup: Lookup, word: str, idioms: IdiomFinder | None = None,
                texts: Iterable[tuple[str, str]] = ()) -> WordReport:
    """Gather everything about ``word`` (simplified or traditional)."""
    entries = lookup.dictionary_entries(word)
    gloss = lookup.glosses.get(word)
    forms = [word] + [f for e in entries for f in (e.simplified, e.traditional)]
    if gloss is None:
        gloss = next((lookup.glosses[f] for f in forms if f in lookup.glosses), None)
    characters = []
    if len(HAN.findall(word)) > 1:
        characters = [(ch, lookup.dictionary_entries(ch), lookup.glosses.get(ch))
                      for ch in HAN.findall(word)]
    return WordReport(
        word, entries, gloss, idiom_of(idioms, word), characters,
        lookup.dictionary.containing(word, CONTAINING),
        find_examples(forms, texts),
    )
