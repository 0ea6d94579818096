"""The audio an Anki package carries: each word's reading and its example sentence
spoken (``core.output.speech``), named for what is said so that a re-export names the
same file again and Anki keeps one copy."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from studyaid.core.output.speech import Speech, spoken_syllables
from studyaid.export.items import VocabItem


@dataclass
class Sounds:
    """Sound files for the items of an export."""

    speech: Speech
    sentence_text: Callable[[str], str]
    """A sentence's text -> what the voice says (its words' readings, as annotate reads
    them)."""

    def _media(self, text: str) -> tuple[str, Path]:
        path = self.speech.wav(text)
        # the cache file's name is a hash of text, voice, speed and espeak-ng's version
        return f"studyaid-{path.stem[:20]}.wav", path

    def word(self, item: VocabItem) -> tuple[str, Path]:
        """The word's media name and file."""
        return self._media(spoken_syllables(item.reading))

    def sentence(self, item: VocabItem) -> tuple[str, Path] | None:
        """The example sentence's media name and file (None without a sentence)."""
        if not item.sentence.strip():
            return None
        return self._media(self.sentence_text(item.sentence))
