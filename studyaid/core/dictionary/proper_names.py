"""A name shown as a name, not glossed by its characters.

A token the dictionary lacks is glossed from its parts, and for a name that teaches
nonsense: 祥林嫂 "auspicious + woods + sister-in-law", 纳德拉 "accept + virtue + pull".
When the token is a name its gloss says so and gives its pinyin: "(name) Xiánglín's
wife", "(place) Lǔ town", "(name) Nàdélā". The details panel still lists its characters.

A name is a transliteration (three characters or more of the ones transliteration uses,
or two that jieba tags as a transliterated name: 诺拉), or has a name's shape
(:func:`studyaid.core.nlp.names.is_name_shaped`) and passes stricter tests, since a
wrong "(name)" teaches a wrong thing where the parts were right: 老栓 and 宝儿 but not
老店 or 偷儿 (the character after 老 / 小 is rare in jieba's dictionary; the one before
儿 is rare or tagged a name); 四叔 and 鲁镇 but not 堂伯 or 邻村 (no kinship or common prefix before
the title or place word); 何小仙 but not 许多天 (a surname and two characters, the first
two not an everyday word).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from studyaid.core.nlp.names import is_name_shaped, is_transliteration
from studyaid.core.nlp.pinyin import join_word, to_marks

RARE = 300
"""Below this count in jieba's dictionary a character after 老 / 小 may be a given name."""
COMMON = 100
"""From this count in jieba's dictionary two characters are an everyday word (许多)."""
_NOT_BEFORE_TITLE = frozenset("胞堂表亲舅姨姑婶伯叔大小老邻本合一全各乡山农外远近某每这那此")
"""Characters that, before a kinship or place word, make a common noun (堂伯, 邻村)."""
_KIN_OR_PLACE = frozenset("嫂妈婶叔伯婆爷姑镇庄村坳")
_NOT_INSIDE = frozenset("的地得了着著过是在")
"""Particles and verbs no name holds (张着口 is 张 / 着 / 口)."""

# What a title or kinship word at a name's end says in English; {} is the rest of the
# name in pinyin. Others (柳妈, 赵七爷) are given in pinyin alone.
_TITLES: tuple[tuple[str, str], ...] = (
    ("嫂子", "{}'s wife"), ("嫂", "{}'s wife"), ("婶", "Aunt {}"), ("叔", "Uncle {}"),
)
_PLACES: tuple[tuple[str, str], ...] = (("镇", "{} town"), ("庄", "{} village"),
                                        ("村", "{} village"))
PERSON = "(name)"
PLACE = "(place)"


def _spelled(syllables: Sequence[str]) -> str:
    """Numbered syllables as one capitalised word with tone marks: Xiánglín."""
    word = join_word([to_marks(s) for s in syllables])
    return word[:1].upper() + word[1:]


def is_name(word: str, tag: Callable[[str], str], frequency: Callable[[str], int]) -> bool:
    """Whether ``word`` (simplified, a token the dictionary lacks) is a person's or a
    place's name; ``tag`` gives jieba's part of speech of a word, ``frequency`` its
    count in jieba's dictionary."""
    if is_transliteration(word) and (len(word) >= 3 or tag(word) == "nrt") and len(set(word)) > 1:
        return True
    if (len(word) < 2 or len(set(word)) == 1 or not _NOT_INSIDE.isdisjoint(word)
            or not is_name_shaped(word)):
        return False
    if len(word) == 2 and word[0] in "老小":
        return frequency(word[1]) < RARE
    if len(word) == 2 and word[1] == "儿":
        return tag(word[0]).startswith("nr") or frequency(word[0]) < RARE
    if word[-1] in _KIN_OR_PLACE:
        return word[0] not in _NOT_BEFORE_TITLE
    if len(word) == 3 and word[0] != "阿":
        return frequency(word[:2]) < COMMON
    return word != "阿阿"


def name_gloss(word: str, syllables: Sequence[str], simplified: str,
               tag: Callable[[str], str], frequency: Callable[[str], int]) -> str:
    """The gloss of ``word`` (written ``simplified`` in simplified characters) as a name,
    read as ``syllables`` (numbered, one per character), or "" when it is not one."""
    if len(syllables) != len(word) or not is_name(simplified, tag, frequency):
        return ""
    for suffix, template in _PLACES + _TITLES:
        if simplified.endswith(suffix) and len(word) > len(suffix):
            kind = PLACE if (suffix, template) in _PLACES else PERSON
            rest = _spelled(syllables[: len(word) - len(suffix)])
            return f"{kind} {template.format(rest)}"
    return f"{PERSON} {_spelled(syllables)}"
