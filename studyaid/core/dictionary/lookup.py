"""What the learner can look up about a word: the dictionary and their own glosses."""

from __future__ import annotations

from dataclasses import dataclass, field

from studyaid.core.dictionary.index import Dictionary, Entry
from studyaid.core.model import Gloss
from studyaid.core.nlp.script import to_simplified


def entries_for(dictionary: Dictionary, word: str) -> tuple[Entry, ...]:
    """Entries for ``word``, or for its simplified form when it is a variant (什麽)."""
    entries = dictionary.entries(word)
    if not entries:
        simplified = to_simplified(word)
        if simplified != word:
            entries = dictionary.entries(simplified)
    return entries


@dataclass
class Lookup:
    """The dictionary and the learner's glosses, without the segmenter and pypinyin."""

    dictionary: Dictionary
    glosses: dict[str, Gloss] = field(default_factory=dict)

    def dictionary_entries(self, word: str) -> tuple[Entry, ...]:
        """Entries for ``word`` (see :func:`entries_for`)."""
        return entries_for(self.dictionary, word)


COMMONNESS = ((20_000, "one of the commonest words"), (2_000, "common"),
              (200, "less common"), (1, "rare"))
"""Bands of a word's count in jieba's dictionary (a corpus of some 60 million words):
的 is counted 318,825 times, 已经 51,289, 合作 13,478, 微软 1,757, 互补 291, 裂痕 80,
釜底抽薪 38."""


def commonness(count: int) -> str:
    """How common a word is, in words, from its count in jieba's dictionary."""
    return next((name for least, name in COMMONNESS if count >= least), "not counted")
