"""Choosing a polyphone's reading from several opinions, with weights fitted on data.

Each opinion is a feature of a candidate reading: the context model's probability, the
dictionary's reading of the token (one reading, or one of several), pypinyin's reading
of the token, pypinyin's phrase covering the character (which may cross the tokens'
boundaries), whether the reading is a neutral tone. A candidate's score is the weighted
sum of its features; the best score wins, and the softmax of the scores gives the margin
a close call is judged by.

The weights are data (``data/polyphone_weights.toml``), written by
``tools/fit_polyphones.py`` from the CPP development split with cross-validation; they
are not hand-set.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources

from studyaid.core.nlp.pinyin import phrase_reading, pypinyin_reading

FEATURES = (
    "model_log_probability",
    "dictionary_only_reading",
    "dictionary_one_of_readings",
    "token_reading",
    "pypinyin_token",
    "phrase_two",
    "phrase_longer",
    "neutral_tone",
    "dictionary_only_reading_neutral",
    "single_character_token",
    "model_best",
    "model_sure",
)
"""What each weight multiplies, in order (see :func:`features`)."""

WEIGHTS_FILE = "polyphone_weights.toml"
_FLOOR = 1e-6  # the model's probability is never taken as zero
SURE = 0.999
"""The model's probability from which it is taken as sure (a feature of its own; in a
proper noun, enough to reopen what the dictionaries agree on: see :func:`settled`)."""


@dataclass(frozen=True)
class Opinions:
    """What is known of one polyphonic character in its token and sentence."""

    probabilities: dict[str, float]
    """The context model's, for each of the character's readings (the candidates)."""
    dictionary: tuple[str, ...]
    """The dictionary's readings of the token at this character (one per entry)."""
    token_reading: str
    """The token's reading at this character before context (dictionary, pypinyin)."""
    pypinyin: str
    """pypinyin's reading of the whole token at this character."""
    phrase: tuple[str, int] | None
    """pypinyin's phrase covering the character: its reading here and its length."""
    single: bool
    """The token is this one character."""
    proper: bool = False
    """The token is a proper noun in the dictionary (every entry capitalised: 勃艮第,
    德累斯顿): its readings of transliterations are one editor's, and a sure model may
    overrule them (see :func:`settled`)."""

    @cached_property
    def best(self) -> float:
        """The model's highest probability among the candidates."""
        return max(self.probabilities.values(), default=0.0)


def gather(word: str, readings: tuple[str, ...], pinyin: tuple[str, ...], han: int,
           sentence: str, position: int, probabilities: dict[str, float],
           proper: bool = False) -> Opinions:
    """The opinions on the ``han``-th Han character of token ``word`` (dictionary
    ``readings``, reading before context ``pinyin``; ``proper``: a proper noun), at
    ``position`` in ``sentence`` (in simplified characters, as the model reads it)."""
    return Opinions(
        probabilities,
        _dictionary_at(readings, han),
        pinyin[han] if han < len(pinyin) else "",
        _pypinyin_at(word, han),
        phrase_reading(sentence, position),
        len(word) == 1,
        proper,
    )


def _dictionary_at(readings: tuple[str, ...], han: int) -> tuple[str, ...]:
    """The dictionary's readings of a token at its ``han``-th Han character, once each."""
    return tuple(dict.fromkeys(r.split()[han] for r in readings if len(r.split()) > han))


def _settles(dictionary: tuple[str, ...], pypinyin: str) -> bool:
    """CC-CEDICT has one reading and pypinyin shares it (see :func:`settled`)."""
    return len(dictionary) == 1 and dictionary[0] == pypinyin


@lru_cache(maxsize=65536)
def _pypinyin_at(word: str, han: int) -> str:
    syllables = pypinyin_reading(word)
    return syllables[han] if han < len(syllables) else ""


def features(candidate: str, opinions: Opinions) -> list[float]:
    """The feature vector of one candidate reading (same order as :data:`FEATURES`)."""
    dictionary = opinions.dictionary
    only = len(dictionary) == 1 and dictionary[0] == candidate
    phrase = opinions.phrase
    neutral = candidate.endswith("5")
    probabilities = opinions.probabilities
    probability = probabilities.get(candidate, 0.0)
    best = opinions.best
    return [
        math.log(max(probability, _FLOOR)),
        float(only),
        float(len(dictionary) > 1 and candidate in dictionary),
        float(candidate == opinions.token_reading),
        float(candidate == opinions.pypinyin),
        float(phrase is not None and phrase[1] == 2 and phrase[0] == candidate),
        float(phrase is not None and phrase[1] > 2 and phrase[0] == candidate),
        float(neutral),
        float(only and neutral),
        float(opinions.single and candidate == opinions.token_reading),
        float(probability == best),
        float(probability >= SURE),
    ]


@cache
def load_weights() -> tuple[float, ...]:
    """The fitted weights, one per feature."""
    text = resources.files("studyaid.data").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    data = tomllib.loads(text)["weights"]
    return tuple(float(data[name]) for name in FEATURES)


def settled(opinions: Opinions) -> str | None:
    """The reading two dictionaries agree on, which no model overrules: CC-CEDICT has
    one reading for the token and pypinyin's phrase data reads it the same.

    In a common word the model, however sure, is not let overrule them: on CPP it is
    right more often than not when it disagrees with both, but in running text it reads
    着手 zhe, 的士 de, 没完没了 le, 讨价还价 hai, 相声 xiāng, 种植 zhǒng, 划船 huà. In a
    proper noun it is (when sure): the dictionaries' readings of transliterations and
    place names are one editor's choice, and the model learnt prevailing usage from a
    large labelled corpus (勃艮第 Bógèndì, 德累斯顿 Déléisīdùn, 塞尔维亚 Sài'ěrwéiyà).
    Measured on CPP dev (``tools/fit_polyphones.py``): +0.3 points, all 34 changed
    readings matching CPP; by the dictionaries' standard two of those places read worse
    (黄陂 bēi, 覃塘 Qín), as CPP reads them."""
    if not _settles(opinions.dictionary, opinions.pypinyin):
        return None
    reading = opinions.dictionary[0]
    if opinions.proper and any(p >= SURE and c != reading
                               for c, p in opinions.probabilities.items()):
        return None  # weighed with the other opinions
    return reading


def agreed(word: str, readings: tuple[str, ...], han: int, proper: bool = False) -> bool:
    """Whether the dictionaries settle the ``han``-th Han character of token ``word``
    (dictionary ``readings``; ``proper``: a proper noun) on their own, as :func:`settled`
    would whatever the model says: asking the model about it is wasted."""
    # One reading or none first: most tokens are settled or not without pypinyin.
    return not proper and len(readings) == 1 and _settles(_dictionary_at(readings, han),
                                                          _pypinyin_at(word, han))


def choose(opinions: Opinions, weights: tuple[float, ...] | None = None) -> tuple[str, float]:
    """The best reading and its margin: its probability minus the runner-up's, from the
    softmax of the scores (a :func:`settled` reading: margin 1)."""
    agreed = settled(opinions)
    if agreed is not None:
        return agreed, 1.0
    weights = weights or load_weights()
    scores = {c: sum(w * f for w, f in zip(weights, features(c, opinions), strict=True))
              for c in opinions.probabilities}
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    top = ranked[0][1]
    exps = [math.exp(score - top) for _, score in ranked]
    total = sum(exps)
    second = exps[1] / total if len(exps) > 1 else 0.0
    return keep_neutral(ranked[0][0], opinions.dictionary), exps[0] / total - second


def keep_neutral(chosen: str, dictionary: tuple[str, ...]) -> str:
    """``chosen``, or the dictionary's neutral tone of the same syllable when that is the
    dictionary's one reading here: 头发 tóufa, 认识 rènshi, 衣服 yīfu, as CC-CEDICT and
    Pleco write them; and its erhua ``r5`` for an ``er`` (一会儿 yīhuìr). The model has no
    neutral-tone class for most characters (CPP writes these words with full tones: 头发
    fā, 认识 shí), so it can only choose the syllable."""
    if len(dictionary) != 1 or chosen == dictionary[0] or not dictionary[0].endswith("5"):
        return chosen
    kept = dictionary[0]
    if kept[:-1] == chosen[:-1] or (kept == "r5" and chosen[:-1] == "er"):
        return kept
    return chosen
