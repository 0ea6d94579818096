"""Idioms and proverbs: found by span in the text, with notes from three sources.

Spans are matched on the Han characters alone, so an idiom is found however jieba cut
it and even across punctuation (杀敌一千，自损八百 / 杀敌一千,自损八百). Sources: the
project's own English notes (shipped in the package), CC-CEDICT entries marked
(idiom)/(proverb)/(saying), and the chinese-xinhua chengyu list (Chinese explanation
and origin).
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources

from studyaid.core.dictionary.index import Dictionary, Entry
from studyaid.core.errors import StudyaidError
from studyaid.core.model import IdiomMatch, Note
from studyaid.core.nlp.pinyin import HAN, join_word, to_marks

MIN_LENGTH = 4
"""Shorter "idioms" (2-3 characters) are ordinary words for a reader; they are not marked."""
# What may stand between the characters of an idiom: punctuation and spaces, not words.
_GAP = re.compile(r"^[\s\W_]*$")


_NOTE_FIELDS = ("reading", "literal", "figurative", "usage", "origin", "traditional")


def load_notes(text: str | None = None, name: str = "idiom_notes.toml") -> dict[str, Note]:
    """The project's idiom notes (from the package unless ``text`` is given)."""
    if text is None:
        text = resources.files("studyaid.data").joinpath(name).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise StudyaidError(f"invalid TOML: {exc}", name) from None
    notes = {}
    for word, fields in data.items():
        missing = [f for f in _NOTE_FIELDS if not isinstance(fields.get(f), str)]
        if missing:
            raise StudyaidError(f"note for {word!r} lacks {', '.join(missing)}", name)
        notes[word] = Note(word, *(fields[f] for f in _NOTE_FIELDS))
    return notes


def _han_key(text: str) -> str:
    return "".join(HAN.findall(text))


class IdiomFinder:
    """Finds idioms in sentences; built once from the dictionary and the notes."""

    def __init__(self, dictionary: Dictionary, notes: dict[str, Note]):
        self.dictionary = dictionary
        self.notes = notes
        # Han-only form -> the headword it stands for (simplified where known).
        self._words: dict[str, str] = {}
        for word, note in notes.items():
            self._words[_han_key(word)] = word
            self._words.setdefault(_han_key(note.traditional), word)
        for simp, trad in dictionary.idiom_headwords():
            self._words.setdefault(_han_key(simp), simp)
            self._words.setdefault(_han_key(trad), simp)
        self._words = {k: v for k, v in self._words.items() if len(k) >= MIN_LENGTH}
        self._prefixes = {key[:MIN_LENGTH] for key in self._words}
        self._longest = max((len(k) for k in self._words), default=0)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[IdiomMatch]:
        """Idioms in ``text[start:end]``, longest first where they overlap, in order."""
        end = len(text) if end is None else end
        chars = [(m.group(), m.start()) for m in HAN.finditer(text, start, end)]
        han = "".join(c for c, _ in chars)
        found: list[IdiomMatch] = []
        i = 0
        while i <= len(han) - MIN_LENGTH:
            if han[i : i + MIN_LENGTH] not in self._prefixes:
                i += 1
                continue
            match = None
            for length in range(min(self._longest, len(han) - i), MIN_LENGTH - 1, -1):
                word = self._words.get(han[i : i + length])
                if word is None:
                    continue
                s, e = chars[i][1], chars[i + length - 1][1] + 1
                inner = text[s:e]
                if all(_GAP.match(gap) for gap in HAN.split(inner)):
                    match = self._describe(word, text[s:e], s, e)
                    i += length
                    break
            if match:
                found.append(match)
            else:
                i += 1
        return found

    def _describe(self, word: str, text: str, start: int, end: int) -> IdiomMatch:
        note = self.notes.get(word)
        chengyu = self.dictionary.chengyu(_han_key(word)) or self.dictionary.chengyu(word)
        chinese = chengyu.explanation if chengyu else ""
        origin = chengyu.derivation if chengyu else ""
        if note is not None:
            marks = join_word([to_marks(s) for s in note.reading.split()])
            return IdiomMatch(text, start, end, word, note.english, chinese, "studyaid",
                              note, note.origin or origin, marks)
        entries = self.dictionary.idiom_entries(word) or list(self.dictionary.entries(word))
        if entries:
            english = "; ".join(entries[0].definitions)
            return IdiomMatch(text, start, end, word, english, chinese, "cc-cedict", None, origin)
        # Only the chengyu list has it: English built from the characters, marked literal.
        english = literal_gloss(self.dictionary, word, chengyu.pinyin if chengyu else "")
        return IdiomMatch(text, start, end, word, english, chinese, "xinhua", None, origin)


LITERAL = "lit., character by character: "
"""How a gloss built from an idiom's characters begins: it is not the idiom's meaning."""
_REFERENCE = re.compile(r"^(?:(?:old |archaic |unofficial |Japanese )?variant of|see |same as"
                        r"|used in|erhua variant|abbr\. for|surname )")
_PARENTHESES = re.compile(r"\s*\([^)]*\)|\s*\[[^\]]*\]")


def character_sense(dictionary: Dictionary, char: str, reading: str = "") -> str:
    """A character's first CC-CEDICT sense, short (杀 "to kill", 草 "grass"): from an entry
    read ``reading`` (tone marks, ``cǎo``) where one is, common before proper nouns, a
    sense of its own before a cross-reference or a surname; "" when the dictionary lacks
    the character."""
    entries = dictionary.entries(char)
    if not entries:
        return ""

    def rank(entry: Entry) -> tuple[bool, bool, bool]:
        return (bool(reading) and entry.pinyin_marks.lower() != reading.lower(),
                entry.pinyin[:1].isupper(),
                all(_REFERENCE.match(d) for d in entry.definitions))

    best = min(entries, key=rank)
    senses = [d for d in best.definitions if not _REFERENCE.match(d)] or [
        d.split(": ", 1)[-1] for d in best.definitions]  # "variant of 草[cao3]: grass; …"
    first = senses[0].split(";")[0]
    # "(possessive particle, literary equivalent of 的[de5])": all in brackets, unwrapped.
    return _PARENTHESES.sub("", first).strip() or _PARENTHESES.sub("", first.strip("() "))


def literal_gloss(dictionary: Dictionary, word: str, reading: str = "") -> str:
    """English for an idiom no source translates, built from its characters and marked as
    literal: ``lit., character by character: 杀 to kill + 人 person + 如 as + 草 grass``.
    ``reading`` (the chengyu list's, tone marks, one syllable per character) picks each
    character's sense where it has several readings."""
    chars = HAN.findall(word)
    syllables = [s for s in re.split(r"[\s,，]+", reading) if s]
    if len(syllables) != len(chars):
        syllables = [""] * len(chars)
    parts = [f"{char} {sense}" if (sense := character_sense(dictionary, char, syllable))
             else char for char, syllable in zip(chars, syllables, strict=True)]
    return LITERAL + " + ".join(parts)
