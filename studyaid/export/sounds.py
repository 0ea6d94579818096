"""The audio an Anki package carries: each word's reading and its example sentence
spoken (``core.output.speech``), named for what is said so that a re-export names the
same file again and Anki keeps one copy; and what the voice says for a sentence
(:func:`voice_text`), which ``say`` and the review's sentence key share with it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from studyaid.core.output.sandhi import TONES
from studyaid.core.output.speech import Speech, spoken_syllables, spoken_text
from studyaid.export.items import VocabItem

if TYPE_CHECKING:
    from studyaid.core.engine.annotate import Annotator
    from studyaid.core.model import Sentence


def voice_text(annotator: Annotator, content: str, tones: str = "spoken",
               readings: Mapping[str, Sequence[str]] | None = None) -> str:
    """What the voice says for ``content``: its words in the readings ``annotate`` gives
    them, in the tones asked for; a word in ``readings`` (a card's word) in the reading
    given there, so that the sentence says it as the card shows it."""
    def read(sentence: Sentence) -> Sentence:
        if readings:
            sentence = replace(sentence, tokens=[
                replace(t, info=replace(t.info, pinyin=tuple(readings[t.text])))
                if t.text in readings and len(readings[t.text]) == len(t.info.pinyin)
                else t for t in sentence.tokens])
        return TONES[tones](sentence)

    return " ".join(spoken_text(read(sentence).tokens)
                    for sentence in annotator.iter_annotate(content))


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
