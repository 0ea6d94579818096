"""Segmentation: the one module that talks to jieba.

Text is cut into tokens with character offsets. Runs of Latin letters and digits
(``OpenAI``, ``GPT-4``, ``3.5``, full-width ``ＧＰＴ``, ``Müller``) and characters with
their modifiers (emoji ZWJ sequences, flags, combining marks) are kept whole before
jieba sees the rest; jieba runs in precise mode with the learner's lexicon: words to merge are added
to its dictionary with a frequency that wins, and splits break a token into its parts.

jieba's HMM, which makes words of characters its dictionary leaves alone, is not trusted
as it is: it invents words a learner then looks up (亏伊装, 如闰土, 我素, 竹/匾下, 豆撒得).
Its proposals are kept only when they are words the dictionary knows (``known``, CC-CEDICT)
or have the shape of a name (:mod:`studyaid.core.nlp.names`); the other characters stay
single. 的话 is one token ("if") only after a conditional in the same clause.
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from studyaid.core.nlp.names import (
    CLAUSE_ENDS,
    CONDITIONALS,
    TRANSLITERATION,
    is_name_shaped,
    is_transliteration,
    may_join,
    name_or_parts,
)

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


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Latin words; Latin words or clusters; whether a text has a modifier at all (most
    text has none: one quick search spares the cluster pattern's cost). Compiled when
    first cut (20 ms of Unicode ranges): a process that only reads the learner's files
    does not pay for them."""
    return (re.compile(_WORD), re.compile(_CLUSTER + "|" + _WORD),
            re.compile(_MODIFIER + r"|[\u200d\U0001f1e6-\U0001f1ff]"))


_PARTICLES = frozenset("的地得了着过吗呢吧啊")
_TAGGED = re.compile(r"^(\S+) \d+ (\S+)", re.M)
_RARE = 50
RULES = 2
"""Bump when the segmentation rules change: cached annotations cut the old way are then
not found (2: jieba's HMM kept in check, 的话 by its clause)."""
_LONGEST_KNOWN = 4


@dataclass(frozen=True)
class Lexicon:
    """The learner's own segmentation rules: words to keep whole and words to split."""

    merges: frozenset[str] = frozenset()
    splits: dict[str, tuple[str, ...]] = field(default_factory=dict)


class Segmenter:
    """Cuts text into ``(token, start, end)`` triples; one jieba dictionary per instance."""

    def __init__(
        self, lexicon: Lexicon | None = None, normalise: Callable[[str], str] | None = None,
        known: Callable[[str], bool] | None = None, cache: Path | None = None,
    ):
        """``normalise`` maps a chunk to a same-length form jieba knows better (traditional
        to simplified); tokens are cut there and taken from the original text. ``known``
        says whether a dictionary (CC-CEDICT) has a word: a word jieba's HMM proposes is
        kept when it is known (without it, only names are kept). ``cache``: a folder
        where jieba's prefix dictionary is kept once built (see :func:`prefix_dictionary`)."""
        # Imported here: a process that only shows cached annotations never loads jieba.
        jieba = _jieba_module()
        jieba.setLogLevel(logging.WARNING)
        self.lexicon = lexicon or Lexicon()
        self.normalise = normalise
        from jieba import finalseg

        self._jieba = jieba.Tokenizer()
        self._hmm = finalseg.cut
        self.known = known or (lambda word: False)
        self.cache = cache
        self._ready = False

    def _initialise(self) -> None:
        tokenizer = self._jieba
        tokenizer.FREQ, tokenizer.total = prefix_dictionary(tokenizer, self.cache)
        tokenizer.initialized = True
        # Our merges go in after that.
        for word in sorted(self.lexicon.merges):
            self._jieba.add_word(word, freq=self._jieba.suggest_freq(word, tune=False) + 1)
        self._ready = True

    def _cut(self, text: str) -> list[str]:
        """jieba's precise mode without its HMM, each run of single characters then read
        by :meth:`_run`, 的话 checked, a transliterated name made whole. Also, a rare
        "word" starting with a particle (地走了, frequency 3 in jieba's dictionary) is cut
        after the particle: 慢慢地走了 reads 慢慢 / 地 / 走了. Not when the particle begins
        a common word there (地理位置, 了解到: 地理 and 了解 are words)."""
        freq = self._jieba.FREQ
        words: list[str] = []
        run: list[str] = []
        for word in self._jieba.cut(text, HMM=False):
            if len(word) == 1 and "\u4e00" <= word <= "\u9fff":
                run.append(word)
                continue
            if run:
                self._run(run, words, word)
                run = []
            if len(word) == 1:
                words.append(word)
            elif (len(word) > 2 and word[0] in _PARTICLES and freq.get(word, 0) < _RARE
                    and (freq.get(word[:2]) or 0) < _RARE):
                words.append(word[0])
                words.extend(self._jieba.cut(word[1:], HMM=False))
            elif word == "的话" and not _after_conditional(words):
                words.extend(word)
            else:
                words.append(word)
        if run:
            self._run(run, words)
        return _join_transliterations(words)

    def _run(self, run: list[str], words: list[str], after: str = "") -> None:
        """Append the words of ``run``, characters jieba's dictionary left single: its
        HMM's proposals that are known words or names (a name inside one is kept, the
        characters around it stay single); the characters of the others are matched
        against known words again, longest first (谷/歌云 is 谷歌 / 云), and stay single
        when none fits. ``after`` is the word after the run."""
        if len(run) == 1 or self._jieba.FREQ.get(chars := "".join(run)):
            words.extend(run)
            return
        known = self.known
        pending: list[str] = []
        proposals = list(self._hmm(chars))
        last = len(proposals) - 1
        for index, proposal in enumerate(proposals):
            if len(proposal) > 1 and known(proposal):
                self._known_words(pending, words)
                words.append(proposal)
                continue
            if len(proposal) == 1:
                parts = [proposal]
            elif pending and is_name_shaped(pending[-1] + proposal):
                parts = [pending.pop() + proposal]  # 诊何 / 小仙: 何小仙
            else:
                parts = name_or_parts(
                    proposal, pending[-1] if pending else (words[-1][-1] if words else ""),
                    after if index == last else "")
            for part in parts:
                if len(part) == 1:
                    pending.append(part)
                else:
                    self._known_words(pending, words)
                    words.append(part)
        self._known_words(pending, words)

    def _known_words(self, chars: list[str], words: list[str]) -> None:
        """Append ``chars`` as the longest known words that fit, else single; empty it."""
        if len(chars) < 2:
            words.extend(chars)
            chars.clear()
            return
        start = 0
        while start < len(chars):
            for length in range(min(_LONGEST_KNOWN, len(chars) - start), 0, -1):
                word = "".join(chars[start : start + length])
                if length == 1 or (may_join(word) and self.known(word)):
                    words.append(word)
                    start += length
                    break
        chars.clear()

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
        latin, latin_or_cluster, has_modifier = _patterns()
        pattern = latin_or_cluster if has_modifier.search(text) else latin
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

    def frequency(self, word: str) -> int:
        """How often jieba's dictionary counts ``word`` (0 when it lacks it)."""
        if not self._ready:
            self._initialise()
        return self._jieba.FREQ.get(word) or 0


def _jieba_module() -> Any:
    """jieba, imported without setuptools' pkg_resources: jieba asks for it only to open
    its own data files and falls back to a plain open() without it, and importing it
    takes 0.3 s (more than the rest of jieba). An app that imported it already keeps it."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # "not installed"
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


def prefix_dictionary(tokenizer: Any, cache: Path | None) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary (every word and word prefix of its dict.txt with its
    count) and the total count, for ``tokenizer``. Built from dict.txt (0.7 s) and kept
    in ``cache`` as a marshal file, read back in less than half the time; the file is
    named by jieba's version and dict.txt's size and time, so a new jieba builds it
    again, and one that cannot be read (cut short, damaged) is built again and
    replaced. jieba's own cache is not used: it writes to /tmp, and its file loads
    slower than dict.txt builds (measured on Python 3.11)."""
    jieba = _jieba_module()

    with tokenizer.get_dict_file() as handle:
        name = getattr(handle, "name", "")
        try:
            stat = os.stat(name)
            stamp = f"{jieba.__version__}-{stat.st_size}-{stat.st_mtime_ns}"
        except (OSError, TypeError):
            stamp = ""
        path = cache / f"jieba-prefix-{stamp}.marshal" if cache and stamp else None
        if path is not None:
            try:
                freq, total = marshal.loads(path.read_bytes())
                if isinstance(freq, dict) and isinstance(total, int) and total > 0:
                    return freq, total
            except (OSError, EOFError, ValueError, TypeError):
                pass  # not there yet, or damaged: build it again
        freq, total = tokenizer.gen_pfdict(handle)
    if path is not None:
        _keep(path, marshal.dumps((freq, total)))
    return freq, total


def _keep(path: Path, data: bytes) -> None:
    """Write a cache file whole (temp file, rename); old versions of it are removed. A
    cache that cannot be written is not an error: it is built again next time (and a
    temporary file a failed write left, such as one cut short by a full disk, is
    removed, as are those of killed processes)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in [*path.parent.glob("jieba-prefix-*.marshal"),
                    *path.parent.glob(".jieba-prefix-*.tmp")]:
            old.unlink(missing_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _after_conditional(words: list[str]) -> bool:
    """Whether a conditional (如果, 要是 …) comes before, in the clause ``words`` end."""
    for word in reversed(words):
        if word in CONDITIONALS:
            return True
        if word in CLAUSE_ENDS:
            return False
    return False


def _join_transliterations(words: list[str]) -> list[str]:
    """Words with each transliterated name made one: 萨/提/亚 and 纳/德拉 are 萨提亚 and
    纳德拉 (three characters or more of transliteration, at least one of them single)."""
    if not any(word in TRANSLITERATION for word in words):
        return words
    joined: list[str] = []
    start = 0
    while start < len(words):
        end = start
        while end < len(words) and len(words[end]) <= 2 and is_transliteration(words[end]):
            end += 1
        group = words[start:end]
        if (len(group) > 1 and sum(map(len, group)) >= 3
                and any(len(word) == 1 for word in group)):
            joined.append("".join(group))
            start = end
        else:
            joined.append(words[start])
            start += 1
    return joined


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
    jieba = _jieba_module()

    path = Path(jieba.__file__).parent / "dict.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    return dict(_TAGGED.findall(text))
