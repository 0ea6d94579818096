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
