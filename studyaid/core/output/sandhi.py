"""Spoken tones: 一 and 不 sandhi, third-tone sandhi and erhua, as a display transform.

Readings are stored, cached, carded and exported in citation tones, as CC-CEDICT and
Pleco write them (一个 yī gè, 不是 bù shì, 你好 nǐ hǎo). This module turns a sentence's
readings into the tones a speaker says, for display only (``annotate --tones spoken``,
the reader's ``T``). It is a pure function of the sentence's words and their numbered
syllables: a rule may look at the next syllable, across word boundaries.

The rules, applied to the citation tones (one rule never feeds another):

- 一 yī becomes yí before a 4th tone (一个 yí gè, 一样 yí yàng) and yì before a 1st,
  2nd or 3rd (一天 yì tiān, 一年 yì nián, 一起 yì qǐ, 一点儿 yì diǎnr). It stays yī
  as an ordinal (第一), in numbers (一九九一, 十一), at the end of a word (统一, 唯一,
  之一) or of a phrase (before punctuation or a Latin word), and it is neutral between a
  repeated verb (看一看 kàn yi kàn).
- 不 bù becomes bú before a 4th tone (不是 bú shì, 不要 bú yào); elsewhere it stays bù
  (不好 bù hǎo). CC-CEDICT's neutral 不 (对不起 duìbuqǐ) is left as it is.
- Third tone: two 3rd tones in a row inside a word: the first becomes 2nd (你好 ní hǎo,
  水果 shuí guǒ); a run inside a word becomes 2...2 3 (展览馆 zhán lán guǎn); digits read
  one by one keep their tones (一九九九 yī jiǔ jiǔ jiǔ). Across a
  word boundary only where it is standard and unambiguous: two one-syllable words that
  are both 3rd tone form one two-syllable unit (很好 hén hǎo, 也有 yé yǒu), paired from
  the end of the phrase (我很好 wǒ hén hǎo; 我也很好 wó yě hén hǎo). A one-syllable word
  before a longer one is left (我 喜欢 wǒ xǐhuan), as is a 3rd tone before a neutral
  syllable (CC-CEDICT does not say which tone a neutral syllable had).
- Erhua: CC-CEDICT writes its erhua words with a final ``r5`` (一点儿 yi1 dian3 r5,
  哪儿 na3 r5), shown joined to the word in both modes (yìdiǎnr, nǎr). A word the
  dictionary lacks that ends in 儿 read ér (jieba's 小猫儿) is shown with the r joined
  only in spoken tones; a dictionary word with a full ér (女儿 nǚ'ér, 婴儿) is never
  changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from studyaid.core.model import Sentence, Token
from studyaid.core.nlp.pinyin import HAN, retone
from studyaid.core.output.tones import tone_of

NUMERALS = frozenset("〇零一二三四五六七八九十")
"""Characters that make 一 part of a number read digit by digit (一九九一, 十一)."""
DIGITS = frozenset("〇零一二三四五六七八九")
"""Digits: a number read digit by digit keeps its tones (一九九一 yī jiǔ jiǔ yī)."""


@dataclass(frozen=True)
class Word:
    """One token of a sentence as the transform sees it."""

    text: str
    syllables: tuple[str, ...]
    """Numbered citation syllables, one per Han character of ``text``."""
    in_dictionary: bool = True
    """Whether the dictionary has the word (its erhua is then as the dictionary writes it)."""


@dataclass
class _Syllable:
    char: str
    word: int
    citation: str
    spoken: str

    @property
    def tone(self) -> int:
        return tone_of(self.citation)


def _with_tone(syllable: str, tone: int) -> str:
    return syllable[:-1] + str(tone) if syllable[-1:].isdigit() else syllable


def spoken_tones(words: Sequence[Word]) -> list[tuple[str, ...]]:
    """Each word's syllables in spoken tones (numbered), in the order given."""
    flat: list[_Syllable] = []
    runs: list[list[_Syllable]] = []  # syllables that follow each other with nothing between
    run: list[_Syllable] = []
    for index, word in enumerate(words):
        if not word.syllables:
            if run:
                runs.append(run)
            run = []
            continue
        chars = [ch for ch in word.text if HAN.match(ch)]
        own = [_Syllable(ch, index, s, s) for ch, s in zip(chars, word.syllables, strict=True)]
        flat.extend(own)
        run.extend(own)
    if run:
        runs.append(run)
    for run in runs:
        _third_tones(run, words)
        for i, syllable in enumerate(run):
            before = run[i - 1] if i else None
            after = run[i + 1] if i + 1 < len(run) else None
            if syllable.char == "一" and syllable.citation == "yi1":
                syllable.spoken = _yi(syllable, before, after, words)
            elif syllable.char == "不" and syllable.citation == "bu4":
                if after is not None and after.tone == 4:
                    syllable.spoken = "bu2"
    out = [list(word.syllables) for word in words]
    positions = [0] * len(words)
    for syllable in flat:
        out[syllable.word][positions[syllable.word]] = syllable.spoken
        positions[syllable.word] += 1
    for index, word in enumerate(words):
        if (not word.in_dictionary and len(word.syllables) > 1 and word.text.endswith("儿")
                and word.syllables[-1] in ("er2", "er5")):
            out[index][-1] = "r5"
    return [tuple(syllables) for syllables in out]


def _yi(
    syllable: _Syllable, before: _Syllable | None, after: _Syllable | None,
    words: Sequence[Word],
) -> str:
    if after is None or after.char in NUMERALS:
        return "yi1"
    if before is not None and (before.char == "第" or before.char in NUMERALS):
        return "yi1"
    word = words[syllable.word]
    if len(word.syllables) > 1 and after.word != syllable.word:
        return "yi1"  # the end of a word: 统一, 唯一, 之一
    if before is not None and before.char == after.char:
        return "yi5"  # 看一看
    if after.tone == 4:
        return "yi2"
    if after.tone in (1, 2, 3):
        return "yi4"
    return "yi1"


def _third_tones(run: list[_Syllable], words: Sequence[Word]) -> None:
    """3-3 -> 2-3 inside words, and for pairs of one-syllable words (from the end)."""
    for i in range(len(run) - 1):
        first, second = run[i], run[i + 1]
        if (first.word == second.word and first.tone == 3 and second.tone == 3
                and not (first.char in DIGITS and second.char in DIGITS)):
            first.spoken = _with_tone(first.citation, 2)
    i = len(run) - 1
    while i > 0:
        first, second = run[i - 1], run[i]
        if (first.word != second.word and first.tone == 3 and second.tone == 3
                and len(words[first.word].syllables) == 1
                and len(words[second.word].syllables) == 1):
            first.spoken = _with_tone(first.citation, 2)
            i -= 2
        else:
            i -= 1


def words_of(tokens: Sequence[Token]) -> list[Word]:
    """A sentence's tokens as the transform sees them."""
    return [Word(t.text, t.info.pinyin, bool(t.info.readings)) for t in tokens]


def spoken_marks(sentence: Sentence) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each token's spoken reading, numbered and with tone marks (the marks made from the
    token's cached ones, so the reader needs no pypinyin for them)."""
    out = []
    for token, spoken in zip(sentence.tokens, spoken_tones(words_of(sentence.tokens)),
                             strict=True):
        info = token.info
        if spoken == info.pinyin:
            out.append((info.pinyin, info.marks))
        else:
            marks = tuple(mark if new == old else retone(mark, new)
                          for old, new, mark in zip(info.pinyin, spoken, info.marks, strict=True))
            out.append((spoken, marks))
    return out


def spoken_sentence(sentence: Sentence) -> Sentence:
    """A copy of ``sentence`` whose tokens show spoken tones (for display and output only:
    the annotator's own words are not changed)."""
    tokens = [
        token if spoken == token.info.pinyin
        else Token(token.text, token.start, token.end, replace(token.info, pinyin=spoken))
        for token, spoken in zip(sentence.tokens, spoken_tones(words_of(sentence.tokens)),
                                 strict=True)
    ]
    return replace(sentence, tokens=tokens)


TONES: dict[str, Callable[[Sentence], Sentence]] = {
    "citation": lambda sentence: sentence,
    "spoken": spoken_sentence,
}
"""How tones are shown: as the dictionary writes them (the default), or as spoken."""
