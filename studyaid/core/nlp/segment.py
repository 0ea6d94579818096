"""Segmentation: the one module that talks to jieba.

Text is cut into tokens with character offsets. Runs of Latin letters and digits
(``OpenAI``, ``GPT-4``, ``3.5``, full-width ``ＧＰＴ``, ``Müller``) and characters with
their modifiers (emoji ZWJ sequences, flags, combining marks) are kept whole before
jieba sees the rest; jieba runs in precise mode with the learner's lexicon: words to merge are added
to its dictionary with a frequency that wins, and splits break a token into its parts.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

# Latin words, numbers and things like GPT-4, C++, Q*, 3.5, ＧＰＴ－４, Wi-Fi, Müller,
# lǜsè (accents precomposed or combining) stay whole.
_ALNUM = r"(?:[A-Za-z0-9Ａ-Ｚａ-ｚ０-９\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f][\u0300-\u036f]*)"
# A character with what modifies it stays one token, as it is one glyph on screen: an
# emoji ZWJ sequence (👩‍💻), a flag (🇨🇳), a keycap (1️⃣), a skin tone, a variation
# selector, a combining mark. Han characters are left to jieba.
_MODIFIER = r"[\u0300-\u036f\u20d0-\u20ff\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"
_CLUSTER = (
    r"[\U0001f1e6-\U0001f1ff]{2}"
    r"|[^\s\u200d\u3000-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
    r"(?:" + _MODIFIER + r"|\u200d[^\s\u200d\u3000-\u9fff])+"
)
_WORD = _ALNUM + r"+(?:[-_.'’／/－．]" + _ALNUM + r"+)*[+*＋＊#]*"
_LATIN = re.compile(_WORD)
_LATIN_OR_CLUSTER = re.compile(_CLUSTER + "|" + _WORD)
# Most text has no modifier at all: one quick search spares the cluster pattern's cost.
_HAS_MODIFIER = re.compile(_MODIFIER + r"|[\u200d\U0001f1e6-\U0001f1ff]")

_PARTICLES = frozenset("的地得了着过吗呢吧啊")
_TAGGED = re.compile(r"^(\S+) \d+ (\S+)", re.M)
_RARE = 50


@dataclass(frozen=True)
class Lexicon:
    """The learner's own segmentation rules: words to keep whole and words to split."""

    merges: frozenset[str] = frozenset()
    splits: dict[str, tuple[str, ...]] = field(default_factory=dict)


class Segmenter:
    """Cuts text into ``(token, start, end)`` triples; one jieba dictionary per instance."""

    def __init__(
        self, lexicon: Lexicon | None = None, normalise: Callable[[str], str] | None = None
    ):
        """``normalise`` maps a chunk to a same-length form jieba knows better (traditional
        to simplified); tokens are cut there and taken from the original text."""
        # Imported here: a process that only shows cached annotations never loads jieba.
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self.lexicon = lexicon or Lexicon()
        self.normalise = normalise
        self._jieba = jieba.Tokenizer()
        self._ready = False

    def _initialise(self) -> None:
        # jieba's own initialize() loads a 9 MB marshal cache, which on Python 3.11 is
        # slower than building the prefix dictionary from dict.txt (measured: 0.87 s
        # against 0.69 s) and writes a file to /tmp; build it directly instead.
        tokenizer = self._jieba
        with tokenizer.get_dict_file() as handle:
            tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(handle)
        tokenizer.initialized = True
        # Our merges go in after that.
        for word in sorted(self.lexicon.merges):
            self._jieba.add_word(word, freq=self._jieba.suggest_freq(word, tune=False) + 1)
        self._ready = True

    def _cut(self, text: str) -> Iterator[str]:
        """jieba's precise mode, except that a rare "word" starting with a particle
        (地走了, frequency 3 in jieba's dictionary, or one its HMM invented) is cut
        after the particle: 慢慢地走了 reads 慢慢 / 地 / 走了. Not when the particle
        begins a common word there (地理位置, 了解到: 地理 and 了解 are words)."""
        freq = self._jieba.FREQ
        for word in self._jieba.cut(text):
            if (len(word) > 2 and word[0] in _PARTICLES and freq.get(word, 0) < _RARE
                    and (freq.get(word[:2]) or 0) < _RARE):
                yield word[0]
                yield from self._jieba.cut(word[1:], HMM=False)
            else:
                yield word

    def _jieba_tokens(self, chunk: str, offset: int) -> Iterator[tuple[str, int, int]]:
        seen = self.normalise(chunk) if self.normalise else chunk
        splits = self.lexicon.splits
        position = offset
        # jieba.cut, not jieba.tokenize: offsets are summed here, one generator fewer.
        for word in self._cut(seen):
            end = position + len(word)
            if splits and word in splits:
                for part in splits[word]:
                    start = position - offset
                    yield chunk[start : start + len(part)], position, position + len(part)
                    position += len(part)
            elif seen is chunk:
                yield word, position, end
            else:
                yield chunk[position - offset : end - offset], position, end
            position = end

    def tokenize(self, text: str, offset: int = 0) -> Iterator[tuple[str, int, int]]:
        """Yield ``(token, start, end)`` covering ``text`` exactly; offsets add ``offset``."""
        if not self._ready:
            self._initialise()
        position = 0
        pattern = _LATIN_OR_CLUSTER if _HAS_MODIFIER.search(text) else _LATIN
        for match in pattern.finditer(text):
            if match.start() > position:
                yield from self._jieba_tokens(text[position : match.start()], offset + position)
            yield match.group(), offset + match.start(), offset + match.end()
            position = match.end()
        if position < len(text):
            yield from self._jieba_tokens(text[position:] if position else text, offset + position)

    def cut(self, text: str) -> list[str]:
        """The tokens of ``text`` as strings."""
        return [token for token, _, _ in self.tokenize(text)]


def parse_lexicon_lines(lines: Iterable[str]) -> Lexicon:
    """Build a Lexicon from already validated lines: ``word`` merges, ``X Y`` splits."""
    merges: set[str] = set()
    splits: dict[str, tuple[str, ...]] = {}
    for line in lines:
        parts = tuple(line.split())
        if len(parts) == 1:
            merges.add(parts[0])
        elif parts:
            splits["".join(parts)] = parts
    return Lexicon(frozenset(merges), splits)


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """Each word of jieba's dictionary with its part-of-speech tag (n noun, v verb, m
    numeral, q measure word, r pronoun, f locative, p preposition, d adverb …): read once
    from the file (0.3 s), not through jieba.posseg, which would tag every token."""
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    return dict(_TAGGED.findall(text))
