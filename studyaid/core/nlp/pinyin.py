"""Readings (pinyin): the one module that talks to pypinyin, and the pinyin styles.

Readings are kept internally as CC-CEDICT-style numbered syllables, lowercase, one per
Han character: ``wei1``, ``de5`` for the neutral tone, ``lu:4`` for lǜ. A style turns
them into what the learner asked for; styles live in a registry.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

# pypinyin is imported where it is used: loading it costs ~0.3 s and ~55 MB (its phrase
# data), which the reader's process, showing cached annotations, does not need.

HAN = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
"""One Han character (CJK unified ideographs, extensions A-G, compatibility forms, 〇)."""


def han_count(text: str) -> int:
    """How many Han characters ``text`` has."""
    return len(HAN.findall(text))


def has_han(text: str) -> bool:
    """Whether ``text`` has at least one Han character."""
    return HAN.search(text) is not None


_CITATION = {"一": "yi1", "不": "bu4"}


def _no_reading(chars: str) -> list[str]:  # pypinyin accepts a list; its stub says str
    return ["" for _ in chars]


def pypinyin_reading(word: str) -> list[str]:
    """pypinyin's reading of one token, numbered, one syllable per Han character.

    The token is passed whole, so pypinyin reads it as one word rather than
    re-segmenting the sentence (微软和OpenAI stays hé, not huo). Traditional text is read
    through its simplified form, which pypinyin's phrase data is written in (來得 is not
    in it, 来得 lái de is; OpenCC converts by phrase, so 乾隆 stays qián).
    """
    from pypinyin import Style, pinyin

    from studyaid.core.nlp.script import simplified_for_segmentation

    han = "".join(HAN.findall(simplified_for_segmentation(word)))
    result = pinyin(
        han, style=Style.TONE3, neutral_tone_with_five=True, v_to_u=False, errors=_no_reading,  # type: ignore[arg-type]
    )
    syllables = [item[0].replace("v", "u:") if item and item[0] else "" for item in result]
    # pypinyin's phrase data writes some 一/不 words with their spoken tone change
    # (一个 yí gè); readings here are citation tones, as CC-CEDICT and Pleco show them.
    syllables = [_CITATION.get(ch, s) if s else s for ch, s in zip(han, syllables, strict=False)]
    if len(syllables) != len(han):
        return syllables[: len(han)] + [""] * (len(han) - len(syllables))
    return syllables


PHRASE_LONGEST = 8
"""Longest phrase of pypinyin's phrase data tried around a character."""


def phrase_reading(sentence: str, index: int) -> tuple[str, int] | None:
    """The reading of ``sentence[index]`` in the longest phrase of pypinyin's phrase data
    (two characters or more) that covers it, and that phrase's length; None when no
    phrase covers it. A second opinion beside the segmentation: the phrase may cross
    token boundaries (jieba's 弄得 is not a dictionary word; 弄 in pypinyin's 弄得 is).
    ``sentence`` is in simplified characters, as the data is written (the annotator
    passes the simplified form it gives the context model)."""
    from pypinyin import Style
    from pypinyin.constants import PHRASES_DICT
    from pypinyin.style import convert

    lengths = _phrase_lengths()
    best: tuple[int, int] | None = None  # (length, start)
    for start in range(max(0, index - PHRASE_LONGEST + 1), index + 1):
        for length in lengths.get(sentence[start], ()):
            if (start + length > index and start + length <= len(sentence)
                    and (best is None or length > best[0])
                    and sentence[start:start + length] in PHRASES_DICT):
                best = (length, start)
                break  # lengths are longest first
    if best is None:
        return None
    length, start = best
    readings = PHRASES_DICT[sentence[start:start + length]]
    if len(readings) != length:
        return None
    numbered = convert(readings[index - start][0], Style.TONE3, strict=False,
                       neutral_tone_with_five=True)
    return numbered.replace("v", "u:").replace("ü", "u:"), length


@lru_cache(maxsize=1)
def _phrase_lengths() -> dict[str, tuple[int, ...]]:
    """For each first character of a phrase in pypinyin's data, the phrases' lengths
    (two to :data:`PHRASE_LONGEST`), longest first: a character tries only those."""
    from pypinyin.constants import PHRASES_DICT

    found: dict[str, set[int]] = {}
    for phrase in PHRASES_DICT:
        if 2 <= len(phrase) <= PHRASE_LONGEST:
            found.setdefault(phrase[0], set()).add(len(phrase))
    return {char: tuple(sorted(lengths, reverse=True)) for char, lengths in found.items()}


_TONE_MARKS = {"1": "\u0304", "2": "\u0301", "3": "\u030c", "4": "\u0300"}
"""Combining tone marks: macron, acute, caron, grave."""


@lru_cache(maxsize=8192)
def to_marks(syllable: str) -> str:
    """``lu:4`` -> ``lǜ``, ``An1`` -> ``Ān``, ``de5`` -> ``de``, ``m2`` -> ``ḿ``: the mark on
    the vowel the pinyin rules give (a or e; o of ou; else the last vowel), capitals kept;
    an empty syllable, a letter or a punctuation mark (CC-CEDICT's ``A``, ``·``) passes
    through."""
    tone = syllable[-1:]
    if not tone or tone not in "012345":
        return syllable
    body = syllable[:-1].replace("u:", "ü").replace("U:", "Ü").replace("v", "ü").replace("V", "Ü")
    mark = _TONE_MARKS.get(tone)
    at = _mark_position(body.lower())
    if mark is None or at < 0:
        return body
    return unicodedata.normalize("NFC", body[: at + 1] + mark + body[at + 1 :])


def _mark_position(body: str) -> int:
    """Where the tone mark goes in a lowercase toneless syllable, -1 for none."""
    for vowel in "ae":
        if vowel in body:
            return body.index(vowel)
    if "ou" in body:
        return body.index("ou")
    last = max(body.rfind(vowel) for vowel in "iouü")
    if last >= 0:
        return last
    return min((i for i in (body.find("m"), body.find("n")) if i >= 0), default=-1)


def retone(marked: str, syllable: str) -> str:
    """``marked`` (yī, Yī) with the tone of the numbered ``syllable`` (yi2 -> yí, Yí): its
    capital kept; ``r5`` (erhua) is ``r``."""
    out = to_marks(syllable)
    return out[:1].upper() + out[1:] if marked[:1].isupper() else out


def strip_marks(text: str) -> str:
    """``Fǔdǐ`` -> ``fudi``, ``lǜ`` -> ``lv``: tone marks off, for matching typed pinyin."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    decomposed = decomposed.replace("u\u0308", "v")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def has_marks(text: str) -> bool:
    """Whether ``text`` has pinyin tone marks."""
    return any(
        unicodedata.combining(ch) and ch != "\u0308"
        for ch in unicodedata.normalize("NFD", text)
    )


_APOSTROPHE_BEFORE = frozenset("aoeāáǎàōóǒòēéěè")
"""A syllable beginning with one of these, inside a word, is set off by an apostrophe."""


def _latin(item: str) -> bool:
    """A Latin letter in a CC-CEDICT reading (AA制 ``A A zhi4``), not a syllable."""
    return len(item) == 1 and "A" <= item <= "Z"


def join_word(syllables: Sequence[str]) -> str:
    """Syllables of one word written as one, as Pleco writes them: xī'ān, Tiān'ānmén; a
    capitalised syllable inside it begins a new word (Máo Zédōng, Běijīng Dàxué), a
    Latin letters stand apart (AA zhì), punctuation keeps its own spacing (Kǎ'ěr·Mǎkèsī,
    yībùzuò, èrbùxiū)."""
    out = ""
    previous = ""
    for syllable in syllables:
        if not syllable:
            continue
        if syllable == ",":
            out += ","
        elif (syllable == "·" or previous == "·" or not out
              or _latin(syllable) and _latin(previous)):
            out += syllable
        elif (previous == "," or _latin(syllable) or _latin(previous)
              or syllable[:1].isupper()):
            out += " " + syllable
        elif syllable[:1] in _APOSTROPHE_BEFORE:
            out += "'" + syllable
        else:
            out += syllable
        previous = syllable
    return out


def capitalised(syllables: Sequence[str], capitals: Sequence[int]) -> list[str]:
    """The syllables with those at the ``capitals`` positions capitalised (a proper noun's
    reading: ``an1 hui1`` with (0,) -> ``An1 hui1``)."""
    out = list(syllables)
    for at in capitals:
        if 0 <= at < len(out):
            out[at] = out[at][:1].upper() + out[at][1:]
    return out


def capitals_of(reading: str) -> tuple[int, ...]:
    """Positions of the capitalised syllables of a CC-CEDICT reading (``Mao2 Ze2 dong1``
    -> (0, 1)): how a proper noun is written."""
    return tuple(i for i, item in enumerate(reading.split())
                 if item[:1].isupper() and not _latin(item))


@dataclass(frozen=True)
class PinyinStyle:
    """How readings are shown: each numbered syllable, a word's syllables together, and
    whether a proper noun's capitals are shown."""

    syllable: Callable[[str], str]
    word: Callable[[Sequence[str]], str]
    capitals: bool


# Pinyin styles: name -> style. Numbered syllables stay as the data writes them,
# lowercase, and need no apostrophe: the digits part them (xi1an1).
STYLES: dict[str, PinyinStyle] = {
    "marks": PinyinStyle(to_marks, join_word, capitals=True),
    "numbers": PinyinStyle(lambda syllable: syllable, "".join, capitals=False),
}


def render(syllables: Sequence[str], style: str) -> list[str]:
    """Numbered syllables in the named style, one by one."""
    convert = STYLES[style].syllable
    return [convert(s) for s in syllables]


def render_word(syllables: Sequence[str], style: str, capitals: Sequence[int] = ()) -> str:
    """A word's numbered syllables written as one word in the named style; in tone marks a
    proper noun's syllables at ``capitals`` capitalised (Ānhuī, Máo Zédōng; numbered:
    an1hui1)."""
    chosen = STYLES[style]
    if chosen.capitals:
        syllables = capitalised(syllables, capitals)
    return chosen.word([chosen.syllable(s) for s in syllables])


_SYLLABLE = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ao|an|ei|en|er|ia|ie|in|iu"
    r"|ou|ua|ue|ui|un|uo|ve|vn|a|e|i|o|u|v)"
    r"|hng|hm|ng|m|n|ê)r?[1-5]?|r[1-5]?"
)
"""One pinyin syllable in our numbered spelling (``v`` for ü), an optional erhua ``r``
and tone digit, or the erhua ``r5`` alone. A grammar of initials and finals: it admits a
few combinations Mandarin does not use (``bia``), and refuses what is not pinyin at all
(``hxang``, ``ba6``)."""

_SPLIT = re.compile(r"[\s'’·,，]+|(?<=[1-5])(?=[a-zêü])")


_MARK_TONE = {mark: tone for tone, mark in _TONE_MARKS.items()}


def _split_marked(word: str) -> list[str]:
    """A word in tone marks (``yínháng``) as numbered syllables (``yin2``, ``hang2``): the
    unmarked letters split into syllables (longest first, backtracking), each taking the
    tone of the mark inside it."""
    base = ""
    tones: dict[int, str] = {}
    for ch in unicodedata.normalize("NFD", word.lower()).replace("u\u0308", "v"):
        if ch in _MARK_TONE:
            tones[len(base) - 1] = _MARK_TONE[ch]
        elif not unicodedata.combining(ch):
            base += ch

    def split(start: int) -> list[int] | None:
        if start == len(base):
            return []
        for end in range(min(len(base), start + 6), start, -1):
            if _SYLLABLE.fullmatch(base[start:end]):
                rest = split(end)
                if rest is not None:
                    return [end, *rest]
        return None

    ends = split(0)
    if ends is None:
        raise ValueError(word)
    starts = [0, *ends[:-1]]
    return [base[s:e] + next((t for i, t in tones.items() if s <= i < e), "5")
            for s, e in zip(starts, ends, strict=True)]


def parse_reading(text: str) -> list[str]:
    """A reading the learner typed, as our numbered syllables: ``yin2 hang2``,
    ``yin2hang2``, ``xi1'an1``, ``lü4``/``lv4``/``lu:4`` -> ``lu:4``, tone marks
    (``yínháng``). A syllable
    without a digit or mark is neutral (``de`` -> ``de5``). Raises ValueError naming the
    first syllable that is not pinyin."""
    if has_marks(text.replace("ê", "")):  # ê's circumflex is part of the letter
        text = " ".join(" ".join(_split_marked(part)) for part in _SPLIT.split(text.strip())
                        if part)
    syllables = []
    for part in _SPLIT.split(text.strip().lower()):
        if not part:
            continue
        spelled = part.replace("u:", "v").replace("ü", "v")
        if not _SYLLABLE.fullmatch(spelled):
            raise ValueError(part)
        if not spelled[-1].isdigit():
            spelled += "5"
        bare, tone = spelled[:-1], spelled[-1]
        if bare.endswith("r") and bare not in ("r", "er") and _SYLLABLE.fullmatch(bare[:-1]):
            # erhua written joined (nar3, nǎr) is kept as CC-CEDICT writes it: na3 r5
            syllables += [bare[:-1].replace("v", "u:") + tone, "r5"]
            continue
        syllables.append(spelled.replace("v", "u:"))
    if not syllables:
        raise ValueError(text)
    return syllables
