"""annotate(): any text in, annotated sentences out.

The text is segmented once; readings, glosses and idiom spans all come from those
tokens and their offsets. Work per distinct word is memoised, so a long text costs
little more than its segmentation.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from studyaid.core.dictionary.idioms import IdiomFinder
from studyaid.core.dictionary.index import Dictionary, Entry
from studyaid.core.dictionary.lookup import entries_for
from studyaid.core.dictionary.proper_names import name_gloss
from studyaid.core.dictionary.senses import (
    NO_CLAUSE,
    NUMERALS,
    PARTS,
    UNKNOWN,
    UNSURE,
    Clause,
    Senses,
    borrowed,
    definition,
    load_senses,
    tag,
)
from studyaid.core.model import Gloss, Note, Sentence, Token, WordInfo
from studyaid.core.nlp.disambiguate import agreed, choose, gather
from studyaid.core.nlp.g2p import PolyphoneModel
from studyaid.core.nlp.particles import Particle, load_particles, load_preferred_readings
from studyaid.core.nlp.pinyin import HAN, capitals_of, han_count, pypinyin_reading
from studyaid.core.nlp.script import simplified_for_segmentation, to_simplified, to_traditional
from studyaid.core.nlp.segment import Segmenter
from studyaid.core.text.sentences import Span, split_sentences

GLOSS_DEFINITIONS = 4
"""How many dictionary definitions make a token's short gloss."""
PARTS_LONGEST = 8
RARE_NAME = 300
"""Below this count in jieba's dictionary a two-character proper noun made of everyday
characters (临河) is shown with its characters' glosses too."""
_PLACE = re.compile(r"\b(district|county|city|town|village|township|prefecture|province)\b")
CLOSE_CALL = 0.7
"""Below this margin between the two best weighed readings, a reading is a close call.
Measured on CPP dev (5-fold CV, every sentence holding a polyphone): at 0.7, 3.1 % of
the readings are flagged, 28 % of those are wrong, and they hold 35 % of all errors; at
0.5, 1.6 %, 36 % and 24 %. In running text far fewer are flagged (祝福: 50 of 5,038
words; the seed: 2 of 1,278)."""
CONTEXT_BATCH = 256
"""Sentences read together by the polyphone model (one forward pass per batch)."""
CONTEXT_MEMO = 50_000
"""Distinct sentences whose readings in context are remembered (a sentence met again,
like 他说。 or a refrain, is not read again: the model, particle and sense rules see only
the sentence, so they would give the same)."""


def _is_reference_only(entry: Entry) -> bool:
    return all(d.split(" ")[0] in {"variant", "old", "see", "same", "archaic", "used",
                                   "unofficial", "erhua", "euphemistic", "Japanese"}
               for d in entry.definitions)


def _fitting(entries: tuple[Entry, ...], count: int) -> list[Entry]:
    """The entries with one syllable per Han character (``count`` of them)."""
    return [e for e in entries if len(e.syllables) == count]


def _capitals(fitting: list[Entry], pinyin: tuple[str, ...]) -> tuple[int, ...]:
    """The capitalised syllables of ``pinyin`` when every fitting entry read so is a proper
    noun (安徽 An1 hui1: (0,)); () when one is not (黄 huang2 beside the surname Huang2)."""
    read = [e for e in fitting if tuple(e.syllables) == pinyin]
    found = [capitals_of(e.pinyin) for e in read]
    return found[0] if found and all(found) else ()


def _is_surname_only(entry: Entry) -> bool:
    return all(d.startswith("surname ") for d in entry.definitions)


_ASPECT = frozenset("着过了")
"""Aspect particles: read in the neutral tone, they are not the words they begin or end
in the dictionary (点着 diǎnzháo "to light", 过身 guòshēn "to pass away")."""


def _particle_apart(piece: str, syllables: Sequence[str], reading: Sequence[str]) -> bool:
    """Whether ``piece``, read ``reading`` in its word, holds an aspect particle read in
    the neutral tone where the dictionary's entry (``syllables``) reads it in a full one:
    the particle is then not part of that dictionary word."""
    return len(syllables) == len(reading) == len(piece) and any(
        char in _ASPECT and mine.endswith("5") and not theirs.endswith("5")
        for char, mine, theirs in zip(piece, reading, syllables, strict=True))


class Annotator:
    """Annotates texts with one segmenter, dictionary, idiom finder and gloss layer."""

    def __init__(
        self,
        dictionary: Dictionary,
        segmenter: Segmenter,
        glosses: dict[str, Gloss] | None = None,
        notes: dict[str, Note] | None = None,
        particles: dict[str, Particle] | None = None,
        polyphones: PolyphoneModel | None = None,
        senses: Senses | None = None,
        shipped: dict[str, Gloss] | None = None,
        occurrences: dict[int, tuple[str, tuple[str, ...]]] | None = None,
    ):
        self.dictionary = dictionary
        self.segmenter = segmenter
        self.glosses = glosses or {}
        self.shipped = shipped or {}
        """Glosses studyaid ships for this text (gloss source ``shipped``), beneath the
        learner's."""
        self.occurrences = occurrences or {}
        """Readings the learner chose for one occurrence: offset -> (word, syllables)."""
        self._notes = notes or {}
        self._idioms: IdiomFinder | None = None
        self.particles = particles if particles is not None else load_particles()
        self._ruled = frozenset(c for c, p in self.particles.items() if p.default)
        """Particles whose rules always decide (a default): the model need not read them."""
        self.preferred = load_preferred_readings()
        self.polyphones = polyphones
        self._words: dict[str, WordInfo] = {}
        self._proper: dict[str, bool] = {}
        self._in_context: dict[tuple[str, str, bool], WordInfo] = {}
        self._sentences: dict[str, tuple[tuple[str, ...], tuple[WordInfo, ...]]] = {}
        """Each sentence's tokens and their infos once read in context
        (:data:`CONTEXT_MEMO`)."""
        self.senses = senses if senses is not None else load_senses()
        self._sensed: dict[tuple[int, tuple[str, ...], bool], tuple[WordInfo, WordInfo]] = {}
        self._before_measure = self.senses.before_measure()
        self._sense_starts = frozenset(word[0] for word in self.senses.words)
        self._sense_ends = frozenset(word[-1] for word in self.senses.words)
        self._parts_sensed: dict[tuple[str, tuple[str, ...], str, str, int],
                                 tuple[WordInfo, WordInfo]] = {}
        self._part_readings: dict[str, tuple[str, ...]] = {}

    @property
    def idioms(self) -> IdiomFinder:
        """The idiom finder, made when first asked for (0.2 s: a word list needs none)."""
        if self._idioms is None:
            self._idioms = IdiomFinder(self.dictionary, self._notes)
        return self._idioms

    # -- One word -------------------------------------------------------------------

    def dictionary_entries(self, word: str) -> tuple[Entry, ...]:
        """Entries for ``word``, or for its simplified form when it is a variant (什麽)."""
        return entries_for(self.dictionary, word)

    def is_proper_noun(self, word: str) -> bool:
        """Whether every dictionary entry of ``word`` with a syllable per character is a
        proper noun (capitalised reading: 勃艮第 Bo2 gen3 di4), memoised."""
        known = self._proper.get(word)
        if known is None:
            fitting = _fitting(self.dictionary_entries(word), han_count(word))
            known = self._proper[word] = bool(fitting) and all(
                e.pinyin[:1].isupper() for e in fitting)
        return known

    def word(self, word: str) -> WordInfo:
        """Reading and gloss of one token (memoised)."""
        info = self._words.get(word)
        if info is None:
            info = self._words[word] = self._word(word)
        return info

    def _word(self, word: str) -> WordInfo:
        user = self.glosses.get(word)
        own = "user"
        if user is None or not (user.gloss or user.reading):
            shipped = self.shipped.get(word)
            if shipped is not None:
                user, own = shipped, "shipped"
        count = han_count(word)
        if count == 0:
            if user and user.gloss:
                return WordInfo((), user.gloss, own, "")
            return WordInfo((), "", "", "")
        entries = self.dictionary_entries(word)
        fitting = _fitting(entries, count)
        readings = tuple(dict.fromkeys(" ".join(e.syllables) for e in fitting))
        pinyin, reading_source = self._reading(word, user, fitting, readings)
        capitals = _capitals(fitting, pinyin)
        if user and user.gloss:
            return WordInfo(pinyin, user.gloss, own, reading_source, readings,
                            capitals=capitals)
        chosen = self._best_entry(entries, pinyin, word)
        if chosen is not None:
            gloss = "; ".join(chosen.definitions[:GLOSS_DEFINITIONS])
            if self._rare_name_of_words(word, entries):
                # 临河的土场上 is "by the river", not the Linhe district: say both.
                gloss = f"{gloss}{UNSURE}{self._gloss_from_parts(word, pinyin, longest=1)}"
            return WordInfo(pinyin, gloss, "cc-cedict", reading_source, readings,
                            capitals=capitals)
        name = name_gloss(word, pinyin, to_simplified(word), tag, self.segmenter.frequency)
        if name:
            # A name is not glossed by its characters (the details panel lists them), and
            # its reading is capitalised like a dictionary's proper noun.
            return WordInfo(pinyin, name, "name", reading_source, readings, capitals=(0,))
        gloss = self._gloss_from_parts(word, pinyin)
        return WordInfo(pinyin, gloss, "parts", reading_source, readings, capitals=capitals)

    def _reading(
        self, word: str, user: Gloss | None, fitting: list[Entry], readings: tuple[str, ...]
    ) -> tuple[tuple[str, ...], str]:
        if user and user.reading:
            return user.reading, "user"
        if len(readings) == 1:
            return tuple(readings[0].split()), "cc-cedict"
        preferred = self.preferred.get(word)
        if preferred is not None and (preferred in readings or not readings):
            return tuple(preferred.split()), "preferred"
        guess = pypinyin_reading(word)
        if not readings and (known := self.part_readings(word)):
            # The dictionary's words inside the word are read as it reads them (挑重担:
            # 重担 zhòngdàn, where pypinyin or the model may say dān).
            return tuple(mine or theirs for mine, theirs in zip(known, guess, strict=True)), \
                "parts"
        if not readings or " ".join(guess) in readings or "" in guess:
            return tuple(guess), "pypinyin" if not readings else "cc-cedict+pypinyin"
        # pypinyin's guess is not a reading the dictionary knows for this word: take the
        # dictionary's main one (not a surname, not a bare cross-reference).
        main = [e for e in fitting if not _is_surname_only(e) and not _is_reference_only(e)]
        return tuple((main or fitting)[0].syllables), "cc-cedict"

    def part_readings(self, word: str) -> tuple[str, ...]:
        """For a word of Han characters the dictionary lacks, each character's reading in
        the dictionary word covering it among the word's parts (:meth:`_parts`, split as
        pypinyin reads the word: 点着头 zhe is not 点着 zháo), where that word has one
        reading (:meth:`_main_reading`); a character doubled beside one reads as its twin
        (老老少少: 老少 lǎoshào, so shàoshào); "" where no part decides, and () when none
        does. A neutral tone is not taken (老实 lǎoshi, but 老老实实 is shíshí), nor an
        aspect particle (着 过 了: the particle rules and the model read those). Memoised."""
        known = self._part_readings.get(word)
        if known is not None:
            return known
        found = [""] * len(word)
        if len(word) > 1 and han_count(word) == len(word):
            guess = tuple(pypinyin_reading(word))
            at = 0
            for piece in self._parts(word, pinyin=guess if "" not in guess else ()):
                if len(piece) > 1:
                    reading = self._main_reading(piece)
                    for k, syllable in enumerate(reading):
                        if piece[k] not in _ASPECT and not (
                                syllable.endswith("5") and word.count(piece[k]) > 1):
                            found[at + k] = syllable
                at += len(piece)
            for k in range(1, len(word)):
                if word[k - 1] == word[k]:
                    found[k - 1] = found[k - 1] or found[k]
                    found[k] = found[k] or found[k - 1]
        known = self._part_readings[word] = tuple(found) if any(found) else ()
        return known

    def _main_reading(self, word: str) -> tuple[str, ...]:
        """The dictionary's one reading of ``word``, or its one main reading (not a
        surname's, a cross-reference's or a proper noun's; else studyaid's preferred one);
        () when it has several."""
        common = [e for e in _fitting(self.dictionary_entries(word), len(word))
                  if e.pinyin == e.pinyin.lower()]
        readings = {tuple(e.syllables) for e in common}
        if len(readings) > 1:
            readings = {tuple(e.syllables) for e in common
                        if not _is_surname_only(e) and not _is_reference_only(e)}
        if len(readings) == 1:
            return readings.pop()
        preferred = self.preferred.get(word)
        return tuple(preferred.split()) if preferred and tuple(preferred.split()) in readings \
            else ()

    def in_context(self, word: str, reading: str, close_call: bool = False) -> WordInfo:
        """The word read as ``reading`` (numbered, space-separated), gloss to match."""
        key = (word, reading, close_call)
        info = self._in_context.get(key)
        if info is None:
            base = self.word(word)
            pinyin = tuple(reading.split())
            gloss, source = base.gloss, base.gloss_source
            if source == "cc-cedict":
                entry = self._best_entry(self.dictionary_entries(word), pinyin, word)
                if entry is not None:
                    gloss = "; ".join(entry.definitions[:GLOSS_DEFINITIONS])
            elif source == "parts" and pinyin != base.pinyin:
                # Each part glossed in its new reading (穷相 xiàng: a look, not each other).
                gloss = self._gloss_from_parts(word, pinyin)
            capitals = _capitals(_fitting(self.dictionary_entries(word), han_count(word)),
                                 pinyin)
            if source == "name":
                # The name spelled as it is now read (阿长 Ācháng, not pypinyin's Āzhǎng),
                # and capitalised like a proper noun still.
                gloss = name_gloss(word, pinyin, to_simplified(word), tag,
                                   self.segmenter.frequency) or gloss
                capitals = base.capitals
            info = WordInfo(pinyin, gloss, source, "context", base.readings, close_call,
                            capitals)
            self._in_context[key] = info
        return info

    def _apply_particles(self, tokens: list[Token]) -> None:
        """Re-read the common polyphonic particles (得 地 着 了 的 还 …) from their
        neighbours: standalone tokens, and particles inside a token the dictionary lacks
        (jieba's 写得, 地笑, 很长), where the neighbour inside the token is a character."""
        particles = self.particles
        for i, token in enumerate(tokens):
            info = token.info
            if info.reading_source in ("user", "preferred") or not info.pinyin:
                continue
            particle = particles.get(token.text)
            text = token.text
            if particle is None and (info.readings or len(text) < 2
                                     or len(info.pinyin) != len(text)):
                continue  # a dictionary word, a single character, or not all Han
            before = to_simplified(tokens[i - 1].text) if i else ""
            after = to_simplified(tokens[i + 1].text) if i + 1 < len(tokens) else ""
            if particle is not None:
                reading = particle.reading(before, after)
                if reading and reading != " ".join(info.pinyin):
                    token.info = self.in_context(token.text, reading)
                continue
            syllables = [
                self._inside(particles[char], text, k, before, after) or syllable
                if char in particles else syllable
                for k, (char, syllable) in enumerate(zip(text, info.pinyin, strict=True))
            ]
            if tuple(syllables) != info.pinyin:
                token.info = self.in_context(text, " ".join(syllables), info.close_call)

    def _inside(self, particle: Particle, text: str, k: int, before: str, after: str) -> str:
        """The reading of the particle ``text[k]`` inside a token the dictionary lacks
        (the neighbours inside the token are characters), or "" to keep the token's."""
        if particle.suffix and k == len(text) - 1:
            # The suffix reading only where the dictionary has the last two characters as
            # a word read so (老婆子: 婆子 pózi; not 电子 diànzǐ).
            pair = self._one_reading(text[k - 1 :])
            return particle.suffix if pair and pair[-1] == particle.suffix else ""
        if k + 1 < len(text) and (pair := self._one_reading(text[k : k + 2])):
            # The particle begins a dictionary word of one reading inside the token: that
            # word decides (相互了解: 了解 liǎojiě; 别着急: 着急 zháojí).
            return pair[0]
        left = to_simplified(text[k - 1]) if k else before
        right = to_simplified(text[k + 1]) if k + 1 < len(text) else after
        # The rest of the token is a neighbour too (干不了: 干 before 不了).
        rest = to_simplified(text[k + 1 :]) if k + 2 < len(text) else right
        # Else a dictionary word of the token's parts decides (一无所得: 所得 suǒdé).
        part = self.part_readings(text)
        return (particle.ruled(left, right) or particle.ruled(left, rest)
                or (part[k] if part else "") or particle.default)

    def _one_reading(self, word: str) -> list[str]:
        """The syllables of ``word``'s reading when the dictionary has exactly one."""
        readings = self.word(word).readings
        return readings[0].split() if len(readings) == 1 else []

    @staticmethod
    def _best_entry(
        entries: tuple[Entry, ...], pinyin: tuple[str, ...], word: str = ""
    ) -> Entry | None:
        if len(entries) < 2:
            return entries[0] if entries else None
        reading = " ".join(pinyin)

        traditional = to_traditional(word) if word else ""

        def rank(entry: Entry) -> tuple[bool, bool, bool, bool, bool, int]:
            return (
                bool(reading) and " ".join(entry.syllables) != reading,
                _is_reference_only(entry),
                entry.pinyin != entry.pinyin.lower(),  # proper nouns after common words
                _is_surname_only(entry),
                # 当 is 當 (when) far more than 噹 (ding dong): OpenCC's usual form first.
                entry.traditional != traditional and entry.traditional != word,
                -len(entry.definitions),
            )

        return min(entries, key=rank)

    def _rare_name_of_words(self, word: str, entries: tuple[Entry, ...]) -> bool:
        """Whether ``word`` is only a place's name to the dictionary (临河 the Linhe
        district) that is rare as a word (jieba's count) and made of everyday characters,
        so that in a sentence it is as likely the words it is made of (临河的土场: the
        threshing ground by the river). Firms are left alone: 谷歌 is Google."""
        return (len(word) == 2 and bool(entries)
                and all(e.pinyin != e.pinyin.lower() and _PLACE.search(e.definitions[0])
                        for e in entries)
                and self.segmenter.frequency(to_simplified(word)) < RARE_NAME
                and all(any(e.pinyin == e.pinyin.lower() for e in self.dictionary_entries(c))
                        for c in word))

    def _parts(self, word: str, longest: int = PARTS_LONGEST,
               pinyin: tuple[str, ...] = ()) -> list[str]:
        """The dictionary words (else characters) ``word`` is made of: the fewest parts,
        and among as few, the likeliest by jieba's word counts (这时候 is 这 + 时候, not
        这时 + 候 "to wait"; 流水线 is 流水线 whole). With the word's reading (``pinyin``, a
        syllable per character), a part is a word only when the dictionary reads it so:
        点着头 diǎnzhe tóu is 点 + 着 + 头, not 点着 diǎnzháo "to light"; 转过身 zhuǎnguo
        shēn is not 转 + 过身 guòshēn "to pass away"."""
        # best[i]: (parts, -log-likelihood, the parts) of the first i characters.
        best: list[tuple[int, float, tuple[str, ...]]] = [(0, 0.0, ())]
        frequency = self.segmenter.frequency
        read = len(pinyin) == len(word)
        for end in range(1, len(word) + 1):
            options = []
            for start in range(max(0, end - longest), end):
                piece = word[start:end]
                if end - start > 1:
                    entries = self.dictionary_entries(piece)
                    if not entries or (read and all(
                            _particle_apart(piece, e.syllables, pinyin[start:end])
                            for e in entries)):
                        continue
                parts, cost, found = best[start]
                options.append((parts + 1, cost - math.log(frequency(to_simplified(piece)) + 1),
                                (*found, piece)))
            best.append(min(options))
        return list(best[-1][2])

    def _gloss_from_parts(self, word: str, pinyin: tuple[str, ...] = (), before: str = UNKNOWN,
                          after: str = UNKNOWN, clause: Clause = NO_CLAUSE,
                          longest: int = PARTS_LONGEST) -> str:
        """A gloss for a word the dictionary lacks: its longest known words, else characters,
        each glossed in the reading the word has (这场 chǎng: an occasion, not a threshing
        floor) and in the sense its neighbouring parts call for (一场: a classifier); the
        tokens ``before`` and ``after`` the word are the outer parts' neighbours, ``clause``
        the clause around the word."""
        pieces: list[tuple[str, tuple[str, ...]]] = []
        fits = len(pinyin) == han_count(word)
        han_before = 0
        for piece in self._parts(word, longest, pinyin if fits else ()):
            count = han_count(piece)
            pieces.append((piece, pinyin[han_before : han_before + count] if fits else ()))
            han_before += count
        parts = []
        if clause is not NO_CLAUSE:
            # The clause seen from a part: the word's other parts are in it too.
            inside = [*clause.words[: clause.index], *(p for p, _ in pieces),
                      *clause.words[clause.index + 1 :]]
        for k, (piece, reading) in enumerate(pieces):
            entries = self.dictionary_entries(piece)
            entry = self._best_entry(entries, reading, piece)
            if entry is not None:
                around = clause if clause is NO_CLAUSE else Clause(inside, clause.index + k)
                keys = self.senses.choose(
                    piece, pieces[k - 1][0] if k else before,
                    pieces[k + 1][0] if k + 1 < len(pieces) else after, around, reading)
                clause.looked = clause.looked or around.looked
                sense = keys and definition(keys, self._sense_entries(
                    piece, reading, keys, pieces[k - 1][0] if k else before))
                parts.append(f"{piece} {sense or entry.definitions[0]}")
            elif HAN.match(piece):
                parts.append(piece)
        return " + ".join(parts)

    def _sense_entries(self, word: str, pinyin: tuple[str, ...],
                       keys: tuple[str, ...] = (), before: str = "") -> list[Entry]:
        """The entries a sense is chosen from: ``word``'s read as ``pinyin`` first, then
        its others, then those of its simplified form (裏 is only "variant of 裡"), last
        those of the words it stands for in older prose, marked (象: 像's). For the
        measure-word senses (``keys`` beginning with them) after a demonstrative
        (``before``, not a numeral), only the entries read as ``pinyin``: 这和我 is hé
        "and", not 和 huò "classifier for rinses of clothes". After a numeral the
        classifier wins whatever the reading (一只 is zhī "classifier for birds")."""
        reading = " ".join(pinyin)
        entries = self.dictionary_entries(word)
        simplified = to_simplified(word)
        if simplified != word:
            entries += self.dictionary.entries(simplified)
        measure = self.senses.measure
        if (pinyin and measure is not None and measure.senses
                and keys[: len(measure.senses)] == measure.senses
                and not (before and before[-1] in NUMERALS)):
            return [e for e in entries if " ".join(e.syllables) == reading]
        own = sorted(entries, key=lambda e: " ".join(e.syllables) != reading)
        rules = self.senses.words.get(word)
        for other in rules.stands_for if rules else ():
            own += [borrowed(e, other) for e in self.dictionary.entries(other)]
        return own

    def _apply_senses(self, tokens: list[Token]) -> None:
        """Give each token the sense its neighbours call for (see :mod:`senses`), where the
        rules have an opinion and the gloss is the dictionary's."""
        senses = self.senses
        ruled = senses.words
        starts, ends = self._sense_starts, self._sense_ends
        measure = self._before_measure
        previous = ""
        words = [token.text for token in tokens]
        for i, token in enumerate(tokens):
            text = token.text
            before, previous = previous, text
            source = token.info.gloss_source
            if (text not in ruled
                    and (source != "parts" or (text[0] not in starts and text[-1] not in ends))
                    and (not before or (before not in measure and before[-1] not in measure))):
                continue  # no rule can apply: the quick test before the rules' own
            after = tokens[i + 1].text if i + 1 < len(tokens) else ""
            if source == "parts":
                # A part at the word's edge has a neighbour outside it (读 过书).
                token.info = self._parts_in_context(token.info, text, before, after,
                                                    Clause(words, i))
            elif source == "cc-cedict" and (keys := senses.choose(
                    text, before, after, Clause(words, i), token.info.pinyin)):
                if keys == (PARTS,):  # 一家公司: 一 + the classifier 家, not "the whole family"
                    token.info = self._parts_in_context(token.info, text, before, after,
                                                        Clause(words, i), len(text) - 1)
                else:
                    token.info = self._in_sense(text, token.info, keys, before)

    def _parts_in_context(self, info: WordInfo, word: str, before: str, after: str,
                          clause: Clause, longest: int = PARTS_LONGEST) -> WordInfo:
        """``info`` of a word glossed from its parts (of at most ``longest`` characters),
        its parts glossed in the sense the tokens around it call for (memoised per word and
        neighbours, unless a rule looked at the rest of the clause)."""
        key = (word, info.pinyin, before, after, longest)
        memo = self._parts_sensed.get(key)
        if memo is not None and memo[0] is info:
            return memo[1]
        gloss = self._gloss_from_parts(word, info.pinyin, before, after, clause, longest)
        sensed = replace(info, gloss=gloss) if gloss != info.gloss else info
        if not clause.looked:
            self._parts_sensed[key] = (info, sensed)
        return sensed

    def _in_sense(self, word: str, info: WordInfo, keys: tuple[str, ...],
                  before: str = "") -> WordInfo:
        """``info`` with the gloss the sense keys name (memoised per distinct info, keys
        and whether the token before ends in a numeral)."""
        numeral = bool(before) and before[-1] in NUMERALS
        memo = self._sensed.get((id(info), keys, numeral))
        if memo is not None and memo[0] is info:
            return memo[1]
        gloss = definition(keys, self._sense_entries(word, info.pinyin, keys, before))
        sensed = replace(info, gloss=gloss) if gloss and gloss != info.gloss else info
        self._sensed[(id(info), keys, numeral)] = (info, sensed)
        return sensed

    # -- A whole text -----------------------------------------------------------------

    def annotate(self, text: str) -> list[Sentence]:
        """Split, segment, read and gloss ``text``; offsets index ``text``."""
        return list(self.iter_annotate(text))

    def iter_annotate(self, text: str) -> Iterator[Sentence]:
        """Like :meth:`annotate`, one sentence at a time (a long text is never all in memory)."""
        return self.annotate_spans(text, split_sentences(text))

    def segment(self, text: str) -> Iterator[Sentence]:
        """``text``'s sentences cut into the reader's words, each with its reading and
        gloss as a word (none of the in-context steps: the model, the particle and sense
        rules) and no idioms: what a word list needs, several times faster than
        :meth:`annotate`."""
        word, tokenize = self.word, self.segmenter.tokenize
        for index, span in enumerate(split_sentences(text)):
            body = text[span.start : span.end]
            yield Sentence(index, span.start, span.end, body,
                           [Token(token, start, end, word(token))
                            for token, start, end in tokenize(body, span.start)
                            if not token.isspace()], [])

    def annotate_spans(self, text: str, spans: list[Span], first: int = 0) -> Iterator[Sentence]:
        """Annotate the sentences at ``spans`` of ``text``, numbering them from ``first``
        (a reader annotates the sentences around the cursor, not the whole book)."""
        words = self._words
        word = self.word
        tokenize = self.segmenter.tokenize
        batch: list[Sentence] = []
        for index, span in enumerate(spans, first):
            body = text[span.start : span.end]
            tokens = [
                Token(token, start, end, words.get(token) or word(token))
                for token, start, end in tokenize(body, span.start)
                if not token.isspace()
            ]
            idioms = self.idioms.find(text, span.start, span.end)
            batch.append(Sentence(index, span.start, span.end, body, tokens, idioms))
            if len(batch) == CONTEXT_BATCH:
                yield from self._in_context_batch(batch)
                batch = []
        yield from self._in_context_batch(batch)

    def _in_context_batch(self, sentences: list[Sentence]) -> list[Sentence]:
        """Readings and senses that depend on the sentence: the polyphone model for what
        the dictionary leaves open, then the particle rules, then what the learner chose
        for one occurrence, then the sense rules; a sentence read before (same text, so
        same tokens) takes what it got then, unless the learner chose readings for
        occurrences (those depend on where a sentence is, not only on its text)."""
        if self.occurrences:
            self._read_in_context(sentences)
            return sentences
        memo = self._sentences
        fresh: dict[str, Sentence] = {}
        again: list[Sentence] = []
        for sentence in sentences:
            if sentence.text in memo or sentence.text in fresh:
                again.append(sentence)
            else:
                fresh[sentence.text] = sentence
        self._read_in_context(list(fresh.values()))
        read = {text: (tuple(t.text for t in s.tokens), tuple(t.info for t in s.tokens))
                for text, s in fresh.items()}
        for sentence in again:
            tokens, infos = memo.get(sentence.text) or read[sentence.text]
            if tokens == tuple(t.text for t in sentence.tokens):
                for token, info in zip(sentence.tokens, infos, strict=True):
                    token.info = info
            else:  # not cut the same way (one segmenter cuts a text one way): read it
                self._read_in_context([sentence])
        for text, known in read.items():
            if len(memo) >= CONTEXT_MEMO:
                break
            memo[text] = known
        return sentences

    def _read_in_context(self, sentences: list[Sentence]) -> None:
        """The model (in one batch), the particle rules, the learner's choices for
        occurrences and the sense rules, on ``sentences``."""
        if self.polyphones is not None and sentences:
            self._read_polyphones(sentences)
        for sentence in sentences:
            self._apply_particles(sentence.tokens)
            if self.occurrences:
                for token in sentence.tokens:
                    chosen = self.occurrences.get(token.start)
                    if chosen is not None and chosen[0] == token.text:
                        token.info = self.chosen(token.text, chosen[1])
            self._apply_senses(sentence.tokens)

    def chosen(self, word: str, reading: tuple[str, ...]) -> WordInfo:
        """The word read as the learner chose for one occurrence, gloss to match."""
        info = self.in_context(word, " ".join(reading))
        return WordInfo(info.pinyin, info.gloss, info.gloss_source, "user", info.readings,
                        capitals=info.capitals)

    def _model_reads(self, model: PolyphoneModel, char: str, simplified: str) -> bool:
        """Whether ``model`` has a choice to make for ``char`` (read as ``simplified``): a
        polyphone for it, and, when the simplified form differs, one in the dictionary as
        written too (隻 is only zhī, though its simplified 只 is also zhǐ)."""
        return model.is_polyphone(simplified) and (
            simplified == char or len(self.word(char).readings) > 1)

    def _read_polyphones(self, sentences: list[Sentence]) -> None:
        """Read the polyphonic characters the dictionaries leave undecided (CC-CEDICT has
        several readings for the token, or none, or one that pypinyin does not share)
        with the model, in one batch, and weigh its opinion with theirs (see
        :mod:`disambiguate`). The model reads traditional text in its simplified form,
        which it was trained on (祝福's 於 is 于 yú, not the surname Yū)."""
        model = self.polyphones
        assert model is not None
        asks: list[tuple[str, list[tuple[Token, int, int]]]] = []
        for sentence in sentences:
            seen = simplified_for_segmentation(sentence.text)
            chars: list[tuple[Token, int, int]] = []
            for token in sentence.tokens:
                info = token.info
                if (not info.pinyin or info.reading_source in ("user", "preferred")
                        or token.text in self._ruled):
                    continue
                # The characters a dictionary word among the parts reads (挑重担: 重担
                # zhòngdàn) are not asked: on ../shared/data/texts the model read such a
                # character otherwise 15 times, wrong each time (曲尺形 qǔ, 毫不相干 gàn,
                # 屋子里 zǐ: it has no neutral tone for most characters).
                part = self.part_readings(token.text) if info.reading_source == "parts" else ()
                han = 0
                at = token.start - sentence.start
                for offset, char in enumerate(token.text):
                    if HAN.match(char):
                        if not (part and part[han]) and self._model_reads(
                                model, char, seen[at + offset]) and not agreed(
                                token.text, info.readings, han,
                                bool(info.readings) and self.is_proper_noun(token.text)):
                            chars.append((token, han, at + offset))
                        han += 1
            if chars:
                asks.append((seen, chars))
        if not asks:
            return
        guesses = model.guess([(seen, [p for _, _, p in chars]) for seen, chars in asks])
        for (seen, chars), found in zip(asks, guesses, strict=True):
            changed: dict[int, list[str]] = {}
            close: set[int] = set()
            for (token, han, position), guess in zip(chars, found, strict=True):
                if not guess.probabilities:
                    continue
                info = token.info
                opinions = gather(token.text, info.readings, info.pinyin, han, seen,
                                  position, guess.probabilities,
                                  self.is_proper_noun(token.text))
                chosen, margin = choose(opinions)
                reading = changed.setdefault(id(token), list(info.pinyin))
                reading[han] = chosen
                if margin < CLOSE_CALL:
                    close.add(id(token))
            for token, _, _ in chars:
                if id(token) in changed:
                    reading = changed.pop(id(token))
                    is_close = id(token) in close
                    if tuple(reading) != token.info.pinyin or is_close:
                        token.info = self.in_context(token.text, " ".join(reading), is_close)
