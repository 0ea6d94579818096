"""The sense that fits the sentence: rules kept as data (``studyaid/data/senses.toml``).

A word's gloss is otherwise its dictionary entry's first senses, and for the commonest
words that is the wrong one (里 after a noun is "inside", not "li, ancient measure of
length"; 在 before a noun is "at", not "to exist"). A rule looks at the tokens just
before and after the word (or, inside a word the dictionary lacks, at the parts beside
it) and names the CC-CEDICT sense that fits; a measure word after a numeral or a
demonstrative takes its "classifier" sense. When no rule holds and the data lists
several senses as ``unsure``, all of them are shown, separated by " / ": the program
says it cannot tell rather than show a confident wrong sense.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from importlib import resources

from studyaid.core.dictionary.index import Entry
from studyaid.core.errors import StudyaidError
from studyaid.core.nlp.pinyin import HAN
from studyaid.core.nlp.script import to_simplified, to_traditional
from studyaid.core.nlp.segment import word_tags

UNSURE = " / "
"""Between the senses shown when the program cannot tell which one fits."""
UNKNOWN = "?"
"""The tag of a neighbour that is not known (outside a word glossed from its parts): it
matches no condition, so only rules that do not look that way can hold."""
CLAUSE_ENDS = frozenset("，,。；;！!？?：:、…—\n“”「」『』（）()")
"""Tokens that end a clause: a rule's ``clause_before`` and ``clause_after`` look no
further."""
PARTS = "+"
"""The sense key of a rule with ``parts = true``: the word is glossed from its parts there,
each in its own sense (一家公司: 一 one + 家 classifier, not 一家 "the whole family")."""
NUMERALS = "0123456789０１２３４５６７８９〇○零一二三四五六七八九十百千万萬亿億两兩几幾半数數多第"
_NUMERAL = re.compile(f"[{NUMERALS}]+")


def tag(token: str) -> str:
    """The class of a neighbouring token for the rules: jieba's part-of-speech tag (n,
    v, m, q, r, f, p, d …), ``m`` for any numeral, ``eng`` for a Latin word, ``w`` for
    punctuation or no token (the sentence's edge), ``x`` for a word jieba lacks."""
    if not token:
        return "w"
    if token == UNKNOWN:
        return UNKNOWN
    if _NUMERAL.fullmatch(token):
        return "m"
    if not HAN.search(token):
        return "eng" if token[0].isalnum() else "w"
    return word_tags().get(to_simplified(token), "x")


class Clause:
    """The tokens of the clause around one token, found only when a rule asks: ``words``
    are the sentence's tokens as written, ``index`` the token's place among them."""

    def __init__(self, words: Sequence[str], index: int):
        self.words = words
        self.index = index
        self.looked = False
        """Whether a rule looked at the clause (what it chose then depends on it)."""

    @cached_property
    def before(self) -> frozenset[str]:
        """The tokens before the token, back to the clause's start."""
        self.looked = True
        found = []
        for word in reversed(self.words[: self.index]):
            if word in CLAUSE_ENDS:
                break
            found.append(word)
        return frozenset(found)

    @cached_property
    def after(self) -> frozenset[str]:
        """The tokens after the token, up to the clause's end."""
        self.looked = True
        found = []
        for word in self.words[self.index + 1 :]:
            if word in CLAUSE_ENDS:
                break
            found.append(word)
        return frozenset(found)

    @cached_property
    def earlier(self) -> frozenset[str]:
        """The tokens before the token in the whole sentence (不但 …, 还 …)."""
        self.looked = True
        return frozenset(self.words[: self.index])

    @cached_property
    def later(self) -> frozenset[str]:
        """The tokens after the token in the whole sentence (一 …, 就 …)."""
        self.looked = True
        return frozenset(self.words[self.index + 1 :])


NO_CLAUSE = Clause((), 0)
"""No tokens around: a rule that needs its clause does not hold."""


@dataclass(frozen=True)
class SenseRule:
    """Senses that apply when the neighbours fit: the token before is one of ``prev``,
    ends with one of the characters ``prev_end``, or has a tag beginning with one of
    ``prev_tag`` (when any is given), and likewise after (``next``, ``next_tag``); one
    of ``clause_before`` comes earlier in the clause (or one ends with a character of
    ``clause_before_end``), one of ``clause_after`` later; one of ``sentence_before``
    earlier in the sentence, one of ``sentence_after`` later; and the word itself is read
    as one of ``reading`` (numbered syllables joined by spaces: "wei4"), so a rule never
    names a sense of another reading (when given)."""

    senses: tuple[str, ...]
    prev: frozenset[str] = frozenset()
    prev_tag: tuple[str, ...] = ()
    next: frozenset[str] = frozenset()
    next_tag: tuple[str, ...] = ()
    prev_end: str = ""
    clause_before: frozenset[str] = frozenset()
    clause_after: frozenset[str] = frozenset()
    clause_before_end: str = ""
    over_measure: bool = False
    """Tried before the measure-word rule (这本是: originally, not the classifier)."""
    sentence_before: frozenset[str] = frozenset()
    sentence_after: frozenset[str] = frozenset()
    reading: frozenset[str] = frozenset()

    def holds(self, before: str, before_tag: str, after: str, after_tag: str,
              clause: Clause = NO_CLAUSE, pinyin: tuple[str, ...] = ()) -> bool:
        """Whether the rule applies between these neighbours (simplified, with tags), in
        this clause, to the word read as ``pinyin`` (numbered syllables)."""
        return (
            (not self.reading or " ".join(pinyin) in self.reading)
            and _side(self.prev, self.prev_tag, before, before_tag, self.prev_end)
            and _side(self.next, self.next_tag, after, after_tag)
            and (not self.clause_before or not self.clause_before.isdisjoint(clause.before))
            and (not self.clause_before_end
                 or any(word[-1] in self.clause_before_end for word in clause.before))
            and (not self.clause_after or not self.clause_after.isdisjoint(clause.after))
            and (not self.sentence_before
                 or not self.sentence_before.isdisjoint(clause.earlier))
            and (not self.sentence_after
                 or not self.sentence_after.isdisjoint(clause.later)))


def _side(words: frozenset[str], tags: tuple[str, ...], token: str, token_tag: str,
          ends: str = "") -> bool:
    if not words and not tags and not ends:
        return True
    return token in words or token_tag.startswith(tags) or bool(token) and token[-1] in ends


@dataclass(frozen=True)
class WordSenses:
    """One word's rules, tried in order, and what to show when none holds."""

    rules: tuple[SenseRule, ...]
    default: tuple[str, ...] = ()
    """The senses when no rule holds: one (sure), several (unsure), none (the
    dictionary's first senses stand)."""
    stands_for: tuple[str, ...] = ()
    """Words this one is an old form of (象 for 像 in older prose): a rule may name their
    senses, shown marked with the word (see :func:`borrowed`)."""

    def choose(self, before: str, after: str, clause: Clause = NO_CLAUSE,
               over_measure: bool = False, pinyin: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The senses (keys into the definitions) between these neighbours for the word
        read as ``pinyin`` (only from the rules marked ``over_measure`` when that is
        asked)."""
        before_tag, after_tag = tag(before), tag(after)
        for rule in self.rules:
            if ((rule.over_measure or not over_measure)
                    and rule.holds(before, before_tag, after, after_tag, clause, pinyin)):
                return rule.senses
        return () if over_measure else self.default


@dataclass(frozen=True, eq=False)
class Senses:
    """Every word's sense rules, keyed by each written form, and the measure-word rule."""

    words: dict[str, WordSenses]
    measure: SenseRule | None = None
    """For any word with a classifier sense: when it holds, that sense."""

    def choose(self, word: str, before: str, after: str, clause: Clause = NO_CLAUSE,
               pinyin: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The senses that fit ``word`` read as ``pinyin`` between the tokens ``before``
        and ``after`` (any script; "" for the sentence's edge, :data:`UNKNOWN` for not
        known) in ``clause``, or () when the rules have no opinion; ``(PARTS,)`` when the
        word is to be glossed from its parts."""
        before, after = to_simplified(before), to_simplified(after)
        rules = self.words.get(word)
        measure = self.measure
        if measure is not None and measure.holds(before, tag(before), after, tag(after)):
            if rules and (keys := rules.choose(before, after, clause, True, pinyin)):
                return keys
            return measure.senses + (rules.choose(before, after, clause, pinyin=pinyin)
                                     if rules else ())
        return rules.choose(before, after, clause, pinyin=pinyin) if rules else ()

    def before_measure(self) -> frozenset[str]:
        """The tokens after which a word may be a measure word: the demonstratives, and
        the characters a numeral ends with (a quick test before :meth:`choose`)."""
        if self.measure is None:
            return frozenset()
        return self.measure.prev | frozenset(NUMERALS)


def definition(keys: Sequence[str], entries: Sequence[Entry]) -> str:
    """The definitions the keys name, among ``entries`` (the reading's own first): for
    each key, the first definition equal to it, else beginning with it, else holding
    it; joined with :data:`UNSURE` when several are found, "" when none is."""
    found: list[str] = []
    definitions = [d for entry in entries for d in entry.definitions]
    for key in keys:
        for test in (str.__eq__, str.startswith, str.__contains__):
            match = next((d for d in definitions if test(d, key)), None)
            if match is not None:
                if match not in found:
                    found.append(match)
                break
    if len(found) > 1 and found[0].startswith("classifier"):
        return found[0]  # a measure word after a numeral: sure, whatever else it may be
    return UNSURE.join(found)


def borrowed(entry: Entry, word: str) -> Entry:
    """``entry`` of ``word`` with each definition marked as that word's ("to resemble
    (= 像)"): what an old form's rule shows when it names a sense of the word it stands
    for."""
    return replace(entry, definitions=tuple(f"{d} (= {word})" for d in entry.definitions))


def _both_scripts(words: Sequence[str]) -> frozenset[str]:
    """``words`` and their traditional forms (a clause's tokens are compared as written)."""
    return frozenset(words) | frozenset(map(to_traditional, words))


def _rule(spec: dict, key: str = "sense") -> SenseRule:
    senses = PARTS if spec.get("parts", False) is True else spec[key]
    return SenseRule(
        (senses,) if isinstance(senses, str) else tuple(senses),
        frozenset(spec.get("prev", ())), tuple(spec.get("prev_tag", ())),
        frozenset(spec.get("next", ())), tuple(spec.get("next_tag", ())),
        "".join(spec.get("prev_end", ())), _both_scripts(spec.get("clause_before", ())),
        _both_scripts(spec.get("clause_after", ())), "".join(spec.get("clause_before_end", ())),
        bool(spec.get("over_measure", False)),
        _both_scripts(spec.get("sentence_before", ())),
        _both_scripts(spec.get("sentence_after", ())),
        frozenset(spec.get("reading", ())),
    )


def load_senses(name: str = "senses.toml") -> Senses:
    """The sense rules shipped in the package, keyed by the simplified and traditional
    forms of each word (and its ``also`` forms)."""
    text = resources.files("studyaid.data").joinpath(name).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
        measure = data.pop("measure", None)
        words: dict[str, WordSenses] = {}
        for word, spec in data.items():
            default = spec.get("default", ())
            senses = WordSenses(
                tuple(_rule(r) for r in spec.get("rules", [])),
                (default,) if isinstance(default, str) else tuple(default),
                tuple(spec.get("stands_for", ())),
            )
            for form in (word, to_traditional(word), *spec.get("also", ())):
                words[form] = senses
        return Senses(words, _rule(measure) if measure else None)
    except (tomllib.TOMLDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise StudyaidError(f"invalid sense rules: {exc}", name) from None


def shown_first(gloss: str, definitions: Sequence[str]) -> str:
    """The definition a gloss shows first: the longest of ``definitions`` that the gloss's
    first alternative begins with (the gloss joins several with "; "), else that
    alternative."""
    first = gloss.split(UNSURE)[0]
    return max((d for d in definitions if first.startswith(d)), key=len, default=first)
